// The changes that take a document out of the list, bring it back, or edit what it says of
// itself. A removed document's text snapshot and annotations file stay on disk until the
// workspace is compacted (store/compaction.ts), so restoring it brings every highlight back.
import { ApiError, NO_PERSON_DONE_PROBLEM, type Caller, type Change } from '../../contract/api.js';
import type { WorkspaceStore } from '../store/workspace-store.js';

type UpdateDocument = Extract<Change, { kind: 'updateDocument' }>;

function requireRemovedDocument(store: WorkspaceStore, documentId: string): void {
  if (!store.findRemovedDocument(documentId)) {
    throw new ApiError('not-found', `No document with id ${documentId} is in this workspace or among its removed documents (compacting the workspace deletes those for good); check the id.`);
  }
}

/** Out of the list, kept to come back; sent again (an outbox, a redo), nothing to do. */
export function removeDocument(store: WorkspaceStore, documentId: string): Promise<void>[] {
  if (!store.findDocument(documentId)) {
    requireRemovedDocument(store, documentId);
    return [];
  }
  return [store.removeDocument(documentId)];
}

export async function restoreDocument(store: WorkspaceStore, documentId: string): Promise<Promise<void>[]> {
  if (store.findDocument(documentId)) return [];
  requireRemovedDocument(store, documentId);
  // Rare (an undo): saved before the next change is applied.
  await store.restoreDocument(documentId);
  return [];
}

/** Only the fields given change; "" or null clears one (a title cannot be cleared: the contract refuses it). */
export function updateDocument(store: WorkspaceStore, change: UpdateDocument): Promise<void>[] {
  const doc = store.findDocument(change.documentId);
  if (!doc) throw new ApiError('not-found', `No document with id ${change.documentId} is in this workspace. It may have been removed; pick another from the list.`);
  let changed = false;
  for (const [field, value] of Object.entries(change.fields) as [keyof UpdateDocument['fields'], string | null | undefined][]) {
    if (value === undefined) continue;
    const next = field === 'title' ? (value ?? '').trim() : value === null || value.trim() === '' ? null : value.trim();
    if ((doc[field] ?? null) === next) continue;
    (doc as Record<string, unknown>)[field] = next;
    changed = true;
  }
  return changed ? [store.saveWorkspace()] : [];
}

/**
 * The caller's person is done with a document, or not yet: kept per person (by id), so each
 * one's "done" is their own. Sent again, nothing to do.
 */
export function markDocumentDone(store: WorkspaceStore, change: Extract<Change, { kind: 'markDocumentDone' }>, caller: Caller | undefined): Promise<void>[] {
  const person = caller?.person;
  if (!person) throw new ApiError('bad-request', NO_PERSON_DONE_PROBLEM);
  const doc = store.findDocument(change.documentId);
  if (!doc) throw new ApiError('not-found', `No document with id ${change.documentId} is in this workspace. It may have been removed; pick another from the list.`);
  const others = (doc.doneBy ?? []).filter((mark) => mark.personId !== person.id);
  const wasDone = others.length !== (doc.doneBy ?? []).length;
  if (wasDone === change.done) return [];
  const doneBy = change.done ? [...others, { personId: person.id, name: person.name, at: new Date().toISOString() }] : others;
  if (doneBy.length) doc.doneBy = doneBy;
  else delete doc.doneBy;
  return [store.saveWorkspace()];
}
