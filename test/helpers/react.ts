// Driving a rendered window in component tests: let React and its timers settle, press keys.
import { act } from 'react';

export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

export function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): void {
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })));
}

/**
 * Browsers queue selectionchange as a task; happy-dom fires it inside CodeMirror's own update,
 * which then refuses the nested update. Call at the top of a test file that moves the editor's
 * selection.
 */
export function queueSelectionChange(): void {
  const dispatchNow = document.dispatchEvent.bind(document);
  document.dispatchEvent = (event: Event) => (event.type === 'selectionchange' ? (setTimeout(() => dispatchNow(event)), true) : dispatchNow(event));
}
