import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Annotation } from '../../../electron/contract/api.js';
import {
  diffSortedSpans,
  spansWithKey,
  addHighlights,
  highlightAt,
  highlightField,
  removeHighlights,
  resetHighlights,
  selectHighlight,
  selectedField,
  spanKey,
  type HighlightSpan,
} from '../../../renderer/src/editor/highlights.js';

function ann(id: string, start: number, end: number): Annotation {
  return { id, documentId: 'doc-1', labelId: 'quote', start, end, text: '', prefix: '', suffix: '', speakerId: null, note: '', author: '', createdAt: '', updatedAt: '' };
}

// outer [0,40) ⊃ middle [10,30) ⊃ inner [15,20); "other" [35,50) overlaps outer only.
const outer = ann('outer', 0, 40);
const middle = ann('middle', 10, 30);
const inner = ann('inner', 15, 20);
const other = ann('other', 35, 50);
const all = [other, outer, inner, middle];

describe('highlightAt', () => {
  it('picks the innermost highlight under the click', () => {
    expect(highlightAt(all, 17, null)?.id).toBe('inner');
    expect(highlightAt(all, 12, null)?.id).toBe('middle');
    expect(highlightAt(all, 5, null)?.id).toBe('outer');
    expect(highlightAt(all, 45, null)?.id).toBe('other');
  });

  it('walks outwards on repeated clicks and wraps around to the innermost', () => {
    const seen: string[] = [];
    let current: string | null = null;
    for (let i = 0; i < 4; i++) {
      current = highlightAt(all, 17, current)?.id ?? null;
      seen.push(current!);
    }
    expect(seen).toEqual(['inner', 'middle', 'outer', 'inner']);
  });

  it('a selection elsewhere starts again from the innermost', () => {
    expect(highlightAt(all, 17, 'other')?.id).toBe('inner');
  });

  it('between two overlapping highlights of equal length, the one starting later comes first', () => {
    const a = ann('a', 0, 10);
    const b = ann('b', 5, 15);
    expect(highlightAt([a, b], 7, null)?.id).toBe('b');
    expect(highlightAt([a, b], 7, 'b')?.id).toBe('a');
  });

  it('treats end as exclusive and start as inclusive', () => {
    expect(highlightAt([inner], 15, null)?.id).toBe('inner');
    expect(highlightAt([inner], 19, null)?.id).toBe('inner');
    expect(highlightAt([inner], 20, null)).toBeNull();
    expect(highlightAt([inner], 14, null)).toBeNull();
  });

  it('finds nothing outside every highlight, or in an empty list', () => {
    expect(highlightAt(all, 60, null)).toBeNull();
    expect(highlightAt(all, 50, 'other')).toBeNull();
    expect(highlightAt([], 0, null)).toBeNull();
  });

  it('does not reorder the list it was given', () => {
    const list = [...all];
    highlightAt(list, 17, null);
    expect(list).toEqual(all);
  });
});

