// The trainers' command line against real workspaces in temp folders.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bar, runCli } from '../../../../electron/hosts/cli/main.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';
import { openFilesFromPaths } from '../../../../electron/services/documents/open-files.js';
import { run } from '../../../helpers/run-cli.js';
import { defaultWorkspaceDir } from '../../../../electron/services/store/paths.js';
import { lines, pdfFile } from '../../../helpers/pdf-file.js';

const ws = useWorkspaces();


async function workspace() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const text = 'Live 🔴 update: “We will win,” said Ana. Critics disagreed.';
  const doc = await importText(service, 'story.txt', text);
  const other = await importText(service, 'other.txt', 'Another story entirely.');
  const quote = text.indexOf('We will win');
  await service.applyChanges([
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', start: quote, end: quote + 11 },
    { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c1', labelId: 'claim', start: text.indexOf('Critics'), end: text.indexOf('Critics') + 7 },
    { kind: 'createAnnotation', documentId: other.id, annotationId: 'x1', labelId: 'claim', start: 0, end: 7 },
  ]);
  await service.store.flush();
  return { dir, text, doc, other };
}

describe('annotator export', () => {
  it.each(['jsonl', 'spacy', 'conll', 'labelstudio', 'w3c', 'csv'])('writes %s to --out, and says where', async (format) => {
    const { dir } = await workspace();
    const out = path.join(dir, '..', `export-${format}-${Date.now()}`);
    const result = await run(['export', '--store', dir, '--format', format, '--out', out], '/');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Wrote ${format} to ${out}`);
    const content = await fs.readFile(out, 'utf8');
    expect(content).toContain(format === 'conll' ? 'B-Quote' : 'We will win');
    await fs.rm(out);
  });

  it('writes brat as a folder of .txt and .ann, for the documents named', async () => {
    const { dir, doc } = await workspace();
    const out = path.join(dir, 'brat-out');
    const result = await run(['export', '--store', dir, '--format', 'brat', '--out', 'brat-out', '--documents', doc.id], dir);
    expect(result.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['story.ann', 'story.txt']);
    expect(await fs.readFile(path.join(out, 'story.ann'), 'utf8')).toMatch(/^T1\tQuote \d+ \d+\tWe will win$/m);
  });

  it('lists CoNLL spans it cannot tag on stderr', async () => {
    const { dir, doc, text } = await workspace();
    const service = await ws.openService(dir);
    await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'cut', labelId: 'claim', start: text.indexOf('ritics'), end: text.indexOf('ritics') + 6 }]);
    await service.store.flush();
    const result = await run(['export', '--store', dir, '--format', 'conll', '--out', path.join(dir, 'd.conll')], '/');
    expect(result.code).toBe(0);
    expect(result.err).toContain('cut (Claim, "ritics") cuts through the token "Critics"; left out of the tags.');
    expect(result.out).toContain('(1 span left out, listed above)');
  });
});

describe('annotator stats and validate', () => {
  it('counts documents, highlights by label and speakers, as text or --json', async () => {
    const { dir } = await workspace();
    const json = await run(['stats', '--store', dir, '--json'], '/');
    expect(JSON.parse(json.out)).toEqual({ documents: 2, highlights: 3, byLabel: { Quote: 1, Claim: 2 }, speakers: 0 });
    const text = await run(['stats', '--store', dir], '/');
    expect(text.out).toContain('2 documents, 3 highlights, 0 speakers');
  });

  it('validates a good store, and names a highlight whose text no longer matches', async () => {
    const { dir, doc } = await workspace();
    expect((await run(['validate', '--store', dir], '/')).code).toBe(0);
    const file = path.join(dir, 'annotations', `${doc.id}.json`);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"text":"We will win"', '"text":"We will lose"'));
    const result = await run(['validate', '--store', dir], '/');
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${doc.id} q1: the text at`);
    expect(result.err).toContain('is not "We will lose"');
  });

  it("checks each document's journal, naming the file and line of a line that does not parse, does not follow, or leaves the text", async () => {
    const { dir, doc, text } = await workspace();
    const journal = path.join(dir, 'annotations', `${doc.id}.journal.jsonl`);
    const highlight = { id: 'j1', documentId: doc.id, labelId: 'quote', start: 0, end: 4, text: text.slice(0, 4), prefix: '', suffix: '', speakerId: null, note: '', author: 'Ana', createdAt: '2024-05-01T12:00:00.000Z', updatedAt: '2024-05-01T12:00:00.000Z' };
    const line = (seq: number, end = 4) => JSON.stringify({ seq, textHash: doc.textHash, annotations: { put: [{ after: null, highlight: { ...highlight, id: `j${seq}`, end } }] } });
    await fs.writeFile(journal, `${line(1)}\n`);
    expect((await run(['validate', '--store', dir], '/')).code).toBe(0);
    await fs.writeFile(journal, `${line(1)}\n{"seq":2,"textHash\n${line(4)}\n${line(5, text.length + 3)}\n`);
    const result = await run(['validate', '--store', dir], '/');
    expect(result.code).toBe(1);
    const name = `annotations/${doc.id}.journal.jsonl`;
    expect(result.err).toContain(`${name} line 2: it is not valid JSON`);
    expect(result.err).toContain(`${name} line 3: its seq 4 does not follow 1.`);
    expect(result.err).toContain(`${name} line 4: highlight j5 ends at ${text.length + 3}, past the text's end (${text.length}).`);
  });
});

