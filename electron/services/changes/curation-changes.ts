// The curated layer's writes that are not plain highlights: rejected span groups.
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';

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
