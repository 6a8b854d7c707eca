// The shapes an edit takes on screen, shared by the history (which records them) and the
// workspace reducer (which applies them), so neither imports the other.
import type { Annotation, Change, ClaimFields, ClaimRow, DeskReviewField, Speaker } from '../../../electron/contract/window-api';

/** One change to what the window shows; a step of the history is a list of them each way. */
export type LocalOp =
  | { kind: 'put'; annotation: Annotation }
  | { kind: 'remove'; documentId: string; annotationId: string }
  | { kind: 'add-speaker'; speaker: Speaker }
  | { kind: 'remove-speaker'; speakerId: string }
  /** A claim's row on the review desk, as given (its highlight may be in no open document). */
  | { kind: 'put-claim'; row: ClaimRow }
  /** Curation: a span group's highlights rejected (or no longer), on the open document. */
  | { kind: 'curation-rejected'; documentId: string; annotationIds: string[]; rejected: boolean };

/** What an edit in the side panel changes: the fields of an updateAnnotation change. */
export type AnnotationPatch = Omit<Extract<Change, { kind: 'updateAnnotation' }>, 'kind' | 'documentId' | 'annotationId'>;

/**
 * What the review desk changes of claims (the contract's DESK_REVIEW_FIELDS, which it may change
 * on a claim hidden by blind annotation): their status (the verdict), the reviewer's note and
 * summary; `conflicts` only when an undo puts back the conflicts a verdict settled.
 */
export type DeskClaimPatch = { [F in DeskReviewField]?: NonNullable<ClaimFields[F]> };
