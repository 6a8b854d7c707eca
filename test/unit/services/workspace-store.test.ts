import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, DEFAULT_STATUSES, SCHEMA_VERSION, type Annotation } from '../../../electron/contract/api.js';
import { StoreFileError } from '../../../electron/services/store/durable-json-file.js';
import {
  serializeAnnotationsFile,
  ANNOTATIONS_DIR,
  TEXTS_DIR,
  WORKSPACE_FILE,
  WorkspaceStore,
  documentIdFor,
  migrateWorkspaceFile,
  sha256,
} from '../../../electron/services/store/workspace-store.js';
import { exists, snapshotDir } from '../../helpers/temp-dirs.js';
import { annotationsOnDisk, expectApiError, snapshotPath, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();

const STORY = 'The mayor said: “We will rebuild the bridge by May.”\nCritics disagree.\n';

function annotation(documentId: string, id: string, start: number, end: number, text: string): Annotation {
  const now = '2024-05-01T12:00:00.000Z';
  return { id, documentId, labelId: 'quote', start, end, text: text.slice(start, end), prefix: '', suffix: '', speakerId: null, note: '', author: 'Ana Reyes', createdAt: now, updatedAt: now };
}

async function expectStoreFileError(promise: Promise<unknown>, message: RegExp): Promise<StoreFileError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreFileError);
  expect((error as StoreFileError).message).toMatch(message);
  return error as StoreFileError;
}

