// Two short stories the window's component tests share, and the layout happy-dom lacks.
import type { ImportPlan } from './memory-client';

export const HOMES = 'The minister said we will build 300,000 homes. Critics called it a fantasy.';
export const BUDGET = 'The mayor said crime fell by half. Rents doubled.';
export const TWO_STORIES = [
  { id: 'doc-homes', title: 'homes', text: HOMES },
  { id: 'doc-budget', title: 'budget', text: BUDGET },
];

/** Where `part` sits in `text`, as a change's start and end. */
export const span = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

export const RATES = 'Rates rose again, the bank said. 田中花子 disagreed.';

/**
 * Annotation files over the two stories, as the in-memory client's import finds them: a new
 * document, two new speakers (names no ASCII can tell apart), three highlights (one here
 * already), a verdict that disagrees with the budget claim's False.
 */
export const IMPORT_OVER_TWO_STORIES: ImportPlan = {
  documents: [
    { id: 'doc-homes', title: 'homes', text: HOMES },
    { id: 'doc-rates', title: 'rates', text: RATES },
  ],
  speakers: [
    { id: 'spk-tanaka', name: '田中花子' },
    { id: 'spk-yamada', name: '山田太郎' },
  ],
  highlights: [
    { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
    { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'q-critics', labelId: 'quote', speakerId: 'spk-yamada', ...span(HOMES, 'Critics called it a fantasy') },
    { kind: 'createAnnotation', documentId: 'doc-rates', annotationId: 'q-rates', labelId: 'quote', speakerId: 'spk-tanaka', ...span(RATES, 'Rates rose again') },
  ],
  verdicts: [{ documentId: 'doc-budget', annotationId: 'c-crime', status: 'true', by: 'Bo', from: 'budget.ann' }],
};

/** React's act() checks on, and boxes given a size so the virtualized lists draw their rows. */
export function renderLikeABrowser(): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
}
