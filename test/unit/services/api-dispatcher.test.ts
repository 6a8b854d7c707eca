import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, MAX_DOCUMENT_BYTES, annotatorApiSchema, apiMethods, parseChange, type ApiErrorCode } from '../../../electron/contract/api.js';
import { API_METHOD_NAMES } from '../../../electron/contract/channels.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import { toApiError } from '../../../electron/services/api-errors.js';
import { dispatchApiCall, type ApiHandlerMap, type ApiResponse } from '../../../electron/services/handlers/api-dispatcher.js';
import { StoreFileError } from '../../../electron/services/store/durable-json-file.js';
import { snapshotDir } from '../../helpers/temp-dirs.js';
import { injectWriteFault } from '../../helpers/io-faults.js';
import { importText, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();

afterEach(() => {
  vi.restoreAllMocks();
});

async function setup() {
  const dir = await ws.tempDir('annotator-dispatch-');
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', 'The minister said the budget is balanced. 😀 Critics disagree.');
  return { dir, service, doc, handlers: createApiHandlers(service, browserHostOnlyMethods) };
}

function expectFailure(response: ApiResponse, code: string, message?: RegExp): string {
  expect(response.ok).toBe(false);
  if (response.ok) throw new Error('unreachable');
  expect(response.error.code).toBe(code);
  if (message) expect(response.error.message).toMatch(message);
  return response.error.message;
}

/** Dispatch `rawArgs` (as they would arrive parsed from JSON) and expect a bad-request that changed nothing. */
async function expectRefusedUnchanged(setupResult: Awaited<ReturnType<typeof setup>>, method: unknown, rawArgs: unknown, message?: RegExp) {
  const before = await snapshotDir(setupResult.dir);
  let response = await dispatchApiCall(setupResult.handlers, method, rawArgs);
  // A batch is answered change by change: a refused change is the failure to check.
  if (response.ok && method === 'applyChanges') {
    const refusal = (response.result as { refused: { code: ApiErrorCode; message: string }[] }).refused[0];
    expect(refusal, 'expected the change to be refused').toBeDefined();
    response = { ok: false, error: refusal! };
  }
  expectFailure(response, 'bad-request', message);
  await setupResult.service.store.flush();
  expect(await snapshotDir(setupResult.dir)).toEqual(before);
}

describe('the contract', () => {
  it('names the same methods in the schema and in the preload list', () => {
    expect([...apiMethods].sort()).toEqual([...API_METHOD_NAMES].sort());
    expect(Object.keys(annotatorApiSchema)).toHaveLength(API_METHOD_NAMES.length);
  });
});

describe('dispatchApiCall', () => {
  it('answers a valid call with ok and the result', async () => {
    const s = await setup();
    const response = await dispatchApiCall(s.handlers, 'openDocument', { documentId: s.doc.id });
    expect(response.ok).toBe(true);
    if (!response.ok) throw new Error('unreachable');
    expect((response.result as { document: { id: string } }).document.id).toBe(s.doc.id);
    // Missing arguments for a method that takes none are fine.
    expect((await dispatchApiCall(s.handlers, 'getSession', undefined)).ok).toBe(true);
    expect((await dispatchApiCall(s.handlers, 'getSession', null)).ok).toBe(true);
  });

  it.each(['deleteEverything', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 42, null, undefined, ['getSession'], { name: 'getSession' }])(
    'refuses the unknown method %j with bad-request',
    async (method) => {
      const s = await setup();
      const message = expectFailure(await dispatchApiCall(s.handlers, method, {}), 'bad-request', /There is no API method called/);
      expect(message.length).toBeLessThan(300);
    },
  );

  it('names the offending field when arguments fail validation', async () => {
    const s = await setup();
    const change = { kind: 'createAnnotation', documentId: s.doc.id, annotationId: 'a1', labelId: 'quote', start: -1, end: 4 };
    const batch = await dispatchApiCall(s.handlers, 'applyChanges', { changes: [change] });
    expect(batch).toMatchObject({ ok: true, result: { applied: 0, refused: [{ index: 0, code: 'bad-request' }] } });
    expect(JSON.stringify(batch)).toContain('at start');

    const missing = expectFailure(await dispatchApiCall(s.handlers, 'openDocument', {}), 'bad-request');
    expect(missing).toContain('documentId');
    const wrongKind = await dispatchApiCall(s.handlers, 'applyChanges', { changes: [{ kind: 'dropTable' }] });
    expect(JSON.stringify(wrongKind)).toContain('at kind');
  });

  it.each([
    ['an id with ../', 'openDocument', { documentId: '../../../etc/passwd' }, /documentId/],
    ['an id with a slash', 'openDocument', { documentId: 'doc/..' }, /documentId/],
    ['an id with a backslash', 'openDocument', { documentId: '..\\..\\x' }, /documentId/],
    ['an id with a NUL', 'openDocument', { documentId: 'doc\u0000' }, /documentId/],
    ['an empty id', 'openDocument', { documentId: '' }, /documentId/],
    ['a 1 MB id', 'openDocument', { documentId: 'a'.repeat(1_000_000) }, /documentId/],
    ['a number as id', 'openDocument', { documentId: 12345 }, /documentId/],
    ['an object as id', 'openDocument', { documentId: { toString: 'doc' } }, /documentId/],
    ['an array instead of an object', 'openDocument', ['doc-1'], /malformed|expected/i],
    ['a string instead of an object', 'openDocument', 'doc-1', /malformed|expected/i],
    ['a number instead of an object', 'getSession', 7, /malformed|expected/i],
    ['an unknown key for a method that takes none', 'getSession', { admin: true }, /getSession/],
    ['a __proto__ key for a method that takes none', 'getSession', JSON.parse('{"__proto__": {"admin": true}}'), /getSession/],
    ['a 20,001-character note', 'applyChanges', { changes: [{ kind: 'updateAnnotation', documentId: 'doc-a', annotationId: 'a', note: 'x'.repeat(20_001) }] }, /A note can hold at most 20,000 characters; shorten it\./],
    ['a 301-character speaker name', 'applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 's', name: 'n'.repeat(301) }] }, /name can hold at most 300 characters/],
    ['a blank speaker name', 'applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 's', name: '   ' }] }, /A speaker needs a name/],
    ['a fractional offset', 'applyChanges', { changes: [{ kind: 'createAnnotation', documentId: 'd', annotationId: 'a', labelId: 'quote', start: 1.5, end: 3 }] }, /at start/],
    ['a string offset', 'applyChanges', { changes: [{ kind: 'createAnnotation', documentId: 'd', annotationId: 'a', labelId: 'quote', start: '1', end: 3 }] }, /at start/],
    ['an infinite offset', 'applyChanges', { changes: [{ kind: 'createAnnotation', documentId: 'd', annotationId: 'a', labelId: 'quote', start: 0, end: Infinity }] }, /at end/],
    ['an empty batch', 'applyChanges', { changes: [] }, /changes/],
    ['5001 changes', 'applyChanges', { changes: Array.from({ length: 5001 }, () => ({ kind: 'setLastDocument', documentId: 'd' })) }, /changes/],
    ['changes as a string', 'applyChanges', { changes: 'all of them' }, /changes/],
    ['a 1001-character file name', 'importFile', { fileName: 'f'.repeat(997) + '.txt', contentBase64: '' }, /fileName/],
    ['content that is too long', 'importFile', { fileName: 'a.txt', contentBase64: 'A'.repeat(Math.ceil((MAX_DOCUMENT_BYTES + 1024) / 3) * 4 + 4) }, /contentBase64/],
    ['a content number', 'importFile', { fileName: 'a.txt', contentBase64: 123 }, /contentBase64/],
  ])('refuses %s with bad-request and leaves the workspace unchanged', async (_what, method, args, message) => {
    const s = await setup();
    await expectRefusedUnchanged(s, method, args, message);
  });

  it('a __proto__ key in arguments neither reaches the service nor pollutes Object.prototype', async () => {
    const s = await setup();
    const seen: unknown[] = [];
    const handlers: ApiHandlerMap = {
      ...s.handlers,
      openDocument: async (args: { documentId: string }) => {
        seen.push(args);
        return s.handlers.openDocument(args);
      },
    };
    const hostile = JSON.parse(`{"documentId": "${s.doc.id}", "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}`);
    const response = await dispatchApiCall(handlers, 'openDocument', hostile);
    expect(response.ok).toBe(true);
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0] as object)).toEqual(['documentId']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('strips unknown fields from a change before the service acts on it', async () => {
    const s = await setup();
    expect(parseChange({ kind: 'setLastDocument', documentId: s.doc.id, path: '/etc/passwd' })).toEqual({ kind: 'setLastDocument', documentId: s.doc.id });
    const response = await dispatchApiCall(s.handlers, 'applyChanges', { changes: [{ kind: 'setLastDocument', documentId: s.doc.id, path: '/etc/passwd' }], extra: 1 });
    expect(response).toEqual({ ok: true, result: { applied: 1, refused: [] } });
  });

  it('refuses a bad change in a batch on its own, in words, and applies the rest', async () => {
    const s = await setup();
    const response = await dispatchApiCall(s.handlers, 'applyChanges', {
      changes: [
        { kind: 'createAnnotation', documentId: s.doc.id, annotationId: 'a1', labelId: 'quote', start: 0, end: 3, note: 'x'.repeat(20_001) },
        { kind: 'launchMissiles' },
        { kind: 'setLastDocument', documentId: s.doc.id },
      ],
    });
    expect(response.ok).toBe(true);
    const result = (response as { result: { applied: number; refused: { index: number; code: string; message: string }[] } }).result;
    expect(result.applied).toBe(1);
    expect(result.refused.map((r) => [r.index, r.code])).toEqual([
      [0, 'bad-request'],
      [1, 'bad-request'],
    ]);
    expect(result.refused[0]!.message).toBe('A note can hold at most 20,000 characters; shorten it.');
  });

  it('passes on the code and message of an ApiError from the service', async () => {
    const s = await setup();
    expectFailure(await dispatchApiCall(s.handlers, 'openDocument', { documentId: 'doc-unknown' }), 'not-found', /No document with id doc-unknown/);
    expectFailure(await dispatchApiCall(s.handlers, 'openFilesWithDialog', {}), 'unsupported', /Open button/);
  });

  it('turns a StoreFileError into store-error with its message', async () => {
    const s = await setup();
    const handlers: ApiHandlerMap = {
      ...s.handlers,
      getSession: async () => {
        throw new StoreFileError('/x/workspace.json', 'workspace.json is not valid JSON. It was left untouched.');
      },
    };
    expectFailure(await dispatchApiCall(handlers, 'getSession', {}), 'store-error', /left untouched/);
  });

  it.each([
    ['an Error', new Error('disk on fire'), /disk on fire/],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')"), /Cannot read properties/],
    ['a thrown string', 'plain string failure', /plain string failure/],
    ['a thrown object', { weird: true }, /object/],
  ])('turns %s into internal, with a message saying saved work is safe', async (_what, thrown, reason) => {
    const s = await setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers: ApiHandlerMap = {
      ...s.handlers,
      getSession: async () => {
        throw thrown;
      },
    };
    const message = expectFailure(await dispatchApiCall(handlers, 'getSession', {}), 'internal', reason);
    expect(message).toMatch(/saved.*still on disk/i);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('says the disk is full when an import cannot write its text, and the same import works once space is freed', async () => {
    const s = await setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const contentBase64 = Buffer.from('A second story, said the editor.').toString('base64');
    const clearFault = await injectWriteFault('write', 'ENOSPC', `${s.dir}/probe`);
    let response: ApiResponse;
    try {
      response = await dispatchApiCall(s.handlers, 'importFile', { fileName: 'second.txt', contentBase64 });
    } finally {
      clearFault();
    }
    expectFailure(response, 'disk-full', /disk is full.*free some space and try again/i);
    expect(logged).not.toHaveBeenCalled();
    expect((await workspaceOnDisk(s.dir)).documents.map((d) => d.fileName)).toEqual(['story.txt']);

    const again = await dispatchApiCall(s.handlers, 'importFile', { fileName: 'second.txt', contentBase64 });
    expect(again.ok).toBe(true);
    await s.service.store.flush();
    expect((await workspaceOnDisk(s.dir)).documents.map((d) => d.fileName)).toEqual(['story.txt', 'second.txt']);
  });

  it('does not log expected refusals as internal errors', async () => {
    const s = await setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await dispatchApiCall(s.handlers, 'openDocument', { documentId: '../x' });
    await dispatchApiCall(s.handlers, 'nope', {});
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('toApiError', () => {
  it('keeps ApiError codes and maps everything else', () => {
    expect(toApiError(new ApiError('too-large', 'Too big. Split it.'))).toEqual({ code: 'too-large', message: 'Too big. Split it.' });
    expect(toApiError(new StoreFileError('/f', 'broken'))).toEqual({ code: 'store-error', message: 'broken' });
    expect(toApiError(new Error('boom')).code).toBe('internal');
  });
});
