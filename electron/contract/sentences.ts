// Where sentences start in running text: written once for the editor's sentence keys and the
// suggester (electron/services/suggestions), so both cut a story the same way.

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
export function sentenceStarts(text: string, from: number, to: number): number[] {
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

/** Every sentence of `text` (or of [from, to)), without the space after it. */
export function sentenceSpans(text: string, from = 0, to = text.length): { start: number; end: number }[] {
  const starts = sentenceStarts(text, from, to);
  return starts
    .map((start, i) => {
      let end = starts[i + 1] ?? to;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { start, end };
    })
    .filter((span) => span.end > span.start);
}
