// Every contract method, called the way a hostile page or script would: wrong types, huge
// strings, deep nesting, __proto__ keys, NaN offsets, ../ ids and lone surrogates. Each call gets
// a clear refusal (never an internal error), the host keeps answering, nothing is written outside
// the workspace and no prototype is polluted.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods, type ApiMethod } from '../../../electron/contract/api.js';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import { dispatchApiCall, type ApiResponse } from '../../../electron/services/handlers/api-dispatcher.js';
import { WorkspaceStore } from '../../../electron/services/store/workspace-store.js';

const STORY = 'The mayor said "We will finish the dam by spring" on Tuesday. Taxes fell by half.';

let root: string;
let store: WorkspaceStore;
let handlers: ReturnType<typeof createApiHandlers>;
let documentId: string;
let outsideBefore: string[];

function deepObject(depth: number): unknown {
  let value: unknown = { end: true };
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

/** Values no method expects, each a way real hostile input arrives. */
const HOSTILE: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a negative offset', -1],
  ['a huge string', 'x'.repeat(5_000_000)],
  ['a lone surrogate', '\uD800 half an emoji'],
  ['a ../ path', '../../../../etc/passwd'],
  ['an absolute path', '/etc/passwd'],
  ['a NUL byte', 'doc\u0000id'],
  ['an array', ['a', 'b']],
  ['deep nesting', deepObject(5000)],
  ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}')],
  ['not base64', '%%%% not base64 %%%%'],
];

/** A well-formed argument for each method, so each field can be spoiled in turn. */
function validArgs(): Record<ApiMethod, Record<string, unknown>> {
  const b64 = Buffer.from(STORY).toString('base64');
  return {
    getSession: {},
    openDocument: { documentId },
    listAnnotations: { documentId, startingFrom: 0 },
    importFile: { fileName: 'story.txt', contentBase64: b64 },
    addPastedDocument: { title: 'Pasted story', text: STORY, sourceUrl: 'https://example.org/story' },
    compactWorkspace: { dryRun: true },
    checkDocumentSource: { documentId },
    locateDocumentFile: { documentId },
    relinkDocumentFile: { documentId, fileName: 'story.txt', contentBase64: b64 },
    rereadDocument: { documentId, encoding: 'utf-8', contentBase64: b64 },
    tagTranscriptLines: { documentId },
    restoreBackup: {},
    listClaims: {},
    listClaimHistory: { documentId, annotationId: 'a-1' },
    saveReportPdf: { suggestedName: 'report' },
    openFilesWithDialog: {},
    listRecentFiles: {},
    openRecentFile: { recentId: 'r-1' },
    openExternalLink: { url: 'https://example.org/' },
    listSpeakerAppearances: { speakerId: 'sp-1' },
    exportDataset: { format: 'jsonl' },
    importAnnotationFiles: { files: [{ fileName: 'a.jsonl', contentBase64: Buffer.from('{"text":"a","label":[]}\n').toString('base64') }] },
    mergeWorkspaceWithDialog: {},
    measureAgreement: {},
    listDisagreements: { documentIds: [documentId], kinds: ['label'], limit: 10 },
    listAnnotators: {},
    applyChanges: { changes: [{ kind: 'createSpeaker', speakerId: 'sp-fuzz', name: 'Fuzz' }] },
    getTeamStatus: {},
    waitTeamArrivals: {},
    linkTeam: { url: 'https://couch.example.org/newsroom', username: 'ben', password: 'secret', allowInsecure: false },
    unlinkTeam: {},
    syncTeamNow: {},
    listSyncConflicts: {},
    resolveSyncConflict: { id: 'highlight:doc-1:a-1', keepRev: '2-abc' },
    listQuarantined: {},
    suggestAnnotations: { documentId, fresh: true },
    rejectSuggestions: { documentId, keys: ['quote:0:10'] },
    cancelSuggestions: { runId: 'run-1' },
  };
}

async function filesBelow(dir: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === skip) continue;
    if (entry.isDirectory()) out.push(...(await filesBelow(full, skip)));
    else out.push(full);
  }
  return out.sort();
}

