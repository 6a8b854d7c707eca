// Every upload arrives as base64. Node's decoder skips what it does not understand, so junk
// would be read as some other text; the contract refuses it before any service runs.
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, base64ContentSchema, base64Problem } from '../../../electron/contract/api.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import { dispatchApiCall } from '../../../electron/services/handlers/api-dispatcher.js';
import { snapshotDir } from '../../helpers/temp-dirs.js';
import { expectApiError, importText, useWorkspaces } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const TEXT = 'The minister said the budget is balanced. Critics disagree.\n';
const good = Buffer.from('The minister said the budget is balanced, twice.\n').toString('base64');

async function setup() {
  const dir = await ws.tempDir('annotator-base64-');
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', TEXT);
  return { dir, service, doc, handlers: createApiHandlers(service, browserHostOnlyMethods) };
}

// What a person or a broken client might send, and what the refusal must say.
const BAD: [string, string, RegExp][] = [
  ['only junk', '%%%%', /not base64: "%" at character 1/],
  ['junk inside good content', `${good.slice(0, 8)}*${good.slice(9)}`, /not base64: "\*" at character 9/],
  ['a line break inside', `${good.slice(0, 8)}\n${good.slice(8, -1)}`, /not base64: a line break at character 9/],
  ['a length that is not a multiple of 4', good.slice(0, -1), /not base64: its length .* is not a multiple of 4/],
  ['padding in the middle', `QQ==${good}`, /not base64: "=" at character 3/],
  ['three padding characters', 'QQ===', /not base64: "=" at character 3/],
];

type Upload = [method: string, args: (docId: string, content: string) => Record<string, unknown>, at: string];
const UPLOADS: Upload[] = [
  ['importFile', (_id, content) => ({ fileName: 'new.txt', contentBase64: content }), 'contentBase64'],
  ['relinkDocumentFile', (documentId, content) => ({ documentId, fileName: 'moved.txt', contentBase64: content }), 'contentBase64'],
  ['rereadDocument', (documentId, content) => ({ documentId, encoding: 'utf-8', contentBase64: content }), 'contentBase64'],
  [
    'importAnnotationFiles',
    (_id, content) => ({ files: [{ fileName: 'ok.txt', contentBase64: good }, { fileName: 'tasks.jsonl', contentBase64: content }] }),
    'files.1.contentBase64',
  ],
];

describe('base64 uploads', () => {
  describe.each(UPLOADS)('%s', (method, args, at) => {
    it.each(BAD)('refuses %s in words and changes nothing on disk', async (_what, content, message) => {
      const s = await setup();
      const before = await snapshotDir(s.dir);
      const response = await dispatchApiCall(s.handlers, method, args(s.doc.id, content));
      expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (response.ok) return;
      expect(response.error.message).toContain(`Invalid arguments for ${method} (at ${at}): `);
      expect(response.error.message).toMatch(message);
      // Each refusal says what to do, not only what is wrong.
      expect(response.error.message).toMatch(/Open the file again|Check that you chose the right file/);
      await s.service.store.flush();
      expect(await snapshotDir(s.dir)).toEqual(before);
    });
  });

  it('lets an empty file through as valid base64, so the service can refuse it by name', async () => {
    const s = await setup();
    const response = await dispatchApiCall(s.handlers, 'importFile', { fileName: 'blank.txt', contentBase64: '' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.message).toMatch(/"blank\.txt" is empty/);
  });

  it('relinkDocumentFile with "%%%%" keeps the document text as it was', async () => {
    const s = await setup();
    await dispatchApiCall(s.handlers, 'relinkDocumentFile', { documentId: s.doc.id, fileName: 'moved.txt', contentBase64: 'SGVs%%%%bG8gdGhlcmUK' });
    expect((await s.service.openDocument(s.doc.id)).text).toBe(TEXT);
  });

  it('still takes good content, padded or not, through every upload', async () => {
    const s = await setup();
    for (const content of [Buffer.from('Abc def ghi.\n').toString('base64'), Buffer.from('Abc def gh.\n').toString('base64'), good]) {
      expect(base64ContentSchema.safeParse(content).success, content).toBe(true);
    }
    const imported = await dispatchApiCall(s.handlers, 'importFile', { fileName: 'new.txt', contentBase64: good });
    expect(imported.ok).toBe(true);
    const relinked = await dispatchApiCall(s.handlers, 'relinkDocumentFile', { documentId: s.doc.id, fileName: 'moved.txt', contentBase64: good });
    expect(relinked.ok).toBe(true);
    expect((await s.service.openDocument(s.doc.id)).text).toBe('The minister said the budget is balanced, twice.\n');
  });
});

describe('decoding in the service', () => {
  it('importBase64 refuses junk even when called without the contract', async () => {
    const s = await setup();
    const before = await snapshotDir(s.dir);
    await expectApiError(s.service.importBase64('new.txt', 'SGVs%%%%bG8gdGhlcmUK'), 'bad-request', /not base64: "%" at character 5\. Open the file again/);
    expect(await snapshotDir(s.dir)).toEqual(before);
  });

  it('accepts a full-size upload, and names a refused character outside the BMP whole', () => {
    const big = 'A'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4);
    expect(base64Problem(big)).toBeNull();
    expect(base64Problem(`${big.slice(1)}\u{1F600}`)).toMatch(/"😀" at character/);
  });
});
