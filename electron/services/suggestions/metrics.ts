// How suggestions are scored against gold, as pure functions (evaluate.ts feeds them, metrics
// only count). Quotes follow the Gender Gap Tracker's evaluation (sfu-discourse-lab/
// GenderGapTracker, NLP/evaluation/src/eval/evaluate_quotes.py); claims follow the CLEF
// CheckThat! 2019 Task 1 scorer (apepa/clef2019-factchecking-task1, scorer/task1.py).
import type { QuoteKind, Span } from './types.js';

export type MatchRule = 'exact' | 'overlap';

/** A quote as either side has it: gold quotes and suggestions are matched on these fields. */
export interface QuoteSpan extends Span {
  kind: QuoteKind;
  speaker?: Span | null;
  speakerName?: string | null;
}

export interface QuoteMatch {
  /** Pairs of indexes into the gold and predicted lists given. */
  pairs: Array<{ gold: number; predicted: number }>;
  unmatchedGold: number[];
  unmatchedPredicted: number[];
}

export interface MatchCounts {
  gold: number;
  predicted: number;
  /** Matching is one-to-one, so matched gold = matched predictions. */
  matched: number;
}

export interface PrecisionRecall extends MatchCounts {
  precision: number;
  recall: number;
  f1: number;
}

export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The GGT rule: |g ∩ p| / |g| > 0.3, in characters. Compared in integers so that exactly 30%
 * (3 of 10) never passes through a rounding error.
 */
export function overlapMatches(gold: Span, predicted: Span): boolean {
  return overlapLength(gold, predicted) * 10 > (gold.end - gold.start) * 3;
}

const inDocumentOrder = (spans: readonly Span[]): number[] =>
  spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[a]!.end - spans[b]!.end);

/**
 * Gold quotes in document order, each to its best still-unmatched prediction: the largest
 * overlap under 'overlap', the same start and end under 'exact'. Predictions are tried in
 * document order, so of equal overlaps the earliest wins (GGT keeps the first best too).
 */
export function matchQuotes(gold: readonly Span[], predicted: readonly Span[], rule: MatchRule): QuoteMatch {
  const taken = new Set<number>();
  const pairs: QuoteMatch['pairs'] = [];
  const unmatchedGold: number[] = [];
  const candidates = inDocumentOrder(predicted);
  for (const g of inDocumentOrder(gold)) {
    const goldSpan = gold[g]!;
    let best = -1;
    let bestOverlap = 0;
    for (const p of candidates) {
      if (taken.has(p)) continue;
      const span = predicted[p]!;
      const fits = rule === 'exact' ? span.start === goldSpan.start && span.end === goldSpan.end : overlapMatches(goldSpan, span);
      const overlap = overlapLength(goldSpan, span);
      if (fits && overlap > bestOverlap) {
        best = p;
        bestOverlap = overlap;
      }
    }
    if (best < 0) unmatchedGold.push(g);
    else {
      taken.add(best);
      pairs.push({ gold: g, predicted: best });
    }
  }
  const unmatchedPredicted = candidates.filter((p) => !taken.has(p));
  return { pairs, unmatchedGold, unmatchedPredicted };
}

export function countMatches(gold: readonly Span[], predicted: readonly Span[], rule: MatchRule): MatchCounts {
  return { gold: gold.length, predicted: predicted.length, matched: matchQuotes(gold, predicted, rule).pairs.length };
}

/** Micro average: counts are summed over documents before dividing. 0 where nothing to divide. */
export function precisionRecall(counts: readonly MatchCounts[]): PrecisionRecall {
  const sum = (key: keyof MatchCounts): number => counts.reduce((total, c) => total + c[key], 0);
  const gold = sum('gold');
  const predicted = sum('predicted');
  const matched = sum('matched');
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, matched, precision, recall, f1 };
}

/** One document's counts under both rules, for all quotes and for each kind on its own. */
export interface QuoteDocumentCounts {
  exact: MatchCounts;
  overlap: MatchCounts;
  byKind: Record<QuoteKind, { exact: MatchCounts; overlap: MatchCounts }>;
}

export function countQuotes(gold: readonly QuoteSpan[], predicted: readonly QuoteSpan[]): QuoteDocumentCounts {
  const ofKind = (kind: QuoteKind) => {
    const g = gold.filter((q) => q.kind === kind);
    const p = predicted.filter((q) => q.kind === kind);
    return { exact: countMatches(g, p, 'exact'), overlap: countMatches(g, p, 'overlap') };
  };
  return {
    exact: countMatches(gold, predicted, 'exact'),
    overlap: countMatches(gold, predicted, 'overlap'),
    byKind: { direct: ofKind('direct'), indirect: ofKind('indirect') },
  };
}

