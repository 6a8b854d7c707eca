// Runs a suggester over gold stories and scores what it proposes (metrics.ts has the rules).
// The suggester is a parameter, so tests pass small fakes and the command passes suggest.ts.
import type { GoldDocument } from './gold.js';
import {
  accuracy,
  countQuotes,
  countSpeakers,
  matchQuotes,
  meanRankingScores,
  precisionRecall,
  scoreRanking,
  type MeanRankingScores,
  type PrecisionRecall,
  type QuoteDocumentCounts,
  type RankingScores,
  type SpeakerCounts,
} from './metrics.js';
import type { QuoteKind, QuoteSuggestion, Span, Suggestions } from './types.js';

export interface Suggester {
  suggest(text: string): Suggestions;
  scoreClaimSentences(text: string, sentences: readonly Span[]): number[];
}

/** What the suggester gave for one story; one run feeds both the figures and the error list. */
export interface StoryRun {
  id: string;
  /** null when the story has no quote gold (the suggester is not asked). */
  quotes: QuoteSuggestion[] | null;
  /** One score per gold sentence in document order; null when the story has no sentence gold. */
  claimScores: number[] | null;
}

export interface KindCounts {
  direct: number;
  indirect: number;
  total: number;
}

export interface EvaluationResult {
  counts: {
    documents: number;
    quoteDocuments: number;
    claimDocuments: number;
    goldQuotes: KindCounts;
    suggestedQuotes: KindCounts;
    sentences: number;
    checkWorthy: number;
  };
  quotes: { exact: PrecisionRecall; overlap: PrecisionRecall } & Record<QuoteKind, { exact: PrecisionRecall; overlap: PrecisionRecall }>;
  /** Over all matched quotes, and within each kind's own matching (as its F1 is). */
  speakers: SpeakerCounts & { accuracy: number } & Record<QuoteKind, SpeakerCounts & { accuracy: number }>;
  claims: MeanRankingScores;
}

export interface QuoteError extends Span {
  documentId: string;
  kind: QuoteKind;
  text: string;
  /** About 40 characters of the story on each side. */
  before: string;
  after: string;
  /** Why the suggester proposed it (false positives only). */
  reason?: string;
}

export interface QuoteErrors {
  falsePositives: QuoteError[];
  falseNegatives: QuoteError[];
}

const CONTEXT = 40;

const inDocumentOrder = <T extends Span>(spans: readonly T[]): T[] => [...spans].sort((a, b) => a.start - b.start || a.end - b.end);

export function runSuggester(gold: readonly GoldDocument[], suggester: Suggester): StoryRun[] {
  return gold.map((doc) => {
    const quotes = doc.quotes ? suggester.suggest(doc.text).quotes : null;
    let claimScores: number[] | null = null;
    if (doc.sentences && doc.sentences.length > 0) {
      const sentences = inDocumentOrder(doc.sentences).map(({ start, end }) => ({ start, end }));
      claimScores = suggester.scoreClaimSentences(doc.text, sentences);
      if (claimScores.length !== sentences.length) {
        throw new Error(`the suggester gave ${claimScores.length} scores for the ${sentences.length} sentences of story ${JSON.stringify(doc.id)}`);
      }
      if (claimScores.some((s) => !Number.isFinite(s))) throw new Error(`the suggester gave a score that is not a number for story ${JSON.stringify(doc.id)}`);
    }
    return { id: doc.id, quotes, claimScores };
  });
}

function runsOf(gold: readonly GoldDocument[], from: Suggester | readonly StoryRun[]): readonly StoryRun[] {
  if (!Array.isArray(from)) return runSuggester(gold, from as Suggester);
  if (from.length !== gold.length || from.some((run: StoryRun, i) => run.id !== gold[i]!.id)) throw new Error('these runs are of another gold file');
  return from;
}