describe('WorkspaceStore.open', () => {
  it('creates workspace.json (schema 2, default labels) when opening an empty folder', async () => {
    const dir = await ws.tempDir();
    await ws.openStore(dir);
    const onDisk = await workspaceOnDisk(dir);
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.labels.map((label) => label.name)).toEqual(['Quote', 'Speaker', 'Claim']);
    expect(onDisk.documents).toEqual([]);
    expect(onDisk.settings).toEqual({ lastDocumentId: null, annotatorName: null, organisation: '', claimReviewUrl: '' });
  });

  it('starts an empty folder with schema 2, the default labels and the texts/annotations folders', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.data.labels.map((label) => [label.id, label.name, label.hotkey])).toEqual([
      ['quote', 'Quote', 'q'],
      ['speaker', 'Speaker', 's'],
      ['claim', 'Claim', 'c'],
    ]);
    expect(store.data.speakers).toEqual([]);
    expect(store.data.documents).toEqual([]);
    expect((await fs.stat(path.join(dir, TEXTS_DIR))).isDirectory()).toBe(true);
    expect((await fs.stat(path.join(dir, ANNOTATIONS_DIR))).isDirectory()).toBe(true);
    // The first write puts workspace.json on disk with the same defaults.
    await store.addDocument('a.txt', 'a', 'text');
    const onDisk = await workspaceOnDisk(dir);
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.labels.map((label) => label.name)).toEqual(['Quote', 'Speaker', 'Claim']);
  });

  it('creates the workspace folder itself when it does not exist yet', async () => {
    const parent = await ws.tempDir();
    const dir = path.join(parent, 'nested', 'workspace');
    const store = await ws.openStore(dir);
    expect(store.dir).toBe(dir);
    expect(await exists(path.join(dir, TEXTS_DIR))).toBe(true);
  });

  it('does not share label objects with the contract defaults', async () => {
    const store = await ws.openStore(await ws.tempDir());
    store.data.labels[0]!.name = 'Changed';
    expect(DEFAULT_LABELS[0]!.name).toBe('Quote');
  });

  it('migrates a schemaVersion 0 workspace with missing fields instead of rejecting it', async () => {
    const dir = await ws.tempDir();
    const oldDoc = { id: 'doc-old', title: 'Old', fileName: 'old.txt', textHash: 'a'.repeat(64), length: 3, addedAt: '2020-01-01T00:00:00.000Z', annotationCount: 2 };
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), JSON.stringify({ schemaVersion: 0, documents: [oldDoc] }));
    const store = await ws.openStore(dir);
    expect(store.data.schemaVersion).toBe(2);
    expect(store.data.labels.map((label) => label.name)).toEqual(['Quote', 'Speaker', 'Claim']);
    expect(store.data.speakers).toEqual([]);
    // Documents from before schema 2 get its defaults.
    expect(store.data.documents).toEqual([{ ...oldDoc, format: 'text', encoding: 'utf-8', encodingDetected: false, sourceUrl: null, filePath: null }]);
    expect(store.data.settings.lastDocumentId).toBeNull();
    // Written forward on the next save.
    await store.addDocument('new.txt', 'new', 'new text');
    const onDisk = await workspaceOnDisk(dir);
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.documents.map((doc) => doc.id)).toEqual(['doc-old', documentIdFor(sha256('new text'))]);
  });

  it('migrates a file with no schemaVersion and partial settings, keeping custom labels and speakers', async () => {
    const dir = await ws.tempDir();
    const labels = [{ id: 'fact', name: 'Fact', color: '#123456', hotkey: 'f' }];
    const speakers = [{ id: 'spk-1', name: 'Ann', createdAt: '2020-01-01T00:00:00.000Z' }];
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), JSON.stringify({ labels, speakers, settings: {} }));
    const store = await ws.openStore(dir);
    expect(store.data.labels).toEqual(labels);
    // Speakers from before the registry kept more than a name get the new fields, empty.
    expect(store.data.speakers).toEqual([{ ...speakers[0], aliases: [], role: '', organisation: '', notes: '' }]);
    expect(store.data.settings).toEqual({ lastDocumentId: null, annotatorName: null, organisation: '', claimReviewUrl: '' });
  });

  it('migrateWorkspaceFile fills missing parts with defaults', () => {
    const migrated = migrateWorkspaceFile('/x/workspace.json', { schemaVersion: 1 });
    expect(migrated).toEqual({
      schemaVersion: 2,
      labels: DEFAULT_LABELS,
      statuses: DEFAULT_STATUSES,
      speakers: [],
      documents: [],
      settings: { lastDocumentId: null, annotatorName: null, organisation: '', claimReviewUrl: '' },
    });
  });

  it.each([
    ['labels', { labels: 'nope' }, /"labels"/],
    ['speakers', { speakers: {} }, /"speakers"/],
    ['documents', { documents: 3 }, /"documents"/],
    ['a document', { documents: [{ id: 'doc-1', title: 'x' }] }, /"documents\.0\./],
    ['settings', { settings: 'dark' }, /"settings"/],
  ])('refuses wrong-typed %s rather than saving defaults over them', (_what, part, message) => {
    expect(() => migrateWorkspaceFile('/x/workspace.json', { schemaVersion: 1, ...part })).toThrow(StoreFileError);
    expect(() => migrateWorkspaceFile('/x/workspace.json', { schemaVersion: 1, ...part })).toThrow(message);
  });

  it('opens a damaged annotations file read-only, with no highlights (no backup yet), and leaves it untouched', async () => {
    const dir = await ws.tempDir();
    const store = await WorkspaceStore.open(dir);
    const { document } = await store.addDocument('a.txt', 'a', 'Some text to annotate.');
    const file = path.join(dir, ANNOTATIONS_DIR, `${document.id}.json`);
    const content = JSON.stringify({ schemaVersion: 1, annotations: [{ id: 'a1', labelId: 'quote', start: 'zero', end: 4, text: 'Some' }] });
    await fs.writeFile(file, content);
    expect(await store.annotations(document)).toEqual([]);
    expect(store.readOnly).toBe(true);
    expect(store.problem).toMatchObject({ fileName: `annotations/${document.id}.json`, backupTakenAt: null });
    expect(store.problem!.message).toMatch(/highlight 1 lacks/);
    await expectApiError(store.saveAnnotations(document), 'read-only', /damaged/);
    expect(await fs.readFile(file, 'utf8')).toBe(content);
  });

  it('refuses a workspace from a newer version (schema 99) and leaves it untouched', async () => {
    const dir = await ws.tempDir();
    const content = JSON.stringify({ schemaVersion: 99, labels: [], documents: [], futureField: true }, null, 4);
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), content);
    const before = await snapshotDir(dir);
    const error = await expectStoreFileError(WorkspaceStore.open(dir), /newer/);
    expect(error.message).toMatch(/schema 99/);
    expect(error.message).toMatch(/update the app/i);
    expect(error.filePath).toBe(path.join(dir, WORKSPACE_FILE));
    expect(await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8')).toBe(content);
    // Nothing but the (empty) folders open() needs was added.
    const after = await snapshotDir(dir);
    expect(after[WORKSPACE_FILE]).toBe(before[WORKSPACE_FILE]);
    expect(Object.keys(after).filter((key) => !key.endsWith('/'))).toEqual([WORKSPACE_FILE]);
  });

  it.each([
    ['broken JSON', '{"schemaVersion": 1, "documents": [', /not valid JSON/],
    ['an array', '[1, 2, 3]', /does not hold a workspace object/],
    ['a string', '"workspace"', /does not hold a workspace object/],
  ])('opens a workspace.json holding %s read-only on defaults (no backup yet) and leaves it byte-for-byte untouched', async (_what, content, message) => {
    const dir = await ws.tempDir();
    const filePath = path.join(dir, WORKSPACE_FILE);
    await fs.writeFile(filePath, content);
    const store = await WorkspaceStore.open(dir);
    expect(store.readOnly).toBe(true);
    expect(store.problem).toMatchObject({ fileName: WORKSPACE_FILE, backupTakenAt: null });
    expect(store.problem!.message).toMatch(message);
    expect(store.problem!.message).toMatch(/nothing is being saved/);
    expect(store.data.labels.map((label) => label.id)).toEqual(['quote', 'speaker', 'claim']);
    await expectApiError(store.saveWorkspace(), 'read-only');
    await expectApiError(store.addDocument('a.txt', 'a', 'text'), 'read-only');
    await store.flush();
    expect(await fs.readFile(filePath, 'utf8')).toBe(content);
    expect((await fs.readdir(dir)).sort()).toEqual([ANNOTATIONS_DIR, TEXTS_DIR, WORKSPACE_FILE].sort());
    expect(await fs.readdir(path.join(dir, TEXTS_DIR))).toEqual([]);
  });
});

