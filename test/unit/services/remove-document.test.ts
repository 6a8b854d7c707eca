// removeDocument and restoreDocument, the changes an undone import (and its redo) sends: an
// empty document (the undo deletes the import's highlights first) leaves the list and comes back
// by the same id, with its text; a document that holds anyone's highlights stays.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
  it('keeps a document that holds highlights in the list, saying why', async () => {
    const { service, doc } = await withOneDocument();
    await service.applyChanges([createChange(doc.id, 'q2', 1, 12)]);
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'removeDocument', documentId: doc.id }])), 'bad-request', /"story" still holds 1 highlight, so it stays in the list/);
    expect((await service.getSession()).documents.map((d) => d.id)).toEqual([doc.id]);
    expect((await service.openDocument(doc.id)).annotations.ids).toEqual(['q2']);
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
    await expectApiError(firstRefusal(service.applyChanges([{ kind: 'removeDocument', documentId: 'doc-nothing' }])), 'not-found', /No document with id doc-nothing is in this workspace or among the documents an undone import took out/);
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
