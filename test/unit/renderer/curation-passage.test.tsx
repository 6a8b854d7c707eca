// @vitest-environment happy-dom
// The curation view's passage: the document around the focused group, with the group marked and
// named by whose version says what; a 5 MB transcript shows one passage, never the whole text.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Annotation, type DocumentSummary } from '../../../electron/contract/api.js';
import { spanGroups } from '../../../electron/contract/curation.js';
import { CurationView } from '../../../renderer/src/curation/CurationView.js';
import { groupsWithin, passageAround, PASSAGE_RADIUS } from '../../../renderer/src/curation/passage.js';
import { press, settle } from '../../helpers/react.js';
import { renderLikeABrowser } from '../../helpers/two-stories.js';

renderLikeABrowser();

const highlight = (id: string, author: string, labelId: string, start: number, end: number): Annotation => ({
  id, documentId: 'doc-1', labelId, start, end, text: '', prefix: '', suffix: '', speakerId: null, note: '', author, authorId: `p-${author}`, createdAt: 't0', updatedAt: 't0',
});

describe('passageAround', () => {
  it('is the whole of a short text, and about the radius either side of a group in a long one, cut at a word’s edge', () => {
    expect(passageAround('A short story.', 2, 7)).toEqual({ from: 0, to: 14 });
    const words = 'word '.repeat(2000);
    const { from, to } = passageAround(words, 5000, 5004);
    expect(from).toBeGreaterThanOrEqual(5000 - PASSAGE_RADIUS);
    expect(to).toBeLessThanOrEqual(5004 + PASSAGE_RADIUS);
    expect(5000 - from).toBeGreaterThan(PASSAGE_RADIUS - 200);
    expect(words.slice(from, from + 4)).toBe('word');
    expect(words[to]).toBe(' ');
  });

  it('finds the groups with a part in a stretch of text', () => {
    const groups = spanGroups([highlight('a', 'Ana', 'quote', 0, 5), highlight('b', 'Ana', 'quote', 10, 20), highlight('c', 'Ana', 'quote', 30, 40)]);
    expect(groupsWithin(groups, 15, 31)).toEqual([1, 2]);
    expect(groupsWithin(groups, 20, 30)).toEqual([]);
  });
});

describe('the passage in the curation view', () => {
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

  const show = async (text: string, annotations: Annotation[]) => {
    const document = { id: 'doc-1', title: 'transcript', curationRejected: [] } as unknown as DocumentSummary;
    act(() => root.render(<CurationView document={document} text={text} annotations={annotations} labels={DEFAULT_LABELS} curator="Eve" perform={() => {}} relabel={() => {}} newId={() => 'x'} say={() => {}} onClose={() => {}} />));
    await settle();
  };
  const focusedMark = () => host.querySelector<HTMLElement>('.curation-passage mark[aria-current]')!;

  it('shows the focused group in its passage, marked with whose version says what, and moves with J', async () => {
    const text = 'The minister said we will build 300,000 homes. Critics called it a fantasy.';
    const at = (part: string) => [text.indexOf(part), text.indexOf(part) + part.length] as const;
    await show(text, [
      highlight('ana-1', 'Ana', 'claim', ...at('we will build 300,000 homes')),
      highlight('ben-1', 'Ben', 'quote', ...at('we will build 300,000 homes')),
      highlight('ben-2', 'Ben', 'quote', ...at('Critics called it a fantasy')),
    ]);
    expect(host.querySelector('.curation-passage')!.textContent).toContain(text);
    expect(focusedMark().textContent).toBe('we will build 300,000 homes');
    expect(focusedMark().getAttribute('aria-label')).toBe('Ana’s version: Claim; Ben’s version: Quote; disagreed');
    press('j', {}, host.querySelector('.curation-groups')!);
    await settle();
    expect(focusedMark().textContent).toBe('Critics called it a fantasy');
    expect(focusedMark().getAttribute('aria-label')).toBe('Ben’s version: Quote; disagreed');
  });

  it('shows one passage of a 5 MB transcript, not the whole text or every group', async () => {
    const line = 'Speaker one: and so the council voted again on the budget for the libraries.\n';
    const text = line.repeat(Math.ceil(5_000_000 / line.length));
    const annotations: Annotation[] = [];
    // 200 groups through the text (happy-dom measures every row as 0 px tall, so the list would render them all).
    for (let i = 0; i < 200; i++) {
      const start = i * line.length * 300 + 13;
      annotations.push(highlight(`a${i}`, 'Ana', 'quote', start, start + 20), highlight(`b${i}`, 'Ben', 'claim', start, start + 20));
    }
    await show(text, annotations);
    const passage = host.querySelector('.curation-passage')!;
    expect(passage.textContent!.length).toBeLessThan(2 * PASSAGE_RADIUS + 200);
    expect(passage.querySelectorAll('mark').length).toBeLessThan(10);
    expect(focusedMark().textContent).toBe(text.slice(13, 33));
  });
});
