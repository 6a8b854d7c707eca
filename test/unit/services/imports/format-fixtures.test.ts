// Each format's file as its own tool writes or accepts it, written by hand from that tool's
// documentation or source (named at each fixture), and what our export and import make of it.
import { describe, expect, it } from 'vitest';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { planBrat } from '../../../../electron/services/imports/brat.js';
import { planJsonl } from '../../../../electron/services/imports/jsonl.js';
import { planLabelStudio } from '../../../../electron/services/imports/label-studio.js';
import { planWebAnnotation } from '../../../../electron/services/imports/web-annotation.js';
import { useWorkspaces } from '../../../helpers/workspace.js';
import { richWorkspace } from './rich-workspace.js';

const ws = useWorkspaces();

const cp = (text: string, words: string) => [...text.slice(0, text.indexOf(words))].length;
const len = (words: string) => [...words].length;
/** A span's words and who made it. */
const made = (plan: { text: string; spans: { start: number; end: number; author?: string; label: string }[] }) =>
  plan.spans.map((s) => [plan.text.slice(s.start, s.end), s.label, s.author]);

describe('Label Studio', () => {
  it('exports one annotation per author, completed_by a user number the server accepts, the numbers named in the task meta', async () => {
    const { service } = await richWorkspace(ws);
    const [task] = JSON.parse(runExport('labelstudio', await collectDataset(service.store)).files[0]!.content);
    // Label Studio's server takes completed_by as an integer member id, an {"email"} object, or
    // nothing; a name refuses the whole import (tasks/serializers.py, TaskSerializerBulk).
    for (const annotation of task.annotations) expect(['number', 'undefined']).toContain(typeof annotation.completed_by);
    expect(task.meta.annotators).toEqual({ 1: 'Ana María', 2: 'Ben Okafor' });
    const byUser = Object.fromEntries(
      task.annotations.map((a: { completed_by?: number; result: { type: string; id?: string }[] }) => [
        a.completed_by ?? 'none',
        a.result.filter((r) => r.type === 'labels').map((r) => r.id).sort(),
      ]),
    );
    expect(byUser).toEqual({ 1: ['c-ana', 'm-ana', 'q-ana', 'q-tanaka'], 2: ['c-ben', 'm-alvarez', 'q-ben', 'q-ca'], none: ['early'] });
    // Each author's Attribution stays inside that author's annotation: Ana's quote to Ana's mention.
    const ana = task.annotations.find((a: { completed_by?: number }) => a.completed_by === 1);
    expect(ana.result.filter((r: { type: string }) => r.type === 'relation')).toEqual([{ type: 'relation', from_id: 'q-ana', to_id: 'm-ana', direction: 'right', labels: ['Attribution'] }]);
    const ben = task.annotations.find((a: { completed_by?: number }) => a.completed_by === 2);
    expect(ben.result.filter((r: { type: string }) => r.type === 'relation')).toEqual([]);
  });

  it("reads every annotation of a task Label Studio exported, each by its own annotator, and leaves predictions out, saying so", () => {
    // As Label Studio's JSON export writes a task (docs: guide/export.md, "Label Studio JSON
    // format of annotated tasks"): completed_by a user id, regions with random ids, a model's
    // predictions beside the annotations. The text has a BOM and CRLF line ends, which count in
    // the offsets as Python counts them (code points of data.text as given).
    const text = '\ufeffBreaking 🔴\r\n“We will not raise rates,” said Hwang.\r\n𠮷野家 agreed.';
    const quote = 'We will not raise rates';
    const region = (id: string, words: string, label: string) => ({
      id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start: cp(text, words), end: cp(text, words) + len(words), text: words, labels: [label] },
    });
    const tasks = [
      {
        id: 41,
        data: { text },
        annotations: [
          { id: 7, completed_by: 3, result: [region('Dx_aB91ISN', quote, 'Quote'), region('kq2-Lz', 'Hwang', 'Speaker'), { type: 'relation', from_id: 'Dx_aB91ISN', to_id: 'kq2-Lz', direction: 'right', labels: ['Attribution'] }], was_cancelled: false, ground_truth: false },
          // Ben started from a copy of user 3's annotation: his quote has the same region id.
          { id: 8, completed_by: { id: 5, email: 'ben@news.example', first_name: 'Ben', last_name: 'Okafor' }, result: [region('Dx_aB91ISN', quote, 'Quote'), region('p9', '𠮷野家', 'Speaker')] },
          { id: 9, completed_by: 3, result: [region('zz1', 'agreed', 'Quote')], was_cancelled: true },
        ],
        predictions: [{ model_version: 'ner-v2', score: 0.8, result: [region('pred1', 'Breaking', 'Claim')] }],
      },
    ];
    const [plan] = planLabelStudio('project-3.json', JSON.stringify(tasks));
    expect(made(plan!)).toEqual([
      ['We will not raise rates', 'Quote', 'Label Studio user 3'],
      ['Hwang', 'Speaker', 'Label Studio user 3'],
      ['We will not raise rates', 'Quote', 'Ben Okafor'],
      ['𠮷野家', 'Speaker', 'Ben Okafor'],
    ]);
    // Region ids are the highlights' ids; the copy's repeated one is left for the import to make
    // anew, so Ben's quote stays a highlight of its own.
    expect(plan!.spans.map((s) => s.id)).toEqual(['Dx_aB91ISN', 'kq2-Lz', undefined, 'p9']);
    expect(plan!.spans[0]!.speaker).toBe('Hwang');
    expect(plan!.notes).toEqual([
      "project-3.json, task 1: 1 prediction (a model's suggestions, not annotations) left out.",
      'project-3.json, task 1: 1 cancelled annotation (skipped in Label Studio) left out.',
    ]);
  });

  it('names a malformed speaker in a region meta, with where it is', () => {
    const tasks = [{ data: { text: 'Hwang said so.' }, annotations: [{ result: [{ id: 'r1', type: 'labels', value: { start: 0, end: 5, labels: ['Speaker'] }, meta: { speaker: { id: 'spk hwang!', name: 'Hwang' } } }] }] }];
    expect(() => planLabelStudio('t.json', JSON.stringify(tasks))).toThrow(`t.json: task 1, annotation 1, result 1: the speaker's id "spk hwang!" is not an id (letters, digits, _ and -, at most 100). Nothing was imported.`);
  });
});

