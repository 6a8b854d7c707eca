// Rules about suggestions that the window and the services both apply.
import type { Annotation } from './schemas/annotations.js';
import type { Suggestion } from './schemas/suggestions.js';
import { firstIndexNotBefore } from './spans.js';
import type { QuoteKind } from './vocabulary.js';

/** An existing highlight of the same label over most of the suggestion: proposing it again would duplicate it. */
export function isCovered(row: Pick<Suggestion, 'labelId' | 'start' | 'end'>, annotations: readonly Pick<Annotation, 'labelId' | 'start' | 'end'>[]): boolean {
  const length = row.end - row.start;
  return annotations.some((a) => a.labelId === row.labelId && Math.min(a.end, row.end) - Math.max(a.start, row.start) >= length / 2);
}

/**
 * The quote kind a highlight made from a suggestion takes: reported words holding quoted ones
 * ("said the plan was “a grave mistake”", or just “a grave mistake”) are partial quotes, other
 * reported words paraphrases, and words wholly in quotation marks direct quotes.
 */
export function quoteKindOf(kind: Suggestion['kind'], words: string): QuoteKind | undefined {
  if (kind === 'claim') return undefined;
  if (kind === 'indirect') return /[“”"«»]/.test(words) ? 'partial' : 'paraphrase';
  return /^[^\p{L}\p{N}]*\p{Ll}/u.test(words) ? 'partial' : 'direct';
}

/** What the list calls a suggestion's kind. */
export const SUGGESTION_KIND_NAMES: Record<Suggestion['kind'], string> = { direct: 'Quote', indirect: 'Indirect quote', claim: 'Claim' };

type Span = Pick<Annotation, 'labelId' | 'start' | 'end'>;

/**
 * The suggestions no highlight covers (isCovered), for thousands of each: per label, highlights
 * in start order with the furthest end reached so far, so each suggestion looks back only over
 * the highlights that can still reach it, however long one of them is.
 */
export function notCovered<T extends Pick<Suggestion, 'labelId' | 'start' | 'end'>>(rows: readonly T[], annotations: readonly Span[]): T[] {
  // The window asks at every edit: with no suggestions, 50,000 highlights are not sorted for nothing.
  if (rows.length === 0) return [];
  const byLabel = new Map<string, { spans: Span[]; reach: number[] }>();
  for (const a of annotations) {
    const entry = byLabel.get(a.labelId) ?? { spans: [], reach: [] };
    entry.spans.push(a);
    byLabel.set(a.labelId, entry);
  }
  for (const entry of byLabel.values()) {
    entry.spans.sort((a, b) => a.start - b.start);
    let reach = -Infinity;
    entry.reach = entry.spans.map((a) => (reach = Math.max(reach, a.end)));
  }
  return rows.filter((row) => {
    const entry = byLabel.get(row.labelId);
    if (!entry || row.end <= row.start) return !entry || !isCovered(row, entry.spans);
    const { spans, reach } = entry;
    // The last highlight starting before the row ends; from there back while any can reach it.
    const lo = firstIndexNotBefore(spans.length, (i) => spans[i]!.start < row.end);
    const half = (row.end - row.start) / 2;
    for (let i = lo - 1; i >= 0 && reach[i]! > row.start; i--) {
      const a = spans[i]!;
      if (Math.min(a.end, row.end) - Math.max(a.start, row.start) >= half) return false;
    }
    return true;
  });
}
