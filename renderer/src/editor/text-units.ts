// Sentences and quotations in running text, for moving and growing a selection by them.
// Pure functions over a string, so they are tested without an editor.

import { sentenceStarts } from '../../../electron/contract/sentences';

const WINDOW = 4000;
/** The sentence around `pos`, without the space after it. */
export function sentenceAt(text: string, pos: number): { from: number; to: number } {
  const lo = Math.max(0, pos - WINDOW);
  const hi = Math.min(text.length, pos + WINDOW);
  const lineStart = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
  const starts = sentenceStarts(text, Math.max(lo, lineStart), hi);
  let from = starts[0]!;
  let next = hi;
  for (const start of starts) {
    if (start <= pos) from = start;
    else {
      next = start;
      break;
    }
  }
  let to = next;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { from, to };
}

/** Where the next sentence starts after `pos` (or the end of the text). */
export function nextSentenceStart(text: string, pos: number): number {
  const starts = sentenceStarts(text, Math.max(0, pos - WINDOW), Math.min(text.length, pos + WINDOW));
  return starts.find((start) => start > pos) ?? Math.min(text.length, pos + WINDOW);
}

/** Where the sentence before `pos` starts (the current one's start if `pos` is inside it). */
export function previousSentenceStart(text: string, pos: number): number {
  const starts = sentenceStarts(text, Math.max(0, pos - WINDOW), pos);
  return [...starts].reverse().find((start) => start < pos) ?? Math.max(0, pos - WINDOW);
}

const PAIRS: Record<string, string> = { '“': '”', '"': '"', '«': '»', '‘': '’', "'": "'" };

/**
 * The quotation around [from, to): first the words inside the marks; asked again when that is
 * already the selection, the marks too. Null when no quotation encloses it.
 */
export function quotationAround(text: string, from: number, to: number): { from: number; to: number } | null {
  const lo = Math.max(0, from - WINDOW);
  for (let open = from - 1; open >= lo; open--) {
    const closeMark = PAIRS[text[open]!];
    if (!closeMark) continue;
    // Straight apostrophes inside words ("don't") open nothing.
    if ((text[open] === "'" || text[open] === '‘') && /\w/.test(text[open - 1] ?? '')) continue;
    // Straight marks open and close alike: an odd one before this in the paragraph means this one closes.
    if (closeMark === text[open]) {
      const paragraphStart = text.lastIndexOf('\n', open) + 1;
      if (text.slice(paragraphStart, open).split(text[open]!).length % 2 === 0) continue;
    }
    // Its own closing mark: one before the selection ends means it does not enclose it.
    const close = text.indexOf(closeMark, open + 1);
    if (close < to || close - open > WINDOW * 2) continue;
    const inner = { from: open + 1, to: close };
    if (inner.from === from && inner.to === to) return { from: open, to: close + 1 };
    if (inner.from <= from && to <= inner.to) return inner;
  }
  return null;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_'’-]/u.test(c);

/** The end of the next word after `pos` (for growing a span's end). */
export function nextWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  // Take closing punctuation that hugs the word ("cooperation," or "world.”").
  while (i < text.length && /[.,;:!?”’"»)]/.test(text[i]!)) i++;
  return i;
}

/** The end of the word before the last word ending at or before `pos` (for shrinking a span's end). */
export function previousWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  return i;
}

/** The start of the word before `pos` (for growing a span's start). */
export function previousWordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** The start of the word after the one at `pos` (for shrinking a span's start). */
export function nextWordStart(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isWordChar(text[i])) i++;
  while (i < text.length && !isWordChar(text[i])) i++;
  return i;
}
