// evaluate() with a fake suggester whose every answer is known, so each figure can be counted by hand.
import { describe, expect, it } from 'vitest';
import { errors, evaluate, formatReport, runSuggester, type Suggester } from '../../../../electron/services/suggestions/evaluate.js';
import type { GoldDocument } from '../../../../electron/services/suggestions/gold.js';
import type { QuoteKind, QuoteSuggestion, Span } from '../../../../electron/services/suggestions/types.js';

const BRIDGE =
  '“We will reopen the bridge in May,” Mayor Ana Ortiz said on Monday. The council said it would vote on the budget next week. ' +
  'Officials told reporters the repairs would cost more. Residents were not convinced.';
const DEBATE = 'Good evening.\nUnemployment fell to 4 percent.\nThank you all.\nCrime doubled last year.';
const WEATHER = 'Weather: sunny.';

function at(text: string, phrase: string): Span {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

const suggestion = (text: string, phrase: string, kind: QuoteKind, speaker: string | null, speakerName: string | null): QuoteSuggestion => ({
  ...at(text, phrase),
  kind,
  cue: null,
  speaker: speaker ? at(text, speaker) : null,
  speakerName,
  score: 0.5,
  reason: `fake: ${phrase}`,
});

const lines = DEBATE.split('\n');
const sentence = (i: number, checkWorthy: boolean) => ({ ...at(DEBATE, lines[i]!), checkWorthy });

const GOLD: GoldDocument[] = [
  {
    id: 'bridge',
    text: BRIDGE,
    quotes: [
      { ...at(BRIDGE, '“We will reopen the bridge in May,”'), kind: 'direct', speaker: at(BRIDGE, 'Mayor Ana Ortiz'), speakerName: 'Ana Ortiz' },
      { ...at(BRIDGE, 'it would vote on the budget next week'), kind: 'indirect', speaker: at(BRIDGE, 'The council'), speakerName: 'The council' },
      { ...at(BRIDGE, 'the repairs would cost more'), kind: 'indirect', speaker: at(BRIDGE, 'Officials'), speakerName: 'Officials' },
    ],
  },
  // Sentences listed out of story order: the scorer is asked in story order all the same.
  { id: 'debate', text: DEBATE, sentences: [sentence(3, true), sentence(2, false), sentence(1, true), sentence(0, false)] },
  { id: 'weather', text: WEATHER, quotes: [] },
  { id: 'notes', text: 'Call the council back.' },
];

const CLAIM_SCORES: Record<string, number> = { 'Good evening.': 0.5, 'Unemployment fell to 4 percent.': 0.9, 'Thank you all.': 0.1, 'Crime doubled last year.': 0.2 };

function fakeSuggester() {
  const asked: string[] = [];
  const spansAsked: Span[][] = [];
  const suggester: Suggester = {
    suggest(text) {
      asked.push(text);
      if (text === WEATHER) return { quotes: [suggestion(WEATHER, 'sunny', 'indirect', null, null)], claims: [] };
      return {
        quotes: [
          // exact, right speaker by overlap
          suggestion(BRIDGE, '“We will reopen the bridge in May,”', 'direct', 'Ana Ortiz', 'Ana Ortiz'),
          // not in the gold
          suggestion(BRIDGE, 'Residents were not convinced', 'indirect', 'Residents', 'Residents'),
          // 20 of the 37 gold characters, as the wrong kind and with the wrong speaker
          suggestion(BRIDGE, 'the budget next week', 'direct', null, 'Ana Ortiz'),
        ],
        claims: [],
      };
    },
    scoreClaimSentences(text, spans) {
      spansAsked.push([...spans]);
      return spans.map((s) => CLAIM_SCORES[text.slice(s.start, s.end)]!);
    },
  };
  return { suggester, asked, spansAsked };
}

describe('evaluate', () => {
  it('counts what there is to measure, asking only about stories with gold', () => {
    const fake = fakeSuggester();
    const result = evaluate(GOLD, fake.suggester);
    expect(result.counts).toEqual({
      documents: 4,
      quoteDocuments: 2,
      claimDocuments: 1,
      goldQuotes: { direct: 1, indirect: 2, total: 3 },
      suggestedQuotes: { direct: 2, indirect: 2, total: 4 },
      sentences: 4,
      checkWorthy: 2,
    });
    expect(fake.asked).toEqual([BRIDGE, WEATHER]);
    expect(fake.spansAsked).toEqual([lines.map((l) => at(DEBATE, l))]);
  });

  it('scores quotes exact and by overlap, all and by kind, summed over stories', () => {
    const { quotes } = evaluate(GOLD, fakeSuggester().suggester);
    // Exact: 1 of 4 suggestions, 1 of 3 gold. Overlap: 2 of 4, 2 of 3 (the "direct" budget quote finds the indirect gold).
    expect(quotes.exact).toMatchObject({ matched: 1, precision: 0.25 });
    expect(quotes.exact.recall).toBeCloseTo(1 / 3, 12);
    expect(quotes.exact.f1).toBeCloseTo(2 / 7, 12);
    expect(quotes.overlap).toMatchObject({ matched: 2, precision: 0.5 });
    expect(quotes.overlap.f1).toBeCloseTo(4 / 7, 12);
    expect(quotes.direct.overlap).toMatchObject({ gold: 1, predicted: 2, matched: 1, precision: 0.5, recall: 1 });
    // The weather story's suggestion counts against indirect precision: its gold says no quotes.
    expect(quotes.indirect.overlap).toMatchObject({ gold: 2, predicted: 2, matched: 0, f1: 0 });
  });

  it('scores speakers on overlap-matched quotes and claims as CLEF ranks them', () => {
    const result = evaluate(GOLD, fakeSuggester().suggester);
    // All: the mayor's quote right, the budget one wrong. Within each kind's own matching, the
    // budget suggestion (direct) cannot meet the indirect gold, so direct is 1 of 1 and indirect judges none.
    expect(result.speakers).toEqual({
      judged: 2,
      correct: 1,
      accuracy: 0.5,
      direct: { judged: 1, correct: 1, accuracy: 1 },
      indirect: { judged: 0, correct: 0, accuracy: 0 },
    });
    // Story order: Good, Unemployment*, Thank, Crime*. Ranked: Unemployment* (0.9), Good, Crime* (0.2), Thank.
    // AP = (1/1 + 2/3) / 2 = 5/6; P@10 = 2/10; R-Prec = 1 of the top 2.
    expect(result.claims.map).toBeCloseTo(5 / 6, 12);
    expect(result.claims).toMatchObject({ documents: 1, documentsWithoutCheckWorthy: 0, precisionAt10: 0.2, rPrecision: 0.5 });
  });

  it('scores one run twice the same way, without asking the suggester again', () => {
    const fake = fakeSuggester();
    const runs = runSuggester(GOLD, fake.suggester);
    expect(evaluate(GOLD, runs)).toEqual(evaluate(GOLD, fakeSuggester().suggester));
    errors(GOLD, runs, 3);
    expect(fake.asked).toHaveLength(2);
    expect(() => evaluate(GOLD.slice(1), runs)).toThrow('these runs are of another gold file');
  });

  it('lists missed and unfounded quotes with their story and context', () => {
    const found = errors(GOLD, fakeSuggester().suggester, 5);
    const repairs = at(BRIDGE, 'the repairs would cost more');
    expect(found.falseNegatives).toEqual([
      { documentId: 'bridge', ...repairs, kind: 'indirect', text: 'the repairs would cost more', before: BRIDGE.slice(repairs.start - 40, repairs.start), after: BRIDGE.slice(repairs.end, repairs.end + 40) },
    ]);
    expect(found.falsePositives.map((e) => [e.documentId, e.text, e.reason])).toEqual([
      ['bridge', 'Residents were not convinced', 'fake: Residents were not convinced'],
      ['weather', 'sunny', 'fake: sunny'],
    ]);
    // Context stops at the edges of the story.
    expect(found.falsePositives[1]).toMatchObject({ before: 'Weather: ', after: '.' });
    expect(errors(GOLD, fakeSuggester().suggester, 1).falsePositives.map((e) => e.text)).toEqual(['Residents were not convinced']);
  });

  it('stops on a scorer that does not give one score per sentence', () => {
    const broken: Suggester = { suggest: () => ({ quotes: [], claims: [] }), scoreClaimSentences: () => [0.5] };
    expect(() => evaluate(GOLD, broken)).toThrow('the suggester gave 1 scores for the 4 sentences of story "debate"');
  });
});

describe('formatReport', () => {
  it('shows the counts and the figures in tables', () => {
    const result = evaluate(GOLD, fakeSuggester().suggester);
    const report = formatReport(result, { gold: 'tiny.jsonl', date: '2025-01-02T03:04:05.000Z', errors: errors(GOLD, fakeSuggester().suggester, 5) });
    expect(report).toContain('gold: tiny.jsonl · 2025-01-02T03:04:05.000Z');
    expect(report).toContain('3 gold quotes (1 direct, 2 indirect), 4 suggested (2 direct, 2 indirect)');
    expect(report).toMatch(/\| exact +\| all +\| +3 \| +4 \| +1 \| +0\.250 \| +0\.333 \| 0\.286 \|/);
    expect(report).toMatch(/\| overlap > 30% \| all +\| +3 \| +4 \| +2 \| +0\.500 \| +0\.667 \| 0\.571 \|/);
    expect(report).toMatch(/\| overlap > 30% \| direct +\| +1 \| +2 \| +1 \| +0\.500 \| +1\.000 \| 0\.667 \|/);
    expect(report).toContain('1 of 2 = 0.500');
    expect(report).toMatch(/\| +1 \| +0 \| 0\.833 \| 0\.200 \| +0\.500 \|/);
    expect(report).toContain('[[the repairs would cost more]]');
    expect(report).toContain('weather');
  });

  it('says so when the file has no gold of a kind, rather than a table of zeros', () => {
    const quotesOnly = GOLD.filter((d) => d.id !== 'debate');
    const report = formatReport(evaluate(quotesOnly, fakeSuggester().suggester));
    expect(report).toContain('## Claims (CLEF CheckThat! 2019 Task 1)\nNo claim gold in this file.');
    expect(report).not.toContain('MAP');
    expect(report).toContain('| overlap > 30% |');
    expect(formatReport(evaluate([GOLD[1]!], fakeSuggester().suggester))).toContain('## Quotes\nNo quote gold in this file.');
  });
});