export interface SpeakerCounts {
  /** Overlap-matched pairs whose gold quote names a speaker (span or name). */
  judged: number;
  correct: number;
}

const hasName = (name: string | null | undefined): name is string => typeof name === 'string' && name.trim() !== '';

/** A speaker is right when the mentions overlap at all, or the names agree ignoring case. */
export function speakerCorrect(gold: QuoteSpan, predicted: QuoteSpan): boolean {
  if (gold.speaker && predicted.speaker && overlapLength(gold.speaker, predicted.speaker) > 0) return true;
  return hasName(gold.speakerName) && hasName(predicted.speakerName) && gold.speakerName.trim().toLowerCase() === predicted.speakerName.trim().toLowerCase();
}

export function countSpeakers(gold: readonly QuoteSpan[], predicted: readonly QuoteSpan[]): SpeakerCounts {
  let judged = 0;
  let correct = 0;
  for (const { gold: g, predicted: p } of matchQuotes(gold, predicted, 'overlap').pairs) {
    const goldQuote = gold[g]!;
    // A gold quote with no speaker (PolNeAR's Attribution-no-source) cannot be got right or wrong.
    if (!goldQuote.speaker && !hasName(goldQuote.speakerName)) continue;
    judged += 1;
    if (speakerCorrect(goldQuote, predicted[p]!)) correct += 1;
  }
  return { judged, correct };
}

export function accuracy(counts: readonly SpeakerCounts[]): SpeakerCounts & { accuracy: number } {
  const judged = counts.reduce((t, c) => t + c.judged, 0);
  const correct = counts.reduce((t, c) => t + c.correct, 0);
  return { judged, correct, accuracy: judged === 0 ? 0 : correct / judged };
}

/** One document's ranking of its sentences, as CLEF scores a debate. */
export interface RankingScores {
  sentences: number;
  relevant: number;
  averagePrecision: number;
  precisionAt10: number;
  rPrecision: number;
}

/**
 * Relevance flags in rank order: score descending; ties keep the order given (document order),
 * as the scorer's stable Python sort does.
 */
export function rankRelevance(scores: readonly number[], checkWorthy: readonly boolean[]): boolean[] {
  return scores
    .map((score, i) => ({ score, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ i }) => checkWorthy[i] === true);
}

/** Relevant among the first k, over k (not over the list's length when it is shorter). */
export function precisionAt(ranked: readonly boolean[], k: number): number {
  if (k <= 0) return 0;
  return ranked.slice(0, k).filter(Boolean).length / k;
}

/** Mean of the precision at each relevant sentence's rank; 0 when none is relevant. */
export function averagePrecision(ranked: readonly boolean[]): number {
  let seen = 0;
  let sum = 0;
  ranked.forEach((relevant, i) => {
    if (!relevant) return;
    seen += 1;
    sum += seen / (i + 1);
  });
  return seen === 0 ? 0 : sum / seen;
}

/** Precision at rank R, R = number of relevant; 0 when R = 0 (the scorer's precisions[-1] is 0 then too). */
export function rPrecision(ranked: readonly boolean[]): number {
  const r = ranked.filter(Boolean).length;
  return r === 0 ? 0 : precisionAt(ranked, r);
}

export function scoreRanking(scores: readonly number[], checkWorthy: readonly boolean[]): RankingScores {
  const ranked = rankRelevance(scores, checkWorthy);
  return {
    sentences: ranked.length,
    relevant: ranked.filter(Boolean).length,
    averagePrecision: averagePrecision(ranked),
    precisionAt10: precisionAt(ranked, 10),
    rPrecision: rPrecision(ranked),
  };
}

export interface MeanRankingScores {
  documents: number;
  /** Documents with no check-worthy sentence: their AP, P@10 and R-Prec are 0, and they count. */
  documentsWithoutCheckWorthy: number;
  map: number;
  precisionAt10: number;
  rPrecision: number;
}

/**
 * Plain means over documents (debates). CLEF's scorer (scorer/task1.py, __main__) divides the
 * summed APs by the number of prediction files, so a debate with no check-worthy line stays in
 * MAP with AP 0; it is not left out, and neither is it here.
 */
export function meanRankingScores(documents: readonly RankingScores[]): MeanRankingScores {
  const n = documents.length;
  const mean = (key: 'averagePrecision' | 'precisionAt10' | 'rPrecision'): number => (n === 0 ? 0 : documents.reduce((t, d) => t + d[key], 0) / n);
  return {
    documents: n,
    documentsWithoutCheckWorthy: documents.filter((d) => d.relevant === 0).length,
    map: mean('averagePrecision'),
    precisionAt10: mean('precisionAt10'),
    rPrecision: mean('rPrecision'),
  };
}
