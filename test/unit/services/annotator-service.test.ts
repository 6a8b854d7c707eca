import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionSchema, openedDocumentSchema, documentSummarySchema, type Change, type OpenedDocument } from '../../../electron/contract/api.js';
import { fromAnnotationColumns } from '../../../electron/contract/spans.js';

const annotationsOf = (opened: OpenedDocument) => fromAnnotationColumns(opened.annotations, opened.document.id, opened.text);
import { AnnotatorService, CONTEXT_LENGTH } from '../../../electron/services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import { ANNOTATIONS_DIR, WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { exists, snapshotDir } from '../../helpers/temp-dirs.js';
import {
  firstRefusal,
  annotationsOnDisk,
  createChange,
  expectApiError,
  importText,
  snapshotPath,
  useWorkspaces,
  workspaceOnDisk,
} from '../../helpers/workspace.js';

const ws = useWorkspaces();

const EMOJI_STORY = 'Intro 😀😀 then “Quote here,” said Ann 👩🏽‍💻 at the meeting. ' + 'Filler text. '.repeat(5);
const QUOTE = 'Quote here';

async function setup(text = EMOJI_STORY) {
  const dir = await ws.tempDir('annotator-svc-');
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', text);
  return { dir, service, doc };
}

const speakerChange = (speakerId: string, name: string): Change => ({ kind: 'createSpeaker', speakerId, name });

describe('createAnnotation', () => {
  it('stores text, prefix and suffix as UTF-16 slices of the text, with emoji before the span', async () => {
    const { dir, service, doc } = await setup();
    const start = EMOJI_STORY.indexOf(QUOTE);
    const end = start + QUOTE.length;
    // UTF-16 offsets: each 😀 counts two.
    expect(start).toBe('Intro 😀😀 then “'.length);
    expect(start).toBe(17);
    await service.applyChanges([createChange(doc.id, 'ann-1', start, end)]);
    const [stored] = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(stored).toMatchObject({ id: 'ann-1', documentId: doc.id, labelId: 'quote', start, end, speakerId: null, note: '' });
    expect(stored!.text).toBe(QUOTE);
    expect(stored!.text).toBe(EMOJI_STORY.slice(start, end));
    expect(stored!.prefix).toBe(EMOJI_STORY.slice(0, start));
    expect(stored!.prefix).toBe('Intro 😀😀 then “');
    expect(stored!.suffix).toBe(EMOJI_STORY.slice(end, end + CONTEXT_LENGTH));
    expect(stored!.suffix).toHaveLength(CONTEXT_LENGTH);
    expect(stored!.createdAt).toBe(stored!.updatedAt);
  });

  it('keeps only CONTEXT_LENGTH code units of prefix far into the text, and a short suffix at its end', async () => {
    const text = 'a'.repeat(100) + 'TARGET' + 'b'.repeat(5);
    const { dir, service, doc } = await setup(text);
    await service.applyChanges([createChange(doc.id, 'ann-1', 100, 106)]);
    const [stored] = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(stored!.text).toBe('TARGET');
    expect(stored!.prefix).toBe('a'.repeat(CONTEXT_LENGTH));
    expect(stored!.suffix).toBe('bbbbb');
  });

  it('a span may cover a whole emoji and end at the very end of the text', async () => {
    const text = 'Ends with 😀';
    const { dir, service, doc } = await setup(text);
    await service.applyChanges([createChange(doc.id, 'ann-1', 10, 12)]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.text).toBe('😀');
  });

  it.each([
    ['end beyond the text', 0, 10_000, /outside/],
    ['start equal to end', 5, 5, /outside/],
    ['start after end', 8, 4, /outside/],
  ])('refuses %s with bad-request and saves nothing', async (_what, start, end, message) => {
    const { dir, service, doc } = await setup();
    const error = await expectApiError(firstRefusal(service.applyChanges([createChange(doc.id, 'ann-1', start, end)])), 'bad-request', message);
    expect(error.message).toContain(`${start}–${end}`);
    expect(error.message).toContain(String(EMOJI_STORY.length));
    expect(await exists(path.join(dir, ANNOTATIONS_DIR, `${doc.id}.json`))).toBe(false);
  });

  it('refuses a span that starts or ends inside an emoji (between its two UTF-16 halves)', async () => {
    const { dir, service, doc } = await setup();
    const emoji = EMOJI_STORY.indexOf('😀');
    await expectApiError(firstRefusal(service.applyChanges([createChange(doc.id, 'a', emoji + 1, emoji + 6)])), 'bad-request', /inside a single character/);
    await expectApiError(firstRefusal(service.applyChanges([createChange(doc.id, 'b', 0, emoji + 1)])), 'bad-request', /emoji/);
    expect(await exists(path.join(dir, ANNOTATIONS_DIR, `${doc.id}.json`))).toBe(false);
  });

  it('refuses an unknown label and an unknown speaker with readable messages', async () => {
    const { dir, service, doc } = await setup();
    await expectApiError(firstRefusal(service.applyChanges([createChange(doc.id, 'a', 0, 5, { labelId: 'rumour' })])), 'bad-request', /no label "rumour"/);
    await expectApiError(firstRefusal(service.applyChanges([createChange(doc.id, 'b', 0, 5, { speakerId: 'spk-ghost' })])), 'bad-request', /no speaker "spk-ghost"/);
    expect(await exists(path.join(dir, ANNOTATIONS_DIR, `${doc.id}.json`))).toBe(false);
  });

  it('refuses an unknown document with not-found', async () => {
    const { service } = await setup();
    await expectApiError(firstRefusal(service.applyChanges([createChange('doc-missing', 'a', 0, 5)])), 'not-found', /No document with id doc-missing/);
  });

  it('stores the same annotation id only once, whether sent twice in a batch or in two batches', async () => {
    const { dir, service, doc } = await setup();
    const change = createChange(doc.id, 'ann-1', 0, 5);
    await service.applyChanges([change, change]);
    await service.applyChanges([change]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.id)).toEqual(['ann-1']);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(1);
  });

  it('counts annotations in workspace.json and attaches a known speaker', async () => {
    const { dir, service, doc } = await setup();
    await service.applyChanges([
      speakerChange('spk-ann', 'Ann'),
      createChange(doc.id, 'a1', 0, 5),
      createChange(doc.id, 'a2', 6, 8, { labelId: 'claim', speakerId: 'spk-ann', note: 'check this' }),
    ]);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(2);
    const second = (await annotationsOnDisk(dir, doc.id)).annotations[1]!;
    expect(second).toMatchObject({ labelId: 'claim', speakerId: 'spk-ann', note: 'check this' });
  });
});

