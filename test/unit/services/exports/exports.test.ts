// Datasets for NLP tools, parsed back: offsets in code points (an emoji before a quote must not
// shift it), CJK text, and every highlight a row in the CSV.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codePointOffsets } from '../../../../electron/services/exports/code-points.js';
import { CSV_COLUMNS, toCsv } from '../../../../electron/services/exports/csv.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { toDoccanoJsonl, toSpacyJsonl } from '../../../../electron/services/exports/jsonl.js';
import { toBrat } from '../../../../electron/services/exports/brat.js';
import { tokenize, toConll } from '../../../../electron/services/exports/conll.js';
import { toLabelStudio } from '../../../../electron/services/exports/label-studio.js';
import { toWebAnnotation } from '../../../../electron/services/exports/web-annotation.js';
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

  it('gives each row its document’s headline, outlet, byline, publication date and link, last', async () => {
    const { service, emoji } = await setup();
    const fields = { headline: 'Ana wins', outlet: '=Courier', byline: 'Ben Okafor', publishedOn: '2024-03-15', sourceUrl: 'https://courier.example/ana' };
    expect((await service.applyChanges([{ kind: 'updateDocument', documentId: emoji.id, fields }])).refused).toEqual([]);
    const rows = parse(toCsv(await collectDataset(service.store)).slice(1), { columns: true }) as Record<string, string>[];
    expect(CSV_COLUMNS.slice(-5)).toEqual(['document_headline', 'document_outlet', 'document_byline', 'document_published', 'document_url']);
    expect(rows.map((r) => [r.document_headline, r.document_outlet, r.document_byline, r.document_published, r.document_url])).toEqual([
      ['Ana wins', "'=Courier", 'Ben Okafor', '2024-03-15', 'https://courier.example/ana'],
      ['Ana wins', "'=Courier", 'Ben Okafor', '2024-03-15', 'https://courier.example/ana'],
      ['', '', '', '', ''],
    ]);
  });
});

describe('brat standoff', () => {
  it('writes T lines in code points, Attribution relations to a speaker mention, attributes and notes', async () => {
    const { service, emoji } = await setup();
    const mention = EMOJI_STORY.indexOf('Ana.');
    const { refused } = await service.applyChanges([
      { kind: 'createAnnotation', documentId: emoji.id, annotationId: 'm1', labelId: 'speaker', start: mention, end: mention + 3, speakerId: 'spk-ana' },
      { kind: 'updateAnnotation', documentId: emoji.id, annotationId: 'q1', quoteKind: 'direct' },
      { kind: 'updateAnnotation', documentId: emoji.id, annotationId: 'c1', claim: { status: 'mostly-false', checkWorthiness: 'high' } },
    ]);
    expect(refused).toEqual([]);
    const files = toBrat(await collectDataset(service.store, [emoji.id]));
    expect(files.map((f) => f.name)).toEqual(['emoji.txt', 'emoji.ann']);
    const text = files[0]!.content;
    expect(text).toBe(EMOJI_STORY);
    const lines = files[1]!.content.trimEnd().split('\n').map((line) => line.split('\t'));
    const spans = Object.fromEntries(
      lines.filter(([id]) => id!.startsWith('T')).map(([id, typeAndOffsets, words]) => {
        const [type, start, end] = typeAndOffsets!.split(' ');
        // brat (Python) slices the .txt by code points.
        expect(pySlice(text, Number(start), Number(end))).toBe(words);
        return [id, `${type}:${words}`];
      }),
    );
    expect(Object.values(spans).sort()).toEqual(['Claim:=SUM(A1)', 'Quote:We will win', 'Speaker:Ana']);
    const relation = lines.find(([id]) => id!.startsWith('R'))!;
    const [, arg1, arg2] = relation[1]!.match(/^Attribution Arg1:(T\d+) Arg2:(T\d+)$/)!;
    expect([spans[arg1!], spans[arg2!]]).toEqual(['Quote:We will win', 'Speaker:Ana']);
    const attributes = lines.filter(([id]) => id!.startsWith('A')).map(([, rest]) => rest!.replace(/T\d+/, 'T'));
    expect(attributes.sort()).toEqual(['CheckWorthiness T high', 'QuoteKind T direct', 'Status T mostly-false']);
    expect(lines.find(([id, type]) => id!.startsWith('#') && type!.startsWith('AnnotatorNotes'))).toEqual([expect.stringMatching(/^#\d+$/), expect.stringMatching(/^AnnotatorNotes T\d+$/), 'line one line "two"']);
  });

  it('splits a span over a line break into fragments', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const doc = await importText(service, 'two.txt', 'First line here\nsecond line');
    await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'q', labelId: 'quote', start: 6, end: 22 }]);
    const ann = toBrat(await collectDataset(service.store))[1]!.content;
    expect(ann.split('\n')[0]).toBe('T1\tQuote 6 15;16 22\tline here second');
  });
});