describe('WorkspaceStore documents', () => {
  it('addDocument writes texts/<sha256>.txt with exactly the text and records the document', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const text = 'Emoji 😀 and “quotes”\nsecond line';
    const { document, created } = await store.addDocument('story.txt', 'story', text);
    const hash = sha256(text);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(created).toBe(true);
    expect(document).toMatchObject({ id: documentIdFor(hash), title: 'story', fileName: 'story.txt', textHash: hash, length: text.length, annotationCount: 0 });
    expect(await fs.readFile(snapshotPath(dir, hash), 'utf8')).toBe(text);
    expect(await fs.readdir(path.join(dir, TEXTS_DIR))).toEqual([`${hash}.txt`]);
    const onDisk = await workspaceOnDisk(dir);
    expect(onDisk.documents).toEqual([document]);
    expect(Number.isNaN(Date.parse(onDisk.documents[0]!.addedAt))).toBe(false);
  });

  it('the snapshot name is the SHA-256 of the UTF-8 text', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    // Known digest of "abc".
    const { document } = await store.addDocument('abc.txt', 'abc', 'abc');
    expect(document.textHash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(document.id).toBe('doc-ba7816bf8f01cfea');
  });

  it('adding the same text twice yields one document and one snapshot', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const first = await store.addDocument('a.txt', 'a', STORY);
    const second = await store.addDocument('copy of a.md', 'copy of a', STORY);
    expect(second.created).toBe(false);
    expect(second.document.id).toBe(first.document.id);
    expect(second.document.fileName).toBe('a.txt');
    expect((await workspaceOnDisk(dir)).documents).toHaveLength(1);
    expect(await fs.readdir(path.join(dir, TEXTS_DIR))).toHaveLength(1);
  });

  it('adding the same text twice at the same time still yields one document', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const [a, b] = await Promise.all([store.addDocument('a.txt', 'a', STORY), store.addDocument('b.txt', 'b', STORY)]);
    expect(b.document.id).toBe(a.document.id);
    expect(store.data.documents).toHaveLength(1);
    expect((await workspaceOnDisk(dir)).documents).toHaveLength(1);
  });

  it('keeps different texts as different documents, in the order they were added', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    await store.addDocument('one.txt', 'one', 'first text');
    await store.addDocument('two.txt', 'two', 'second text');
    expect((await workspaceOnDisk(dir)).documents.map((doc) => doc.title)).toEqual(['one', 'two']);
    expect(await fs.readdir(path.join(dir, TEXTS_DIR))).toHaveLength(2);
  });
});