describe('updateAnnotation and deleteAnnotation', () => {
  it('persists label, speaker and note changes on disk', async () => {
    const { dir, service, doc } = await setup();
    await service.applyChanges([speakerChange('spk-ann', 'Ann'), createChange(doc.id, 'ann-1', 0, 5)]);
    const created = (await annotationsOnDisk(dir, doc.id)).annotations[0]!;
    await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-1', labelId: 'claim' }]);
    await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-1', speakerId: 'spk-ann' }]);
    await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-1', note: 'Verified with the city clerk.' }]);
    const updated = (await annotationsOnDisk(dir, doc.id)).annotations[0]!;
    expect(updated).toMatchObject({ labelId: 'claim', speakerId: 'spk-ann', note: 'Verified with the city clerk.', start: 0, end: 5, createdAt: created.createdAt });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    // A speaker can be cleared again with null.
    await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-1', speakerId: null }]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.speakerId).toBeNull();
    // Fields not named in an update stay as they were.
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.note).toBe('Verified with the city clerk.');
  });

  it('refuses to update a missing annotation (not-found) or to an unknown label/speaker (bad-request)', async () => {
    const { dir, service, doc } = await setup();
    await service.applyChanges([createChange(doc.id, 'ann-1', 0, 5)]);
    const before = await snapshotDir(dir);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'gone', note: 'x' }])), 'not-found', /no longer exists/);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-1', labelId: 'nope' }])), 'bad-request', /no label "nope"/);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-1', speakerId: 'nobody' }])), 'bad-request', /no speaker "nobody"/);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('a refused update leaves the annotation exactly as it was', async () => {
    const { service, doc } = await setup();
    await service.applyChanges([createChange(doc.id, 'ann-1', 0, 5)]);
    await expectApiError(
      firstRefusal(service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-1', labelId: 'claim', speakerId: 'nobody' }])),
      'bad-request',
    );
    const opened = await service.openDocument(doc.id);
    expect(annotationsOf(opened)[0]!.labelId).toBe('quote');
  });

  it('delete removes the annotation from disk and decrements annotationCount in workspace.json', async () => {
    const { dir, service, doc } = await setup();
    await service.applyChanges([createChange(doc.id, 'a1', 0, 5), createChange(doc.id, 'a2', 6, 10)]);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(2);
    await service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'a1' }]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.id)).toEqual(['a2']);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(1);
    // Deleting again is harmless.
    await service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'a1' }]);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(1);
  });

  it('a deleted annotation can be created again with the same id (undo)', async () => {
    const { dir, service, doc } = await setup();
    const change = createChange(doc.id, 'a1', 0, 5, { note: 'keep me' });
    await service.applyChanges([change]);
    await service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'a1' }, change]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations).toMatchObject([{ id: 'a1', note: 'keep me' }]);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(1);
  });
});

