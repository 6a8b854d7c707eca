// Re-anchoring: when a document's text changes, find each highlight again from where it was,
// its quote and the text either side of it (the idea of Hypothesis' anchoring, our own code).
//
// Two passes, in text order:
//  1. Exact only. Each highlight is looked for where it should now be: its old start shifted by
//     the drift of the previous highlight placed exactly, then in widening windows around that.
//     Almost every highlight is settled here with a startsWith or a windowed indexOf.
//  2. The rest, knowing also the drift of the next highlight placed exactly: exact matches near
//     that place too, approximate matches in a narrow window, exact matches in the whole text
//     for quotes found nowhere near (one shared pass for all of them), then approximate matches
//     in a wider window if nothing good enough was found. Approximate search (Myers' algorithm,
//     approx-string-match) never runs over the whole text.
//
// Outcomes (README, "When a file changes"): unchanged, moved (exact and unambiguous: placed quietly),
// fuzzy (placed but flagged for a person) or orphaned (nothing good enough: left as it was).
import type { Annotation, ReanchorReport } from '../../contract/api.js';
import { compareSpans, spanContext } from '../../contract/spans.js';
import { similarity } from './similarity.js';
import { approxIn, exactEverywhere, exactIn, GRAM } from './text-search.js';

export interface ReanchorOutcome {
  /** Placed highlights, new objects, in text order (compareSpans). */
  annotations: Annotation[];
  /** Highlights that could not be placed, unchanged (as copies), in their old text order. */
  orphans: Annotation[];
  report: ReanchorReport;
}

export interface ReanchorOptions {
  /** Called now and then (every PROGRESS_EVERY highlights) and last with (total, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The lowest score (0..1) at which a highlight is placed on approximate or ambiguous text, with
 * a 'fuzzy' flag; below it the highlight is orphaned. The score (see evaluate) weighs quote
 * similarity (1 - edits / quote length) 60, prefix similarity 15, suffix similarity 15 and
 * nearness to the expected place 10. So 0.7 places:
 * - the exact quote near where expected, even with its context gone (several copies, say);
 * - a quote with a word changed (similarity ~0.8) when one side of its context is still there;
 * but not a look-alike sentence with unrelated text around it (unrelated 32-character contexts
 * are still ~0.3 alike), nor an exact quote far away without its context.
 */
export const MIN_ANCHOR_SCORE = 0.7;

export const SCORE_WEIGHTS = { quote: 60, prefix: 15, suffix: 15, position: 10 } as const;
/** The context agrees when one side is at least this alike (about 6 edits in 32)... */
export const SIDE_AGREES = 0.8;
/** ...and the other at least this (unrelated text is ~0.3 alike). */
export const OTHER_SIDE_AGREES = 0.5;
/** Far from where expected (beyond NEAR_DISTANCE), both sides at least this alike (4 edits in 32). */
export const FAR_SIDES_AGREE = 0.85;
/** An exact match is ambiguous when another exact match's context is within this much of it. */
export const AMBIGUITY_MARGIN = 0.15;
/** Quotes shorter than this are never matched approximately, only exactly. */
export const MIN_FUZZY_QUOTE_LENGTH = 12;
/** An exact quote this long, the only one near and close to where expected, needs no context. */
export const LONG_QUOTE_LENGTH = 32;
/** "Close to where expected": a few paragraphs. Farther, the context must agree on both sides. */
export const CLOSE_DISTANCE = 1024;
/** Approximate search allows at most this share of the quote's length in edits. */
export const MAX_ERROR_RATE = 0.3;

/** Distance (code units) from the expected place at which the position score reaches 0. */
const POSITION_SCALE = 10_000;
/** Windows around the expected place searched exactly in pass 1, smallest first. */
const EXACT_RADII = [512, 4096, 32_768];
/**
 * Farther than this from every expected place, an exact match is placed quietly only with its
 * context on both sides nearly as before: 32 code units of news text recur more than one thinks.
 */
export const NEAR_DISTANCE = EXACT_RADII.at(-1)!;
/** A flagged candidate this good near where expected needs no whole-text search. */
const STRONG_SCORE = 0.85;
/** Text searched approximately either side of each expected place: narrow first, then wider. */
const APPROX_SLACKS = [256, 2048];
/** Longer quotes are only found exactly: Myers' search costs length² / 32 per window. */
const MAX_APPROX_QUOTE_LENGTH = 20_000;
const NEAR_CAP = 64;
const WHOLE_TEXT_CAP = 4096;
/** Of many whole-text matches, the nearest this many are scored (plus any with a side intact). */
const SCORED_CAP = 16;
/** Quotes shorter than GRAM cost one pass over the text each; only this many get one. */
const SHORT_WHOLE_TEXT_LIMIT = 64;
const PROGRESS_EVERY = 1000;

const WEIGHT_TOTAL = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  prefix: number;
  suffix: number;
  /** Mean of prefix and suffix similarity. */
  context: number;
  position: number;
  /** From the nearest expected place. */
  distance: number;
  atExpected: boolean;
  near: boolean;
  score: number;
}

