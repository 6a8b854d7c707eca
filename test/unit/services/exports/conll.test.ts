// CoNLL as its readers take it (conlleval, seqeval: a blank line ends a sequence, IOB2 chunks):
// a highlight over a line break or a full stop is one chunk, every script's names are tagged,
// and two authors are two files, never one layer where the first wins.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { authorFileStems } from '../../../../electron/services/exports/authors.js';
import { toConll, toConllFiles } from '../../../../electron/services/exports/conll.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { writeExport } from '../../../../electron/services/exports/write-export.js';
import { zipExport } from '../../../../electron/services/exports/zip-export.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';
import { readConll, tokenDataset } from './token-dataset.js';

const ws = useWorkspaces();

describe('CoNLL: a highlight is one chunk', () => {
  it('over a line break: B- once, I- on the next line’s first token, and no sequence break inside it', () => {
    const text = 'Wood said: "sanctions work\nand will go on." Critics disagreed.';
    const dataset = tokenDataset([{ id: 'd1', text, marks: [{ words: 'sanctions work\nand will go on', label: 'quote', author: 'Ana' }] }]);
    const { content, warnings } = toConll(dataset);
    expect(warnings).toEqual([]);
    const read = readConll(content);
    expect(read.chunks).toEqual([{ label: 'Quote', words: 'sanctions work and will go on' }]);
    const rows = content.split('\n');
    expect(rows[rows.indexOf('work _ _ I-Quote') + 1]).toBe('and _ _ I-Quote');
    expect(content.match(/B-Quote/g)).toHaveLength(1);
    // Outside the highlight, sentences still end where they did.
    expect(read.sentences.at(-1)).toEqual(['Critics', 'disagreed', '.']);
  });

  it('over a full stop: the sentence goes on until the highlight ends', () => {
    const text = 'She said sanctions work. They will go on. Then she left.';
    const dataset = tokenDataset([{ id: 'd1', text, marks: [{ words: 'sanctions work. They will go on', label: 'quote', author: '' }] }]);
    const read = readConll(toConll(dataset).content);
    expect(read.chunks).toEqual([{ label: 'Quote', words: 'sanctions work . They will go on' }]);
    expect(read.sentences).toEqual([
      ['She', 'said', 'sanctions', 'work', '.', 'They', 'will', 'go', 'on', '.'],
      ['Then', 'she', 'left', '.'],
    ]);
  });

  it('tags names in unspaced Japanese, and emoji and combining accents are tokens of their own rows', () => {
    const text = '田中花子さんは東京に行った。Zu\u0308rich 👍🏽 ok.';
    const dataset = tokenDataset([{ id: 'd1', text, marks: [
      { words: '田中花子', label: 'speaker', author: 'Ana' },
      { words: '東京', label: 'claim', author: 'Ana' },
      { words: 'Zu\u0308rich', label: 'claim', author: 'Ana' },
    ] }]);
    const { content, warnings } = toConll(dataset);
    expect(warnings).toEqual([]);
    expect(readConll(content).chunks).toEqual([
      { label: 'Speaker', words: '田中 花子' },
      { label: 'Claim', words: '東京' },
      { label: 'Claim', words: 'Zu\u0308rich' },
    ]);
    expect(content).toContain('\n👍🏽 _ _ O\n');
  });
});