describe('speakers and settings', () => {
  it('createSpeaker persists a trimmed name and ignores a repeated id', async () => {
    const { dir, service } = await setup();
    await service.applyChanges([speakerChange('spk-1', '  Robert Wood  ')]);
    await service.applyChanges([speakerChange('spk-1', 'Someone Else')]);
    const speakers = (await workspaceOnDisk(dir)).speakers;
    expect(speakers.map((s) => [s.id, s.name])).toEqual([['spk-1', 'Robert Wood']]);
    expect(Number.isNaN(Date.parse(speakers[0]!.createdAt))).toBe(false);
  });

  it('setLastDocument persists and survives a reopen; an unknown document is not-found', async () => {
    const { dir, service, doc } = await setup();
    const other = await importText(service, 'other.txt', 'Another story.');
    await service.applyChanges([{ kind: 'setLastDocument', documentId: other.id }]);
    expect((await workspaceOnDisk(dir)).settings.lastDocumentId).toBe(other.id);
    await service.applyChanges([{ kind: 'setLastDocument', documentId: doc.id }]);
    expect((await workspaceOnDisk(dir)).settings.lastDocumentId).toBe(doc.id);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'setLastDocument', documentId: 'doc-nope' }])), 'not-found');
    const reopened = await ws.openService(dir);
    expect((await reopened.getSession()).lastDocumentId).toBe(doc.id);
  });
});

describe('applyChanges batches', () => {
  it('refuses a bad change on its own: the changes before and after it are saved', async () => {
    const { dir, service, doc } = await setup();
    await expectApiError(
      firstRefusal(service.applyChanges([createChange(doc.id, 'good', 0, 5), createChange(doc.id, 'bad', 0, 99_999), createChange(doc.id, 'never', 6, 8)])),
      'bad-request',
      /outside/,
    );
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.id)).toEqual(['good', 'never']);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(2);
    // A fresh store on the same folder agrees.
    const reopened = await ws.openService(dir);
    expect(annotationsOf(await reopened.openDocument(doc.id)).map((a) => a.id)).toEqual(['good', 'never']);
  });

  it('reports how many changes it applied', async () => {
    const { service, doc } = await setup();
    expect(await service.applyChanges([createChange(doc.id, 'a', 0, 5), speakerChange('s', 'S'), { kind: 'setLastDocument', documentId: doc.id }])).toEqual({ applied: 3, refused: [] });
  });

  it('applies concurrent calls in call order', async () => {
    const { dir, service, doc } = await setup();
    const note = (text: string): Change => ({ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'a1', note: text });
    const calls = [
      service.applyChanges([createChange(doc.id, 'a1', 0, 5)]),
      service.applyChanges([note('one')]),
      service.applyChanges([note('two')]),
      service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'a2' }]),
      service.applyChanges([createChange(doc.id, 'a2', 6, 10)]),
      service.applyChanges([note('three')]),
      service.applyChanges([createChange(doc.id, 'a3', 11, 14)]),
      service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'a3' }]),
    ];
    await Promise.all(calls);
    const onDisk = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(onDisk.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(onDisk[0]!.note).toBe('three');
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(2);
  });

  it('a failed call does not stop the calls queued behind it', async () => {
    const { dir, service, doc } = await setup();
    const failing = service.applyChanges([createChange(doc.id, 'x', 5, 1)]);
    const after = service.applyChanges([createChange(doc.id, 'y', 0, 5)]);
    await expectApiError(firstRefusal(failing), 'bad-request');
    await after;
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.id)).toEqual(['y']);
  });
});

