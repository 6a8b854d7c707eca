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
 * passes, so they share one: a rolling hash of the last GRAM code units of each quote marks the
 * places worth checking with startsWith.
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

  const BASE = 0x01000193;
  let topPower = 1; // BASE^(GRAM-1), to take the oldest code unit out of the hash
  for (let i = 1; i < GRAM; i++) topPower = Math.imul(topPower, BASE);
  const gramHash = (s: string, from: number): number => {
    let h = 0;
    for (let i = from; i < from + GRAM; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
    return h;
  };
  const mask = (1 << FILTER_BITS) - 1;
  const slot = (h: number): number => (h ^ (h >>> FILTER_BITS)) & mask;
  const filter = new Uint8Array(1 << FILTER_BITS);
  const byHash = new Map<number, string[]>();
  for (const quote of hashed) {
    const h = gramHash(quote, quote.length - GRAM);
    filter[slot(h)] = 1;
    const bucket = byHash.get(h);
    if (bucket) bucket.push(quote);
    else byHash.set(h, [quote]);
  }
  if (text.length < GRAM) return result;
  let h = gramHash(text, 0);
  for (let end = GRAM; ; end++) {
    // h is the hash of text[end - GRAM, end).
    if (filter[slot(h)] === 1) {
      const bucket = byHash.get(h);
      if (bucket) {
        for (const quote of bucket) {
          const start = end - quote.length;
          const found = result.get(quote)!;
          if (start >= 0 && found.length < cap && text.startsWith(quote, start)) found.push(start);
        }
      }
    }
    if (end === text.length) break;
    h = (Math.imul((h - Math.imul(text.charCodeAt(end - GRAM), topPower)) | 0, BASE) + text.charCodeAt(end)) | 0;
  }
  return result;
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
