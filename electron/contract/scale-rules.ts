// The verdict scale's rules. Plain functions, so the renderer can use them without zod.
import type { Status } from './schemas/review.js';

/**
 * A verdict's numeric rating is its place on the scale: verdicts run best to worst, so the
 * first of n verdicts rates n and the last rates 1. Working states have no rating.
 */
export function verdictRating(statuses: readonly Status[], statusId: string): { ratingValue: number; bestRating: number; worstRating: number } | null {
  const verdicts = statuses.filter((s) => s.kind === 'verdict');
  const index = verdicts.findIndex((s) => s.id === statusId);
  if (index < 0) return null;
  return { ratingValue: verdicts.length - index, bestRating: verdicts.length, worstRating: 1 };
}