const kindCounts = (quotes: ReadonlyArray<{ kind: QuoteKind }>): KindCounts => {
  const direct = quotes.filter((q) => q.kind === 'direct').length;
  return { direct, indirect: quotes.length - direct, total: quotes.length };
};

/** Every figure; pass the runs of runSuggester to score one run more than once. */
export function evaluate(gold: readonly GoldDocument[], suggester: Suggester | readonly StoryRun[]): EvaluationResult {
  const runs = runsOf(gold, suggester);
  const quoteCounts: QuoteDocumentCounts[] = [];
  const speakerCounts: SpeakerCounts[] = [];
  const speakerCountsByKind: Record<QuoteKind, SpeakerCounts[]> = { direct: [], indirect: [] };
  const rankings: RankingScores[] = [];
  const goldQuotes: Array<{ kind: QuoteKind }> = [];
  const suggested: Array<{ kind: QuoteKind }> = [];
  let sentences = 0;
  let checkWorthy = 0;
  gold.forEach((doc, i) => {
    const run = runs[i]!;
    if (doc.quotes && run.quotes) {
      quoteCounts.push(countQuotes(doc.quotes, run.quotes));
      speakerCounts.push(countSpeakers(doc.quotes, run.quotes));
      for (const kind of ['direct', 'indirect'] as const) {
        speakerCountsByKind[kind].push(countSpeakers(doc.quotes.filter((q) => q.kind === kind), run.quotes.filter((q) => q.kind === kind)));
      }
      goldQuotes.push(...doc.quotes);
      suggested.push(...run.quotes);
    }
    if (doc.sentences && run.claimScores) {
      const worthy = inDocumentOrder(doc.sentences).map((s) => s.checkWorthy);
      rankings.push(scoreRanking(run.claimScores, worthy));
      sentences += worthy.length;
      checkWorthy += worthy.filter(Boolean).length;
    }
  });
  const both = (pick: (c: QuoteDocumentCounts) => { exact: QuoteDocumentCounts['exact']; overlap: QuoteDocumentCounts['overlap'] }) => ({
    exact: precisionRecall(quoteCounts.map((c) => pick(c).exact)),
    overlap: precisionRecall(quoteCounts.map((c) => pick(c).overlap)),
  });
  return {
    counts: {
      documents: gold.length,
      quoteDocuments: quoteCounts.length,
      claimDocuments: rankings.length,
      goldQuotes: kindCounts(goldQuotes),
      suggestedQuotes: kindCounts(suggested),
      sentences,
      checkWorthy,
    },
    quotes: { ...both((c) => c), direct: both((c) => c.byKind.direct), indirect: both((c) => c.byKind.indirect) },
    speakers: { ...accuracy(speakerCounts), direct: accuracy(speakerCountsByKind.direct), indirect: accuracy(speakerCountsByKind.indirect) },
    claims: meanRankingScores(rankings),
  };
}

function quoteError(doc: GoldDocument, span: Span & { kind: QuoteKind }, reason?: string): QuoteError {
  const { text } = doc;
  const error: QuoteError = {
    documentId: doc.id,
    start: span.start,
    end: span.end,
    kind: span.kind,
    text: text.slice(span.start, span.end),
    before: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    after: text.slice(span.end, span.end + CONTEXT),
  };
  if (reason !== undefined) error.reason = reason;
  return error;
}

/** Up to n false positives and n false negatives under the overlap rule, stories in gold order. */
export function errors(gold: readonly GoldDocument[], suggester: Suggester | readonly StoryRun[], n: number): QuoteErrors {
  const runs = runsOf(gold, suggester);
  const result: QuoteErrors = { falsePositives: [], falseNegatives: [] };
  gold.forEach((doc, i) => {
    const predicted = runs[i]!.quotes;
    if (!doc.quotes || !predicted) return;
    const match = matchQuotes(doc.quotes, predicted, 'overlap');
    for (const g of match.unmatchedGold) if (result.falseNegatives.length < n) result.falseNegatives.push(quoteError(doc, doc.quotes[g]!));
    for (const p of match.unmatchedPredicted) {
      if (result.falsePositives.length < n) result.falsePositives.push(quoteError(doc, predicted[p]!, predicted[p]!.reason));
    }
  });
  return result;
}

