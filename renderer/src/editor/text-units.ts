// Sentences and quotations in running text, for moving and growing a selection by them.
// Pure functions over a string, so they are tested without an editor.

const WINDOW = 4000;
const CLOSERS = '"\'”’»)]';
/** Words whose full stop ends no sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'e.g', 'i.e', 'approx', 'est', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec']);

/** "U.N.", "U.S." and "Mr." end in a full stop that ends no sentence. */
function isAbbreviation(text: string, stop: number): boolean {
  let start = stop;
  while (start > 0 && !/\s/.test(text[start - 1]!) && !'“"(«'.includes(text[start - 1]!)) start--;
  const word = text.slice(start, stop);
  return /^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** Offsets where sentences start, within [from, to) of `text`. */
function sentenceStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\n') {
      let j = i + 1;
      while (j < to && /\s/.test(text[j]!)) j++;
      if (j < to) starts.push(j);
      i = j - 1;
    } else if (c === '.' && isAbbreviation(text, i)) {
      continue;
    } else if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      while (j < to && CLOSERS.includes(text[j]!)) j++;
      if (j < to && /\s/.test(text[j]!)) {
        while (j < to && /\s/.test(text[j]!)) j++;
        // "U.N. sanctions": a full stop before a lower-case word ends no sentence.
        if (j < to && !/[a-z]/.test(text[j]!)) starts.push(j);
        i = j - 1;
      }
    }
  }
  return starts;
}

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