describe('errors', () => {
  it('prints usage for --help and for no command', async () => {
    expect((await run(['--help'], '/')).out).toContain('Usage: annotator <command>');
    expect((await run([], '/')).code).toBe(0);
  });

  it.each([
    [['export', '--store', '', '--format', 'csv', '--out', 'x'], '--store DIR is needed.', 'Run `annotator export --help` for the options.'],
    [['export', '--store', '.', '--format', 'xml', '--out', 'x'], '--format must be one of jsonl, spacy, conll, brat, labelstudio, w3c, csv, claimreview, claims-csv, prodigy, hf, docbin, webanno, not "xml".', 'Run `annotator export --help` for the options.'],
    [['launch', '--store', '.'], 'There is no command "launch".', 'Run `annotator --help` for the commands.'],
    [['bogus'], 'There is no command "bogus".', 'Run `annotator --help` for the commands.'],
    [['stats', '--store', '.', '--colour'], "Unknown option '--colour'.", 'Run `annotator stats --help` for the options.'],
    [['help', 'launch'], 'There is no command "launch".', 'Run `annotator --help` for the commands.'],
  ])('%j exits 2 with the message and one hint line on stderr, not the whole usage', async (args, message, hint) => {
    const result = await run(args, await ws.tempDir());
    expect(result.code).toBe(2);
    expect(result.err).toBe(`${message}\n${hint}\n`);
    expect(result.out).toBe('');
  });

  it('says when a folder holds no workspace, and when a document is not in it', async () => {
    const empty = await ws.tempDir();
    const none = await run(['stats', '--store', empty], '/');
    // A store problem, not a wrong command line.
    expect(none.code).toBe(1);
    expect(none.err).not.toContain('Usage:');
    expect(none.err).toContain(`There is no workspace in ${empty}`);
    const { dir } = await workspace();
    const missing = await run(['export', '--store', dir, '--format', 'csv', '--out', path.join(dir, 'x.csv'), '--documents', 'doc-0000000000000000'], '/');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No document with id doc-0000000000000000');
  });
});

