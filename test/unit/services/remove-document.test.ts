// removeDocument and restoreDocument: a person removing a document (and undoing it), or an
// undone import (and its redo). The document leaves the list and everything that reads it, and
// comes back by the same id with its text and every highlight, until the workspace is compacted.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDataset } from '../../../electron/services/exports/dataset.js';
import { createApiHandlers, browserHostOnlyMethods } from '../../../electron/services/handlers/api-handlers.js';
import { annotationsOnDisk, createChange, expectApiError, firstRefusal, importText, snapshotPath, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const text = '“We will win,” said Ana. Critics disagreed.';

async function withOneDocument() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', text);
  // As an undone import leaves it: its highlight made, then deleted.
  await service.applyChanges([createChange(doc.id, 'q1', 1, 12), { kind: 'setLastDocument', documentId: doc.id }, { kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'q1' }]);
  return { dir, service, doc };
}

describe('removeDocument and restoreDocument', () => {
  it('removes a document holding highlights, a claim and a speaker’s quote: out of the list, the desk, exports, agreement and appearances; restored with every highlight', async () => {
    const { dir, service, doc } = await withOneDocument();
    const other = await importText(service, 'other.txt', 'Ana said it again. Nothing else.');
    await service.applyChanges([
      { kind: 'createSpeaker', speakerId: 'ana', name: 'Ana' },
      createChange(doc.id, 'q2', 1, 12, { speakerId: 'ana' }),
      createChange(doc.id, 'c1', 25, 43, { labelId: 'claim' }),
      createChange(other.id, 'q3', 0, 3, { speakerId: 'ana' }),
    ]);
    expect((await service.listClaims()).map((row) => row.annotationId)).toEqual(['c1']);
    expect((await service.applyChanges([{ kind: 'removeDocument', documentId: doc.id }])).refused).toEqual([]);

    expect((await service.getSession()).documents.map((d) => d.id)).toEqual([other.id]);
    expect(await service.listClaims()).toEqual([]);
    expect((await service.listSpeakerAppearances('ana')).map((a) => a.annotationId)).toEqual(['q3']);
    expect((await collectDataset(service.store)).documents.map((d) => d.document.id)).toEqual([other.id]);
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    const exported = await handlers.exportDataset({ format: 'jsonl' });
    expect(exported.files[0]!.content).not.toContain('We will win');
    expect(exported.files[0]!.content).toContain('Ana said it again');
    // Its highlights stay on disk, to come back.
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.id)).toEqual(['q2', 'c1']);

    expect((await service.applyChanges([{ kind: 'restoreDocument', documentId: doc.id }])).refused).toEqual([]);
    const back = (await service.getSession()).documents.find((d) => d.id === doc.id);
    expect(back?.annotationCount).toBe(2);
    expect((await service.openDocument(doc.id)).annotations.ids).toEqual(['q2', 'c1']);
    expect((await service.listClaims()).map((row) => row.annotationId)).toEqual(['c1']);
  });

  it('takes an empty document out of the list, keeping its text on disk, and brings it back by the same id', async () => {
    const { dir, service, doc } = await withOneDocument();
    expect((await service.applyChanges([{ kind: 'removeDocument', documentId: doc.id }])).refused).toEqual([]);
    const session = await service.getSession();
    expect(session.documents).toEqual([]);
    expect(session.lastDocumentId).toBeNull();
    const onDisk = await workspaceOnDisk(dir);
    expect(onDisk.documents).toEqual([]);
    expect(onDisk.removedDocuments?.map((d) => d.id)).toEqual([doc.id]);
    expect(await fs.readFile(snapshotPath(dir, doc.textHash), 'utf8')).toBe(text);
    expect((await annotationsOnDisk(dir, doc.id)).annotations).toEqual([]);
    // The window cannot open or annotate it meanwhile.
    await expectApiError(service.openDocument(doc.id), 'not-found');

    // Read again from disk: still out, and it comes back with its highlight.
    const reopened = await ws.openService(dir);
    expect((await reopened.getSession()).documents).toEqual([]);
    expect((await reopened.applyChanges([{ kind: 'restoreDocument', documentId: doc.id }])).refused).toEqual([]);
    const back = await reopened.getSession();
    expect(back.documents.map((d) => [d.id, d.title, d.annotationCount])).toEqual([[doc.id, 'story', 0]]);
    expect((await reopened.openDocument(doc.id)).annotations.ids).toEqual([]);
    expect((await workspaceOnDisk(dir)).removedDocuments).toBeUndefined();
  });

  it('is idempotent when sent again (an outbox, a redo)', async () => {
    const { service, doc } = await withOneDocument();
    const twice = await service.applyChanges([
      { kind: 'removeDocument', documentId: doc.id },
      { kind: 'removeDocument', documentId: doc.id },
      { kind: 'restoreDocument', documentId: doc.id },
      { kind: 'restoreDocument', documentId: doc.id },
    ]);
    expect(twice.refused).toEqual([]);
    expect((await service.getSession()).documents.map((d) => d.id)).toEqual([doc.id]);
  });

  it('refuses, in words, an id that is neither in the list nor kept as removed', async () => {
    const { service } = await withOneDocument();
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'removeDocument', documentId: 'doc-nothing' }])), 'not-found', /No document with id doc-nothing is in this workspace or among its removed documents/);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'restoreDocument', documentId: 'doc-nothing' }])), 'not-found', /doc-nothing/);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'removeDocument', documentId: '../x' }])), 'bad-request', /documentId/);
  });

  it('brings a removed document back by the same id when its text is opened again', async () => {
    const { dir, service, doc } = await withOneDocument();
    await service.applyChanges([{ kind: 'removeDocument', documentId: doc.id }]);
    const again = await importText(service, 'copy-of-story.txt', text);
    expect(again.id).toBe(doc.id);
    expect(again.annotationCount).toBe(0);
    expect((await service.getSession()).documents.map((d) => d.id)).toEqual([doc.id]);
    expect((await workspaceOnDisk(dir)).removedDocuments).toBeUndefined();
    expect(path.basename(snapshotPath(dir, doc.textHash))).toBe(`${doc.textHash}.txt`);
  });
});