describe('WorkspaceStore annotations', () => {
  it('saves annotations to annotations/<docId>.json with schemaVersion, document id and text hash', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', STORY);
    const list = await store.annotations(document);
    expect(list).toEqual([]);
    list.push(annotation(document.id, 'ann-1', 4, 9, STORY));
    await store.saveAnnotations(document);
    const onDisk = await annotationsOnDisk(dir, document.id);
    expect(onDisk).toEqual({ schemaVersion: 2, documentId: document.id, textHash: document.textHash, annotations: [annotation(document.id, 'ann-1', 4, 9, STORY)], orphans: [] });
    expect(onDisk.annotations[0]!.text).toBe('mayor');
  });

  it('a new store on the same folder reads everything back', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 'Story', STORY);
    (await store.annotations(document)).push(annotation(document.id, 'ann-1', 0, 3, STORY), annotation(document.id, 'ann-2', 4, 9, STORY));
    document.annotationCount = 2;
    store.data.speakers.push({ id: 'spk-1', name: 'The mayor', aliases: [], role: '', organisation: '', notes: '', createdAt: '2024-01-01T00:00:00.000Z' });
    store.data.settings.lastDocumentId = document.id;
    await Promise.all([store.saveAnnotations(document), store.saveWorkspace()]);

    const reopened = await ws.openStore(dir);
    expect(reopened.data).toEqual(store.data);
    const doc = reopened.findDocument(document.id);
    expect(doc).toBeDefined();
    expect(await reopened.readText(doc!)).toBe(STORY);
    expect((await reopened.annotations(doc!)).map((a) => [a.id, a.text])).toEqual([
      ['ann-1', 'The'],
      ['ann-2', 'mayor'],
    ]);
  });

  it('a document with no annotations file yet has no annotations and no file is made by reading', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', STORY);
    expect(await store.annotations(document)).toEqual([]);
    expect(await exists(path.join(dir, ANNOTATIONS_DIR, `${document.id}.json`))).toBe(false);
  });

  it('a broken annotations file makes the store read-only and is left untouched', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', STORY);
    const filePath = path.join(dir, ANNOTATIONS_DIR, `${document.id}.json`);
    await fs.writeFile(filePath, '{"annotations": [');
    expect(await store.annotations(document)).toEqual([]);
    expect(store.problem!.message).toMatch(/not valid JSON/);
    await expectApiError(store.saveWorkspace(), 'read-only');
    expect(await fs.readFile(filePath, 'utf8')).toBe('{"annotations": [');
    // A store opened after a repair reads the file.
    await fs.writeFile(filePath, JSON.stringify({ schemaVersion: 1, annotations: [annotation(document.id, 'ann-9', 0, 3, STORY)] }));
    const repaired = await ws.openStore(dir);
    expect((await repaired.annotations(repaired.findDocument(document.id)!)).map((a) => a.id)).toEqual(['ann-9']);
    expect(repaired.readOnly).toBe(false);
  });

  it('refuses an annotations file from a newer version, untouched', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', STORY);
    const filePath = path.join(dir, ANNOTATIONS_DIR, `${document.id}.json`);
    const content = JSON.stringify({ schemaVersion: 99, annotations: [] });
    await fs.writeFile(filePath, content);
    await expectStoreFileError(store.annotations(document), /newer/);
    expect(await fs.readFile(filePath, 'utf8')).toBe(content);
  });

  it('migrates an old annotations file (schema 0, no document id) on read and writes it forward', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', STORY);
    const filePath = path.join(dir, ANNOTATIONS_DIR, `${document.id}.json`);
    await fs.writeFile(filePath, JSON.stringify({ schemaVersion: 0, annotations: [annotation(document.id, 'old', 0, 3, STORY)] }));
    expect((await store.annotations(document)).map((a) => a.id)).toEqual(['old']);
    await store.saveAnnotations(document);
    const onDisk = await annotationsOnDisk(dir, document.id);
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.documentId).toBe(document.id);
    expect(onDisk.textHash).toBe(document.textHash);
  });

  it('saveAnnotations before the annotations were loaded is a programming error, not a silent no-op', async () => {
    const store = await ws.openStore(await ws.tempDir());
    const { document } = await store.addDocument('s.txt', 's', STORY);
    expect(() => store.saveAnnotations(document)).toThrow(/before they were loaded/);
  });

  it('flush() waits until every scheduled write is on disk', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', STORY);
    (await store.annotations(document)).push(annotation(document.id, 'ann-1', 0, 3, STORY));
    store.data.settings.lastDocumentId = document.id;
    void store.saveAnnotations(document);
    void store.saveWorkspace();
    await store.flush();
    expect((await annotationsOnDisk(dir, document.id)).annotations).toHaveLength(1);
    expect((await workspaceOnDisk(dir)).settings.lastDocumentId).toBe(document.id);
  });

  it('leaves no temp files behind after a burst of saves', async () => {
    const dir = await ws.tempDir();
    const store = await ws.openStore(dir);
    const { document } = await store.addDocument('s.txt', 's', STORY);
    const list = await store.annotations(document);
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      list.push(annotation(document.id, `ann-${i}`, 0, 3, STORY));
      saves.push(store.saveAnnotations(document), store.saveWorkspace());
    }
    await Promise.all(saves);
    expect((await annotationsOnDisk(dir, document.id)).annotations).toHaveLength(30);
    const files = Object.keys(await snapshotDir(dir)).filter((name) => !name.endsWith('/'));
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(files.sort()).toEqual([path.join(ANNOTATIONS_DIR, `${document.id}.json`), path.join(TEXTS_DIR, `${document.textHash}.txt`), WORKSPACE_FILE].sort());
  });
});

