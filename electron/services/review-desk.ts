// The editors' review desk, on the service side: every claim in one list, and the workspace's
// verdict scale, which is edited as a whole.
import { ApiError, REVIEW_DESK_KEYS, type ClaimRow, type Status } from '../contract/api.js';
import { claimRow, isClaim } from '../contract/annotation-rules.js';
import { scaleProblem } from '../contract/scale-rules.js';
import type { WorkspaceStore } from './workspace-store.js';

export async function listClaims(store: WorkspaceStore): Promise<ClaimRow[]> {
  const rows: ClaimRow[] = [];
  for (const doc of store.data.documents) {
    for (const a of await store.annotations(doc)) if (isClaim(a)) rows.push(claimRow(doc, a));
  }
  return rows;
}

/**
 * The scale's rules (contract/scale-rules), which the Verdict scale dialog checks before it sends,
 * in the same words; then every status in use kept. That part stays here: it is checked against
 * every stored claim (the window counts only the claims it has listed, which another window may
 * have changed since), and the refusal names one claim and its document, so it can be found.
 */
export async function saveStatuses(store: WorkspaceStore, statuses: Status[]): Promise<void> {
  // Until the lead agrees one wording (see the next commit), two keys keep the service's words.
  const keys = statuses.flatMap((s) => (s.hotkey ? [s.hotkey] : []));
  if (new Set(keys).size !== keys.length) throw new ApiError('bad-request', 'Two statuses share a key; give each its own (or none).');
  const deskKey = keys.find((key) => REVIEW_DESK_KEYS.includes(key));
  if (deskKey) throw new ApiError('bad-request', `${deskKey.toUpperCase()} is taken by the review desk (J, K, N and X are); give the status another key.`);
  const problem = scaleProblem(statuses);
  if (problem) throw new ApiError('bad-request', problem);
  const ids = new Set(statuses.map((s) => s.id));
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