function evaluate(text: string, a: Annotation, start: number, end: number, errors: number, expected: readonly number[]): Candidate {
  const context = spanContext(text, start, end);
  const prefix = context.prefix === a.prefix ? 1 : similarity(a.prefix, context.prefix);
  const suffix = context.suffix === a.suffix ? 1 : similarity(a.suffix, context.suffix);
  let distance = Infinity;
  for (const e of expected) distance = Math.min(distance, Math.abs(start - e));
  const position = 1 - Math.min(1, distance / POSITION_SCALE);
  const quote = Math.max(0, 1 - errors / a.text.length);
  const score =
    (SCORE_WEIGHTS.quote * quote + SCORE_WEIGHTS.prefix * prefix + SCORE_WEIGHTS.suffix * suffix + SCORE_WEIGHTS.position * position) / WEIGHT_TOTAL;
  const near = distance <= NEAR_DISTANCE;
  return { start, end, errors, prefix, suffix, context: (prefix + suffix) / 2, position, distance, atExpected: distance === 0, near, score };
}

/**
 * The context agrees: close to where expected, one side well and the other somewhat (so a name
 * followed by its usual title is not enough); farther, both sides well; far (beyond
 * NEAR_DISTANCE), both sides nearly as before (a moved paragraph keeps all but an edge).
 */
function agrees(c: Candidate): boolean {
  if (!c.near) return Math.min(c.prefix, c.suffix) >= FAR_SIDES_AGREE;
  if (c.distance > CLOSE_DISTANCE) return Math.min(c.prefix, c.suffix) >= SIDE_AGREES;
  return Math.max(c.prefix, c.suffix) >= SIDE_AGREES && Math.min(c.prefix, c.suffix) >= OTHER_SIDE_AGREES;
}

/**
 * The exact match to place the highlight on quietly, or null when none is unambiguous:
 * - the one whose context agrees, clearly better than any other's;
 * - else the only match exactly where a neighbour's drift puts it with one side of its context
 *   as before (an insertion right before a quote replaces its whole prefix; and of copies of a
 *   repeated paragraph, it is the one in line with its neighbours);
 * - else the only occurrence near where expected, if the quote is long, close, and one side of
 *   its context still somewhat alike;
 * - else the quote still at its old offsets (unchanged), unless both sides of its context
 *   changed: then only the offsets are the same, not the place.
 */
function chooseExact(candidates: readonly Candidate[], a: Annotation): Candidate | null {
  if (candidates.length === 0) return null;
  const ranked = [...candidates].sort((x, y) => y.context - x.context || y.position - x.position);
  const top = ranked[0]!;
  if (agrees(top) && !ranked.some((c) => c !== top && c.context > top.context - AMBIGUITY_MARGIN)) return top;
  const oneSide = candidates.filter((c) => c.atExpected && Math.max(c.prefix, c.suffix) >= SIDE_AGREES);
  if (oneSide.length === 1) return oneSide[0]!;
  const near = candidates.filter((c) => c.near);
  const only = near.length === 1 ? near[0]! : null;
  if (only && a.text.length >= LONG_QUOTE_LENGTH && only.distance <= CLOSE_DISTANCE && Math.max(only.prefix, only.suffix) >= OTHER_SIDE_AGREES) return only;
  const same = candidates.find((c) => c.start === a.start && c.end === a.end);
  return same && Math.max(same.prefix, same.suffix) >= OTHER_SIDE_AGREES ? same : null;
}

/** Quote at `at` with both sides of its context exactly as before. */
function intactAt(text: string, a: Annotation, at: number): boolean {
  if (at < 0 || !text.startsWith(a.text, at)) return false;
  const context = spanContext(text, at, at + a.text.length);
  return context.prefix === a.prefix && context.suffix === a.suffix;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Widens an approximate match so it never cuts a surrogate pair (an emoji) in half. */
function wholeCodePoints(text: string, start: number, end: number): [number, number] {
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  return [start, end];
}

/** A new object (the store caches by identity); a flag already set stays until a person clears it. */
function place(text: string, a: Annotation, start: number, end: number, fuzzy: boolean): Annotation {
  const placed: Annotation = { ...a, start, end, text: text.slice(start, end), ...spanContext(text, start, end) };
  if (fuzzy) placed.anchor = 'fuzzy';
  return placed;
}

/** A highlight pass 2 has not placed yet. */
interface Unsettled {
  k: number;
  expectedAt: number[];
  /** Exact matches known so far (hidden from approximate search, which keeps only the best). */
  positions: number[];
  /** The best candidate for a flagged placement so far. */
  best: Candidate | null;
}

/** Of exact matches that are not clear enough, the best to flag; a short quote needs one side. */
function bestFlaggable(a: Annotation, exact: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of exact) {
    if (a.text.length < MIN_FUZZY_QUOTE_LENGTH && Math.max(c.prefix, c.suffix) < SIDE_AGREES) continue;
    if (!best || c.score > best.score) best = c;
  }
  return best;
}

