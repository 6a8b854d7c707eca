// A claim's conflicts as the window reads them: verdicts that disagree with the claim's (from an
// import), each with who set it and where from, kept until an editor picks one.
import type { ClaimFields, ClaimRow } from '../../../electron/contract/window-api';

export type ClaimConflict = NonNullable<ClaimFields['conflicts']>[number];

/** A desk row as the service lists it: with the claim's conflicts, when it has any. */
export type ClaimRowWithConflicts = ClaimRow & { conflicts?: ClaimConflict[] };

export const conflictsOf = (row: ClaimRow): ClaimConflict[] => (row as ClaimRowWithConflicts).conflicts ?? [];