describe('openDocument, import and session', () => {
  it('opens a document with its normalized text and annotations', async () => {
    const { service } = await setup();
    const doc = await importText(service, 'crlf.txt', '\uFEFFLine one\r\nLine two\r');
    await service.applyChanges([createChange(doc.id, 'a1', 5, 8)]);
    const opened = await service.openDocument(doc.id);
    expect(openedDocumentSchema.parse(opened)).toEqual(opened);
    expect(opened.text).toBe('Line one\nLine two\n');
    expect(opened.document).toMatchObject({ id: doc.id, title: 'crlf', fileName: 'crlf.txt', length: 18, annotationCount: 1 });
    // Columns on the wire, without the text: it is a slice of the document's text.
    expect(opened.annotations).toMatchObject({ ids: ['a1'], starts: [5], ends: [8] });
    expect(opened.annotations).not.toHaveProperty('text');
    expect(annotationsOf(opened).map((a) => a.text)).toEqual(['one']);
  });

  it('reads wait for changes issued before them, even when those were not awaited', async () => {
    const { service, doc } = await setup();
    const write = service.applyChanges([speakerChange('spk-1', 'Ann'), createChange(doc.id, 'a1', 0, 5), { kind: 'setLastDocument', documentId: doc.id }]);
    const [opened, session] = await Promise.all([service.openDocument(doc.id), service.getSession()]);
    await write;
    expect(opened.annotations.ids).toEqual(['a1']);
    expect(session.speakers.map((s) => s.id)).toEqual(['spk-1']);
    expect(session.lastDocumentId).toBe(doc.id);
    expect(session.documents[0]!.annotationCount).toBe(1);
  });

  it('a read after a failed change still answers', async () => {
    const { service, doc } = await setup();
    const failing = service.applyChanges([createChange(doc.id, 'a1', 0, 99_999)]);
    const opened = service.openDocument(doc.id);
    await expectApiError(firstRefusal(failing), 'bad-request');
    expect((await opened).annotations.ids).toEqual([]);
  });

  it('openDocument of an unknown id is not-found', async () => {
    const { service } = await setup();
    await expectApiError(service.openDocument('doc-0000000000000000'), 'not-found', /pick another/);
  });

  it('openDocument with a missing text snapshot is a store-error telling the user to open the file again', async () => {
    const { dir, doc } = await setup();
    await fs.rm(snapshotPath(dir, doc.textHash));
    // A fresh service, so no cached copy of the text hides the loss.
    const service = await ws.openService(dir);
    const error = await expectApiError(service.openDocument(doc.id), 'store-error', /missing/);
    expect(error.message).toContain('story');
    expect(error.message).toContain(`texts/${doc.textHash}.txt`);
    expect(error.message).toMatch(/Open the original file again/);
  });

  it('importing the same text again finds the same document', async () => {
    const { service, doc } = await setup();
    const again = await importText(service, 'renamed.txt', EMOJI_STORY);
    expect(again.id).toBe(doc.id);
    expect((await service.getSession()).documents).toHaveLength(1);
  });

  it.each([
    ['photo.png', Buffer.from('text'), 'unsupported'],
    ['empty.txt', Buffer.alloc(0), 'empty-file'],
    ['blank.md', Buffer.from(' \n\t\n'), 'empty-file'],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), 'binary-file'],
    // UTF-8 cut off in the middle of its last character.
    ['cut.txt', Buffer.concat([Buffer.from('Café crème, said Ann, and caf'), Buffer.from([0xc3])]), 'not-utf8'],
    ['utf16-odd.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'bad-encoding'],
  ] as const)('importBase64 of %s is refused with %s and changes nothing on disk', async (fileName, content, code) => {
    const { dir, service } = await setup();
    const before = await snapshotDir(dir);
    await expectApiError(service.importBase64(fileName, content.toString('base64')), code);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('importBase64 reads a Windows-1252 file (detected) and records how it was read', async () => {
    const { dir, service } = await setup();
    const summary = await service.importBase64('cp1252.txt', Buffer.from([0x48, 0x69, 0x20, 0x93, 0x79, 0x6f, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9]).toString('base64'));
    expect(summary).toMatchObject({ encoding: 'windows-1252', encodingDetected: true, format: 'text', filePath: null });
    expect(await fs.readFile(snapshotPath(dir, summary.textHash), 'utf8')).toBe('Hi “yo” café');
  });

  it('importBase64 of a good file returns a contract-valid summary and stores the text', async () => {
    const { dir, service } = await setup();
    const text = 'Crème brûlée — “quoted” 😀\n';
    const summary = await service.importBase64('C:\\Users\\ann\\Dessert.md', Buffer.from(text).toString('base64'));
    expect(documentSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({ title: 'Dessert', fileName: 'Dessert.md', length: text.length, annotationCount: 0 });
    expect(await fs.readFile(snapshotPath(dir, summary.textHash), 'utf8')).toBe(text);
  });

  it('getSession lists documents with their counts, labels, speakers and host', async () => {
    const { dir, service, doc } = await setup();
    const other = await importText(service, 'other.md', 'A second story with words.');
    await service.applyChanges([
      speakerChange('spk-1', 'Ann'),
      createChange(doc.id, 'a1', 0, 5),
      createChange(doc.id, 'a2', 6, 8),
      createChange(other.id, 'b1', 2, 8),
      { kind: 'setLastDocument', documentId: other.id },
    ]);
    const session = await service.getSession();
    expect(sessionSchema.parse(session)).toEqual(session);
    expect(session.host).toBe('browser');
    expect(session.workspaceDir).toBe(dir);
    expect(session.capabilities).toEqual({ nativeOpenDialog: false, recentFiles: false });
    expect(session.labels.map((l) => l.id)).toEqual(['quote', 'speaker', 'claim']);
    expect(session.speakers.map((s) => s.name)).toEqual(['Ann']);
    expect(session.documents.map((d) => [d.title, d.annotationCount])).toEqual([
      ['story', 2],
      ['other', 1],
    ]);
    expect(session.lastDocumentId).toBe(other.id);
    // The session is a copy: changing it does not change the store.
    session.documents[0]!.annotationCount = 99;
    expect((await service.getSession()).documents[0]!.annotationCount).toBe(2);
  });
});

describe('createApiHandlers and browserHostOnlyMethods', () => {
  it('routes every contract method to the service or to the host-only methods', async () => {
    const { service, doc } = await setup();
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    expect((await handlers.getSession()).documents.map((d) => d.id)).toEqual([doc.id]);
    expect((await handlers.openDocument({ documentId: doc.id })).text).toBe(EMOJI_STORY);
    expect(await handlers.applyChanges({ changes: [createChange(doc.id, 'a', 0, 5)] })).toEqual({ applied: 1, refused: [] });
    expect(await handlers.listRecentFiles()).toEqual([]);
    await expectApiError(handlers.openFilesWithDialog(), 'unsupported', /Open button/);
    await expectApiError(handlers.openRecentFile({ recentId: 'r1' }), 'unsupported', /desktop app/);
  });

  it('reports the host and capabilities it was created with', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const service = new AnnotatorService(store, 'electron', { nativeOpenDialog: true, recentFiles: true });
    expect(await service.getSession()).toMatchObject({ host: 'electron', capabilities: { nativeOpenDialog: true, recentFiles: true } });
  });
});

describe('text order on disk', () => {
  it('keeps highlights in text order in the annotations file, however they were made', async () => {
    const { service, doc, dir } = await setup();
    await service.applyChanges([createChange(doc.id, 'late', 20, 25), createChange(doc.id, 'early', 0, 3), createChange(doc.id, 'outer', 0, 10)]);
    const onDisk = await annotationsOnDisk(dir, doc.id);
    expect(onDisk.annotations.map((a) => a.id)).toEqual(['outer', 'early', 'late']);
  });
});

describe('prefetchLastDocument', () => {
  it('loads the last document so opening it reads nothing more from disk', async () => {
    const { service, doc, dir } = await setup();
    await service.applyChanges([createChange(doc.id, 'a1', 0, 3), { kind: 'setLastDocument', documentId: doc.id }]);
    const fresh = new AnnotatorService(await WorkspaceStore.open(dir), 'browser');
    await fresh.prefetchLastDocument();
    // With the files gone, only what was prefetched can answer.
    await fs.rm(path.join(dir, ANNOTATIONS_DIR), { recursive: true });
    await fs.rm(path.join(dir, 'texts'), { recursive: true });
    const opened = await fresh.openDocument(doc.id);
    expect(opened.annotations.ids).toEqual(['a1']);
  });

  it('does nothing when there is no last document', async () => {
    const { dir } = await setup();
    const fresh = new AnnotatorService(await WorkspaceStore.open(dir), 'browser');
    await expect(fresh.prefetchLastDocument()).resolves.toBeUndefined();
  });
});

describe('opening a long document in two steps', () => {
  it('sends the highlights before a point with the text, and the rest on request', async () => {
    const { service, doc } = await setup('x'.repeat(200));
    await service.applyChanges([createChange(doc.id, 'late', 150, 160), createChange(doc.id, 'early', 10, 20), createChange(doc.id, 'edge', 100, 110)]);
    const first = await service.openDocument(doc.id, 100);
    expect(first.annotations.ids).toEqual(['early']);
    expect(first.annotationsComplete).toBe(false);
    expect((await service.listAnnotations(doc.id, 100)).ids).toEqual(['edge', 'late']);
    const whole = await service.openDocument(doc.id);
    expect(whole.annotations.ids).toEqual(['early', 'edge', 'late']);
    expect(whole.annotationsComplete).toBe(true);
    expect((await service.openDocument(doc.id, 1000)).annotationsComplete).toBe(true);
  });
});

describe('who made each highlight', () => {
  it('records the annotator’s name on each new highlight, and keeps the name in the workspace', async () => {
    const { service, doc, dir } = await setup();
    expect((await service.getSession()).annotatorName).toBeNull();
    await service.applyChanges([createChange(doc.id, 'before', 0, 3)]);
    await service.applyChanges([{ kind: 'setAnnotatorName', name: '  Ana Reyes ' }, createChange(doc.id, 'after', 4, 8)]);
    const saved = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(saved.map((a) => [a.id, a.author])).toEqual([
      ['before', ''],
      ['after', 'Ana Reyes'],
    ]);
    expect((await workspaceOnDisk(dir)).settings.annotatorName).toBe('Ana Reyes');
    const reopened = await ws.openService(dir);
    expect((await reopened.getSession()).annotatorName).toBe('Ana Reyes');
    expect(annotationsOf(await reopened.openDocument(doc.id)).map((a) => a.author)).toEqual(['', 'Ana Reyes']);
  });

  it('refuses a blank name in words', async () => {
    const { service } = await setup();
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'setAnnotatorName', name: '   ' }])), 'bad-request', /Give a name/);
  });
});