describe('the annotations file format', () => {
  const annotation = (id: string, start: number, note = '') => ({
    id,
    documentId: 'doc-1',
    labelId: 'quote',
    start,
    end: start + 3,
    text: 'abc',
    prefix: '',
    suffix: '',
    speakerId: null,
    note,
    author: 'Ana Reyes',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  it('writes one highlight per line, and parses back to the same data', () => {
    const data = { schemaVersion: 2, documentId: 'doc-1', textHash: 'a'.repeat(64), annotations: [annotation('a', 0), annotation('b', 5, 'He said “no”\n')], orphans: [annotation('c', 9)] };
    const written = serializeAnnotationsFile(data);
    expect(JSON.parse(written)).toEqual(data);
    const lines = written.split('\n');
    expect(lines.filter((line) => line.trimStart().startsWith('{"id":'))).toHaveLength(3);
    expect(JSON.parse(serializeAnnotationsFile({ ...data, annotations: [] }))).toEqual({ ...data, annotations: [] });
    expect(JSON.parse(serializeAnnotationsFile({ ...data, orphans: [] }))).toEqual({ ...data, orphans: [] });
  });

  it('writes a replaced highlight anew, while unchanged ones are reused', () => {
    const first = annotation('a', 0);
    const data = { schemaVersion: 2, documentId: 'doc-1', textHash: 'a'.repeat(64), annotations: [first], orphans: [] };
    serializeAnnotationsFile(data);
    data.annotations = [{ ...first, note: 'edited' }];
    expect(JSON.parse(serializeAnnotationsFile(data)).annotations[0].note).toBe('edited');
  });
});

describe('a missing text snapshot', () => {
  it('is written again when the same text is opened again', async () => {
    const dir = await ws.tempDir();
    const store = await WorkspaceStore.open(dir);
    const { document } = await store.addDocument('a.txt', 'a', 'The original story.');
    const snapshot = path.join(dir, 'texts', `${document.textHash}.txt`);
    await fs.rm(snapshot);
    const reopened = await WorkspaceStore.open(dir);
    const again = await reopened.addDocument('a.txt', 'a', 'The original story.');
    expect(again).toMatchObject({ created: false, document: { id: document.id } });
    expect(await fs.readFile(snapshot, 'utf8')).toBe('The original story.');
  });
});

describe('labels written before the key rules', () => {
  it('are read, not refused: an upper-case key becomes lower-case, a reserved one is kept for the user to change', async () => {
    const dir = await ws.tempDir();
    const labels = [
      { id: 'quote', name: 'Quote', color: '#f2b134', hotkey: 'Q' },
      { id: 'extra', name: 'Extra', color: '#123456', hotkey: 'e' },
    ];
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), JSON.stringify({ schemaVersion: 1, labels }));
    const store = await ws.openStore(dir);
    expect(store.data.labels.map((l) => l.hotkey)).toEqual(['q', 'e']);
  });
});
