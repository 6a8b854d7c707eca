// A mouse selection grows to whole words, as a reader means it; and a range about to be
// labelled loses the spaces and line breaks at its ends.
import { EditorSelection, EditorState, type Text } from '@codemirror/state';

function snapRange(state: EditorState, anchor: number, head: number): { anchor: number; head: number } {
  const forward = head >= anchor;
  let from = Math.min(anchor, head);
  let to = Math.max(anchor, head);
  const startWord = state.wordAt(from);
  if (startWord && startWord.from < from && from < startWord.to) from = startWord.from;
  const endWord = state.wordAt(to);
  if (endWord && endWord.from < to && to < endWord.to) to = endWord.to;
  return forward ? { anchor: from, head: to } : { anchor: to, head: from };
}

export const wordSnapping = EditorState.transactionFilter.of((tr) => {
  if (!tr.selection || !tr.isUserEvent('select.pointer')) return tr;
  const main = tr.selection.main;
  if (main.empty) return tr;
  const snapped = snapRange(tr.state, main.anchor, main.head);
  if (snapped.anchor === main.anchor && snapped.head === main.head) return tr;
  return [tr, { selection: EditorSelection.single(snapped.anchor, snapped.head), sequential: true }];
});

/** The range without surrounding white space; null when nothing but white space is selected. */
export function trimRange(doc: Text, from: number, to: number): { from: number; to: number } | null {
  const text = doc.sliceString(from, to);
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  if (leading === text.length) return null;
  return { from: from + leading, to: to - trailing };
}
