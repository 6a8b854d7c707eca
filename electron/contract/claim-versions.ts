// When two annotators tagged the same claim: the rule, written once, that the review desk (one
// item with its versions) and the exports (one ClaimReview per claim) both apply.
//
// Claims in one document whose spans are the same or overlap (transitively) are versions of one
// claim when at least two annotators made them; a single annotator's overlapping claims stay
// separate (she meant two). Versions agree when they share one status; then the claim publishes
// once. When they disagree, nothing is published until the editor picks one on the desk: the pick
// makes the picked version a desk decision (it has a reviewer) and gives the others its status.

/** What the rule reads of a claim (a desk row with `end`, or a stored claim flattened). */
export interface VersionedClaim {
  documentId: string;
  start: number;
  end: number;
  author: string;
  status: string;
  /** The last desk decision's editor ('' or absent when none). */
  reviewer?: string;
  reviewedAt?: string;
}

export interface ClaimVersionGroup<T> {
  /** In text order; one element for a claim with no other version. */
  versions: T[];
  /** Every version has the same status. */
  agree: boolean;
  /**
   * The version that speaks for the claim: the latest desk decision among them, else the first in
   * text order. Exports publish it only when the versions agree.
   */
  lead: T;
}

function leadOf<T extends VersionedClaim>(versions: readonly T[]): T {
  let lead = versions[0]!;
  for (const version of versions) {
    if (!version.reviewer) continue;
    if (!lead.reviewer || (version.reviewedAt ?? '') > (lead.reviewedAt ?? '')) lead = version;
  }
  return lead;
}

/** Every claim in exactly one group, groups in the order of their first claim. */
export function claimVersionGroups<T extends VersionedClaim>(claims: readonly T[]): ClaimVersionGroup<T>[] {
  const byDocument = new Map<string, T[]>();
  for (const claim of claims) {
    const list = byDocument.get(claim.documentId);
    if (list) list.push(claim);
    else byDocument.set(claim.documentId, [claim]);
  }
  const groups: { first: number; group: ClaimVersionGroup<T> }[] = [];
  const order = new Map(claims.map((claim, index) => [claim, index]));
  for (const list of byDocument.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    let cluster: T[] = [];
    let clusterEnd = -1;
    const close = () => {
      if (cluster.length === 0) return;
      const several = new Set(cluster.map((c) => c.author)).size > 1;
      for (const versions of several ? [cluster] : cluster.map((c) => [c])) {
        const agree = versions.every((v) => v.status === versions[0]!.status);
        groups.push({ first: Math.min(...versions.map((v) => order.get(v)!)), group: { versions, agree, lead: leadOf(versions) } });
      }
      cluster = [];
    };
    for (const claim of sorted) {
      if (claim.start >= clusterEnd) close();
      cluster.push(claim);
      clusterEnd = Math.max(clusterEnd, claim.end);
    }
    close();
  }
  return groups.sort((a, b) => a.first - b.first).map((g) => g.group);
}

/** Why an export left a claim out: its versions disagree (the export dialog counts these). */
export const VERSIONS_DISAGREE_REASON = 'has versions that disagree, so no verdict is published; pick one on the desk';

/** The line an export result and the report show for the claims left out. */
export function versionsDisagreeLine(count: number): string {
  return `${count} claim${count === 1 ? ' has' : 's have'} versions that disagree; pick one on the desk.`;
}
