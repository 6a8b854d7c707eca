// What the browser host hands the window to save: a folder export (brat's .txt/.ann pairs, a
// split's parts) as one .zip, since Chromium blocks a page's repeated downloads; every format
// under a file name of its own, so two downloads never overwrite each other.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../../electron/contract/api.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { exportSplitParts } from '../../../../electron/services/handlers/workspace-tasks.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

const STORIES: [string, string][] = [
  ['budget.txt', '“We will not raise taxes,” the minister said. 🔴 Live.'],
  ['tokyo.txt', '田中花子は「円安は続く」と述べた。'],
  ['crlf.txt', 'Line one,\r\n“a quote” said Ana.\r\n'],
];

async function setup() {
  const service = await ws.openService();
  for (const [i, [name, text]] of STORIES.entries()) {
    const doc = await importText(service, name, text);
    const start = text.indexOf('“');
    const { refused } = await service.applyChanges([{ kind: 'createAnnotation', documentId: doc.id, annotationId: `q${i}`, labelId: 'quote', start: start === -1 ? 5 : start, end: (start === -1 ? 5 : start) + 6 }]);
    expect(refused).toEqual([]);
  }
  return { service, handlers: createApiHandlers(service, browserHostOnlyMethods) };
}

/** Every file in the zip, by its path, as bytes. */
async function unzip(base64: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

describe('a browser download', () => {
  it('of brat is one brat.zip holding every .txt and .ann, byte for byte', async () => {
    const { service, handlers } = await setup();
    const result = await handlers.exportDataset({ format: 'brat' });
    expect(result.files.map((f) => [f.name, f.encoding])).toEqual([['brat.zip', 'base64']]);
    const expected = runExport('brat', await collectDataset(service.store)).files;
    expect(expected).toHaveLength(2 * STORIES.length);
    const zipped = await unzip(result.files[0]!.content);
    expect([...zipped.keys()].sort()).toEqual(expected.map((f) => f.name).sort());
    for (const file of expected) expect(zipped.get(file.name)!.equals(Buffer.from(file.content, 'utf8'))).toBe(true);
  });

  it('of a split is one zip with the train, dev and test parts at their paths', async () => {
    const { service, handlers } = await setup();
    const split = { ratios: [50, 0, 50] as [number, number, number], seed: 3 };
    const result = await handlers.exportDataset({ format: 'spacy', split });
    expect(result.files.map((f) => f.name)).toEqual(['spacy-split.zip']);
    const zipped = await unzip(result.files[0]!.content);
    const expected = (await exportSplitParts(service, 'spacy', undefined, split.ratios, split.seed)).result.files;
    expect([...zipped.keys()].sort()).toEqual(['dev.jsonl', 'test.jsonl', 'train.jsonl']);
    for (const file of expected) expect(zipped.get(file.name)!.toString('utf8')).toBe(file.content);

    const brat = await handlers.exportDataset({ format: 'brat', split });
    expect(brat.files.map((f) => f.name)).toEqual(['brat-split.zip']);
    const bratFiles = await unzip(brat.files[0]!.content);
    expect([...bratFiles.keys()].every((name) => /^(train|test)\/[^/]+\.(txt|ann)$/.test(name))).toBe(true);
    expect(bratFiles.size).toBe(2 * STORIES.length);
  });

  it('of a one-file format is that file as text, not zipped', async () => {
    const { handlers } = await setup();
    const result = await handlers.exportDataset({ format: 'conll' });
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.encoding).toBeUndefined();
    expect(result.files[0]!.content).toContain('B-Quote');
  });

  it('names every format differently: doccano and spaCy JSONL no longer share dataset.jsonl', async () => {
    const { handlers } = await setup();
    const names = new Map<string, string>();
    for (const format of EXPORT_FORMATS) {
      const { files } = await handlers.exportDataset({ format });
      expect(files).toHaveLength(1);
      names.set(format, files[0]!.name);
    }
    expect(new Set(names.values()).size).toBe(EXPORT_FORMATS.length);
    expect(names.get('jsonl')).toBe('doccano.jsonl');
    expect(names.get('spacy')).toBe('spacy.jsonl');
  });
});
