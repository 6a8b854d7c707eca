// The searches re-anchoring is built on, against plain indexOf and a hand-worked distance.
import { describe, expect, it } from 'vitest';
import { editDistance, similarity } from '../../../../electron/services/anchoring/similarity.js';
import { approxIn, exactEverywhere, exactIn } from '../../../../electron/services/anchoring/text-search.js';
import { generateCorpus } from '../../../../scripts/bench/generate.mjs';

function allByIndexOf(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

describe('exactIn', () => {
  it('finds only matches wholly inside the window, up to the cap', () => {
    const text = 'abc abc abc abc';
    expect(exactIn(text, 'abc', 0, text.length, 10)).toEqual([0, 4, 8, 12]);
    expect(exactIn(text, 'abc', 3, 11, 10)).toEqual([4, 8]);
    expect(exactIn(text, 'abc', -50, 5, 10)).toEqual([0]);
    expect(exactIn(text, 'abc', 0, text.length, 2)).toEqual([0, 4]);
    expect(exactIn(text, 'abd', 0, text.length, 10)).toEqual([]);
  });
});

describe('exactEverywhere', () => {
  it('finds what indexOf finds, for many quotes at once (overlapping, at the ends, short, missing)', () => {
    const { text, spans } = generateCorpus({ seed: 3, targetChars: 30_000, annotationCount: 200 });
    const quotes = spans.slice(0, 60).map((s) => text.slice(s.start, s.end));
    quotes.push(text.slice(0, 20), text.slice(-15), 'aaaa', 'said', 'not in this text at all', text.slice(100, 108));
    const padded = `aaaaaaaaaaaa ${text}`;
    const found = exactEverywhere(padded, quotes, 10_000);
    for (const quote of quotes) expect(found.get(quote), quote).toEqual(allByIndexOf(padded, quote));
    expect(found.get('aaaa')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('approxIn', () => {
  it('finds an edited quote in a window, and an exact copy hidden from it does not mask it', () => {
    const quote = 'plans to expand the port without a full debate';
    const edited = 'plans to enlarge the port without a full debate';
    const text = `Copy: ${quote}. Later, the original: ${edited}.`;
    const exactAt = text.indexOf(quote);
    expect(approxIn(text, quote, [[0, text.length]], 12, [])[0]).toMatchObject({ start: exactAt, errors: 0 });
    const [match] = approxIn(text, quote, [[0, text.length]], 12, [exactAt]);
    expect(text.slice(match!.start, match!.end)).toBe(edited);
    expect(match!.errors).toBe(editDistance(quote, edited));
  });
});

describe('similarity', () => {
  it('is 1 - edit distance / longer length', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abcd', 'abcf')).toBe(0.75);
    expect(similarity('abcd', 'wxyz')).toBe(0);
  });
});