describe('W3C Web Annotation', () => {
  it('identifies the collection and its page by stable IRIs and gives every annotation a creator', async () => {
    const { service } = await richWorkspace(ws);
    const first = runExport('w3c', await collectDataset(service.store)).files[0]!.content;
    const again = runExport('w3c', await collectDataset(service.store)).files[0]!.content;
    expect(again).toBe(first);
    const collection = JSON.parse(first);
    expect(collection.id).toMatch(/^urn:newsroom-annotator:collection:[0-9a-f]{32}$/);
    expect(collection.first).toMatchObject({ id: `${collection.id}:page:0`, type: 'AnnotationPage', partOf: collection.id });
    expect(collection.last).toBe(`${collection.id}:page:0`);
    const creators = Object.fromEntries(collection.first.items.map((i: { id: string; creator: unknown }) => [i.id.split(':').pop(), i.creator]));
    expect(creators.early).toEqual({ type: 'Software', name: 'Newsroom Annotator' });
    expect(creators['q-ana']).toEqual({ type: 'Person', name: 'Ana María' });
    expect(creators['q-ben']).toEqual({ type: 'Person', name: 'Ben Okafor' });
  });

  it('reads an annotation another W3C tool wrote: its creator, times, a web page source with the hash beside it', () => {
    // The model's own shape (https://www.w3.org/TR/annotation-model/, §3.2 and §4.2: a
    // SpecificResource target with a TextPositionSelector; §3.3.1: creator and created).
    const hash = 'a'.repeat(64);
    const annotation = {
      '@context': ['http://www.w3.org/ns/anno.jsonld', { newsroom: 'urn:newsroom-annotator:vocab#' }],
      id: 'http://annotations.example/anno/1',
      type: 'Annotation',
      creator: [{ id: 'http://people.example/ana', type: 'Person', nickname: 'ana' }],
      created: '2025-05-01T12:00:00Z',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Quote' }, { type: 'TextualBody', purpose: 'identifying', value: 'Joonkook Hwang' }],
      target: { source: 'https://news.example/rates', 'newsroom:textHash': hash, selector: { type: 'TextPositionSelector', start: 3, end: 9 } },
    };
    const [planned] = planWebAnnotation('one.jsonld', JSON.stringify(annotation));
    expect(planned!.textHash).toBe(hash);
    expect(planned!.spans).toEqual([{ start: 3, end: 9, label: 'Quote', codePoints: true, author: 'ana', speaker: 'Joonkook Hwang', createdAt: '2025-05-01T12:00:00Z' }]);
  });

  it('finds the text by its web address alone when no hash is given', () => {
    const annotation = { type: 'Annotation', body: { purpose: 'tagging', value: 'Claim', type: 'TextualBody' }, target: { source: 'https://news.example/rates', selector: [{ type: 'TextPositionSelector', start: 0, end: 4 }] } };
    expect(planWebAnnotation('one.jsonld', JSON.stringify(annotation))[0]).toMatchObject({ sourceUrl: 'https://news.example/rates' });
    const nowhere = { ...annotation, target: { ...annotation.target, source: 'page-7' } };
    expect(() => planWebAnnotation('one.jsonld', JSON.stringify(nowhere))).toThrow('target.source must be urn:sha256:<the text\'s hash> or the document\'s web address');
  });
});

