// The searches re-anchoring is built from: exact ones (String#indexOf, fast) in a window or in
// the whole text for many quotes at once, and approximate ones (Myers' bit-parallel algorithm
// from approx-string-match) only in small windows.
import approxSearch from 'approx-string-match';

export interface Match {
  start: number;
  end: number;
  /** Edits between the quote and text.slice(start, end); 0 for an exact match. */
  errors: number;
}

/**
 * Starts of `quote` lying wholly inside text[lo, hi), at most `cap` of them. The window is
 * sliced first: indexOf on the whole text would scan on to its end when the quote is missing.
 */
export function exactIn(text: string, quote: string, lo: number, hi: number, cap: number): number[] {
  lo = Math.max(0, lo);
  hi = Math.min(text.length, hi);
  const found: number[] = [];
  if (hi - lo < quote.length || quote.length === 0) return found;
  const window = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  for (let at = window.indexOf(quote); at !== -1 && found.length < cap; at = window.indexOf(quote, at + 1)) found.push(lo + at);
  return found;
}

/** Quotes at least this long are found in one pass over the text by a rolling hash. */
export const GRAM = 8;
const FILTER_BITS = 20;

/**
 * Every start of each quote in the whole text (at most `cap` per quote). One quote costs one
 * indexOf pass over the text (about 1 ms for 5 MB); hundreds of quotes would cost hundreds of
 * passes, so they share one: a rolling hash of GRAM code units from the middle of each quote
 * (its ends are often the same in many quotes: "..., he said.") marks places worth checking.
 */
export function exactEverywhere(text: string, quotes: Iterable<string>, cap: number): Map<string, number[]> {
  const result = new Map<string, number[]>();
  const hashed: string[] = [];
  for (const quote of quotes) {
    if (result.has(quote) || quote.length === 0) continue;
    result.set(quote, []);
    if (quote.length >= GRAM) hashed.push(quote);
  }
  for (const [quote, found] of result) {
    if (quote.length < GRAM || hashed.length < 4) found.push(...exactIn(text, quote, 0, text.length, cap));
  }
  if (hashed.length < 4) return result;

  // A plain loop over the text, no closures: it runs once per code unit of a 5 MB text.
  const topPower = power(HASH_BASE, GRAM - 1); // takes the oldest code unit out of the hash
  const filter = new Uint8Array(1 << FILTER_BITS);
  /** The hash of each quote's middle gram -> the quotes and where that gram ends in them. */
  const byHash = new Map<number, { quote: string; gramEnd: number }[]>();
  for (const quote of hashed) {
    const from = (quote.length - GRAM) >> 1;
    let h = 0;
    for (let i = from; i < from + GRAM; i++) h = (Math.imul(h, HASH_BASE) + quote.charCodeAt(i)) | 0;
    filter[(h ^ (h >>> FILTER_BITS)) & FILTER_MASK] = 1;
    const entry = { quote, gramEnd: from + GRAM };
    const bucket = byHash.get(h);
    if (bucket) bucket.push(entry);
    else byHash.set(h, [entry]);
  }
  if (text.length < GRAM) return result;
  let h = 0;
  for (let i = 0; i < GRAM; i++) h = (Math.imul(h, HASH_BASE) + text.charCodeAt(i)) | 0;
  for (let end = GRAM; ; end++) {
    // h is the hash of text[end - GRAM, end).
    if (filter[(h ^ (h >>> FILTER_BITS)) & FILTER_MASK] === 1) {
      const bucket = byHash.get(h);
      if (bucket) {
        for (const { quote, gramEnd } of bucket) {
          const start = end - gramEnd;
          const found = result.get(quote)!;
          if (start >= 0 && found.length < cap && text.startsWith(quote, start)) found.push(start);
        }
      }
    }
    if (end === text.length) break;
    h = (Math.imul((h - Math.imul(text.charCodeAt(end - GRAM), topPower)) | 0, HASH_BASE) + text.charCodeAt(end)) | 0;
  }
  return result;
}

const HASH_BASE = 0x01000193;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

function power(base: number, exponent: number): number {
  let p = 1;
  for (let i = 0; i < exponent; i++) p = Math.imul(p, base);
  return p;
}

/**
 * The closest approximate matches of `quote` (at most `maxErrors` edits) in each window
 * [lo, hi). Exact occurrences listed in `hide` are blanked first: the search keeps only the
 * lowest-error matches, and an exact copy elsewhere would hide an edited original.
 */
export function approxIn(text: string, quote: string, windows: readonly (readonly [number, number])[], maxErrors: number, hide: readonly number[]): Match[] {
  const found: Match[] = [];
  for (const [lo, hi] of mergeWindows(windows, text.length)) {
    let window = text.slice(lo, hi);
    const inside = hide.filter((at) => at < hi && at + quote.length > lo);
    if (inside.length > 0) {
      const blank = '\u0000'.repeat(quote.length);
      for (const at of inside) {
        const from = Math.max(0, at - lo);
        const to = Math.min(window.length, at - lo + quote.length);
        window = window.slice(0, from) + blank.slice(0, to - from) + window.slice(to);
      }
    }
    for (const match of approxSearch(window, quote, maxErrors)) {
      if (match.end > match.start) found.push({ start: match.start + lo, end: match.end + lo, errors: match.errors });
    }
  }
  return found;
}

/** Windows clipped to the text, sorted, overlapping ones joined. */
function mergeWindows(windows: readonly (readonly [number, number])[], length: number): [number, number][] {
  const clipped = windows
    .map(([lo, hi]): [number, number] => [Math.max(0, lo), Math.min(length, hi)])
    .filter(([lo, hi]) => hi > lo)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const w of clipped) {
    const last = merged.at(-1);
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push(w);
  }
  return merged;
}
