// The verdict scale's rules, written once: the Verdict scale dialog shows these words before it
// sends anything, and the service refuses with the same. Plain functions, so the renderer can use
// them without zod.
import { REVIEW_DESK_KEYS } from './keys.js';
import { SCALE_LIMITS } from './limits.js';

/** What the rules read of a status: the contract's Status has this shape. */
export interface StatusFields {
  id: string;
  name: string;
  kind: 'working' | 'verdict';
  hotkey?: string;
  noRating?: boolean;
}

/** The words for a scale too short or too long (the schema bounds the list with them too). */
export const SCALE_COUNT_PROBLEMS = {
  tooFew: 'A scale needs at least two statuses.',
  tooMany: `A scale can hold at most ${SCALE_LIMITS.statuses.max} statuses.`,
} as const;

export function statusNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Every status needs a name.';
  if (trimmed.length > SCALE_LIMITS.name) return `A status’s name can hold at most ${SCALE_LIMITS.name} characters.`;
  return null;
}

/** A status may go without a key; one it has is a single lower-case letter or digit. */
export function statusKeyProblem(key: string): string | null {
  return /^[a-z0-9]$/.test(key) ? null : 'A status’s key is one lower-case letter or digit.';
}

/**
 * What is wrong with a scale, in words; null when nothing is. The dialog also gives `inUse`
 * (claims per status id) and the ids it `removed`; the service checks that part itself against
 * every stored claim, and names one (see services' saveStatuses).
 */
export function scaleProblem(statuses: readonly StatusFields[], inUse: ReadonlyMap<string, number> = new Map(), removed: readonly string[] = []): string | null {
  if (statuses.length < SCALE_LIMITS.statuses.min) return SCALE_COUNT_PROBLEMS.tooFew;
  if (statuses.length > SCALE_LIMITS.statuses.max) return SCALE_COUNT_PROBLEMS.tooMany;
  for (const status of statuses) {
    const problem = statusNameProblem(status.name) ?? (status.hotkey === undefined ? null : statusKeyProblem(status.hotkey));
    if (problem) return problem;
  }
  if (statuses[0]!.kind !== 'working') return 'The first status is where new claims start, so the scale must start with a working state, not a verdict.';
  if (!statuses.some((s) => s.kind === 'verdict')) return 'The scale needs at least one verdict.';
  if (new Set(statuses.map((s) => s.id)).size !== statuses.length) return 'Two statuses on the scale share an id; give each its own.';
  const names = new Set<string>();
  const keys = new Map<string, string>();
  for (const status of statuses) {
    const name = status.name.trim();
    if (names.has(name.toLowerCase())) return `There are two statuses called “${name}”.`;
    names.add(name.toLowerCase());
    if (status.hotkey === undefined) continue;
    if (REVIEW_DESK_KEYS.includes(status.hotkey)) return `${name}: ${status.hotkey.toUpperCase()} is taken by the desk (J, K, N and X are); choose another key.`;
    const clash = keys.get(status.hotkey);
    if (clash) return `${status.hotkey.toUpperCase()} is the key of both ${clash} and ${name}; give one another key.`;
    keys.set(status.hotkey, name);
  }
  return statusesInUseProblem(inUse, removed);
}

/** A status some claims still have cannot leave the scale. */
export function statusesInUseProblem(inUse: ReadonlyMap<string, number>, removed: readonly string[]): string | null {
  for (const id of removed) {
    const count = inUse.get(id) ?? 0;
    if (count > 0) return `${count} claim${count === 1 ? ' has' : 's have'} the status you removed; give ${count === 1 ? 'it' : 'them'} another status first.`;
  }
  return null;
}

/** A status that is a verdict (rated or not): what ClaimReview publishes. */
export function isVerdict(statuses: readonly StatusFields[], statusId: string): boolean {
  return statuses.some((s) => s.id === statusId && s.kind === 'verdict');
}

/**
 * A verdict's numeric rating is its place among the rated verdicts: they run best to worst, so
 * the first of n rates n and the last rates 1. A verdict marked noRating (Unverifiable) and the
 * working states have none, and do not count in the others' numbers.
 */
export function verdictRating(statuses: readonly StatusFields[], statusId: string): { ratingValue: number; bestRating: number; worstRating: number } | null {
  const rated = statuses.filter((s) => s.kind === 'verdict' && !s.noRating);
  const index = rated.findIndex((s) => s.id === statusId);
  if (index < 0) return null;
  return { ratingValue: rated.length - index, bestRating: rated.length, worstRating: 1 };
}