describe('quotes and claims carry what a fact-check needs', () => {
  it('starts a new claim Unreviewed, with no sources or tags, and keeps every claim field on disk', async () => {
    const { service, doc, dir } = await setup();
    await service.applyChanges([speakerChange('spk-mayor', 'The mayor'), createChange(doc.id, 'c1', 0, 5, { labelId: 'claim' })]);
    let [claim] = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(claim!.claim).toEqual({ checkWorthiness: null, status: 'unreviewed', sources: [], tags: [] });
    const result = await service.applyChanges([
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', speakerId: 'spk-mayor', claim: { checkWorthiness: 'high', tags: ['housing', 'budget'] } },
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'mostly-false', sources: [{ title: 'Budget 2024', url: 'https://example.org/budget', note: 'p. 12' }] } },
    ]);
    expect(result.refused).toEqual([]);
    [claim] = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(claim!.speakerId).toBe('spk-mayor');
    expect(claim!.claim).toEqual({
      checkWorthiness: 'high',
      status: 'mostly-false',
      sources: [{ title: 'Budget 2024', url: 'https://example.org/budget', note: 'p. 12' }],
      tags: ['housing', 'budget'],
      // Setting the status records who changed it, and when; only a desk decision names a reviewer.
      statusBy: '',
      reviewedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Through the wire too.
    expect(annotationsOf(await service.openDocument(doc.id))[0]!.claim?.status).toBe('mostly-false');
  });

  it('refuses a status that is not on the scale and a source link that is not http(s), in words', async () => {
    const { service, doc } = await setup();
    await service.applyChanges([createChange(doc.id, 'c1', 0, 5, { labelId: 'claim' })]);
    const { refused } = await service.applyChanges([
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'pants-on-fire' } },
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { sources: [{ title: 'x', url: 'javascript:alert(1)', note: '' }] } },
    ]);
    expect(refused.map((r) => r.message)).toEqual([
      'There is no status "pants-on-fire" in this workspace\'s scale.',
      expect.stringContaining('A source link must start with http:// or https://.'),
    ]);
  });

  it('keeps a quote’s kind, and clears it with null', async () => {
    const { service, doc, dir } = await setup();
    await service.applyChanges([createChange(doc.id, 'q1', 0, 5), { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q1', quoteKind: 'paraphrase' }]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.quoteKind).toBe('paraphrase');
    await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q1', quoteKind: null }]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]).not.toHaveProperty('quoteKind');
  });

  it('gives a highlight relabelled as a claim its claim fields', async () => {
    const { service, doc, dir } = await setup();
    await service.applyChanges([createChange(doc.id, 'q1', 0, 5), { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'claim' }]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.claim?.status).toBe('unreviewed');
  });
});

describe('the speaker registry', () => {
  it('keeps a speaker’s aliases, role, organisation and notes', async () => {
    const { service, dir } = await setup();
    await service.applyChanges([
      speakerChange('spk-wood', 'Robert Wood'),
      { kind: 'updateSpeaker', speakerId: 'spk-wood', aliases: ['Wood'], role: 'Deputy ambassador', organisation: 'U.S. mission to the U.N.', notes: 'Spoke first.' },
    ]);
    expect((await workspaceOnDisk(dir)).speakers).toEqual([
      { id: 'spk-wood', name: 'Robert Wood', aliases: ['Wood'], role: 'Deputy ambassador', organisation: 'U.S. mission to the U.N.', notes: 'Spoke first.', createdAt: expect.any(String) },
    ]);
  });

  it('merges two speakers: every highlight in every document follows the survivor, and the name becomes an alias', async () => {
    const { service, doc, dir } = await setup();
    const other = await importText(service, 'second.txt', 'Wood said the vote would fail. Nobody disagreed.');
    await service.applyChanges([
      speakerChange('spk-robert', 'Robert Wood'),
      speakerChange('spk-wood', 'Wood'),
      createChange(doc.id, 'q1', 0, 5, { speakerId: 'spk-wood' }),
      createChange(other.id, 'm1', 0, 4, { labelId: 'speaker', speakerId: 'spk-wood' }),
      createChange(other.id, 'q2', 10, 29, { speakerId: 'spk-robert' }),
    ]);
    expect((await service.listSpeakerAppearances('spk-wood')).map((a) => [a.documentTitle, a.annotationId])).toEqual([
      ['story', 'q1'],
      ['second', 'm1'],
    ]);
    const { refused } = await service.applyChanges([{ kind: 'mergeSpeakers', survivorId: 'spk-robert', mergedId: 'spk-wood' }]);
    expect(refused).toEqual([]);
    const workspace = await workspaceOnDisk(dir);
    expect(workspace.speakers.map((s) => [s.id, s.aliases])).toEqual([['spk-robert', ['Wood']]]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.speakerId)).toEqual(['spk-robert']);
    expect((await annotationsOnDisk(dir, other.id)).annotations.map((a) => a.speakerId)).toEqual(['spk-robert', 'spk-robert']);
    expect((await service.listSpeakerAppearances('spk-robert')).map((a) => a.annotationId)).toEqual(['q1', 'm1', 'q2']);
  });

  it('refuses to merge a speaker into itself or into one that is gone', async () => {
    const { service } = await setup();
    await service.applyChanges([speakerChange('spk-a', 'A')]);
    const { refused } = await service.applyChanges([
      { kind: 'mergeSpeakers', survivorId: 'spk-a', mergedId: 'spk-a' },
      { kind: 'mergeSpeakers', survivorId: 'spk-a', mergedId: 'spk-gone' },
    ]);
    expect(refused.map((r) => r.message)).toEqual([expect.stringContaining('into itself'), expect.stringContaining('no longer exists')]);
  });
});

