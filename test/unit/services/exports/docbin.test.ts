// spaCy's DocBin (.spacy), read back the way spaCy's DocBin.from_bytes and get_docs read it:
// test/helpers/read-docbin.py, written from spacy/tokens/_serialize.py (see its header), with
// Debian's python3-msgpack and python3-numpy (spaCy itself cannot be installed here). Every
// token's string must be found by spaCy's hash, the doc's text must be ours exactly, and every
// span group (one per annotator) must hold that annotator's highlights with their text.
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/contract/api.js';
import { codePointOffsets } from '../../../../electron/services/exports/code-points.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { spacyStringId, spacyTokens, toDocBin } from '../../../../electron/services/exports/docbin.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { murmurHash64A } from '../../../../electron/services/exports/murmur.js';
import { writeExport } from '../../../../electron/services/exports/write-export.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { run } from '../../../helpers/run-cli.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

const READER = path.resolve(__dirname, '../../../helpers/read-docbin.py');
/** Debian's python3, where apt puts python3-msgpack and python3-numpy; else the one on PATH. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : hasPython('python3') ? 'python3' : null;

function hasPython(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface ReadSpan { start: number; end: number; start_char: number; end_char: number; label: string; id: string; kb_id: string; text: string }
interface ReadDoc { text: string; words: string[]; spaces: boolean[]; sent_starts: boolean[]; spans: Record<string, { name: string; spans: ReadSpan[] }>; user_data: { newsroom?: { document_id: string; speakers: Record<string, { name: string }>; highlights: Record<string, Record<string, unknown>> } } }

/** The file as spaCy's DocBin would load it, as JSON (see read-docbin.py). */
function readWithPython(file: string): { version: string; attrs: number[]; docs: ReadDoc[] } {
  try {
    return JSON.parse(execFileSync(PYTHON!, [READER, file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/No module named '(msgpack|numpy)'/.test(stderr)) throw new Error(`${PYTHON} lacks msgpack or numpy: apt-get install python3-msgpack python3-numpy (.ci/run does).\n${stderr}`);
    throw new Error(`read-docbin.py refused the file:\n${stderr}`);
  }
}

// A BOM, a symbol word ("X", "number": spaCy stores those as symbol ids, not hashes), astral CJK,
// no-break spaces, an emoji ZWJ sequence, CRLF, two spaces, a tab and a combining accent.
const STORY = "\ufeffX marks 𠮷野家's number: «\u00a0C'est très sérieux\u00a0» 👩🏽‍💻 said Ana.\r\nThe  yen\tfell. Cafe\u0301 au lait.";

async function setup() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'paris.txt', STORY);
  // The text as stored (the reader drops the BOM and turns CRLF into LF, as the app shows it).
  const text = (await collectDataset(service.store)).documents[0]!.text;
  const at = (words: string, from = 0) => {
    const start = text.indexOf(words, from);
    expect(start, words).toBeGreaterThanOrEqual(0);
    return { start, end: start + words.length };
  };
  const create = (annotationId: string, labelId: string, words: string, author: string, extra: object = {}) => ({ kind: 'createAnnotation' as const, documentId: doc.id, annotationId, labelId, ...at(words), author, ...extra });
  const { refused } = await service.applyChanges([
    { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana Lima' },
    create('q-ana', 'quote', "C'est très sérieux", 'Ana', { speakerId: 'spk-ana', quoteKind: 'partial', note: 'off the record' }),
    create('q-bo', 'quote', "C'est très sérieux", 'Bo', { speakerId: 'spk-ana' }), // the same span by another annotator
    create('c-ana', 'claim', 'très', 'Ana'), // nested
    create('o-bo', 'claim', "number: «\u00a0C'est", 'Bo'), // overlapping
    create('s-ana', 'speaker', 'Ana', 'Ana', { speakerId: 'spk-ana' }),
    create('k-tanaka', 'quote', "𠮷野家's", '田中花子'),
    create('e-tanaka', 'claim', '👩🏽‍💻', '田中花子'),
    create('crlf-ana', 'quote', 'Ana.\nThe', 'Ana'), // across a line break
    create('accent-bo', 'quote', 'Cafe\u0301 au lait', 'Bo'),
    create('cut-bo', 'claim', 'arks', 'Bo'), // inside "marks": no spaCy span can hold it
  ]);
  expect(refused).toEqual([]);
  return { service, dir, doc };
}

describe('spaCy string ids', () => {
  // The values spaCy's own docs print: usage/spacy-101.mdx ("coffee", "I", "love"),
  // api/stringstore.mdx ("apple", "banana"), usage/rule-based-matching.mdx ("HelloWorld", ten
  // bytes: a whole 8-byte block and a tail; "FOUNDED").
  it.each([
    ['coffee', 3197928453018144401n],
    ['I', 4690420944186131903n],
    ['love', 3702023516439754181n],
    ['apple', 8566208034543834098n],
    ['banana', 2525716904149915114n],
    ['HelloWorld', 15578876784678163569n],
    ['FOUNDED', 4851363122962674176n],
  ])('are MurmurHash64A with seed 1: %s is %s, as spaCy documents', (text, hash) => {
    expect(murmurHash64A(new TextEncoder().encode(text))).toBe(hash);
    expect(spacyStringId(text)).toBe(hash);
  });

  it('are the symbol id for spaCy\'s reserved strings, and 0 for ""', () => {
    expect(spacyStringId('')).toBe(0n);
    expect(spacyStringId('ORTH')).toBe(65n);
    expect(spacyStringId('X')).toBe(101n);
    expect(spacyStringId('number')).toBe(432n);
  });
});

describe('spaCy tokens', () => {
  it('give back the text exactly: one space after a token is its whitespace, other runs are tokens', () => {
    const text = ' a  b\r\nc d ';
    const rebuilt = spacyTokens(text)
      .map((t) => text.slice(t.start, t.end) + (t.space ? ' ' : ''))
      .join('');
    expect(rebuilt).toBe(text);
    expect(spacyTokens(text).map((t) => text.slice(t.start, t.end))).toEqual([' ', 'a', ' ', 'b', '\r\n', 'c', 'd']);
  });
});

describe.skipIf(!PYTHON)('a .spacy export read as spaCy reads it', () => {
  it('has our text, tokens, sentences and one span group per annotator', async () => {
    const { service, dir } = await setup();
    const dataset = await collectDataset(service.store);
    const result = runExport('docbin', dataset);
    expect(result.files.map((f) => f.name)).toEqual(['dataset.spacy']);
    const out = path.join(dir, 'out', 'dataset.spacy');
    await writeExport(result, out);
    expect(Buffer.from(await fs.readFile(out)).equals(Buffer.from(result.files[0]!.bytes!))).toBe(true);

    const read = readWithPython(out);
    expect(read.version).toBe('0.1');
    expect(read.attrs).toEqual([65, 80]);
    const { text, annotations, document } = dataset.documents[0]!;
    const spacyDoc = read.docs[0]!;
    expect(spacyDoc.text).toBe(text);
    expect(spacyDoc.words.slice(0, 2)).toEqual(['X', 'marks']); // "X" found by its symbol id
    expect(spacyDoc.words).toContain('number');
    // Sentences start at the text's start, after the line break and after "fell."
    const starts = spacyDoc.words.filter((_, i) => spacyDoc.sent_starts[i]);
    expect(starts.slice(-2)).toEqual(['The', 'Cafe\u0301']);
    expect(starts).toHaveLength(3);

    const cp = codePointOffsets(text);
    const expected = (author: string) =>
      annotations
        .filter((a) => a.author === author && a.id !== 'cut-bo')
        .map((a: Annotation) => ({ id: a.id, label: dataset.labels.get(a.labelId)!.name, kb_id: a.speakerId ?? '', text: a.text, start_char: cp(a.start), end_char: cp(a.end) }))
        .sort((x, y) => x.id.localeCompare(y.id));
    const got = (author: string) =>
      spacyDoc.spans[author]!.spans.map(({ id, label, kb_id, text, start_char, end_char }) => ({ id, label, kb_id, text, start_char, end_char })).sort((x, y) => x.id.localeCompare(y.id));
    expect(Object.keys(spacyDoc.spans).sort()).toEqual(['Ana', 'Bo', '田中花子']);
    for (const author of ['Ana', 'Bo', '田中花子']) expect(got(author), author).toEqual(expected(author));
    expect(spacyDoc.spans['Bo']!.spans.some((s) => s.text === "C'est très sérieux")).toBe(true);
    expect(spacyDoc.user_data.newsroom).toMatchObject({ document_id: document.id, speakers: { 'spk-ana': { name: 'Ana Lima', other_names: [] } } });
    // What a span cannot hold rides in user_data, by highlight id: even the one left out of the spans.
    expect(spacyDoc.user_data.newsroom!.highlights['q-ana']).toMatchObject({ author: 'Ana', quote_kind: 'partial', note: 'off the record' });
    expect(spacyDoc.user_data.newsroom!.highlights['cut-bo']).toMatchObject({ author: 'Bo', claim_status: 'unreviewed' });

    // The highlight inside "marks" is listed, never dropped silently.
    expect(result.warnings.map((w) => [w.annotationId, w.reason])).toEqual([['cut-bo', expect.stringMatching(/token boundaries/)]]);
  });

  it('is the same file as a browser download (base64) as on disk', async () => {
    const { service, dir } = await setup();
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const result = await handlers.exportDataset({ format: 'docbin' });
    expect(result.files.map((f) => [f.name, f.encoding])).toEqual([['dataset.spacy', 'base64']]);
    const downloaded = Buffer.from(result.files[0]!.content, 'base64');
    expect(downloaded.equals(Buffer.from(toDocBin(await collectDataset(service.store)).bytes))).toBe(true);
    const file = path.join(dir, 'download.spacy');
    await fs.writeFile(file, downloaded);
    expect(readWithPython(file).docs[0]!.text).toBe((await collectDataset(service.store)).documents[0]!.text);

    // A split downloads as one zip, with train.spacy inside as its bytes.
    const split = await handlers.exportDataset({ format: 'docbin', split: { ratios: [100, 0, 0], seed: 1 } });
    expect(split.files.map((f) => f.name)).toEqual(['dataset-split.zip']);
    const zip = await JSZip.loadAsync(Buffer.from(split.files[0]!.content, 'base64'));
    expect(Object.keys(zip.files).sort()).toEqual(['dev.spacy', 'test.spacy', 'train.spacy']);
    const train = path.join(dir, 'train.spacy');
    await fs.writeFile(train, await zip.file('train.spacy')!.async('nodebuffer'));
    expect(readWithPython(train).docs).toHaveLength(1);
    const dev = path.join(dir, 'dev.spacy'); // an empty part is still a DocBin, of no docs
    await fs.writeFile(dev, await zip.file('dev.spacy')!.async('nodebuffer'));
    expect(readWithPython(dev).docs).toEqual([]);
  });

  it('is what `annotator export --format docbin` writes, and a split writes train.spacy', async () => {
    const { service, dir } = await setup();
    await service.store.flush();
    const out = path.join(dir, '..', `docbin-${Date.now()}.spacy`);
    const result = await run(['export', '--store', dir, '--format', 'docbin', '--out', out], '/');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Wrote docbin to ${out} (1 span left out, listed above)`);
    expect(result.err).toMatch(/cut-bo \(Claim, "arks"\) does not start and end on token boundaries/);
    expect(readWithPython(out).docs[0]!.spans['Bo']!.spans.map((s) => s.id).sort()).toEqual(['accent-bo', 'o-bo', 'q-bo']);
    const splitOut = path.join(dir, '..', `docbin-split-${Date.now()}`);
    expect((await run(['split', '--store', dir, '--ratios', '100,0,0', '--seed', '1', '--format', 'docbin', '--out', splitOut], '/')).code).toBe(0);
    expect(readWithPython(path.join(splitOut, 'train.spacy')).docs).toHaveLength(1);
    await fs.rm(out);
    await fs.rm(splitOut, { recursive: true });
  });

  it('holds several documents, one with no highlights among them', async () => {
    const { service, dir } = await setup();
    await importText(service, 'plain.txt', 'A story nobody highlighted.\n\nTwo paragraphs.');
    await importText(service, 'tokyo.txt', '田中花子は「円安は続く」と述べた。');
    const dataset = await collectDataset(service.store);
    const out = path.join(dir, 'all.spacy');
    await writeExport(runExport('docbin', dataset), out);
    const read = readWithPython(out);
    expect(read.docs.map((d) => d.text)).toEqual(dataset.documents.map((d) => d.text));
    expect(read.docs.map((d) => Object.keys(d.spans).length)).toEqual(dataset.documents.map((d) => new Set(d.annotations.map((a) => a.author)).size));
  });
});

if (!PYTHON) {
  it.skip('a .spacy export read as spaCy reads it: skipped, python3 is not installed (apt-get install python3 python3-msgpack python3-numpy)', () => {});
}