describe('doccano and spaCy JSONL', () => {
  it('leaves the fields doccano and spaCy read exactly as before, and puts ours beside them', async () => {
    const { service } = await richWorkspace(ws);
    const dataset = await collectDataset(service.store);
    const doccano = JSON.parse(runExport('jsonl', dataset).files[0]!.content);
    const spacy = JSON.parse(runExport('spacy', dataset).files[0]!.content);
    // doccano's sequence-labeling import: "text" and "label" [[start, end, label]] (doccano's
    // USAGE.md and data_import examples); every other key is kept as metadata.
    for (const entry of doccano.label) expect(entry).toEqual([expect.any(Number), expect.any(Number), expect.any(String)]);
    // A spaCy span entry keeps exactly start, end and label, so Doc.char_span(**span) still works.
    for (const span of spacy.spans) expect(Object.keys(span)).toEqual(['start', 'end', 'label']);
    expect(Object.keys(doccano)).toEqual(['id', 'text', 'label', 'title', 'newsroom']);
    expect(doccano.title).toBe('rates');
    expect(doccano.newsroom.spans.map((s: { id: string; author: string }) => [s.id, s.author])).toContainEqual(['q-ben', 'Ben Okafor']);
  });

  it('reads our fields back from a line doccano exported, with its metadata under "meta", and a text with a BOM and CRLF', () => {
    // doccano exports an example's metadata with it (older versions under "meta"); the offsets
    // count code points of "text" as given, \r and BOM included.
    const text = '\ufeffLine one 🔴\r\n“Yes,” said José Álvarez.';
    const s = cp(text, 'Yes');
    const line = {
      id: 12,
      text,
      label: [[s, s + 3, 'Quote'], [s, s + 3, 'Quote'], [cp(text, 'José'), cp(text, 'José') + 12, 'Speaker']],
      meta: {
        title: 'álvarez',
        newsroom: {
          spans: [
            { start: s, end: s + 3, label: 'Quote', id: 'q1', author: 'Ana María', speaker: { id: 'spk-alvarez', name: 'José Álvarez', otherNames: ['Álvarez'] }, quoteKind: 'direct', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' },
            { start: s, end: s + 3, label: 'Quote', id: 'q2', author: 'Ben Okafor' },
          ],
        },
      },
    };
    const [plan] = planJsonl('doccano-export.jsonl', `${JSON.stringify(line)}\n`);
    expect(plan!.title).toBe('álvarez');
    expect(made(plan!)).toEqual([
      ['Yes', 'Quote', 'Ana María'],
      ['Yes', 'Quote', 'Ben Okafor'],
      ['José Álvarez', 'Speaker', undefined],
    ]);
    expect(plan!.spans[0]).toMatchObject({ id: 'q1', speaker: 'José Álvarez', speakerId: 'spk-alvarez', speakerOtherNames: ['Álvarez'], quoteKind: 'direct', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' });
  });

  it('names a record whose quote kind is not ours', () => {
    const line = { text: 'Yes, he said.', spans: [{ start: 0, end: 3, label: 'Quote' }], newsroom: { spans: [{ start: 0, end: 3, label: 'Quote', quoteKind: 'verbatim' }] } };
    expect(() => planJsonl('s.jsonl', JSON.stringify(line))).toThrow('s.jsonl:1: span 1: quoteKind is one of direct, partial, paraphrase, not "verbatim". Nothing was imported.');
  });
});

describe('brat', () => {
  it('reads our # notes back over a .txt with a BOM and CRLF, and leaves other tools\' note types as comments', () => {
    // brat's reader takes "#ID<TAB>TYPE TARGET<TAB>TEXT" of any type (annotation.py,
    // _parse_comment_annotation); the .txt is read with universal newlines, a BOM kept as
    // character 0 (../exports/brat.ts). "Hwang" starts at code point 1 + 10 + 1 + 32.
    const txt = '\ufeffSeoul 🔴.\r\n“We will not raise rates,” said Hwang.\r\n';
    const bratText = txt.replace(/\r\n/g, '\n');
    const q = cp(bratText, 'We will');
    const h = cp(bratText, 'Hwang');
    const ann = [
      `T1\tQuote ${q} ${q + 23}\tWe will not raise rates`,
      `T2\tQuote ${q} ${q + 23}\tWe will not raise rates`,
      `T3\tSpeaker ${h} ${h + 5}\tHwang`,
      'R1\tAttribution Arg1:T1 Arg2:T3',
      'A1\tQuoteKind T1 direct',
      '#1\tAnnotatorNotes T1\ton the record',
      '#2\tSpeaker T3\tJoonkook Hwang',
      '#3\tSpeakerId T3\tspk-hwang',
      '#4\tSpeakerOtherNames T3\t["Hwang","J. Hwang"]',
      '#5\tAuthor T1\tAna María',
      '#6\tAuthor T2\tBen Okafor',
      '#7\tAuthor T3\tAna María',
      '#8\tId T1\tq-ana',
      '#9\tCreated T1\t2026-03-01T09:00:00.000Z',
      '#10\tModified T1\t2026-03-02T10:30:00.000Z',
      '#11\tReviewerComment T2\tanother tool\'s note',
      '#12\tAnnotatorNotes R1\ta note on the relation',
    ].join('\r\n');
    const plan = planBrat('rates.ann', ann, 'rates.txt', txt);
    expect(made(plan)).toEqual([
      ['We will not raise rates', 'Quote', 'Ana María'],
      ['We will not raise rates', 'Quote', 'Ben Okafor'],
      ['Hwang', 'Speaker', 'Ana María'],
    ]);
    expect(plan.spans[0]).toEqual({
      start: expect.any(Number),
      end: expect.any(Number),
      label: 'Quote',
      id: 'q-ana',
      author: 'Ana María',
      note: 'on the record',
      quoteKind: 'direct',
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-02T10:30:00.000Z',
      // From the Attribution to T3, whose notes name the speaker in full.
      speaker: 'Joonkook Hwang',
      speakerId: 'spk-hwang',
      speakerOtherNames: ['Hwang', 'J. Hwang'],
    });
    expect(plan.spans[1]).toEqual({ start: expect.any(Number), end: expect.any(Number), label: 'Quote', author: 'Ben Okafor' });
  });

  it('keeps one id to one highlight: a second span given the same Id note gets its own', () => {
    const ann = 'T1\tQuote 0 4\tRain\nT2\tQuote 5 9\tfell\n#1\tId T1\tq1\n#2\tId T2\tq1\n';
    expect(planBrat('r.ann', ann, 'r.txt', 'Rain fell.').spans.map((s) => s.id)).toEqual(['q1', undefined]);
  });

  it('names a Claim note that is not JSON, with its line', () => {
    const ann = 'T1\tClaim 0 4\tRain\n#1\tClaim T1\t{sources: none}\n';
    expect(() => planBrat('c.ann', ann, 'c.txt', 'Rain fell.')).toThrow('c.ann:2: the Claim note of T1 is not JSON ({sources: none}). Nothing was imported.');
  });
});
