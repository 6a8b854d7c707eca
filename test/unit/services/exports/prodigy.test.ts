// Prodigy JSONL, checked as Prodigy reads it (https://prodi.gy/docs/api-interfaces, ner_manual and
// spans_manual): offsets in code points, tokens with ws, token_end inclusive, one line per
// document and annotator; and Prodigy's own lines imported with their annotator.
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { toProdigy } from '../../../../electron/services/exports/prodigy.js';
import { planJsonl } from '../../../../electron/services/imports/jsonl.js';
import { importFiles } from '../../../../electron/services/handlers/workspace-tasks.js';
import { useWorkspaces } from '../../../helpers/workspace.js';
import { tokenDataset } from './token-dataset.js';

const ws = useWorkspaces();

/** Python's slice: by code points. */
const pySlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

interface Line {
  text: string;
  tokens: { text: string; start: number; end: number; id: number; ws: boolean }[];
  spans: { start: number; end: number; label: string; token_start: number; token_end: number }[];
  _annotator_id?: string;
  answer: string;
  meta: { id: string; title: string };
}

const STORY = '🔴👩🏽‍💻 Live: 𠮷野家の田中花子は「円安は続く」と述べた。\nAna said sanctions work.';

function dataset() {
  return tokenDataset([
    { id: 'doc-1', title: 'Yen story', text: STORY, marks: [
      { words: '田中花子', label: 'speaker', author: 'Ana Reyes' },
      { words: '円安は続く', label: 'quote', author: 'Ana Reyes' },
      { words: '円安は続く', label: 'quote', author: '山田太郎' },
      { words: 'sanctions work', label: 'claim', author: '山田太郎' },
      { words: 'anctions', label: 'claim', author: '山田太郎' },
    ] },
    { id: 'doc-2', text: 'Nobody marked this.', marks: [] },
  ]);
}

describe('Prodigy export', () => {
  it('writes one line per document and annotator, with _annotator_id, answer and meta', () => {
    const result = runExport('prodigy', dataset());
    expect([result.folder, result.files.map((f) => f.name)]).toEqual([false, ['prodigy.jsonl']]);
    const lines: Line[] = result.files[0]!.content.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.meta.id, l._annotator_id, l.answer])).toEqual([
      ['doc-1', 'Ana Reyes', 'accept'],
      ['doc-1', '山田太郎', 'accept'],
      ['doc-2', undefined, 'accept'],
    ]);
    expect(lines[0]!.meta).toEqual({ id: 'doc-1', title: 'Yen story' });
    // Each annotator's own spans: the quote both marked is in both lines.
    expect(lines.map((l) => l.spans.map((s) => `${s.label}:${pySlice(l.text, s.start, s.end)}`))).toEqual([
      ['Speaker:田中花子', 'Quote:円安は続く'],
      ['Quote:円安は続く', 'Claim:sanctions work'],
      [],
    ]);
  });

  it('counts code points, gives every token its text, id and ws, and token_end is the last token (inclusive)', () => {
    const lines: Line[] = toProdigy(dataset()).content.trimEnd().split('\n').map((l) => JSON.parse(l));
    for (const line of lines) {
      line.tokens.forEach((t, k) => {
        expect(t.id).toBe(k);
        expect(pySlice(line.text, t.start, t.end)).toBe(t.text);
        expect(t.ws).toBe(/\s/.test([...line.text][t.end] ?? ''));
      });
      for (const span of line.spans) {
        expect(line.tokens[span.token_start]!.start).toBe(span.start);
        expect(line.tokens[span.token_end]!.end).toBe(span.end);
      }
    }
    const first = lines[0]!;
    expect(first.tokens.slice(0, 2).map((t) => t.text)).toEqual(['🔴', '👩🏽‍💻']);
    const quote = first.spans[1]!;
    expect(first.tokens.slice(quote.token_start, quote.token_end + 1).map((t) => t.text).join('')).toBe('円安は続く');
    expect(first.tokens.find((t) => t.text === 'said')!.ws).toBe(true);
  });

  it('leaves out a span that cuts a token and says so', () => {
    const { warnings } = toProdigy(dataset());
    expect(warnings.map((w) => [w.annotationId, w.text, w.reason])).toEqual([['doc-1-a4', 'anctions', 'does not start and end on token boundaries; Prodigy spans are whole tokens']]);
  });
});

