// One call's failure ends with that call: the change queue of the service carries on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { ANNOTATIONS_DIR, WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { annotationsOnDisk, createChange, importText, useWorkspaces } from '../../helpers/workspace.js';

const ws = useWorkspaces();

async function twoDocuments() {
  const dir = await ws.tempDir('annotator-fail-');
  const service = await ws.openService(dir);
  const broken = await importText(service, 'broken.txt', 'The broken story, with a quote in it.');
  const fine = await importText(service, 'fine.txt', 'The fine story, with another quote in it.');
  return { dir, service, broken, fine };
}

/** What a fresh start of the app would read from `dir`. */
async function reopened(dir: string) {
  return new AnnotatorService(await WorkspaceStore.open(dir), 'browser');
}

describe('one failure never blocks the next call', () => {
  it('refuses a change to a document whose annotations file has an unknown schemaVersion, and goes on with the next call', async () => {
    const { dir, service, broken, fine } = await twoDocuments();
    const brokenFile = path.join(dir, ANNOTATIONS_DIR, `${broken.id}.json`);
    const fromTheFuture = JSON.stringify({ schemaVersion: 99, documentId: broken.id, annotations: [], orphans: [] });
    await fs.writeFile(brokenFile, fromTheFuture);

    const first = await service.applyChanges([createChange(broken.id, 'ann-broken', 4, 10), createChange(fine.id, 'ann-same-batch', 4, 8)]);
    expect(first.refused).toEqual([{ index: 0, code: 'store-error', message: expect.stringMatching(/newer Newsroom Annotator/) }]);
    expect(first.applied).toBe(1);

    const second = await service.applyChanges([createChange(fine.id, 'ann-next-call', 9, 14)]);
    expect(second).toEqual({ applied: 1, refused: [] });
    expect((await service.getSession()).documents.map((d) => d.id)).toEqual([broken.id, fine.id]);

    // On disk: the other document has both highlights; the file from the newer app is untouched.
    expect((await annotationsOnDisk(dir, fine.id)).annotations.map((a) => a.id)).toEqual(['ann-same-batch', 'ann-next-call']);
    expect(await fs.readFile(brokenFile, 'utf8')).toBe(fromTheFuture);
    const after = await reopened(dir);
    expect((await after.openDocument(fine.id)).annotations.ids).toEqual(['ann-same-batch', 'ann-next-call']);
  });

  it('fails only the call that met an unexpected error (an annotations file that is a folder), not the calls after it', async () => {
    const { dir, service, broken, fine } = await twoDocuments();
    await fs.mkdir(path.join(dir, ANNOTATIONS_DIR, `${broken.id}.json`));

    await expect(service.applyChanges([createChange(broken.id, 'ann-broken', 4, 10)])).rejects.toThrow(/EISDIR/);

    expect(await service.applyChanges([createChange(fine.id, 'ann-next-call', 9, 14)])).toEqual({ applied: 1, refused: [] });
    expect((await service.openDocument(fine.id)).annotations.ids).toEqual(['ann-next-call']);
    expect((await service.getSession()).documents).toHaveLength(2);
    await service.store.flush();
    expect((await annotationsOnDisk(dir, fine.id)).annotations.map((a) => a.id)).toEqual(['ann-next-call']);
  });
});
