// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Messages, NOTICE_MS } from '../../../renderer/src/components/Messages.js';
import type { Message } from '../../../renderer/src/state/workspace-state.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

describe('Messages', () => {
  it('lets notices leave by themselves and keeps errors until dismissed', () => {
    const dismissed: number[] = [];
    const messages: Message[] = [
      { id: 1, kind: 'error', text: '"photo.txt" looks like a binary file.' },
      { id: 2, kind: 'info', text: 'Highlight deleted.' },
    ];
    act(() => root.render(<Messages messages={messages} onDismiss={(id) => dismissed.push(id)} />));
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('binary file');
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Highlight deleted.');
    act(() => vi.advanceTimersByTime(NOTICE_MS - 1));
    expect(dismissed).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(dismissed).toEqual([2]);
    act(() => vi.advanceTimersByTime(NOTICE_MS * 10));
    expect(dismissed).toEqual([2]);
  });

  it('dismisses a message with its button', () => {
    const dismissed: number[] = [];
    act(() => root.render(<Messages messages={[{ id: 7, kind: 'error', text: 'Not saved.' }]} onDismiss={(id) => dismissed.push(id)} />));
    act(() => host.querySelector<HTMLButtonElement>('button[aria-label="Dismiss"]')!.click());
    expect(dismissed).toEqual([7]);
  });
});