describe('highlight decorations', () => {
  const DOC = 'The quick brown fox jumps over the lazy dog.';
  const spans: HighlightSpan[] = [
    { id: 'a', labelId: 'quote', start: 4, end: 9 },
    { id: 'b', labelId: 'claim', start: 10, end: 19 },
    { id: 'bad', labelId: 'quote', start: 40, end: 400 },
    { id: 'empty', labelId: 'quote', start: 5, end: 5 },
  ];

  function ranges(state: EditorState): string[] {
    const out: string[] = [];
    state.field(highlightField).decorations.between(0, state.doc.length, (from, to, deco) => {
      out.push(`${from}-${to}:${deco.spec.attributes?.['data-label']}`);
    });
    return out;
  }

  const fresh = () =>
    EditorState.create({ doc: DOC, extensions: [highlightField, selectedField] }).update({ effects: resetHighlights.of({ spans, labels: DEFAULT_LABELS }) }).state;

  it('draws one mark per valid span, with the label’s colour, and skips spans outside the text', () => {
    const state = fresh();
    expect(ranges(state)).toEqual(['4-9:quote', '10-19:claim']);
    let style = '';
    state.field(highlightField).decorations.between(4, 5, (_from, _to, deco) => {
      style = String(deco.spec.attributes?.style);
    });
    expect(style).toContain('#f2b134');
  });

  it('adds and removes highlights by position and label', () => {
    let state = fresh();
    state = state.update({ effects: addHighlights.of([{ id: 'c', labelId: 'speaker', start: 0, end: 3 }]) }).state;
    expect(ranges(state)).toEqual(['0-3:speaker', '4-9:quote', '10-19:claim']);
    state = state.update({ effects: removeHighlights.of(new Set([spanKey(spans[0]!)])) }).state;
    expect(ranges(state)).toEqual(['0-3:speaker', '10-19:claim']);
    // The same range with another label is a different highlight and stays.
    state = state.update({ effects: removeHighlights.of(new Set([spanKey({ id: 'x', labelId: 'quote', start: 10, end: 19 })])) }).state;
    expect(ranges(state)).toEqual(['0-3:speaker', '10-19:claim']);
  });

  it('moves highlights with edits to the text', () => {
    const state = fresh().update({ changes: { from: 0, insert: '>> ' } }).state;
    expect(ranges(state)).toEqual(['7-12:quote', '13-22:claim']);
    expect(state.doc.sliceString(7, 12)).toBe('quick');
  });

  it('marks the selected highlight with a grip at each end, and clears them with null', () => {
    let state = fresh().update({ effects: selectHighlight.of(spans[1]!) }).state;
    const selected: string[] = [];
    state.field(selectedField).between(0, state.doc.length, (from, to, deco) => void selected.push(`${from}-${to}${deco.spec.widget ? ':grip' : ''}`));
    expect(selected).toEqual(['10-10:grip', '10-19', '19-19:grip']);
    state = state.update({ effects: selectHighlight.of(null) }).state;
    expect(state.field(selectedField).size).toBe(0);
    // A span past the end of the text is not selected.
    state = state.update({ effects: selectHighlight.of(spans[2]!) }).state;
    expect(state.field(selectedField).size).toBe(0);
  });

  it('spanKey is start:end:label', () => {
    expect(spanKey({ id: 'x', labelId: 'claim', start: 3, end: 9 })).toBe('3:9:claim');
  });
});

describe('diffSortedSpans', () => {
  const span = (id: string, start: number, end: number, labelId = 'quote') => ({ id, start, end, labelId });
  const compare = (a: { id: string; start: number; end: number }, b: { id: string; start: number; end: number }) =>
    a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('finds nothing when the lists hold the same objects', () => {
    const list = [span('a', 0, 3), span('b', 5, 9)];
    expect(diffSortedSpans(list, [...list], compare)).toEqual({ added: [], removed: [] });
  });

  it('finds an insertion, a deletion and a relabel in one walk', () => {
    const a = span('a', 0, 3);
    const b = span('b', 5, 9);
    const c = span('c', 12, 14);
    const relabelled = { ...c, labelId: 'claim' };
    const inserted = span('n', 6, 7);
    const { added, removed } = diffSortedSpans([a, b, c], [a, inserted, relabelled], compare);
    expect(added.map((s) => s.id).sort()).toEqual(['c', 'n']);
    expect(removed.map((s) => s.id).sort()).toEqual(['b', 'c']);
  });

  it('ignores a replaced object whose span and label are unchanged (a note edit)', () => {
    const a = span('a', 0, 3);
    expect(diffSortedSpans([a], [{ ...a }], compare)).toEqual({ added: [], removed: [] });
  });
});

describe('spansWithKey', () => {
  it('finds every span with the same start, end and label', () => {
    const list = [
      { id: 'x', start: 0, end: 9, labelId: 'quote' },
      { id: 'a', start: 4, end: 8, labelId: 'quote' },
      { id: 'b', start: 4, end: 8, labelId: 'quote' },
      { id: 'c', start: 4, end: 8, labelId: 'claim' },
      { id: 'd', start: 5, end: 8, labelId: 'quote' },
    ];
    expect(spansWithKey(list, { id: '?', start: 4, end: 8, labelId: 'quote' }).map((s) => s.id)).toEqual(['a', 'b']);
    expect(spansWithKey(list, { id: '?', start: 1, end: 2, labelId: 'quote' })).toEqual([]);
  });
});
