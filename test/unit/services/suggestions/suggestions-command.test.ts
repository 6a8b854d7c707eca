// `npm run eval:suggestions`, run as a command with the real suggester (suggest.ts) on a tiny gold file.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../helpers/temp-dirs.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const SCRIPT = path.join(ROOT, 'scripts/eval/suggestions.mjs');
const tempDir = useTempDirs();

function evalSuggestions(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: ROOT }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

const at = (text: string, phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

const STORY = '“We will reopen the bridge in May,” Mayor Ana Ortiz told reporters on Monday. The council said it would vote on the budget next week.';
const DEBATE = 'Good evening, everyone.\nUnemployment fell to 4 percent last year.\nThank you.';

async function tinyGold(): Promise<string> {
  const lines = DEBATE.split('\n');
  const docs = [
    {
      id: 'bridge',
      text: STORY,
      quotes: [
        { ...at(STORY, '“We will reopen the bridge in May,”'), kind: 'direct', speaker: at(STORY, 'Mayor Ana Ortiz'), speakerName: 'Ana Ortiz' },
        { ...at(STORY, 'it would vote on the budget next week'), kind: 'indirect', speaker: at(STORY, 'The council'), speakerName: 'The council' },
      ],
    },
    { id: 'debate', text: DEBATE, sentences: lines.map((l, i) => ({ ...at(DEBATE, l), checkWorthy: i === 1 })) },
  ];
  const file = path.join(await tempDir(), 'tiny-gold.jsonl');
  await fs.writeFile(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return file;
}

const figures = (o: Record<string, number>) => [o.precision, o.recall, o.f1];

describe('eval:suggestions', () => {
  it('prints one JSON object with the counts of the gold and figures between 0 and 1', async () => {
    const result = await evalSuggestions(['--gold', await tinyGold(), '--json', '--errors', '2']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.gold).toBe('tiny-gold.jsonl');
    expect(Number.isNaN(Date.parse(report.date))).toBe(false);
    expect(report.counts).toMatchObject({ documents: 2, quoteDocuments: 1, claimDocuments: 1, goldQuotes: { direct: 1, indirect: 1, total: 2 }, sentences: 3, checkWorthy: 1 });
    expect(report.counts.suggestedQuotes.total).toBe(report.quotes.overlap.predicted);
    for (const value of [
      ...figures(report.quotes.exact),
      ...figures(report.quotes.overlap),
      ...figures(report.quotes.direct.overlap),
      ...figures(report.quotes.indirect.overlap),
      report.speakers.accuracy,
      report.claims.map,
      report.claims.precisionAt10,
      report.claims.rPrecision,
    ]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(report.claims.documents).toBe(1);
    // Three sentences, one check-worthy: P@10 can only be 0 or 1/10.
    expect([0, 0.1]).toContain(report.claims.precisionAt10);
    expect(report.errors.falseNegatives.length + report.quotes.overlap.matched).toBe(2);
  });

  it('prints the report with the gold file name and the date', async () => {
    const result = await evalSuggestions(['--gold', await tinyGold()]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^# Suggestion evaluation\ngold: tiny-gold\.jsonl · \d{4}-\d\d-\d\dT/);
    expect(result.out).toContain('2 gold quotes (1 direct, 1 indirect)');
    expect(result.out).toMatch(/\| overlap > 30% \| all +\| +2 \|/);
    expect(result.out).toContain('## Claims (CLEF CheckThat! 2019 Task 1)');
  });

  it('answers bad input with one line on stderr and exit code 2, never a stack trace', async () => {
    const dir = await tempDir();
    const invalid = path.join(dir, 'invalid.jsonl');
    await fs.writeFile(invalid, `${JSON.stringify({ id: 'a', text: 'Short.' })}\n${JSON.stringify({ id: 'b', text: 'Short.', quotes: [{ start: 0, end: 60, kind: 'direct' }] })}\n`);
    const cases: Array<[string[], RegExp]> = [
      [[], /^eval:suggestions: --gold is missing/],
      [['--gold', path.join(dir, 'absent.jsonl')], /^eval:suggestions: cannot read the gold file .*absent\.jsonl: no such file$/],
      [['--gold', dir], /^eval:suggestions: cannot read the gold file /],
      [['--gold', invalid], /^eval:suggestions: invalid\.jsonl line 2: quotes\[0\]\.end 60 is past the end of the text \(6 characters\)/],
      [['--gold', invalid, '--errors', 'many'], /^eval:suggestions: --errors takes a whole number/],
      [['--gold', invalid, '--verbose'], /^eval:suggestions: unknown option "--verbose"/],
    ];
    for (const [args, message] of cases) {
      const result = await evalSuggestions(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.err.trimEnd()).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });
});
