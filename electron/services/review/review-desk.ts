// The editors' review desk, on the service side: every claim in one list, and the workspace's
// verdict scale, which is edited as a whole.
import { ApiError, type ClaimRow, type Status } from '../../contract/api.js';
import { claimRow, isClaim } from '../../contract/annotation-rules.js';
import { scaleProblem } from '../../contract/scale-rules.js';
import type { WorkspaceStore } from '../store/workspace-store.js';

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
