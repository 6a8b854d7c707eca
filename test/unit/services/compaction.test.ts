// Compacting a workspace: removed documents' text snapshots, annotations files and their backups
// are deleted for good (the File menu's Compact workspace… and `annotator compact`); listed
// documents are untouched, and `annotator validate` stays happy before and after.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import { compactWorkspace } from '../../../electron/services/store/compaction.js';
import { run } from '../../helpers/run-cli.js';
import { createChange, expectApiError, firstRefusal, importText, snapshotPath, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const exists = (file: string) => fs.access(file).then(() => true, () => false);

async function withRemovedDocument() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const gone = await importText(service, 'test-file.txt', 'A test file nobody needs. It said things.');
  const kept = await importText(service, 'story.txt', 'The story we keep. It matters.');
  await service.applyChanges([createChange(gone.id, 'g1', 0, 6), createChange(kept.id, 'k1', 0, 9)]);
  // A backup of its highlights, as the store keeps them.
  const backups = path.join(dir, 'backups', 'annotations');
  await fs.mkdir(backups, { recursive: true });
  const backup = path.join(backups, `${gone.id}.2026-01-01T00-00-00-000Z.json`);
  await fs.writeFile(backup, '{}');
  await service.applyChanges([{ kind: 'removeDocument', documentId: gone.id }]);
  await service.store.flush();
  return { dir, service, gone, kept, backup };
}

describe('compacting a workspace', () => {
  it('says what it would delete (files and bytes) in a dry run, deleting nothing', async () => {
    const { dir, service, gone } = await withRemovedDocument();
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const plan = await handlers.compactWorkspace({ dryRun: true });
    expect(plan.documents).toEqual([{ id: gone.id, title: 'test-file' }]);
    expect(plan.files.map((f) => f.path).sort()).toEqual([path.join('annotations', `${gone.id}.json`), path.join('backups', 'annotations', `${gone.id}.2026-01-01T00-00-00-000Z.json`), path.join('texts', `${gone.textHash}.txt`)].sort());
    expect(plan.bytes).toBe(plan.files.reduce((sum, f) => sum + f.bytes, 0));
    expect(plan.files.find((f) => f.path.startsWith('texts'))?.bytes).toBe(Buffer.byteLength('A test file nobody needs. It said things.'));
    expect(await exists(snapshotPath(dir, gone.textHash))).toBe(true);
    expect((await workspaceOnDisk(dir)).removedDocuments?.map((d) => d.id)).toEqual([gone.id]);
  });

  it('deletes a removed document’s snapshot, highlights and their backups for good; listed documents stay; it cannot come back', async () => {
    const { dir, service, gone, kept, backup } = await withRemovedDocument();
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const done = await handlers.compactWorkspace({});
    expect(done.documents.map((d) => d.id)).toEqual([gone.id]);
    expect(await exists(snapshotPath(dir, gone.textHash))).toBe(false);
    expect(await exists(path.join(dir, 'annotations', `${gone.id}.json`))).toBe(false);
    expect(await exists(backup)).toBe(false);
    expect((await workspaceOnDisk(dir)).removedDocuments).toBeUndefined();
    expect(await exists(snapshotPath(dir, kept.textHash))).toBe(true);
    expect((await service.openDocument(kept.id)).annotations.ids).toEqual(['k1']);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'restoreDocument', documentId: gone.id }])), 'not-found', /compacting the workspace deletes those for good/);
    // Opening its file again makes a new document, with no highlights.
    const again = await importText(service, 'test-file.txt', 'A test file nobody needs. It said things.');
    expect(again.annotationCount).toBe(0);
    expect((await handlers.compactWorkspace({ dryRun: true })).documents).toEqual([]);
  });

  it('deletes an annotations file no record names (a compaction a crash cut short), and no other', async () => {
    const { dir, service, kept } = await withRemovedDocument();
    const stray = path.join(dir, 'annotations', 'doc-0123456789abcdef.json');
    await fs.writeFile(stray, '{}');
    const plan = await createApiHandlers(service, browserHostOnlyMethods).compactWorkspace({});
    expect(plan.files.map((f) => f.path)).toContain(path.join('annotations', 'doc-0123456789abcdef.json'));
    expect(await exists(stray)).toBe(false);
    expect(await exists(path.join(dir, 'annotations', `${kept.id}.json`))).toBe(true);
  });

  it('deletes nothing while workspace.json is damaged (its backup may miss newer documents)', async () => {
    const { dir, gone } = await withRemovedDocument();
    await fs.writeFile(path.join(dir, 'workspace.json'), '{ not json');
    // No backup to show it from: the list opens empty, and every annotations file looks stray.
    await fs.rm(path.join(dir, 'backups'), { recursive: true, force: true });
    const damaged = await ws.openStore(dir);
    await expectApiError(compactWorkspace(damaged), 'read-only', /nothing was compacted/);
    expect((await run(['compact', '--store', dir], '/')).code).toBe(1);
    expect(await exists(snapshotPath(dir, gone.textHash))).toBe(true);
    expect(await exists(path.join(dir, 'annotations', `${gone.id}.json`))).toBe(true);
  });

  it('keeps a snapshot a listed document still uses', async () => {
    const { dir, service, gone, kept } = await withRemovedDocument();
    // Hand-made, but possible: a listed document on the same text hash.
    service.store.data.documents.find((d) => d.id === kept.id)!.textHash = gone.textHash;
    const plan = await createApiHandlers(service, browserHostOnlyMethods).compactWorkspace({});
    expect(plan.files.some((f) => f.path.startsWith('texts'))).toBe(false);
    expect(await exists(snapshotPath(dir, gone.textHash))).toBe(true);
  });

  it('annotator compact [--dry-run] says what it deletes; validate is happy with removed documents and after compacting', async () => {
    const { dir, gone } = await withRemovedDocument();
    const valid = await run(['validate', '--store', dir], '/');
    expect(valid.code, valid.err).toBe(0);
    const dry = await run(['compact', '--store', dir, '--dry-run'], '/');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`${gone.id}  test-file`);
    expect(dry.out).toMatch(/Would delete 1 removed document \(3 files, \d+ bytes\)\. Nothing was deleted\./);
    expect(await exists(snapshotPath(dir, gone.textHash))).toBe(true);
    const wet = await run(['compact', '--store', dir], '/');
    expect(wet.out).toMatch(/Deleted 1 removed document \(3 files, \d+ bytes\)\./);
    expect(await exists(snapshotPath(dir, gone.textHash))).toBe(false);
    expect((await run(['compact', '--store', dir], '/')).out).toBe('Nothing to compact: no removed document is kept in this workspace.\n');
    expect((await run(['validate', '--store', dir], '/')).code).toBe(0);
  });
});