const figure = (x: number): string => x.toFixed(3);
const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

/** The first `labels` columns are words (left), the rest figures (right). */
function table(header: string[], rows: string[][], labels: number): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < labels ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < labels ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)];
}

function errorLines(title: string, list: readonly QuoteError[]): string[] {
  if (list.length === 0) return [];
  const lines = ['', `## ${title}`];
  for (const e of list) {
    const why = e.reason ? ` (${oneLine(e.reason)})` : '';
    lines.push(`- ${e.documentId} ${e.start}–${e.end} ${e.kind}${why}: …${oneLine(e.before)}[[${oneLine(e.text)}]]${oneLine(e.after)}…`);
  }
  return lines;
}

export interface ReportExtras {
  gold?: string;
  date?: string;
  errors?: QuoteErrors;
}

/** The figures as markdown-style tables for the terminal. */
export function formatReport(result: EvaluationResult, extras: ReportExtras = {}): string {
  const { counts, claims } = result;
  const lines = ['# Suggestion evaluation'];
  if (extras.gold !== undefined || extras.date !== undefined) lines.push(`gold: ${extras.gold ?? '?'} · ${extras.date ?? ''}`.trimEnd());
  const g = counts.goldQuotes;
  const s = counts.suggestedQuotes;
  lines.push(
    `${counts.documents} documents; ${counts.quoteDocuments} with quote gold: ${g.total} gold quotes (${g.direct} direct, ${g.indirect} indirect), ` +
      `${s.total} suggested (${s.direct} direct, ${s.indirect} indirect); ${counts.claimDocuments} with claim gold: ${counts.sentences} sentences, ${counts.checkWorthy} check-worthy`,
    '',
    '## Quotes',
  );
  if (counts.quoteDocuments === 0) lines.push('No quote gold in this file.');
  else lines.push(...quoteTable(result));
  lines.push('', '## Claims (CLEF CheckThat! 2019 Task 1)');
  if (counts.claimDocuments === 0) lines.push('No claim gold in this file.');
  else {
    lines.push(
      ...table(
        ['documents', 'without check-worthy', 'MAP', 'P@10', 'R-Prec'],
        [[String(claims.documents), String(claims.documentsWithoutCheckWorthy), figure(claims.map), figure(claims.precisionAt10), figure(claims.rPrecision)]],
        0,
      ),
    );
  }
  if (extras.errors) {
    lines.push(...errorLines('Missed gold quotes (false negatives, overlap rule)', extras.errors.falseNegatives));
    lines.push(...errorLines('Suggested quotes not in the gold (false positives, overlap rule)', extras.errors.falsePositives));
  }
  return `${lines.join('\n')}\n`;
}

function quoteTable({ quotes, speakers }: EvaluationResult): string[] {
  const rows: string[][] = [];
  for (const kind of ['all', 'direct', 'indirect'] as const) {
    const pair = kind === 'all' ? quotes : quotes[kind];
    for (const rule of ['exact', 'overlap'] as const) {
      const r = pair[rule];
      rows.push([rule === 'exact' ? 'exact' : 'overlap > 30%', kind, String(r.gold), String(r.predicted), String(r.matched), figure(r.precision), figure(r.recall), figure(r.f1)]);
    }
  }
  return [
    ...table(['match', 'kind', 'gold', 'suggested', 'matched', 'precision', 'recall', 'F1'], rows, 2),
    '',
    'Speaker accuracy (overlap-matched quotes whose gold has a speaker):',
    ...(['all', 'direct', 'indirect'] as const).map((kind) => {
      const s = kind === 'all' ? speakers : speakers[kind];
      return `- ${kind}: ${s.correct} of ${s.judged} = ${figure(s.accuracy)}`;
    }),
  ];
}
