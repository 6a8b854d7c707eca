// The scoring rules, on spans small enough to count by hand.
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  averagePrecision,
  countQuotes,
  countSpeakers,
  matchQuotes,
  meanRankingScores,
  precisionAt,
  precisionRecall,
  rankRelevance,
  rPrecision,
  scoreRanking,
  type QuoteSpan,
} from '../../../../electron/services/suggestions/metrics.js';

const span = (start: number, end: number) => ({ start, end });
const direct = (start: number, end: number, more: Partial<QuoteSpan> = {}): QuoteSpan => ({ start, end, kind: 'direct', ...more });
const indirect = (start: number, end: number): QuoteSpan => ({ start, end, kind: 'indirect' });

describe('quote matching', () => {
  it('exact needs the same start and end; overlap needs more than 30% of the gold quote', () => {
    const gold = [span(10, 20)];
    expect(matchQuotes(gold, [span(10, 20)], 'exact').pairs).toHaveLength(1);
    expect(matchQuotes(gold, [span(12, 20)], 'exact').pairs).toHaveLength(0);
    expect(matchQuotes(gold, [span(12, 20)], 'overlap').pairs).toHaveLength(1);
  });

  it('exactly 30% does not match, just over does', () => {
    // 3 of 10 gold characters = 0.3; 4 of 10 = 0.4; 6 of 20 = 0.3; 7 of 20 = 0.35.
    expect(matchQuotes([span(0, 10)], [span(7, 15)], 'overlap').pairs).toHaveLength(0);
    expect(matchQuotes([span(0, 10)], [span(6, 15)], 'overlap').pairs).toHaveLength(1);
    expect(matchQuotes([span(0, 20)], [span(14, 40)], 'overlap').pairs).toHaveLength(0);
    expect(matchQuotes([span(0, 20)], [span(13, 40)], 'overlap').pairs).toHaveLength(1);
  });

  it('measures the overlap against the gold quote, not the prediction', () => {
    // A prediction wholly inside a long gold quote covers 10 of its 100 characters.
    expect(matchQuotes([span(0, 100)], [span(0, 10)], 'overlap').pairs).toHaveLength(0);
    // A long prediction covers all of a short gold quote.
    expect(matchQuotes([span(40, 50)], [span(0, 100)], 'overlap').pairs).toHaveLength(1);
  });

  it('one prediction cannot match two gold quotes', () => {
    const result = matchQuotes([span(0, 10), span(10, 20)], [span(0, 20)], 'overlap');
    expect(result.pairs).toEqual([{ gold: 0, predicted: 0 }]);
    expect(result.unmatchedGold).toEqual([1]);
    expect(precisionRecall([countQuotes([direct(0, 10), direct(10, 20)], [direct(0, 20)]).overlap])).toMatchObject({ precision: 1, recall: 0.5 });
  });

  it('takes gold quotes in document order, each to its largest still-unmatched overlap', () => {
    // A = 0–10, B = 2–12, listed B first. p1 = 0–10 overlaps A by 10, B by 8; p2 = 5–12 overlaps
    // A by 5, B by 7. A comes first in the text and takes p1 (10 > 5); p1 is gone, so B takes
    // p2 (7/10). In list order B would have taken p1 (8 > 7) and left A p2.
    const result = matchQuotes([span(2, 12), span(0, 10)], [span(0, 10), span(5, 12)], 'overlap');
    expect(result.pairs).toEqual([
      { gold: 1, predicted: 0 },
      { gold: 0, predicted: 1 },
    ]);
    // The largest overlap wins even when a smaller one comes first: A = 0–10 takes p2 = 2–12 (8), not p1 = 0–4 (4).
    expect(matchQuotes([span(0, 10)], [span(0, 4), span(2, 12)], 'overlap').pairs).toEqual([{ gold: 0, predicted: 1 }]);
  });

  it('splits by kind: gold and predictions of that kind only', () => {
    const gold = [direct(0, 10), indirect(20, 30)];
    const predicted = [direct(0, 10), direct(20, 30), indirect(40, 50)];
    const counts = countQuotes(gold, predicted);
    // All kinds: both gold quotes are found (the second by a "direct" prediction), 2 of 3 predictions right.
    expect(counts.overlap).toEqual({ gold: 2, predicted: 3, matched: 2 });
    expect(counts.byKind.direct.overlap).toEqual({ gold: 1, predicted: 2, matched: 1 });
    expect(counts.byKind.indirect.overlap).toEqual({ gold: 1, predicted: 1, matched: 0 });
    expect(precisionRecall([counts.byKind.indirect.overlap])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('sums counts over documents before dividing (micro), and gives 0 rather than NaN', () => {
    // Story 1: 2 gold, 1 suggested, 1 matched. Story 2: 0 gold, 3 suggested. P = 1/4, R = 1/2, F1 = 1/3.
    const result = precisionRecall([
      { gold: 2, predicted: 1, matched: 1 },
      { gold: 0, predicted: 3, matched: 0 },
    ]);
    expect(result).toMatchObject({ gold: 2, predicted: 4, matched: 1, precision: 0.25, recall: 0.5 });
    expect(result.f1).toBeCloseTo(1 / 3, 12);
    expect(precisionRecall([{ gold: 0, predicted: 0, matched: 0 }])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('speaker accuracy', () => {
  it('counts overlap-matched quotes whose gold has a speaker; right by overlapping mention or same name', () => {
    const gold: QuoteSpan[] = [
      direct(0, 40, { speaker: span(50, 60), speakerName: 'Ana Ortiz' }),
      direct(100, 140, { speaker: span(150, 160), speakerName: 'Ada Lovelace' }),
      direct(200, 240, { speaker: span(250, 260), speakerName: 'the mayor' }),
      direct(300, 340, { speaker: null, speakerName: null }),
      direct(400, 440, { speaker: span(450, 460), speakerName: 'Never Found' }),
    ];
    const predicted: QuoteSpan[] = [
      // mentions overlap by 2 characters, names differ: right
      direct(0, 40, { speaker: span(58, 70), speakerName: 'Ortiz' }),
      // mentions apart, same name but for case and spaces: right
      direct(100, 140, { speaker: span(170, 180), speakerName: '  ada lovelace ' }),
      // mentions only touch (260 is exclusive), other name: wrong
      direct(200, 240, { speaker: span(260, 270), speakerName: 'the council' }),
      // gold has no speaker: left out
      direct(300, 340, { speaker: span(345, 350), speakerName: 'Someone' }),
    ];
    expect(countSpeakers(gold, predicted)).toEqual({ judged: 3, correct: 2 });
    expect(accuracy([{ judged: 3, correct: 2 }, { judged: 1, correct: 1 }])).toEqual({ judged: 4, correct: 3, accuracy: 0.75 });
    expect(accuracy([])).toEqual({ judged: 0, correct: 0, accuracy: 0 });
  });

  it('a prediction with no speaker is wrong', () => {
    expect(countSpeakers([direct(0, 10, { speaker: span(20, 25), speakerName: 'Ana' })], [direct(0, 10, { speaker: null, speakerName: null })])).toEqual({ judged: 1, correct: 0 });
  });
});

describe('claim ranking (CLEF CheckThat! 2019 Task 1)', () => {
  // Twelve sentences, check-worthy: s1, s4, s9, s11 (R = 4). s1 and s2 tie at 0.8: s1 comes
  // first in the story, so it ranks first.
  // Ranked: s0 s1* s2 s4* s6 s7 s8 s9* s5 s3 | s10 s11*  (ranks 2, 4, 8, 12 are relevant)
  // AP = (1/2 + 2/4 + 3/8 + 4/12) / 4 = (41/24) / 4 = 41/96
  // P@10 = 3/10 (s1, s4, s9 in the top ten); R-Prec = P@4 = 2/4 (s1, s4 among s0 s1 s2 s4).
  const scores = [0.9, 0.8, 0.8, 0.1, 0.7, 0.2, 0.6, 0.5, 0.4, 0.3, 0.05, 0];
  const worthy = [1, 4, 9, 11];
  const checkWorthy = scores.map((_, i) => worthy.includes(i));

  it('ranks by score, ties in story order', () => {
    expect(rankRelevance(scores, checkWorthy).map((r) => (r ? 'R' : '.')).join('')).toBe('.R.R...R...R');
  });

  it('gives AP, P@10 and R-Prec of one story', () => {
    const ranked = rankRelevance(scores, checkWorthy);
    expect(averagePrecision(ranked)).toBeCloseTo(41 / 96, 12);
    expect(precisionAt(ranked, 10)).toBe(0.3);
    expect(rPrecision(ranked)).toBe(0.5);
    // A story shorter than 10 still divides by 10: 2 relevant of 2 sentences = 0.2.
    expect(scoreRanking([0.1, 0.9], [true, true])).toEqual({ sentences: 2, relevant: 2, averagePrecision: 1, precisionAt10: 0.2, rPrecision: 1 });
  });

  it('averages over stories, a story with no check-worthy sentence counting as 0', () => {
    const stories = [scoreRanking(scores, checkWorthy), scoreRanking([0.5, 0.4, 0.3], [false, false, false]), scoreRanking([0.1, 0.9], [true, true])];
    expect(stories[1]).toMatchObject({ averagePrecision: 0, precisionAt10: 0, rPrecision: 0 });
    const mean = meanRankingScores(stories);
    // MAP = (41/96 + 0 + 1) / 3 = 137/288; P@10 = (0.3 + 0 + 0.2) / 3; R-Prec = (0.5 + 0 + 1) / 3.
    expect(mean.documents).toBe(3);
    expect(mean.documentsWithoutCheckWorthy).toBe(1);
    expect(mean.map).toBeCloseTo(137 / 288, 12);
    expect(mean.precisionAt10).toBeCloseTo(1 / 6, 12);
    expect(mean.rPrecision).toBeCloseTo(0.5, 12);
    expect(meanRankingScores([])).toMatchObject({ documents: 0, map: 0 });
  });
});
