// Two short stories the window's component tests share, and the layout happy-dom lacks.
export const HOMES = 'The minister said we will build 300,000 homes. Critics called it a fantasy.';
export const BUDGET = 'The mayor said crime fell by half. Rents doubled.';
export const TWO_STORIES = [
  { id: 'doc-homes', title: 'homes', text: HOMES },
  { id: 'doc-budget', title: 'budget', text: BUDGET },
];

/** Where `part` sits in `text`, as a change's start and end. */
export const span = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

/** React's act() checks on, and boxes given a size so the virtualized lists draw their rows. */
export function renderLikeABrowser(): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
}
