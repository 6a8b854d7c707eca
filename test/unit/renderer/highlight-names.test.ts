// Each highlight's accessible name ("Quote by Robert Wood"), kept on its mark decoration; a
// change of speaker or status is a change of the span's key, so the editor redraws its name.
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, DEFAULT_STATUSES } from '../../../electron/contract/api.js';
import { accessibleName, addHighlights, diffSortedSpans, highlightField, removeHighlights, resetHighlights, spanKey, type HighlightSpan } from '../../../renderer/src/editor/highlights.js';

const names = { speakers: new Map([['spk-1', 'Robert Wood'], ['spk-2', 'Joonkook Hwang']]), statuses: new Map(DEFAULT_STATUSES.map((s) => [s.id, s.name])) };
const DOC = 'Robert Wood said the treaty paves the way. Joonkook Hwang agreed.';

function labelsAt(state: EditorState): string[] {
  const out: string[] = [];
  state.field(highlightField).decorations.between(0, state.doc.length, (from, to, deco) => void out.push(`${from}-${to}: ${deco.spec.attributes?.['aria-label']}`));
  return out;
}

describe('a highlight’s accessible name', () => {
  it('says the label, who said it, and a claim’s status', () => {
    expect(accessibleName({ id: 'a', labelId: 'quote', start: 0, end: 1, speakerId: 'spk-1' }, DEFAULT_LABELS, names)).toBe('Quote by Robert Wood');
    expect(accessibleName({ id: 'a', labelId: 'quote', start: 0, end: 1, speakerId: null }, DEFAULT_LABELS, names)).toBe('Quote, unattributed');
    expect(accessibleName({ id: 'a', labelId: 'claim', start: 0, end: 1, speakerId: null, claim: { status: 'unreviewed' } }, DEFAULT_LABELS, names)).toBe('Claim, Unreviewed');
    expect(accessibleName({ id: 'a', labelId: 'claim', start: 0, end: 1, speakerId: 'spk-2', claim: { status: 'unreviewed' } }, DEFAULT_LABELS, names)).toBe('Claim by Joonkook Hwang, Unreviewed');
    expect(accessibleName({ id: 'a', labelId: 'speaker', start: 0, end: 1, speakerId: 'spk-2' }, DEFAULT_LABELS, names)).toBe('Speaker: Joonkook Hwang');
  });

  it('is on the mark, and follows a new speaker once the old mark is removed by its key', () => {
    const before: HighlightSpan = { id: 'q', labelId: 'quote', start: 21, end: 41, speakerId: null };
    const after: HighlightSpan = { ...before, speakerId: 'spk-1' };
    let state = EditorState.create({ doc: DOC, extensions: [highlightField] }).update({ effects: resetHighlights.of({ spans: [before], labels: DEFAULT_LABELS, names }) }).state;
    expect(labelsAt(state)).toEqual(['21-41: Quote, unattributed']);
    // Attributing it is a change the diff sees (same place, same label, another speaker).
    const { added, removed } = diffSortedSpans([before], [after], (a, b) => a.start - b.start);
    expect({ added, removed }).toEqual({ added: [after], removed: [before] });
    state = state.update({ effects: [removeHighlights.of(new Set(removed.map(spanKey))), addHighlights.of(added)] }).state;
    expect(labelsAt(state)).toEqual(['21-41: Quote by Robert Wood']);
  });
});