describe('annotator split', () => {
  it('writes train, dev and test sets by document, the same for the same seed', async () => {
    const { dir } = await workspace();
    const service = await ws.openService(dir);
    for (let i = 0; i < 8; i++) await importText(service, `extra-${i}.txt`, `Extra story number ${i}.`);
    await service.store.flush();
    const outA = path.join(dir, 'split-a');
    const outB = path.join(dir, 'split-b');
    const a = await run(['split', '--store', dir, '--ratios', '60,20,20', '--seed', '5', '--format', 'spacy', '--out', outA], '/');
    expect(a.code).toBe(0);
    expect(a.out).toContain('Split 10 documents into 6 train, 2 dev, 2 test (seed 5)');
    await run(['split', '--store', dir, '--ratios', '60,20,20', '--seed', '5', '--format', 'spacy', '--out', outB], '/');
    const read = async (out: string, part: string) => (await fs.readFile(path.join(out, `${part}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).id);
    for (const part of ['train', 'dev', 'test']) expect(await read(outB, part)).toEqual(await read(outA, part));
    const all = [...(await read(outA, 'train')), ...(await read(outA, 'dev')), ...(await read(outA, 'test'))];
    expect(new Set(all).size).toBe(10);
  });

  it('leaves a part with a ratio of 0 empty (not the whole workspace)', async () => {
    const { dir } = await workspace();
    const out = path.join(dir, 'split-zero');
    await run(['split', '--store', dir, '--ratios', '50,0,50', '--seed', '1', '--format', 'spacy', '--out', out], '/');
    expect(await fs.readFile(path.join(out, 'dev.jsonl'), 'utf8')).toBe('');
  });

  it('writes brat parts as train/, dev/ and test/ folders, an empty part as an empty folder', async () => {
    const { dir } = await workspace();
    const out = path.join(dir, 'split-brat');
    const result = await run(['split', '--store', dir, '--ratios', '50,0,50', '--seed', '1', '--format', 'brat', '--out', out], '/');
    expect(result.code).toBe(0);
    expect(await fs.readdir(path.join(out, 'dev'))).toEqual([]);
    const written = [...(await fs.readdir(path.join(out, 'train'))), ...(await fs.readdir(path.join(out, 'test')))];
    expect(written.filter((name) => name.endsWith('.ann'))).toHaveLength(2);
    expect(written.filter((name) => name.endsWith('.txt'))).toHaveLength(2);
  });

  it('refuses ratios and seeds that are not numbers', async () => {
    const { dir } = await workspace();
    expect((await run(['split', '--store', dir, '--ratios', '80,20', '--seed', '1', '--format', 'csv', '--out', 'x'], '/')).err).toContain('--ratios is three numbers');
    expect((await run(['split', '--store', dir, '--ratios', '80,10,10', '--seed', 'abc', '--format', 'csv', '--out', 'x'], '/')).err).toContain('--seed is a whole number');
  });
});

describe('annotator agreement', () => {
  it('reports pairs as text and as --json, and says when nobody overlaps', async () => {
    const { dir, doc, text } = await workspace();
    expect((await run(['agreement', '--store', dir], '/')).out).toContain('No document has highlights by two or more annotators yet.');
    const service = await ws.openService(dir);
    const quote = text.indexOf('We will win');
    await service.applyChanges([
      { kind: 'setAnnotatorName', name: 'Ben' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'ben-q', labelId: 'quote', start: quote, end: quote + 11 },
    ]);
    await service.store.flush();
    const json = JSON.parse((await run(['agreement', '--store', dir, '--json'], '/')).out);
    expect(json.annotators).toEqual(['(no name)', 'Ben']);
    expect(json.pairs[0].byLabel.Quote.exact.f1).toBe(1);
    const text2 = (await run(['agreement', '--store', dir], '/')).out;
    expect(text2).toContain("(no name) / Ben (1 document): Cohen's kappa");
    expect(text2).toContain('Quote: F1 exact 1.000, overlapping 1.000');
  });
});

describe('annotator merge', () => {
  it('brings in a colleague’s workspace: documents matched by text, authors kept, nothing doubled the second time', async () => {
    const { dir: ours, doc } = await workspace();
    const theirsDir = await ws.tempDir();
    const theirs = await ws.openService(theirsDir);
    // The same story (same text, so the same document) and one of their own.
    const same = await importText(theirs, 'renamed.txt', 'Live 🔴 update: “We will win,” said Ana. Critics disagreed.');
    const own = await importText(theirs, 'theirs.txt', 'A story only they have.');
    expect(same.id).toBe(doc.id);
    await theirs.applyChanges([
      { kind: 'setAnnotatorName', name: 'Ben' },
      { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana' },
      { kind: 'createAnnotation', documentId: same.id, annotationId: 'ben-1', labelId: 'speaker', start: 31, end: 34, speakerId: 'spk-ana' },
      { kind: 'createAnnotation', documentId: own.id, annotationId: 'ben-2', labelId: 'claim', start: 0, end: 7 },
    ]);
    await theirs.store.flush();

    const first = await run(['merge', '--store', ours, theirsDir], '/');
    expect(first.code).toBe(0);
    expect(first.out).toContain('1 document added, 1 matched; 2 highlights added, 0 already there; 1 speaker and 0 labels added.');
    const second = await run(['merge', '--store', ours, theirsDir], '/');
    expect(second.out).toContain('0 documents added, 2 matched; 0 highlights added, 2 already there');

    const merged = await ws.openService(ours);
    const session = await merged.getSession();
    expect(session.documents.map((d) => d.title).sort()).toEqual(['other', 'story', 'theirs']);
    expect(session.speakers.map((s) => s.name)).toEqual(['Ana']);
    const stats = JSON.parse((await run(['stats', '--store', ours, '--json'], '/')).out);
    expect(stats.highlights).toBe(5);
    const agreement = JSON.parse((await run(['agreement', '--store', ours, '--json'], '/')).out);
    expect(agreement.annotators).toEqual(['(no name)', 'Ben']);
  });

  it('brings how a document was read, but not the path of their file', async () => {
    const { dir: ours } = await workspace();
    const theirsDir = await ws.tempDir();
    const files = await ws.tempDir();
    const page = path.join(files, 'page.html');
    await fs.writeFile(page, '<html><head><title>Dam</title><link rel="canonical" href="https://news.example/dam"></head><body><article><p>' + 'The council agreed on the dam on Tuesday night. '.repeat(8) + '</p></article></body></html>');
    const theirs = await ws.openService(theirsDir);
    await openFilesFromPaths(theirs, [page]);
    await theirs.store.flush();
    expect((await run(['merge', '--store', ours, theirsDir], '/')).code).toBe(0);
    const merged = (await (await ws.openService(ours)).getSession()).documents.find((d) => d.fileName === 'page.html');
    expect(merged).toMatchObject({ format: 'html', sourceUrl: 'https://news.example/dam', filePath: null });
  });

  it('refuses to merge a workspace that is damaged, rather than merge its backup', async () => {
    const { dir: ours } = await workspace();
    const theirsDir = await ws.tempDir();
    const theirs = await ws.openService(theirsDir);
    const own = await importText(theirs, 'theirs.txt', 'A story only they have.');
    await theirs.store.flush();
    await fs.writeFile(path.join(theirsDir, 'annotations', `${own.id}.json`), '{"schemaVersion": 2, "annotations": [');
    const result = await run(['merge', '--store', ours, theirsDir], '/');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot be merged: .*damaged|not valid JSON/);
    expect((await (await ws.openService(ours)).getSession()).documents.map((d) => d.fileName)).not.toContain('theirs.txt');
  });

  it('refuses to merge a folder without a workspace, or the workspace into itself', async () => {
    const { dir } = await workspace();
    expect((await run(['merge', '--store', dir, await ws.tempDir()], '/')).err).toContain('There is no workspace in');
    expect((await run(['merge', '--store', dir, dir], '/')).err).toContain('That is this workspace');
    expect((await run(['merge', '--store', dir], '/')).code).toBe(2);
  });
});

describe('annotator import', () => {
  /** A workspace with a quote attributed through a mention, a claim with its fields and a note. */
  async function richWorkspace() {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const text = 'Live 🔴 update: “We will win,” said Ana Lima. Prices fell 3%.';
    const doc = await importText(service, 'rich.txt', text);
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    await service.applyChanges([
      { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana Lima' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q', labelId: 'quote', ...at('We will win'), speakerId: 'spk-ana', note: 'from the rally' },
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q', quoteKind: 'direct' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'm', labelId: 'speaker', ...at('Ana Lima'), speakerId: 'spk-ana' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c', labelId: 'claim', ...at('Prices fell 3%') },
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c', claim: { status: 'mostly-true', checkWorthiness: 'high' } },
    ]);
    await service.store.flush();
    return { dir, text };
  }

  /** What a round trip must keep: each span with its label, speaker, note and fields. */
  async function summary(dir: string) {
    const service = await ws.openService(dir);
    const session = await service.getSession();
    const speakers = new Map(session.speakers.map((s) => [s.id, s.name]));
    const labels = new Map(session.labels.map((l) => [l.id, l.name]));
    const all = [];
    for (const doc of session.documents) {
      for (const a of await service.store.annotations(doc))
        all.push({ text: a.text, label: labels.get(a.labelId), speaker: a.speakerId ? speakers.get(a.speakerId) : null, note: a.note, quoteKind: a.quoteKind ?? null, status: a.claim?.status ?? null, worth: a.claim?.checkWorthiness ?? null });
    }
    return all.sort((x, y) => x.text.localeCompare(y.text));
  }

  it('round-trips brat: every span, label, attribution and attribute', async () => {
    const { dir } = await richWorkspace();
    const out = path.join(dir, 'brat');
    await run(['export', '--store', dir, '--format', 'brat', '--out', out], '/');
    const target = await ws.tempDir();
    await (await ws.openService(target)).store.flush();
    const result = await run(['import', path.join(out, 'rich.ann'), '--store', target, '--author', 'Ben'], '/');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Imported 1 document (1 new): 3 new highlights, 0 already present, 0 conflicts, 1 new speaker, 0 new labels.\nNew speakers: Ana Lima.');
    expect(await summary(target)).toEqual(await summary(dir));
    const imported = await (await ws.openService(target)).store.annotations((await (await ws.openService(target)).getSession()).documents[0]!);
    expect(new Set(imported.map((a) => a.author))).toEqual(new Set(['Ben']));
  });

  it('round-trips doccano and spaCy JSONL spans and labels, and a second import adds nothing', async () => {
    const { dir } = await richWorkspace();
    for (const format of ['jsonl', 'spacy']) {
      const out = path.join(dir, `${format}.jsonl`);
      await run(['export', '--store', dir, '--format', format, '--out', out], '/');
      const target = await ws.tempDir();
      await (await ws.openService(target)).store.flush();
      expect((await run(['import', out, '--store', target], '/')).code).toBe(0);
      expect((await run(['import', out, '--store', target], '/')).code).toBe(0);
      const spans = (await summary(target)).map((s) => `${s.label}:${s.text}`);
      expect(spans).toEqual((await summary(dir)).map((s) => `${s.label}:${s.text}`));
    }
  });

  it('round-trips Label Studio tasks: spans, labels, attribution, notes and fields', async () => {
    const { dir } = await richWorkspace();
    const out = path.join(dir, 'tasks.json');
    await run(['export', '--store', dir, '--format', 'labelstudio', '--out', out], '/');
    const target = await ws.tempDir();
    await (await ws.openService(target)).store.flush();
    const result = await run(['import', out, '--store', target], '/');
    expect(result.code).toBe(0);
    expect(await summary(target)).toEqual(await summary(dir));
  });

  it('round-trips W3C Web Annotation with its text: spans, labels, speakers, notes and fields', async () => {
    const { dir, text } = await richWorkspace();
    const out = path.join(dir, 'annotations.jsonld');
    await run(['export', '--store', dir, '--format', 'w3c', '--out', out], '/');
    const txt = path.join(dir, 'rich.txt');
    await fs.writeFile(txt, text);
    const target = await ws.tempDir();
    await (await ws.openService(target)).store.flush();
    // Without its text, W3C annotations cannot be placed: said, and nothing imported.
    const alone = await run(['import', out, '--store', target], '/');
    expect(alone.code).toBe(1);
    expect(alone.err).toContain('neither in the workspace nor in this import');
    expect((await run(['import', txt, out, '--store', target], '/')).code).toBe(0);
    // Quote kind and claim fields too, carried in the annotations' own property.
    expect(await summary(target)).toEqual(await summary(dir));
  });

  it.each([
    ['bad.jsonl', '{"text": "Hello world", "label": [[0, 5, "Quote"]]}\n{"text": "broken", "label": [[0, 99, "Quote"]]}\n', 'bad.jsonl:2: span 1 has no valid start and end inside the text'],
    ['notjson.jsonl', '{"text": "fine"}\nthis is not json\n', 'notjson.jsonl:2: this line is not JSON'],
    ['story.ann', 'T1\tQuote 0 5\tHello\nT2\tClaim 6 11\tplanet\n', 'story.ann:2: T2 says "planet", but story.txt has "world" there.'],
    ['story.ann', 'T1\tQuote 0 5\tHello\nE1\tEvent:T1\n', 'story.ann:2: this line is not a T, A'],
  ])('refuses a malformed %s naming the file and line, and imports nothing', async (name, content, message) => {
    const files = await ws.tempDir();
    await fs.writeFile(path.join(files, 'story.txt'), 'Hello world');
    await fs.writeFile(path.join(files, name), content);
    const target = await ws.tempDir();
    await (await ws.openService(target)).store.flush();
    const before = await fs.readFile(path.join(target, 'workspace.json'), 'utf8');
    // A good file first: it must not be imported either.
    const result = await run(['import', path.join(files, 'story.txt'), path.join(files, name), '--store', target], '/');
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
    expect(result.err).toContain('Nothing was imported.');
    expect(await fs.readFile(path.join(target, 'workspace.json'), 'utf8')).toBe(before);
  });
});

describe('progress', () => {
  it('shows a progress bar while reading documents, when there is a terminal to draw it on', async () => {
    const { dir } = await workspace();
    const lines: string[] = [];
    const code = await runCli(['export', '--store', dir, '--format', 'csv', '--out', path.join(dir, 'p.csv')], {
      out: () => undefined,
      err: () => undefined,
      progress: (text) => void lines.push(text),
      cwd: '/',
    });
    expect(code).toBe(0);
    expect(lines).toContain(`Reading documents ${bar(2, 2)} 2/2`);
    expect(lines.at(-1)).toBe('');
    expect(bar(1, 4)).toBe('[#####...............]');
  });
});

describe('what a second read of issue 4 found', () => {
  it('keeps two annotators’ identical highlights as two, so agreement sees them agree', async () => {
    const dir = await ws.tempDir();
    await (await ws.openService(dir)).store.flush();
    const line = (quoteEnd: number) => JSON.stringify({ text: 'Alice said hello. Bob said goodbye.', title: 't', label: [[0, 5, 'Speaker'], [11, quoteEnd, 'Quote']] });
    const a = path.join(dir, 'a.jsonl');
    const b = path.join(dir, 'b.jsonl');
    await fs.writeFile(a, `${line(16)}\n`);
    await fs.writeFile(b, `${line(17)}\n`);
    expect((await run(['import', a, '--store', dir, '--author', 'A'], '/')).out).toContain('2 new highlights');
    expect((await run(['import', b, '--store', dir, '--author', 'B'], '/')).out).toContain('2 new highlights');
    expect((await run(['import', b, '--store', dir, '--author', 'B'], '/')).out).toContain('0 new highlights, 2 already present');
    expect(JSON.parse((await run(['stats', '--store', dir, '--json'], '/')).out).highlights).toBe(4);
    const pair = JSON.parse((await run(['agreement', '--store', dir, '--json'], '/')).out).pairs[0];
    expect(pair.byLabel.Speaker.exact.f1).toBe(1);
  });

  it('refuses a Label Studio file with a bad field before writing anything', async () => {
    const dir = await ws.tempDir();
    await (await ws.openService(dir)).store.flush();
    const file = path.join(dir, 'ls.json');
    await fs.writeFile(file, JSON.stringify([{ data: { text: 'Alpha beta gamma.' }, annotations: [{ result: [{ id: 'r1', type: 'labels', value: { start: 0, end: 5, labels: ['Quote'] }, meta: { quoteKind: 'bogus' } }] }] }]));
    const result = await run(['import', file, '--store', dir], '/');
    expect(result.code).toBe(1);
    expect(result.err).toContain('Nothing was imported.');
    expect(await fs.readdir(path.join(dir, 'texts'))).toEqual([]);
  });

  it('writes brat files that stay in the folder, never overwrite each other, and hold no tabs in a span', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const one = await service.importBytes('story.txt', Buffer.from('First\tstory text.'));
    await service.importBytes('story.md', Buffer.from('Second story text.'));
    await service.applyChanges([{ kind: 'createAnnotation', documentId: one.id, annotationId: 't', labelId: 'quote', start: 0, end: 11 }]);
    await service.store.flush();
    const out = path.join(dir, 'brat');
    await run(['export', '--store', dir, '--format', 'brat', '--out', out], '/');
    const names = (await fs.readdir(out)).sort();
    expect(names).toHaveLength(4);
    const ann = await fs.readFile(path.join(out, 'story.ann'), 'utf8');
    // The tab is a fragment boundary, shown as a space: brat's reader accepts that, not "0 11" over a tab.
    expect(ann.split('\n')[0]!.split('\t')).toEqual(['T1', 'Quote 0 5;6 11', 'First story']);
  });

  it('keeps a claim starting with a minus sign as written in CSV', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const doc = await service.importBytes('g.txt', Buffer.from('-5% growth, he said.'));
    await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'c', labelId: 'claim', start: 0, end: 10 }]);
    await service.store.flush();
    await run(['export', '--store', dir, '--format', 'csv', '--out', path.join(dir, 'g.csv')], '/');
    expect(await fs.readFile(path.join(dir, 'g.csv'), 'utf8')).toContain(',-5% growth,');
  });

  it('names a missing file plainly', async () => {
    const dir = await ws.tempDir();
    await (await ws.openService(dir)).store.flush();
    const result = await run(['import', path.join(dir, 'nosuch.txt'), '--store', dir], '/');
    expect(result.code).toBe(1);
    expect(result.err).toBe(`${path.join(dir, 'nosuch.txt')}: there is no such file.\n`);
  });
});

describe('annotator import: formats and --encoding', () => {
  // “Qué?” she asked — €5. in Windows-1252: 0x93/0x94 curly quotes, 0x97 dash, 0x80 euro.
  const CP1252 = Buffer.from([0x93, 0x51, 0x75, 0xe9, 0x3f, 0x94, 0x20, 0x73, 0x68, 0x65, 0x20, 0x61, 0x73, 0x6b, 0x65, 0x64, 0x20, 0x97, 0x20, 0x80, 0x35, 0x2e]);
  const DECODED = '“Qué?” she asked — €5.';

  async function target() {
    const dir = await ws.tempDir();
    await (await ws.openService(dir)).store.flush();
    return dir;
  }

  async function importedTexts(dir: string) {
    const { store } = await ws.openService(dir);
    return Promise.all(store.data.documents.map(async (d) => ({ title: d.title, text: await store.readText(d) })));
  }

  it('detects a Windows-1252 file without the flag, and reads it as named with --encoding', async () => {
    const dir = await target();
    const file = path.join(dir, 'letter.txt');
    await fs.writeFile(file, CP1252);
    const detected = await run(['import', file, '--store', dir], '/');
    expect(detected.code).toBe(0);
    expect(await importedTexts(dir)).toEqual([{ title: 'letter', text: DECODED }]);

    const other = await target();
    const chosen = await run(['import', file, '--store', other, '--encoding', 'Windows-1252'], '/');
    expect(chosen.code).toBe(0);
    expect(await importedTexts(other)).toEqual([{ title: 'letter', text: DECODED }]);
  });

  it('refuses with the byte position when --encoding does not fit, and imports nothing', async () => {
    const dir = await target();
    const file = path.join(dir, 'letter.txt');
    await fs.writeFile(file, CP1252);
    const result = await run(['import', file, '--store', dir, '--encoding', 'utf-8'], '/');
    expect(result.code).toBe(1);
    expect(result.err).toContain('"letter.txt" is not valid UTF-8: the byte at position 0 (0x93)');
    expect(await importedTexts(dir)).toEqual([]);
  });

  it('gives a usage error (exit 2) for an encoding it does not know, before reading anything', async () => {
    const dir = await target();
    const result = await run(['import', path.join(dir, 'nosuch.txt'), '--store', dir, '--encoding', 'shift_jis'], '/');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--encoding must be one of utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, not "shift_jis".');
  });

  it('says so in --help', async () => {
    const help = (await run(['--help'], '/')).out;
    expect(help).toContain('[--encoding NAME]');
    expect(help).toContain('.html .htm .docx .pdf .srt .vtt');
  });

  it('imports web pages and subtitles through the document reader', async () => {
    const dir = await target();
    const page = path.join(dir, 'page.html');
    const subs = path.join(dir, 'clip.srt');
    await fs.writeFile(page, '<html><head><title>Budget night</title></head><body><nav>Home</nav><p>The budget passed.</p></body></html>');
    await fs.writeFile(subs, '1\r\n00:00:02,000 --> 00:00:03,000\r\nANA LIMA: <i>We won.</i>\r\n');
    expect((await run(['import', page, subs, '--store', dir], '/')).code).toBe(0);
    expect(await importedTexts(dir)).toEqual([
      { title: 'Budget night', text: 'The budget passed.' },
      { title: 'clip', text: '[00:00:02] ANA LIMA: We won.' },
    ]);
  });

  it('imports a PDF with its pages and properties', async () => {
    const dir = await target();
    const file = path.join(dir, 'ruling.pdf');
    await fs.writeFile(file, pdfFile([{ texts: lines(['The court ruled on Friday.']) }, { texts: lines(['The city will appeal.']) }], { info: { Title: 'Ruling on the dam', Author: 'District Court' } }));
    expect((await run(['import', file, '--store', dir], '/')).code).toBe(0);
    expect(await importedTexts(dir)).toEqual([{ title: 'Ruling on the dam', text: 'The court ruled on Friday.\n\nThe city will appeal.' }]);
    const { store } = await ws.openService(dir);
    expect(store.data.documents[0]).toMatchObject({ format: 'pdf', pageStarts: [0, 28], byline: 'District Court', filePath: file });
  });

  it('lists what it reads when a file has another ending', async () => {
    const dir = await target();
    const file = path.join(dir, 'scan.tiff');
    await fs.writeFile(file, 'x');
    const result = await run(['import', file, '--store', dir], '/');
    expect(result.code).toBe(1);
    expect(result.err).toContain('import reads documents (.txt, .text, .md, .markdown, .html, .htm, .docx, .pdf, .srt, .vtt) and annotation files');
  });
});

describe('a new workspace from the command line', () => {
  const exists = (file: string) => fs.access(file).then(() => true, () => false);

  it('import --store NEW creates the workspace, says so, and imports into it', async () => {
    const dir = path.join(await ws.tempDir(), 'new', 'corpus');
    const file = path.join(await ws.tempDir(), 'story.jsonl');
    await fs.writeFile(file, `${JSON.stringify({ text: 'Ana said: “We will win.”', label: [[11, 23, 'Quote']] })}\n`);
    const result = await run(['import', file, '--store', dir], '/');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Created a new workspace in ${dir}.`);
    expect(result.out).toContain('Imported 1 document (1 new): 1 new highlight');
    // A real workspace, which the other commands now read.
    expect(await exists(path.join(dir, 'workspace.json'))).toBe(true);
    expect(JSON.parse((await run(['stats', '--store', dir, '--json'], '/')).out)).toMatchObject({ documents: 1, highlights: 1 });
    // The second import goes into it, and says nothing of creating.
    const again = await run(['import', file, '--store', dir], '/');
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('Created');
  });

  it('import --store NEW creates nothing when a file cannot be read', async () => {
    const dir = path.join(await ws.tempDir(), 'new');
    const result = await run(['import', '/nowhere/story.txt', '--store', dir], '/');
    expect(result.code).toBe(1);
    expect(await exists(dir)).toBe(false);
  });

  it('init --store DIR starts an empty workspace and says so; a second init is refused', async () => {
    const dir = path.join(await ws.tempDir(), 'fresh');
    const result = await run(['init', '--store', dir], '/');
    expect(result.code).toBe(0);
    expect(result.out).toBe(`Created a new workspace in ${dir}.\n`);
    expect(JSON.parse((await run(['stats', '--store', dir, '--json'], '/')).out)).toMatchObject({ documents: 0, highlights: 0 });
    const before = await fs.readFile(path.join(dir, 'workspace.json'), 'utf8');

    const second = await run(['init', '--store', dir], '/');
    expect(second.code).toBe(1);
    expect(second.err).toContain(`There is already a workspace in ${dir}; nothing was changed.`);
    expect(await fs.readFile(path.join(dir, 'workspace.json'), 'utf8')).toBe(before);
  });

  it('init refuses a workspace with documents in it, leaving them be', async () => {
    const { dir } = await workspace();
    const result = await run(['init', '--store', dir], '/');
    expect(result.code).toBe(1);
    expect(JSON.parse((await run(['stats', '--store', dir, '--json'], '/')).out)).toMatchObject({ documents: 2, highlights: 3 });
  });

  // On macOS the app's folder is under the home folder whatever the environment says: not a test's to write.
  it.skipIf(process.platform === 'darwin')('init without --store starts the app’s own workspace, saying where; --help lists it', async () => {
    const config = await ws.tempDir();
    const result = await run(['init'], '/', { XDG_CONFIG_HOME: config, APPDATA: config });
    expect(result.code).toBe(0);
    const app = defaultWorkspaceDir({ XDG_CONFIG_HOME: config, APPDATA: config });
    expect(result.err).toBe(`Using the app's workspace at ${app}; pass --store DIR for another.\n`);
    expect(result.out).toBe(`Created a new workspace in ${app}.\n`);
    await fs.access(path.join(app, 'workspace.json'));
    const help = (await run(['--help'], '/')).out;
    expect(help).toContain('init     --store DIR');
    expect(help).toContain('Starts a workspace in DIR when there is none yet');
  });

  it('other commands on a folder without a workspace point to init', async () => {
    const empty = await ws.tempDir();
    expect((await run(['stats', '--store', empty], '/')).err).toContain(`start one with annotator init --store ${empty}`);
  });
});
