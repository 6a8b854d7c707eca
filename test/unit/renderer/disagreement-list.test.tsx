// @vitest-environment happy-dom
// The Agreement view's disagreements: grouped by document with counts by kind, a filter by
// kind, each person's version side by side; arrows move, Enter or a click opens one.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { AgreementDialog } from '../../../renderer/src/components/DatasetDialogs.js';
import { DisagreementList, type HighlightTarget } from '../../../renderer/src/components/DisagreementList.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { settle } from '../../helpers/react.js';
import { BUDGET, HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let root: Root;
let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

/** Ana and Ben on both stories: one of each kind in homes, one span only Ben marked in budget. */
async function twoAnnotators(): Promise<MemoryClient> {
  const memory = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES });
  const make = (documentId: string, text: string, annotationId: string, part: string, labelId: string, author: string) => ({ kind: 'createAnnotation' as const, documentId, annotationId, labelId, ...span(text, part), author });
  const { refused } = await memory.applyChanges({
    changes: [
      { kind: 'createSpeaker', speakerId: 'spk-min', name: 'The minister' },
      make('doc-homes', HOMES, 'a-said', 'we will build 300,000 homes', 'quote', 'Ana'),
      make('doc-homes', HOMES, 'b-said', 'we will build 300,000 homes', 'claim', 'Ben'),
      { ...make('doc-homes', HOMES, 'a-min', 'The minister', 'speaker', 'Ana'), speakerId: 'spk-min' },
      make('doc-homes', HOMES, 'b-min', 'The minister', 'speaker', 'Ben'),
      make('doc-homes', HOMES, 'a-fan', 'a fantasy', 'claim', 'Ana'),
      make('doc-homes', HOMES, 'b-fan', 'a fantasy', 'claim', 'Ben'),
      { kind: 'updateAnnotation', documentId: 'doc-homes', annotationId: 'b-fan', claim: { status: 'false' } },
      make('doc-budget', BUDGET, 'a-crime', 'crime fell by half', 'claim', 'Ana'),
      make('doc-budget', BUDGET, 'b-crime', 'crime fell by half', 'claim', 'Ben'),
      make('doc-budget', BUDGET, 'b-rents', 'Rents doubled', 'claim', 'Ben'),
    ],
  });
  expect(refused).toEqual([]);
  return memory;
}

const rows = () => [...host.querySelectorAll<HTMLElement>('[role="option"]')];
const rowText = (row: HTMLElement) => row.textContent!.replace(/\s+/g, ' ').trim();
const listbox = () => host.querySelector<HTMLElement>('[role="listbox"]')!;
const press = (key: string) => act(() => void listbox().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('the disagreement list', () => {
  it('groups by document with counts by kind, each person’s version side by side', async () => {
    const client = await twoAnnotators();
    act(() => root.render(<DisagreementList client={client} onOpen={() => undefined} />));
    await settle();
    expect([...host.querySelectorAll('.disagreement-kinds label')].map((l) => l.textContent!.trim())).toEqual([
      'All (4)',
      'Not marked by all (1)',
      'Labels differ (1)',
      'Speakers differ (1)',
      'Verdicts differ (1)',
    ]);
    expect([...host.querySelectorAll('[role="group"]')].map((g) => g.querySelector('.disagreement-document')!.textContent)).toEqual([
      'homes Labels differ 1 · Speakers differ 1 · Verdicts differ 1',
      'budget Not marked by all 1',
    ]);
    expect(rows().map(rowText)).toEqual([
      'Speakers differ (Speaker)“The minister”Ana: The ministerBen: no speaker',
      'Labels differ“we will build 300,000 homes”Ana: QuoteBen: Claim',
      'Verdicts differ (Claim)“a fantasy”Ana: UnreviewedBen: False',
      'Not marked by all“Rents doubled”Ana: not markedBen: Claim',
    ]);
    expect(host.querySelector('[role="status"]')!.textContent).toMatch(/^4 disagreements in 2 documents\./);
  });

  it('filters by kind, the counts still of every kind', async () => {
    const client = await twoAnnotators();
    act(() => root.render(<DisagreementList client={client} onOpen={() => undefined} />));
    await settle();
    const verdicts = [...host.querySelectorAll<HTMLInputElement>('.disagreement-kinds input')][4]!;
    act(() => verdicts.click());
    await settle();
    expect(rows().map((r) => r.dataset.kind)).toEqual(['verdict']);
    expect(host.querySelector('.disagreement-kinds label')!.textContent!.trim()).toBe('All (4)');
    expect(host.querySelector('[role="status"]')!.textContent).toMatch(/^1 disagreement in 1 document\./);
  });

  it('arrows move, Enter opens the first person’s highlight, a click opens its own row', async () => {
    const opened: HighlightTarget[] = [];
    const client = await twoAnnotators();
    act(() => root.render(<DisagreementList client={client} onOpen={(t) => opened.push(t)} />));
    await settle();
    expect(rows().map((r) => r.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false']);
    press('ArrowDown');
    press('ArrowDown');
    expect(listbox().getAttribute('aria-activedescendant')).toBe(rows()[2]!.id);
    press('Enter');
    press('End');
    press('Enter');
    act(() => rows()[0]!.click());
    expect(opened).toEqual([
      { documentId: 'doc-homes', annotationId: 'a-fan' },
      // Only Ben marked it: his highlight.
      { documentId: 'doc-budget', annotationId: 'b-rents' },
      { documentId: 'doc-homes', annotationId: 'a-min' },
    ]);
  });

  it('says "and N more" when the list is capped', async () => {
    const client = await twoAnnotators();
    const full = client.listDisagreements.bind(client);
    client.listDisagreements = (args) => full({ ...args, limit: 2 });
    act(() => root.render(<DisagreementList client={client} onOpen={() => undefined} />));
    await settle();
    expect(rows()).toHaveLength(2);
    expect(host.querySelector('.disagreements')!.textContent).toContain('and 2 more, not listed');
  });
});

describe('the Agreement view', () => {
  it('shows the disagreements below the numbers once two annotators share a document', async () => {
    const client = await twoAnnotators();
    client.measureAgreement = async () => ({ annotators: ['Ana', 'Ben'], pairs: [{ annotators: ['Ana', 'Ben'], documents: 2, byLabel: {}, kappa: 0.5 }], alpha: null });
    act(() => root.render(<AgreementDialog client={client} onClose={() => undefined} onOpen={() => undefined} />));
    await settle();
    expect(host.querySelector('.disagreements h3')?.textContent).toBe('Disagreements');
    expect(rows()).toHaveLength(4);
  });
});
