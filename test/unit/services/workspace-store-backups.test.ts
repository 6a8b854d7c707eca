// Rolling backups of the store files, and what happens when a store file is damaged: the
// workspace opens read-only on the newest good backup, nothing is written, and restoring puts
// the backup back while keeping the damaged file.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../electron/contract/api.js';
import { BACKUPS_DIR, listBackups } from '../../../electron/services/store/store-backups.js';
import { ANNOTATIONS_DIR, TEXTS_DIR, WORKSPACE_FILE, WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { exists, snapshotDir } from '../../helpers/temp-dirs.js';
import { expectApiError, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The mayor said the bridge will open in May.';
const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

/** Only Date is faked: file I/O and setImmediate run for real. */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  return (minutes: number) => vi.setSystemTime(new Date(Date.now() + minutes * MINUTE));
}

function highlight(documentId: string, id: string, start = 4, end = 9): Annotation {
  const at = '2026-01-01T00:00:00.000Z';
  return { id, documentId, labelId: 'quote', start, end, text: STORY.slice(start, end), prefix: '', suffix: '', speakerId: null, note: '', author: 'Ana', createdAt: at, updatedAt: at };
}

const workspaceBackups = (dir: string) => listBackups(dir, path.join(dir, WORKSPACE_FILE));
const names = async (dir: string) => (await workspaceBackups(dir)).map((b) => path.basename(b.path));

/** A workspace with one story and one highlight, written and closed. */
async function savedWorkspace() {
  const dir = await ws.tempDir();
  const store = await ws.openStore(dir);
  const { document } = await store.addDocument('story.txt', 'Story', STORY);
  (await store.annotations(document)).push(highlight(document.id, 'ann-1'));
  document.annotationCount = 1;
  await Promise.all([store.saveAnnotations(document), store.saveWorkspace()]);
  return { dir, documentId: document.id };
}

describe('rolling backups', () => {
  it('copy the last good workspace.json before its first overwrite in a session, then at most every 10 minutes', async () => {
    const advance = clockAt('2026-03-01T09:00:00.000Z');
    const { dir } = await savedWorkspace();
    // The session that created the file took no copy of it.
    expect(await exists(path.join(dir, BACKUPS_DIR))).toBe(false);

    const store = await ws.openStore(dir);
    const firstVersion = await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8');
    store.data.settings.annotatorName = 'Ana';
    await store.saveWorkspace();
    expect(await names(dir)).toEqual(['workspace.2026-03-01T09-00-00-000Z.json']);
    expect(await fs.readFile(path.join(dir, BACKUPS_DIR, 'workspace.2026-03-01T09-00-00-000Z.json'), 'utf8')).toBe(firstVersion);

    advance(9);
    store.data.settings.annotatorName = 'Bo';
    await store.saveWorkspace();
    expect(await names(dir)).toHaveLength(1);

    advance(2);
    const beforeThird = await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8');
    store.data.settings.annotatorName = 'Cy';
    await store.saveWorkspace();
    expect(await names(dir)).toEqual(['workspace.2026-03-01T09-11-00-000Z.json', 'workspace.2026-03-01T09-00-00-000Z.json']);
    expect(await fs.readFile(path.join(dir, BACKUPS_DIR, 'workspace.2026-03-01T09-11-00-000Z.json'), 'utf8')).toBe(beforeThird);
    expect(JSON.parse(beforeThird).settings.annotatorName).toBe('Bo');
  });

  it('keep the newest 5 per file', async () => {
    const advance = clockAt('2026-03-01T09:00:00.000Z');
    const { dir } = await savedWorkspace();
    const store = await ws.openStore(dir);
    for (let i = 0; i < 8; i++) {
      store.data.settings.annotatorName = `name ${i}`;
      await store.saveWorkspace();
      advance(11);
    }
    expect(await names(dir)).toEqual(
      ['10-17', '10-06', '09-55', '09-44', '09-33'].map((time) => `workspace.2026-03-01T${time}-00-000Z.json`),
    );
    // The older copies are gone from the disk, not only from the list.
    expect((await fs.readdir(path.join(dir, BACKUPS_DIR))).sort()).toEqual((await names(dir)).sort());
  });

  it('copy annotation files to backups/annotations/<docId>.<time>.json', async () => {
    clockAt('2026-03-01T09:00:00.000Z');
    const { dir, documentId } = await savedWorkspace();
    const before = await fs.readFile(path.join(dir, ANNOTATIONS_DIR, `${documentId}.json`), 'utf8');
    const store = await ws.openStore(dir);
    const doc = store.findDocument(documentId)!;
    (await store.annotations(doc)).push(highlight(documentId, 'ann-2', 10, 16));
    await store.saveAnnotations(doc);
    const copy = path.join(dir, BACKUPS_DIR, ANNOTATIONS_DIR, `${documentId}.2026-03-01T09-00-00-000Z.json`);
    expect(await fs.readFile(copy, 'utf8')).toBe(before);
  });
});

describe('the copy taken before a migration', () => {
  it('holds the older release’s file exactly and is never pruned', async () => {
    const advance = clockAt('2026-03-01T09:00:00.000Z');
    const dir = path.join(await ws.tempDir(), 'v1');
    await fs.cp(path.resolve('test/fixtures/stores/v1'), dir, { recursive: true });
    const original = await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8');
    const store = await ws.openStore(dir);
    for (let i = 0; i < 8; i++) {
      store.data.settings.annotatorName = `name ${i}`;
      await store.saveWorkspace();
      advance(11);
    }
    const all = await names(dir);
    expect(all).toHaveLength(6);
    expect(all.filter((name) => name.endsWith('.schema1.json'))).toEqual(['workspace.2026-03-01T09-00-00-000Z.schema1.json']);
    expect(await fs.readFile(path.join(dir, BACKUPS_DIR, 'workspace.2026-03-01T09-00-00-000Z.schema1.json'), 'utf8')).toBe(original);
  });
});

describe('a damaged workspace.json', () => {
  /** A workspace with a backup of an earlier version (annotator "Ana") and workspace.json replaced by `content`. */
  async function damagedWorkspace(content: (good: string) => string) {
    clockAt('2026-03-01T09:00:00.000Z');
    const { dir, documentId } = await savedWorkspace();
    const store = await ws.openStore(dir);
    store.data.settings.annotatorName = 'Ana';
    await store.saveWorkspace();
    await store.flush();
    vi.useRealTimers();
    const good = await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8');
    const backup = (await workspaceBackups(dir))[0]!;
    const damaged = content(good);
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), damaged);
    return { dir, documentId, damaged, backup };
  }

  it.each([
    ['broken JSON', () => '{"schemaVersion": 2, "labels": [', /workspace\.json is not valid JSON/],
    ['an empty file', () => '', /workspace\.json is empty/],
    ['JSON cut off mid-file', (good: string) => good.slice(0, Math.floor(good.length / 2)), /workspace\.json is not valid JSON/],
    ['a damaged part', () => JSON.stringify({ schemaVersion: 2, documents: 'lost' }), /workspace\.json is damaged: "documents"/],
  ])('holding %s opens read-only on the last good backup and writes nothing', async (_what, content, message) => {
    const { dir, documentId, damaged, backup } = await damagedWorkspace(content);
    const before = await snapshotDir(dir);
    const store = await WorkspaceStore.open(dir);
    expect(store.readOnly).toBe(true);
    expect(store.problem).toEqual({ fileName: WORKSPACE_FILE, backupTakenAt: '2026-03-01T09:00:00.000Z', message: expect.stringMatching(message) });
    expect(store.problem!.message).toMatch(/read-only: nothing is being saved/);
    expect(store.problem!.message).toMatch(/backup of workspace\.json taken 2026-03-01 09:00 UTC; restore it/);
    // What is shown is the backup: the story is there, the later name is not.
    expect(store.data.documents.map((doc) => doc.id)).toEqual([documentId]);
    expect(store.data.settings.annotatorName).toBeNull();
    expect(await fs.readFile(backup.path, 'utf8')).toContain(documentId);

    const doc = store.findDocument(documentId)!;
    expect((await store.annotations(doc)).map((a) => a.id)).toEqual(['ann-1']);
    const refused = [
      store.saveWorkspace(),
      store.saveAnnotations(doc),
      store.addDocument('new.txt', 'New', 'A new story.'),
      store.replaceText(doc, 'A changed story.'),
      store.replaceAnnotations(doc, [], []),
    ];
    for (const attempt of refused) {
      await expectApiError(attempt, 'read-only', /^workspace\.json in the workspace is damaged, so nothing is being saved and this change was not kept\. Restore the last good backup/);
    }
    await store.flush();
    expect(await snapshotDir(dir)).toEqual(before);
    expect(await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8')).toBe(damaged);
  });

  it('restoreBackup keeps the damaged file aside, puts the backup back durably, and leaves read-only mode', async () => {
    const { dir, damaged, backup } = await damagedWorkspace(() => '{"schemaVersion": 2, "labels": [');
    const store = await ws.openStore(dir);
    const result = await store.restoreBackup();
    expect(result.restored).toBe(WORKSPACE_FILE);
    expect(result.keptAs).toMatch(/^workspace\.json\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await fs.readFile(path.join(dir, result.keptAs), 'utf8')).toBe(damaged);
    expect(await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8')).toBe(await fs.readFile(backup.path, 'utf8'));
    expect(store.readOnly).toBe(false);
    expect(store.problem).toBeNull();
    store.data.settings.annotatorName = 'After restore';
    await store.saveWorkspace();
    expect((await workspaceOnDisk(dir)).settings.annotatorName).toBe('After restore');
    expect((await ws.openStore(dir)).readOnly).toBe(false);
  });

  it('skips a damaged backup for the newest good one', async () => {
    const { dir, backup } = await damagedWorkspace(() => '{');
    await fs.writeFile(path.join(dir, BACKUPS_DIR, 'workspace.2026-03-02T09-00-00-000Z.json'), '{"half": ');
    const store = await ws.openStore(dir);
    expect(store.problem!.backupTakenAt).toBe('2026-03-01T09:00:00.000Z');
    await store.restoreBackup();
    expect(await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8')).toBe(await fs.readFile(backup.path, 'utf8'));
  });

  it('with no backup: shows defaults, says so, and restoreBackup says what to do instead', async () => {
    const dir = await ws.tempDir();
    await fs.writeFile(path.join(dir, WORKSPACE_FILE), '{"documents": [');
    const store = await ws.openStore(dir);
    expect(store.problem).toMatchObject({ fileName: WORKSPACE_FILE, backupTakenAt: null });
    expect(store.problem!.message).toMatch(/There is no backup of workspace\.json/);
    const before = await snapshotDir(dir);
    await expectApiError(store.restoreBackup(), 'not-found', /There is no backup of workspace\.json .* Fix the file by hand, or move it out of the workspace folder/);
    await expectApiError(store.saveWorkspace(), 'read-only', /There is no backup of it: fix the file by hand/);
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

describe('a workspace.json that went missing', () => {
  it('is not started afresh over its backups: read-only on the newest, and restore brings it back', async () => {
    clockAt('2026-03-01T09:00:00.000Z');
    const { dir, documentId } = await savedWorkspace();
    const second = await ws.openStore(dir);
    second.data.settings.annotatorName = 'Ana';
    await second.saveWorkspace();
    await second.flush();
    vi.useRealTimers();
    await fs.rm(path.join(dir, WORKSPACE_FILE));
    const store = await ws.openStore(dir);
    expect(store.readOnly).toBe(true);
    expect(store.problem!.message).toMatch(/^workspace\.json is missing, though the backups folder holds copies of it/);
    expect(store.data.documents.map((doc) => doc.id)).toEqual([documentId]);
    expect(await exists(path.join(dir, WORKSPACE_FILE))).toBe(false);
    expect(await store.restoreBackup()).toEqual({ restored: WORKSPACE_FILE, keptAs: '' });
    expect((await workspaceOnDisk(dir)).documents.map((doc) => doc.id)).toEqual([documentId]);
  });
});

describe('a damaged annotations file', () => {
  it('shows its last good backup, makes the store read-only, and restoreBackup brings it back', async () => {
    clockAt('2026-03-01T09:00:00.000Z');
    const { dir, documentId } = await savedWorkspace();
    const file = path.join(dir, ANNOTATIONS_DIR, `${documentId}.json`);
    // A second session adds a highlight: the file with ann-1 only is backed up first.
    const second = await ws.openStore(dir);
    const doc2 = second.findDocument(documentId)!;
    (await second.annotations(doc2)).push(highlight(documentId, 'ann-2', 10, 16));
    await second.saveAnnotations(doc2);
    await second.flush();
    vi.useRealTimers();
    const good = await fs.readFile(file, 'utf8');
    const damaged = good.slice(0, good.length - 40);
    await fs.writeFile(file, damaged);

    const store = await ws.openStore(dir);
    expect(store.readOnly).toBe(false);
    const doc = store.findDocument(documentId)!;
    expect((await store.annotations(doc)).map((a) => a.id)).toEqual(['ann-1']);
    expect(store.readOnly).toBe(true);
    expect(store.problem).toMatchObject({ fileName: `annotations/${documentId}.json`, backupTakenAt: '2026-03-01T09:00:00.000Z' });
    expect(store.problem!.message).toMatch(new RegExp(`^${documentId}\\.json is not valid JSON`));
    await expectApiError(store.saveWorkspace(), 'read-only', new RegExp(`^annotations/${documentId}\\.json in the workspace is damaged`));
    expect(await fs.readFile(file, 'utf8')).toBe(damaged);

    const { restored, keptAs } = await store.restoreBackup();
    expect(restored).toBe(`annotations/${documentId}.json`);
    expect(keptAs).toMatch(new RegExp(`^annotations/${documentId}\\.json\\.damaged-`));
    expect(await fs.readFile(path.join(dir, keptAs), 'utf8')).toBe(damaged);
    expect(store.readOnly).toBe(false);
    const list = await store.annotations(doc);
    expect(list.map((a) => a.id)).toEqual(['ann-1']);
    list.push(highlight(documentId, 'ann-3', 0, 3));
    await store.saveAnnotations(doc);
    expect((await ws.openStore(dir)).readOnly).toBe(false);
    const reread = await (await ws.openStore(dir)).annotations(doc);
    expect(reread.map((a) => a.id)).toEqual(['ann-1', 'ann-3']);
  });
});

describe('leftover temp files', () => {
  it('of a writer that died are removed on open; a live writer’s are left alone; neither is read as the store', async () => {
    const { dir } = await savedWorkspace();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const good = await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8');
    const leftovers = [`.workspace.json.${dead}.3.tmp`, path.join(ANNOTATIONS_DIR, `.doc-x.json.${dead}.7.tmp`), path.join(TEXTS_DIR, `.abc.txt.${dead}.1.tmp`)];
    for (const name of leftovers) await fs.writeFile(path.join(dir, name), '{"half a wri');
    const live = `.workspace.json.${process.ppid}.1.tmp`;
    await fs.writeFile(path.join(dir, live), '{}');
    const store = await ws.openStore(dir);
    expect(store.readOnly).toBe(false);
    for (const name of leftovers) expect(await exists(path.join(dir, name))).toBe(false);
    expect(await exists(path.join(dir, live))).toBe(true);
    expect(await fs.readFile(path.join(dir, WORKSPACE_FILE), 'utf8')).toBe(good);
  });
});
