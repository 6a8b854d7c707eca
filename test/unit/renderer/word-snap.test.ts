import { EditorSelection, EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { trimRange, wordSnapping } from '../../../renderer/src/editor/word-snap.js';

describe('trimRange', () => {
  const doc = Text.of(['  The mayor said ', '', '\t“We will win.”  ']);

  it('drops spaces, tabs and line breaks at both ends', () => {
    const text = doc.toString();
    const range = trimRange(doc, 0, doc.length);
    expect(range).not.toBeNull();
    expect(text.slice(range!.from, range!.to)).toBe('The mayor said \n\n\t“We will win.”');
    expect(range).toEqual({ from: 2, to: text.lastIndexOf('”') + 1 });
  });

  it('keeps a range that has no white space at its ends', () => {
    expect(trimRange(doc, 2, 5)).toEqual({ from: 2, to: 5 });
  });

  it('returns null for white space only and for an empty range', () => {
    expect(trimRange(doc, 0, 2)).toBeNull();
    expect(doc.sliceString(16, 20)).toBe(" \n\n\t");
    expect(trimRange(doc, 16, 20)).toBeNull();
    expect(trimRange(doc, 3, 3)).toBeNull();
  });

  it('trims a range that starts inside white space in the middle of the text', () => {
    const text = doc.toString();
    const from = text.indexOf('said') + 4;
    const range = trimRange(doc, from, text.indexOf('win') + 3);
    expect(text.slice(range!.from, range!.to)).toBe('“We will win');
  });
});

describe('wordSnapping', () => {
  const DOC = 'The quick brown fox jumps';
  const state = EditorState.create({ doc: DOC, extensions: [wordSnapping] });
  const select = (anchor: number, head: number, userEvent?: string) => {
    const next = state.update({ selection: EditorSelection.single(anchor, head), userEvent }).state;
    return { anchor: next.selection.main.anchor, head: next.selection.main.head, text: DOC.slice(next.selection.main.from, next.selection.main.to) };
  };

  it('grows a mouse selection to whole words', () => {
    // "ick bro" -> "quick brown"
    expect(select(6, 13, 'select.pointer')).toEqual({ anchor: 4, head: 15, text: 'quick brown' });
  });

  it('keeps the direction of a backwards drag', () => {
    expect(select(13, 6, 'select.pointer')).toEqual({ anchor: 15, head: 4, text: 'quick brown' });
  });

  it('leaves a selection already on word boundaries alone', () => {
    expect(select(4, 9, 'select.pointer')).toEqual({ anchor: 4, head: 9, text: 'quick' });
  });

  it('does not touch keyboard selections, programmatic ones, or a plain click', () => {
    expect(select(6, 13, 'select')).toEqual({ anchor: 6, head: 13, text: 'ick bro' });
    expect(select(6, 13)).toEqual({ anchor: 6, head: 13, text: 'ick bro' });
    expect(select(6, 6, 'select.pointer')).toEqual({ anchor: 6, head: 6, text: '' });
  });
});