describe('moving a highlight', () => {
  it('moves its start and end: its text, context and place in text order follow', async () => {
    const { service, doc, dir } = await setup('alpha beta gamma delta epsilon');
    await service.applyChanges([createChange(doc.id, 'first', 0, 5), createChange(doc.id, 'second', 6, 10)]);
    const { refused } = await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'first', start: 11, end: 22 }]);
    expect(refused).toEqual([]);
    const saved = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(saved.map((a) => [a.id, a.text])).toEqual([
      ['second', 'beta'],
      ['first', 'gamma delta'],
    ]);
    expect(saved[1]!.prefix).toBe('alpha beta ');
  });

  it('refuses a move outside the text, leaving the highlight where it was', async () => {
    const { service, doc, dir } = await setup('alpha beta');
    await service.applyChanges([createChange(doc.id, 'a', 0, 5)]);
    const { refused } = await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'a', end: 99 }]);
    expect(refused[0]!.message).toMatch(/outside/);
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.text).toBe('alpha');
  });
});

describe('the label set', () => {
  const statistic = { id: 'statistic', name: 'Statistic', color: '#2e7d32', hotkey: 't' };

  it('adds a label and changes one, on disk', async () => {
    const { service, doc, dir } = await setup();
    await service.applyChanges([
      { kind: 'saveLabel', label: statistic },
      { kind: 'saveLabel', label: { id: 'quote', name: 'Quotation', color: '#aa7700', hotkey: 'q' } },
      createChange(doc.id, 's1', 0, 5, { labelId: 'statistic' }),
    ]);
    const workspace = await workspaceOnDisk(dir);
    expect(workspace.labels.map((l) => [l.id, l.name, l.hotkey])).toEqual([
      ['quote', 'Quotation', 'q'],
      ['speaker', 'Speaker', 's'],
      ['claim', 'Claim', 'c'],
      ['statistic', 'Statistic', 't'],
    ]);
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.labelId).toBe('statistic');
  });

  it('refuses a taken name or key, a key the editor uses, and deleting a built-in or a used label', async () => {
    const { service, doc } = await setup();
    await service.applyChanges([{ kind: 'saveLabel', label: statistic }, createChange(doc.id, 's1', 0, 5, { labelId: 'statistic' })]);
    const { refused } = await service.applyChanges([
      { kind: 'saveLabel', label: { ...statistic, id: 'other', hotkey: 'u' } },
      { kind: 'saveLabel', label: { id: 'other', name: 'Other', color: '#000000', hotkey: 'q' } },
      { kind: 'saveLabel', label: { id: 'other', name: 'Other', color: '#000000', hotkey: 'e' } },
      { kind: 'deleteLabel', labelId: 'quote' },
      { kind: 'deleteLabel', labelId: 'statistic' },
    ]);
    expect(refused.map((r) => r.message)).toEqual([
      'There is already a label called "Statistic".',
      'Q already labels Quote; choose another key.',
      expect.stringContaining('taken by the editor'),
      expect.stringContaining('built in'),
      '1 highlight uses this label; relabel or delete it first.',
    ]);
  });

  it('deletes a label nothing uses', async () => {
    const { service, dir } = await setup();
    await service.applyChanges([{ kind: 'saveLabel', label: statistic }, { kind: 'deleteLabel', labelId: 'statistic' }]);
    expect((await workspaceOnDisk(dir)).labels.map((l) => l.id)).toEqual(['quote', 'speaker', 'claim']);
  });
});