/** Approximate matches within `slack` of the expected places, if the quote is long enough. */
function approximate(text: string, a: Annotation, u: Unsettled, slack: number): void {
  const quote = a.text;
  if (quote.length < MIN_FUZZY_QUOTE_LENGTH || quote.length > MAX_APPROX_QUOTE_LENGTH) return;
  const windows = u.expectedAt.map((e) => [e - slack, e + quote.length + slack] as const);
  for (const match of approxIn(text, quote, windows, Math.floor(quote.length * MAX_ERROR_RATE), u.positions)) {
    const [start, end] = wholeCodePoints(text, match.start, match.end);
    const c = evaluate(text, a, start, end, match.errors, u.expectedAt);
    if (!u.best || c.score > u.best.score) u.best = c;
  }
}

interface Pending {
  /** Index in text order. */
  k: number;
  /** Exact matches found near the expected place in pass 1. */
  near: number[];
  /** Old start shifted by the previous exact placement's drift. */
  expected: number;
}

export function reanchorAnnotations(newText: string, annotations: readonly Annotation[], options: ReanchorOptions = {}): ReanchorOutcome {
  const text = newText;
  const total = annotations.length;
  const onProgress = options.onProgress;
  const sorted = [...annotations].sort(compareSpans);
  const placed: (Annotation | undefined)[] = new Array(total);
  /** Drift (new start - old start) of each highlight placed exactly; NaN otherwise. */
  const drift = new Float64Array(total).fill(NaN);
  const report: ReanchorReport = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  let done = 0;

  const placeExactly = (k: number, start: number): void => {
    const a = sorted[k]!;
    const end = start + a.text.length;
    placed[k] = place(text, a, start, end, false);
    drift[k] = start - a.start;
    if (start === a.start && end === a.end) report.unchanged++;
    else report.moved++;
    done++;
  };

  // Pass 1: exact matches near where each highlight should be.
  const pending: Pending[] = [];
  let lastDrift = 0;
  for (let k = 0; k < total; k++) {
    if (k % PROGRESS_EVERY === 0 && k > 0) onProgress?.(done, total);
    const a = sorted[k]!;
    const quote = a.text;
    if (quote.length === 0) {
      done++;
      continue; // nothing to look for: an orphan
    }
    const expected = a.start + lastDrift;
    if (intactAt(text, a, expected)) {
      placeExactly(k, expected);
      lastDrift = expected - a.start;
      continue;
    }
    if (expected !== a.start && intactAt(text, a, a.start)) {
      placeExactly(k, a.start);
      lastDrift = 0;
      continue;
    }
    let near: number[] = [];
    for (const radius of EXACT_RADII) {
      near = exactIn(text, quote, expected - radius, expected + quote.length + radius, NEAR_CAP);
      if (near.length > 0) break;
    }
    if (!near.includes(a.start) && text.startsWith(quote, a.start)) near.push(a.start);
    const expectedAt = [expected, a.start];
    const chosen = chooseExact(
      near.map((at) => evaluate(text, a, at, at + quote.length, 0, expectedAt)),
      a,
    );
    if (chosen) {
      placeExactly(k, chosen.start);
      lastDrift = chosen.start - a.start;
    } else {
      pending.push({ k, near, expected });
    }
  }

  // Pass 2: the rest, knowing the next exact placement's drift too.
  if (pending.length > 0) {
    const nextDrift = new Float64Array(total);
    let following = 0;
    for (let k = total - 1; k >= 0; k--) {
      nextDrift[k] = following;
      if (!Number.isNaN(drift[k]!)) following = drift[k]!;
    }
    // 2a. Exact matches near the other expected places too, then an exact placement if one is
    // clear, else the best approximate match in a narrow window.
    const rest: Unsettled[] = [];
    for (let i = 0; i < pending.length; i++) {
      if (i % PROGRESS_EVERY === 0 && i > 0) onProgress?.(done, total);
      const item = pending[i]!;
      const a = sorted[item.k]!;
      const quote = a.text;
      const expectedAt = [...new Set([item.expected, a.start + nextDrift[item.k]!, a.start])];
      for (const e of expectedAt) {
        if (Math.abs(e - item.expected) <= NEAR_DISTANCE) continue; // pass 1 searched there
        for (const at of exactIn(text, quote, e - EXACT_RADII[1]!, e + quote.length + EXACT_RADII[1]!, NEAR_CAP)) {
          if (!item.near.includes(at)) item.near.push(at);
        }
      }
      const exact = scoreExact(text, a, item.near, expectedAt);
      const chosen = chooseExact(exact, a);
      if (chosen) {
        placeExactly(item.k, chosen.start);
        continue;
      }
      const unsettled: Unsettled = { k: item.k, expectedAt, positions: item.near, best: bestFlaggable(a, exact) };
      // An edited original may beat an exact copy elsewhere, so this runs even after exact matches.
      approximate(text, a, unsettled, APPROX_SLACKS[0]!);
      rest.push(unsettled);
    }

    // 2b. One pass over the whole text for the quotes found nowhere near and not placed well
    // near either (a far match is placed quietly only with its whole context; see agrees()).
    const wholeTextQuotes = new Set<string>();
    let shortQuotes = 0;
    const searchesWholeText = (u: Unsettled) => u.positions.length === 0 && !(u.best && u.best.score >= STRONG_SCORE);
    for (const u of rest) {
      if (!searchesWholeText(u)) continue;
      const quote = sorted[u.k]!.text;
      if (quote.length >= GRAM) wholeTextQuotes.add(quote);
      else if (!wholeTextQuotes.has(quote) && shortQuotes < SHORT_WHOLE_TEXT_LIMIT) {
        wholeTextQuotes.add(quote);
        shortQuotes++;
      }
    }
    const everywhere = wholeTextQuotes.size > 0 ? exactEverywhere(text, wholeTextQuotes, WHOLE_TEXT_CAP) : new Map<string, number[]>();

    // 2c. Decide: exactly, else flagged on the best candidate (widening the approximate search
    // when nothing good enough was found), else orphaned.
    for (let i = 0; i < rest.length; i++) {
      if (i % PROGRESS_EVERY === 0 && i > 0) onProgress?.(done, total);
      const u = rest[i]!;
      const a = sorted[u.k]!;
      const whole = searchesWholeText(u) ? everywhere.get(a.text) : undefined;
      if (whole && whole.length > 0) {
        u.positions = whole;
        const exact = scoreExact(text, a, whole, u.expectedAt);
        const chosen = chooseExact(exact, a);
        if (chosen) {
          placeExactly(u.k, chosen.start);
          continue;
        }
        const flaggable = bestFlaggable(a, exact);
        if (flaggable && (!u.best || flaggable.score > u.best.score)) u.best = flaggable;
      }
      if (!u.best || u.best.score < MIN_ANCHOR_SCORE) approximate(text, a, u, APPROX_SLACKS[1]!);
      if (u.best && u.best.score >= MIN_ANCHOR_SCORE) {
        placed[u.k] = place(text, a, u.best.start, u.best.end, true);
        report.fuzzy++;
      }
      done++;
    }
  }

  const result: Annotation[] = [];
  const orphans: Annotation[] = [];
  for (let k = 0; k < total; k++) {
    const p = placed[k];
    if (p) result.push(p);
    else orphans.push({ ...sorted[k]! });
  }
  result.sort(compareSpans);
  report.orphaned = orphans.length;
  onProgress?.(total, total);
  return { annotations: result, orphans, report };
}

/**
 * Scores exact matches. Of very many (a name said hundreds of times) only the nearest
 * SCORED_CAP to an expected place, and any with one side of the context as before, are worth
 * the edit-distance work.
 */
function scoreExact(text: string, a: Annotation, positions: readonly number[], expectedAt: readonly number[]): Candidate[] {
  const length = a.text.length;
  if (positions.length <= SCORED_CAP) return positions.map((at) => evaluate(text, a, at, at + length, 0, expectedAt));
  const byDistance = positions.map((at) => ({ at, distance: Math.min(...expectedAt.map((e) => Math.abs(at - e))) }));
  byDistance.sort((x, y) => x.distance - y.distance);
  const scored: Candidate[] = [];
  for (let i = 0; i < byDistance.length; i++) {
    const at = byDistance[i]!.at;
    const sideIntact = text.startsWith(a.suffix, at + length) || (at >= a.prefix.length && text.startsWith(a.prefix, at - a.prefix.length));
    if (i < SCORED_CAP || sideIntact) scored.push(evaluate(text, a, at, at + length, 0, expectedAt));
  }
  return scored;
}
