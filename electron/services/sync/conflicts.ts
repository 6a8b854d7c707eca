// Conflicts a person must settle: shared documents whose versions overlap in a field other than a
// claim's verdict. Listed with the fields that differ; resolve keeps one version everywhere.
import type { SyncConflict } from '../../contract/api.js';
import type { AnnotatorService } from '../annotator-service.js';
import { leavesOf } from './inbound.js';
import type { Pouch, PouchDoc } from './replica.js';
import { canonicalJson } from './shared-docs.js';

const KINDS: Record<string, SyncConflict['kind']> = { document: 'document', highlight: 'highlight', speaker: 'speaker', label: 'label', settings: 'settings' };

/** Every conflicted document in the replica, read whole once (a state from before the count was kept). */
export async function conflictedIds(db: Pouch): Promise<string[]> {
  const all = await db.allDocs({ include_docs: true, conflicts: true });
  return (all.rows as { id: string; doc?: PouchDoc }[]).filter((row) => row.doc?._conflicts?.length).map((row) => row.id);
}

/** The conflicts among `ids` (the ones inbound found), each with its versions. */
export async function conflictsOf(db: Pouch, ids: readonly string[], service?: AnnotatorService): Promise<SyncConflict[]> {
  const all = ids.length ? await db.allDocs({ keys: [...ids], include_docs: true, conflicts: true }) : { rows: [] };
  const found: SyncConflict[] = [];
  for (const row of all.rows as { id: string; doc?: PouchDoc }[]) {
    if (!row.doc?._conflicts?.length) continue;
    const [kind, first, second] = row.id.split(':');
    const leaves = await leavesOf(db, row.id, row.doc);
    const keys = new Set(leaves.flatMap((leaf) => Object.keys(leaf.body)));
    const fields = [...keys].filter((key) => !leaves.every((leaf) => canonicalJson(leaf.body[key]) === canonicalJson(leaves[0]!.body[key]))).sort();
    const title = kind === 'highlight' || kind === 'document' ? service?.store.findDocument(first!)?.title : undefined;
    const what = kind === 'highlight' ? `Highlight${title ? ` in '${title}'` : ''}` : kind === 'document' ? `Document${title ? ` '${title}'` : ''}` : `${kind ?? 'Shared'} ${first ?? ''}`.trim();
    found.push({
      id: row.id,
      kind: KINDS[kind ?? ''] ?? 'settings',
      documentId: kind === 'highlight' || kind === 'document' ? first! : null,
      annotationId: kind === 'highlight' ? second! : null,
      speakerId: kind === 'speaker' ? first! : null,
      summary: `${what}: ${fields.join(', ') || 'versions'} changed on both sides`.slice(0, 500),
      fields,
      versions: leaves.map((leaf) => ({
        rev: leaf.rev,
        by: String(leaf.body.author ?? (leaf.body.claim as { statusBy?: string } | undefined)?.statusBy ?? ''),
        at: String(leaf.body.updatedAt ?? ''),
        values: Object.fromEntries(fields.map((field) => [field, leaf.body[field]])),
      })),
    });
  }
  return found;
}

/** Writes the kept version on top of the winner and deletes every other leaf. */
export async function keepVersion(db: Pouch, id: string, keepRev: string): Promise<void> {
  const winner = (await db.get(id, { conflicts: true })) as PouchDoc;
  const leaves = [winner._rev, ...(winner._conflicts ?? [])];
  if (!leaves.includes(keepRev)) throw new Error(`${keepRev} is not a version of ${id} in conflict; list the conflicts again.`);
  const kept = (await db.get(id, { rev: keepRev })) as PouchDoc;
  const { _rev: _r, _conflicts: _c, ...body } = kept;
  await db.bulkDocs([{ ...body, _id: id, _rev: winner._rev }, ...leaves.filter((rev) => rev !== winner._rev).map((rev) => ({ _id: id, _rev: rev, _deleted: true }))]);
}