describe('CoNLL per author', () => {
  const text = 'Wood said sanctions work. Critics disagreed.';
  const twoAuthors = () =>
    tokenDataset([
      { id: 'd1', text, marks: [
        { words: 'sanctions work', label: 'quote', author: 'Ana Reyes' },
        { words: 'sanctions work', label: 'quote', author: '田中花子' },
        { words: 'work. Critics', label: 'claim', author: '田中花子' },
        { words: 'Wood', label: 'speaker', author: '' },
      ] },
      { id: 'd2', text: 'Nothing here.', marks: [] },
    ]);

  it('writes one whole CoNLL file per author, over every document, each with only that author’s tags', () => {
    const result = runExport('conll', twoAuthors());
    expect(result.folder).toBe(true);
    expect(result.files.map((f) => f.name)).toEqual(['dataset.Ana_Reyes.conll', 'dataset.田中花子.conll', 'dataset.unnamed.conll']);
    const [ana, tanaka, unnamed] = result.files.map((f) => readConll(f.content));
    for (const file of [ana!, tanaka!, unnamed!]) expect(file.documents).toBe(2);
    expect(ana!.chunks).toEqual([{ label: 'Quote', words: 'sanctions work' }]);
    // Her claim overlaps her own quote: warned as before; Ana's identical quote is no overlap.
    expect(tanaka!.chunks).toEqual([{ label: 'Quote', words: 'sanctions work' }]);
    expect(unnamed!.chunks).toEqual([{ label: 'Speaker', words: 'Wood' }]);
    expect(result.warnings.map((w) => [w.annotationId, w.reason])).toEqual([
      ['d1-a2', 'overlaps a highlight already tagged; BIO cannot show overlapping spans (in 田中花子\'s file)'],
    ]);
  });

  it('stays one dataset.conll with one author', () => {
    const dataset = tokenDataset([{ id: 'd1', text, marks: [{ words: 'sanctions work', label: 'quote', author: 'Ana' }, { words: 'Wood', label: 'speaker', author: 'Ana' }] }]);
    const result = runExport('conll', dataset);
    expect(result.folder).toBe(false);
    expect(result.files.map((f) => f.name)).toEqual(['dataset.conll']);
    expect(readConll(result.files[0]!.content).chunks).toHaveLength(2);
  });

  it('is a folder on disk (CLI, desktop) and one zip in the browser, the same files', async () => {
    const result = runExport('conll', twoAuthors());
    const out = path.join(await ws.tempDir(), 'by-author');
    await writeExport(result, out);
    expect((await fs.readdir(out)).sort()).toEqual(result.files.map((f) => f.name).sort());
    expect(await fs.readFile(path.join(out, 'dataset.田中花子.conll'), 'utf8')).toBe(result.files[1]!.content);
    const zip = await JSZip.loadAsync(Buffer.from(await zipExport(result.files), 'base64'));
    expect(Object.keys(zip.files).sort()).toEqual(result.files.map((f) => f.name).sort());
  });

  it('downloads from the browser host as one dataset.zip of the authors’ files, each the same as on disk', async () => {
    const service = await ws.openService();
    const doc = await importText(service, 'c.txt', text);
    const span = { start: text.indexOf('sanctions work'), end: text.indexOf('sanctions work') + 'sanctions work'.length };
    const { refused } = await service.applyChanges([
      { kind: 'setAnnotatorName', name: 'Ana' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'a1', labelId: 'quote', ...span },
      { kind: 'setAnnotatorName', name: 'Ben' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'b1', labelId: 'claim', ...span },
    ]);
    expect(refused).toEqual([]);
    const result = await createApiHandlers(service, browserHostOnlyMethods).exportDataset({ format: 'conll' });
    expect(result.files.map((f) => [f.name, f.encoding])).toEqual([['dataset.zip', 'base64']]);
    const zip = await JSZip.loadAsync(Buffer.from(result.files[0]!.content, 'base64'));
    expect(Object.keys(zip.files).sort()).toEqual(['dataset.Ana.conll', 'dataset.Ben.conll']);
    expect(readConll(await zip.file('dataset.Ben.conll')!.async('string')).chunks).toEqual([{ label: 'Claim', words: 'sanctions work' }]);
  });

  it('names files safely for every system: no separators or reserved names, case-blind collisions apart', () => {
    const stems = authorFileStems(['Ana/Reyes', 'ana/reyes', 'CON', '..', ' ', 'Zoë "Z" O’Neil', 'محمد', 'x'.repeat(200)]);
    expect([...stems.values()]).toEqual(['Ana_Reyes', 'ana_reyes-2', 'CON_', 'unnamed', 'unnamed-2', 'Zoë__Z__O’Neil', 'محمد', 'x'.repeat(80)]);
    for (const stem of stems.values()) expect(stem).not.toMatch(/[\\/:*?"<>|\s]|^\.|\.$/);
  });

  it('writes one dataset.conll, all O, when no one highlighted anything', () => {
    const one = tokenDataset([{ id: 'd1', text, marks: [] }]);
    const result = toConllFiles(one, 'dataset.conll');
    expect([result.folder, result.files.map((f) => f.name)]).toEqual([false, ['dataset.conll']]);
    expect(readConll(result.files[0]!.content).chunks).toEqual([]);
  });
});