describe('CoNLL BIO', () => {
  it('tokenizes by the documented rule', () => {
    const text = 'He said: “don’t go.” The long-term U.N. plan 🔴 works!';
    const words = tokenize(text).map((t) => text.slice(t.start, t.end));
    expect(words).toEqual(['He', 'said', ':', '“', 'don’t', 'go', '.', '”', 'The', 'long-term', 'U', '.', 'N', '.', 'plan', '🔴', 'works', '!']);
    const ends = tokenize(text).filter((t) => t.last).map((t) => text.slice(t.start, t.end));
    expect(ends).toEqual(['”', '!']);
  });

  it('tags tokens B-/I-, lists misaligned and overlapping spans as warnings, and drops nothing silently', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const text = 'Wood said sanctions work. Critics disagreed.';
    const doc = await importText(service, 'c.txt', text);
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    await service.applyChanges([
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q', labelId: 'quote', ...at('sanctions work') },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'half', labelId: 'claim', ...at('anctions') },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'over', labelId: 'claim', ...at('work. Critics') },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 's', labelId: 'speaker', ...at('Wood') },
    ]);
    const { content, warnings } = toConll(await collectDataset(service.store));
    const lines = content.split('\n');
    expect(lines.slice(0, 2)).toEqual(['-DOCSTART- -X- -X- O', '']);
    const rows = lines.filter((line) => line && !line.startsWith('-DOCSTART-')).map((line) => line.split(' '));
    expect(rows.map(([token, , , tag]) => `${token}/${tag}`)).toEqual([
      'Wood/B-Speaker', 'said/O', 'sanctions/B-Quote', 'work/I-Quote', './O', 'Critics/O', 'disagreed/O', './O',
    ]);
    // A blank line closes each sentence: after "work ." as "Critics" begins a new one.
    expect(lines[7]).toBe('');
    expect(lines[8]).toBe('Critics _ _ O');
    expect(warnings.map((w) => [w.annotationId, w.reason])).toEqual([
      ['half', 'cuts through the token "sanctions"'],
      ['over', 'overlaps a highlight already tagged; BIO cannot show overlapping spans'],
    ]);
  });
});

describe('Label Studio tasks', () => {
  it('has a labels result per highlight in code points and an Attribution relation', async () => {
    const { service, emoji } = await setup();
    const mention = EMOJI_STORY.indexOf('Ana.');
    await service.applyChanges([{ kind: 'createAnnotation', documentId: emoji.id, annotationId: 'm1', labelId: 'speaker', start: mention, end: mention + 3, speakerId: 'spk-ana' }]);
    const tasks = JSON.parse(toLabelStudio(await collectDataset(service.store, [emoji.id])));
    expect(tasks).toHaveLength(1);
    const results = tasks[0].annotations[0].result;
    const regions = results.filter((r: { type: string }) => r.type === 'labels');
    for (const region of regions) expect(pySlice(tasks[0].data.text, region.value.start, region.value.end)).toBe(region.value.text);
    expect(regions.map((r: { value: { labels: string[] } }) => r.value.labels[0]).sort()).toEqual(['Claim', 'Quote', 'Speaker']);
    expect(results.filter((r: { type: string }) => r.type === 'relation')).toEqual([{ type: 'relation', from_id: 'q1', to_id: 'm1', direction: 'right', labels: ['Attribution'] }]);
    expect(regions.find((r: { id: string }) => r.id === 'q1').meta.text).toEqual(['line one\nline "two"']);
  });
});

describe('W3C Web Annotation', () => {
  it('has a TextQuoteSelector and a TextPositionSelector (code points) on each target', async () => {
    const { service, emoji } = await setup();
    const collection = JSON.parse(toWebAnnotation(await collectDataset(service.store, [emoji.id])));
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(2);
    for (const item of collection.first.items) {
      expect(item.type).toBe('Annotation');
      const [quote, position] = item.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(pySlice(EMOJI_STORY, position.start, position.end)).toBe(quote.exact);
      expect(item.target.source).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
    }
    const quote = collection.first.items.find((i: { body: { value: string }[] }) => i.body[0]!.value === 'Quote');
    expect(quote.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Quote' },
      { id: 'urn:newsroom-annotator:speaker:spk-ana', type: 'TextualBody', purpose: 'identifying', value: 'Ana', 'newsroom:otherNames': [] },
      { type: 'TextualBody', purpose: 'commenting', value: 'line one\nline "two"' },
    ]);
    expect(quote.creator).toEqual({ type: 'Person', name: 'Ana Reyes' });
  });
});