describe('Prodigy import', () => {
  // Written by hand from Prodigy's documented task format (api-interfaces, ner_manual): tokens
  // with ws, spans with token_start and an inclusive token_end, "answer"; "_annotator_id" as
  // Prodigy writes it for a named session ("<dataset>-<session>", support.prodi.gy/t/1644).
  // The 🍎 before the span makes the offsets differ in code points and UTF-16 units.
  const FIXTURE = [
    JSON.stringify({
      text: '🍎 First look at the new MacBook Pro',
      tokens: [
        { text: '🍎', start: 0, end: 1, id: 0, ws: true },
        { text: 'First', start: 2, end: 7, id: 1, ws: true },
        { text: 'look', start: 8, end: 12, id: 2, ws: true },
        { text: 'at', start: 13, end: 15, id: 3, ws: true },
        { text: 'the', start: 16, end: 19, id: 4, ws: true },
        { text: 'new', start: 20, end: 23, id: 5, ws: true },
        { text: 'MacBook', start: 24, end: 31, id: 6, ws: true },
        { text: 'Pro', start: 32, end: 35, id: 7, ws: false },
      ],
      spans: [{ start: 24, end: 35, label: 'PRODUCT', token_start: 6, token_end: 7 }],
      _input_hash: 1, _task_hash: 2, _view_id: 'ner_manual', _session_id: 'tech_ner-alex', _annotator_id: 'tech_ner-alex',
      answer: 'accept',
    }),
    JSON.stringify({ text: 'Apple unveiled it.', spans: [{ start: 0, end: 5, label: 'ORG', token_start: 0, token_end: 0 }], _annotator_id: 'tech_ner-sam', answer: 'reject' }),
    JSON.stringify({ text: 'A task with no answer yet.', spans: [{ start: 2, end: 6, label: 'THING' }], meta: { title: 'Unanswered' } }),
  ].join('\n');

  it('reads the spans in code points, the annotator into each highlight, and no spans from a rejected task', () => {
    const [first, rejected, open] = planJsonl('prodigy.jsonl', FIXTURE);
    expect(first!.spans).toEqual([{ start: first!.text.indexOf('MacBook'), end: first!.text.length, label: 'PRODUCT', author: 'tech_ner-alex' }]);
    expect(first!.text.slice(first!.spans[0]!.start, first!.spans[0]!.end)).toBe('MacBook Pro');
    expect(rejected!.spans).toEqual([]);
    expect(open!.title).toBe('Unanswered');
    expect(open!.spans).toEqual([{ start: 2, end: 6, label: 'THING' }]);
  });

  it('names a wrong answer or annotator with its line', () => {
    expect(() => planJsonl('p.jsonl', JSON.stringify({ text: 'x', answer: 'maybe' }))).toThrow(/p\.jsonl:1: "answer" must be "accept", "reject" or "ignore".*Nothing was imported/);
    expect(() => planJsonl('p.jsonl', JSON.stringify({ text: 'x', _annotator_id: 7 }))).toThrow(/p\.jsonl:1: "_annotator_id" must be/);
  });

  it('round-trips our export: the same words, labels and annotators come back', async () => {
    const exported = toProdigy(dataset()).content;
    const plans = planJsonl('prodigy.jsonl', exported);
    const got = plans.flatMap((p) => p.spans.map((s) => `${p.title}|${s.author}|${s.label}|${p.text.slice(s.start, s.end)}`));
    expect(got).toEqual([
      'Yen story|Ana Reyes|Speaker|田中花子',
      'Yen story|Ana Reyes|Quote|円安は続く',
      'Yen story|山田太郎|Quote|円安は続く',
      'Yen story|山田太郎|Claim|sanctions work',
    ]);
    // And the file goes in through the import the window and the CLI use: one document per text.
    const service = await ws.openService();
    const report = await importFiles(service, [{ name: 'prodigy.jsonl', bytes: new TextEncoder().encode(exported) }]);
    expect(report.documents).toBe(2);
    const doc = service.store.data.documents.find((d) => d.title === 'Yen story')!;
    const texts = (await service.store.annotations(doc)).map((a) => a.text).sort();
    expect(texts).toEqual(expect.arrayContaining(['sanctions work', '田中花子', '円安は続く']));
  });
});
