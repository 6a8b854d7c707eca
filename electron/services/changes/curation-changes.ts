// The curated layer's writes that are not plain highlights: who curated, and rejected groups.
import type { Caller } from '../../contract/api.js';
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';

/** A curated highlight's author: the calling person, else the name the change (or the workspace) gives. */
export function curatorOf(caller: Caller, fallback: string): { author: string; authorId?: string } {
  return caller.person ? { author: caller.person.name, authorId: caller.person.id } : { author: fallback };
}

/** Records (or takes back) the editor's rejection of a span group, by its highlights' ids. */
export function setCurationRejected(store: WorkspaceStore, doc: StoredDocument, annotationIds: readonly string[], rejected: boolean): Promise<void>[] {
  const ids = new Set(doc.curationRejected ?? []);
  for (const id of annotationIds) {
    if (rejected) ids.add(id);
    else ids.delete(id);
  }
  if (ids.size) doc.curationRejected = [...ids].sort();
  else delete doc.curationRejected;
  return [store.saveWorkspace()];
}
