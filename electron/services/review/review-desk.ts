// The editors' review desk, on the service side: every claim in one list, and the workspace's
// verdict scale, which is edited as a whole.
import { ApiError, REVIEW_DESK_KEYS, type ClaimRow, type Status } from '../../contract/api.js';
import { claimRow, isClaim } from '../../contract/annotation-rules.js';
import type { WorkspaceStore } from '../store/workspace-store.js';

export async function listClaims(store: WorkspaceStore): Promise<ClaimRow[]> {
  const rows: ClaimRow[] = [];
  for (const doc of store.data.documents) {
    for (const a of await store.annotations(doc)) if (isClaim(a)) rows.push(claimRow(doc, a));
  }
  return rows;
}

/** Unique ids, names and keys, none of the desk's keys, a working state first, a verdict, and every status in use kept. */
export async function saveStatuses(store: WorkspaceStore, statuses: Status[]): Promise<void> {
  const ids = new Set(statuses.map((s) => s.id));
  if (ids.size !== statuses.length) throw new ApiError('bad-request', 'Two statuses on the scale share an id; give each its own.');
  const names = new Set(statuses.map((s) => s.name.trim().toLowerCase()));
  if (names.size !== statuses.length) throw new ApiError('bad-request', 'Two statuses on the scale have the same name; give each its own.');
  const keys = statuses.flatMap((s) => (s.hotkey ? [s.hotkey] : []));
  if (new Set(keys).size !== keys.length) throw new ApiError('bad-request', 'Two statuses share a key; give each its own (or none).');
  const deskKey = keys.find((key) => REVIEW_DESK_KEYS.includes(key));
  if (deskKey) throw new ApiError('bad-request', `${deskKey.toUpperCase()} is taken by the review desk (J, K, N and X are); give the status another key.`);
  if (statuses[0]!.kind !== 'working') throw new ApiError('bad-request', 'The scale must start with a working state (new claims start there), such as Unreviewed.');
  if (!statuses.some((s) => s.kind === 'verdict')) throw new ApiError('bad-request', 'The scale needs at least one verdict.');
  for (const doc of store.data.documents) {
    const inUse = (await store.annotations(doc)).find((a) => a.claim && !ids.has(a.claim.status));
    if (inUse) {
      const name = store.data.statuses.find((s) => s.id === inUse.claim!.status)?.name ?? inUse.claim!.status;
      throw new ApiError('bad-request', `"${name}" is still the status of a claim in "${doc.title}" ("${inUse.text.slice(0, 60)}"). Change those claims first, then remove it.`);
    }
  }
  store.data.statuses = statuses.map((s) => ({ ...s, name: s.name.trim() }));
  await store.saveWorkspace();
}