const call = (method: unknown, args: unknown): Promise<ApiResponse> => dispatchApiCall(handlers, method, args);

function expectClearAnswer(response: ApiResponse, what: string): void {
  expect(typeof response.ok, what).toBe('boolean');
  if (!response.ok) {
    expect(response.error.code, `${what}: ${response.error.message}`).not.toBe('internal');
    expect(response.error.message.length, what).toBeGreaterThan(10);
    // A message a person can read, not a dump of the input.
    expect(response.error.message.length, what).toBeLessThan(2000);
  }
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-fuzz-'));
  await fs.writeFile(path.join(root, 'neighbour.txt'), 'a file beside the workspace');
  store = await WorkspaceStore.open(path.join(root, 'workspace'));
  const service = new AnnotatorService(store, 'browser');
  handlers = createApiHandlers(service, browserHostOnlyMethods);
  documentId = (await service.importBase64('story.txt', Buffer.from(STORY).toString('base64'))).id;
  await store.flush();
  outsideBefore = await filesBelow(root, path.join(root, 'workspace'));
});

afterAll(async () => {
  await store.flush();
  await fs.rm(root, { recursive: true, force: true });
});

describe('every contract method under hostile arguments', () => {
  it.each(apiMethods.map((method) => [method]))('%s answers every spoiled argument with a clear refusal or a result', async (method) => {
    const valid = validArgs()[method];
    for (const [label, value] of HOSTILE) {
      expectClearAnswer(await call(method, value), `${method}(${label})`);
      for (const field of Object.keys(valid)) {
        expectClearAnswer(await call(method, { ...valid, [field]: value }), `${method}({ ${field}: ${label} })`);
      }
      expectClearAnswer(await call(method, { ...valid, unexpected: value }), `${method}({ unexpected: ${label} })`);
    }
  });

  it('refuses every hostile change inside one applyChanges batch on its own, and applies the good one', async () => {
    const changes = [
      ...HOSTILE.map(([, value]) => value),
      ...HOSTILE.map(([, value]) => ({ kind: 'createAnnotation', documentId, annotationId: value, labelId: 'quote', start: 0, end: 3 })),
      ...HOSTILE.map(([, value]) => ({ kind: 'createAnnotation', documentId, annotationId: 'a-ok', labelId: 'quote', start: value, end: 3 })),
      ...HOSTILE.map(([, value]) => ({ kind: 'createSpeaker', speakerId: 'sp-x', name: value })),
      { kind: 'createSpeaker', speakerId: 'sp-good', name: 'Good Name' },
    ];
    const response = await call('applyChanges', { changes });
    expectClearAnswer(response, 'applyChanges(hostile batch)');
    expect(response.ok).toBe(true);
    const result = (response as { ok: true; result: { applied: number; refused: { index: number; code: string; message: string }[] } }).result;
    for (const refusal of result.refused) expect(refusal.code, refusal.message).not.toBe('internal');
    await store.flush();
    const workspace = JSON.parse(await fs.readFile(path.join(root, 'workspace', 'workspace.json'), 'utf8'));
    expect(workspace.speakers.map((speaker: { name: string }) => speaker.name)).toContain('Good Name');
  });

  it('names no method that does not exist, and keeps answering afterwards', async () => {
    for (const method of ['__proto__', 'constructor', 'toString', '../getSession', '', 42, null]) {
      const response = await call(method, {});
      expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect((await call('getSession', {})).ok).toBe(true);
  });

  it('left the prototype alone and wrote nothing outside the workspace', async () => {
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty('polluted')).toBe(false);
    await store.flush();
    expect(await filesBelow(root, path.join(root, 'workspace'))).toEqual(outsideBefore);
    // Every store file still parses.
    for (const file of await filesBelow(path.join(root, 'workspace'), '')) {
      if (file.endsWith('.json')) expect(() => JSON.parse(readFileSync(file, 'utf8')), file).not.toThrow();
    }
  });
});
