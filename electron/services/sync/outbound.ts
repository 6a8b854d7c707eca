// Outbound: lowdb's shared state into the replica, as a reconcile (what differs from what lowdb
// last reflected is written), so a kill between lowdb's write and the replica's loses nothing:
// the full reconcile on start finds it. A durable batch narrows it to the documents it touched.
import type { AnnotatorService, TouchedEntities } from '../annotator-service.js';
import { allDocuments, documentHighlightDocs, workspaceDocs } from './local-docs.js';
import { bodyHash, bodyOf, getOrNull, writeManyLocal, type LocalWrite, type Pouch } from './replica.js';
import { speakerDoc, type SharedBody } from './shared-docs.js';
import { ABSENT, type SyncState } from './sync-state.js';

export async function reconcileOutbound(service: AnnotatorService, db: Pouch, state: SyncState, touched: TouchedEntities = { documentIds: 'all' }): Promise<number> {
  const local = workspaceDocs(service);
  const scope = touched.documentIds === 'all' ? null : new Set(touched.documentIds);
  for (const { doc } of allDocuments(service)) {
    if (scope && !scope.has(doc.id)) continue;
    for (const [id, body] of await documentHighlightDocs(service, doc)) local.set(id, body);
  }
  const writes: LocalWrite[] = [];
  const textOf = (textHash: string) => async () => {
    const doc = allDocuments(service).find(({ doc }) => doc.textHash === textHash)!.doc;
    return service.readText(doc);
  };
  for (const [id, body] of local) {
    const reflected = state.data.reflected[id];
    if (reflected && reflected.hash === bodyHash(body)) continue;
    writes.push({ id, body, attachment: body.type === 'text' ? textOf(body.textHash) : undefined });
  }
  // Gone from lowdb since it was reflected: deleted (a merged speaker stays, pointing at its survivor).
  for (const [id, reflected] of Object.entries(state.data.reflected)) {
    if (local.has(id) || reflected.hash === ABSENT) continue;
    const [kind, documentId] = id.split(':');
    if (kind === 'history' || kind === 'text' || kind === 'document' || kind === 'settings') continue;
    if (kind === 'highlight' && scope && !scope.has(documentId!)) continue;
    let body: SharedBody | null = null;
    const survivor = kind === 'speaker' ? (state.data.mergedSpeakers[documentId!] ?? service.store.data.mergedSpeakers?.[documentId!]) : undefined;
    if (survivor) {
      const current = bodyOf(await getOrNull(db, id));
      if (current) body = speakerDoc({ ...current, mergedInto: undefined } as never, survivor);
    }
    writes.push({ id, body });
  }
  const written = await writeManyLocal(db, state, writes);
  await state.save();
  return written;
}
