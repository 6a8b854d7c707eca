// Rules about suggestions that the window and the services both apply.
import type { Annotation } from './schemas/annotations.js';
import type { Suggestion } from './schemas/suggestions.js';

/** An existing highlight of the same label over most of the suggestion: proposing it again would duplicate it. */
export function isCovered(row: Pick<Suggestion, 'labelId' | 'start' | 'end'>, annotations: readonly Pick<Annotation, 'labelId' | 'start' | 'end'>[]): boolean {
  const length = row.end - row.start;
  return annotations.some((a) => a.labelId === row.labelId && Math.min(a.end, row.end) - Math.max(a.start, row.start) >= length / 2);
}

/** What the list calls a suggestion's kind. */
export const SUGGESTION_KIND_NAMES: Record<Suggestion['kind'], string> = { direct: 'Quote', indirect: 'Indirect quote', claim: 'Claim' };

type Span = Pick<Annotation, 'labelId' | 'start' | 'end'>;

/**
 * The suggestions no highlight covers (isCovered), for thousands of each: each suggestion is
 * checked only against the highlights that can reach it, found by binary search in start order.
 */
export function notCovered<T extends Pick<Suggestion, 'labelId' | 'start' | 'end'>>(rows: readonly T[], annotations: readonly Span[]): T[] {
  if (annotations.length === 0) return [...rows];
  const sorted = [...annotations].sort((a, b) => a.start - b.start);
  const longest = sorted.reduce((max, a) => Math.max(max, a.end - a.start), 0);
  const firstFrom = (pos: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return rows.filter((row) => {
    const near: Span[] = [];
    for (let i = firstFrom(row.start - longest); i < sorted.length && sorted[i]!.start < row.end; i++) near.push(sorted[i]!);
    return !isCovered(row, near);
  });
}
