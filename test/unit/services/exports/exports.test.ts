// Datasets for NLP tools, parsed back: offsets in code points (an emoji before a quote must not
// shift it), CJK text, and every highlight a row in the CSV.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codePointOffsets } from '../../../../electron/services/exports/code-points.js';
import { CSV_COLUMNS, toCsv } from '../../../../electron/services/exports/csv.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { toDoccanoJsonl, toSpacyJsonl } from '../../../../electron/services/exports/jsonl.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

const EMOJI_STORY = 'Live 🔴👩🏽‍💻 update: “We will win,” said Ana. =SUM(A1)';
const CJK_STORY = '外交部发言人说：“我们反对制裁。”记者问。';

/** Python's idea of a slice: by code points. */
const pySlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

async function setup() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const emoji = await importText(service, 'emoji.txt', EMOJI_STORY);
  const cjk = await importText(service, 'cjk.txt', CJK_STORY);
  const quote = EMOJI_STORY.indexOf('We will win');
  const cjkQuote = CJK_STORY.indexOf('我们反对制裁');
  const { refused } = await service.applyChanges([
    { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana' },
    { kind: 'setAnnotatorName', name: 'Ana Reyes' },
    { kind: 'createAnnotation', documentId: emoji.id, annotationId: 'q1', labelId: 'quote', start: quote, end: quote + 'We will win'.length, speakerId: 'spk-ana', note: 'line one\nline "two"' },
    { kind: 'createAnnotation', documentId: emoji.id, annotationId: 'c1', labelId: 'claim', start: EMOJI_STORY.indexOf('=SUM'), end: EMOJI_STORY.length },
    { kind: 'createAnnotation', documentId: cjk.id, annotationId: 'q2', labelId: 'quote', start: cjkQuote, end: cjkQuote + 6 },
  ]);
  expect(refused).toEqual([]);
  return { service, dir, emoji, cjk };
}

describe('codePointOffsets', () => {
  it('counts an emoji as one, before, inside and after a run of them', () => {
    const text = 'a🔴b👩🏽‍💻c';
    const cp = codePointOffsets(text);
    expect([0, 1, 3, 4].map(cp)).toEqual([0, 1, 2, 3]);
    expect(cp(text.length)).toBe([...text].length);
    expect(pySlice(text, cp(text.indexOf('c')), cp(text.length))).toBe('c');
  });
});

describe('JSONL exports', () => {
  it('doccano style: text and [start, end, label] in code points, emoji before the quote and CJK alike', async () => {
    const { service, emoji, cjk } = await setup();
    const lines = toDoccanoJsonl(await collectDataset(service.store)).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual([emoji.id, cjk.id]);
    const [first, second] = lines;
    expect(first.text).toBe(EMOJI_STORY);
    expect(first.label.map(([s, e, label]: [number, number, string]) => [pySlice(first.text, s, e), label])).toEqual([
      ['We will win', 'Quote'],
      ['=SUM(A1)', 'Claim'],
    ]);
    expect(second.label.map(([s, e]: [number, number]) => pySlice(second.text, s, e))).toEqual(['我们反对制裁']);
  });

  it('spaCy style: {start, end, label} spans, for the documents asked for', async () => {
    const { service, cjk } = await setup();
    const lines = toSpacyJsonl(await collectDataset(service.store, [cjk.id])).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0].spans).toEqual([{ start: CJK_STORY.indexOf('我们'), end: CJK_STORY.indexOf('我们') + 6, label: 'Quote' }]);
  });

  it('names a document that is not in the workspace', async () => {
    const { service } = await setup();
    await expect(collectDataset(service.store, ['doc-0000000000000000'])).rejects.toThrow(/No document with id doc-0000000000000000/);
  });
});

describe('CSV export', () => {
  it('has one row per highlight, UTF-8 with a BOM, quoting that survives line breaks, and no live formulas', async () => {
    const { service } = await setup();
    const csv = toCsv(await collectDataset(service.store));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => [r.label, r.text, r.speaker])).toEqual([
      ['Quote', 'We will win', 'Ana'],
      ['Claim', "'=SUM(A1)", ''],
      ['Quote', '我们反对制裁', ''],
    ]);
    const quote = rows[0]!;
    expect(quote.note).toBe('line one\nline "two"');
    expect(quote.author).toBe('Ana Reyes');
    expect(pySlice(EMOJI_STORY, Number(quote.start_code_point), Number(quote.end_code_point))).toBe('We will win');
    expect(EMOJI_STORY.slice(Number(quote.start), Number(quote.end))).toBe('We will win');
    expect(rows[1]!.claim_status).toBe('unreviewed');
  });
});
