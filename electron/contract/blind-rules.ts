// Blind annotation: while a workspace is blind, a person sees only their own highlights on a
// document until they mark it done. The one rule for who sees what; the service applies it
// wherever highlights leave it for a window, and the window uses the same words.
import { madeBy, type Person } from './people-rules.js';
import type { Change } from './schemas/changes.js';

/** One person's "done" on a document: who (by id, the name as it was) and when. */
export type DoneMark = { personId: string; name: string; at: string };

/** Whether this person marked the document done (by id: a rename keeps it done). */
export function isDoneBy(doc: { doneBy?: readonly DoneMark[] }, person: Person | null): boolean {
  return person !== null && (doc.doneBy ?? []).some((mark) => mark.personId === person.id);
}

export interface BlindView {
  /** The workspace's "Blind annotation" setting. */
  blind: boolean;
  /** The caller marked this document done. */
  doneByPerson: boolean;
}

/**
 * Whether `person` may see `highlight`: always when the workspace is not blind or the person is
 * done with the document; otherwise only their own. A person with no name yet owns nothing, so
 * sees no one's.
 */
export function visibleTo(highlight: { author: string; authorId?: string }, person: Person | null, view: BlindView): boolean {
  return !view.blind || view.doneByPerson || madeBy(highlight, person);
}

/** The view of one document for one person. */
export function blindViewOf(doc: { doneBy?: readonly DoneMark[] }, person: Person | null, blind: boolean): BlindView {
  return { blind, doneByPerson: isDoneBy(doc, person) };
}

/**
 * The claim fields the review desk sets: the verdict, the editor's note and summary, and the
 * conflicts an undo of a verdict puts back. An editor's work, not the annotator's (their label,
 * span, note, check-worthiness, sources and tags).
 */
export const DESK_REVIEW_FIELDS = ['status', 'reviewerNote', 'publicSummary', 'conflicts'] as const;
export type DeskReviewField = (typeof DESK_REVIEW_FIELDS)[number];

/**
 * Whether an update only reviews a claim as the desk does, touching none of the annotator's work.
 * The desk shows every person's claims (an editor's view), so such an update may reach a highlight
 * hidden from the caller; anything else of a hidden highlight stays as its author left it.
 */
export function isDeskReview(change: Extract<Change, { kind: 'updateAnnotation' }>): boolean {
  const { kind: _k, documentId: _d, annotationId: _a, claim, deskDecision: _desk, ...rest } = change;
  if (claim === undefined || Object.values(rest).some((value) => value !== undefined)) return false;
  return Object.entries(claim).every(([field, value]) => value === undefined || (DESK_REVIEW_FIELDS as readonly string[]).includes(field));
}

/** Why an edit of a highlight the caller cannot see is refused (it must never be overwritten blind). */
export const HIDDEN_HIGHLIGHT_PROBLEM =
  'That highlight is another person’s, hidden while blind annotation is on: it was left as it is. Mark the document done to see everyone’s highlights.';

/** Said on the editor's views (desk, Agreement, curation), which show everyone's highlights. */
export const EDITOR_VIEW_NOTICE = 'Blind annotation is on: this view shows every person’s highlights.';

/** Said in the Agreement view, which measures what the window's person sees (see measureAgreement). */
export const BLIND_AGREEMENT_NOTICE = 'Blind annotation is on: agreement is measured on the documents you marked done (elsewhere you see only your own highlights).';

export const NO_PERSON_DONE_PROBLEM = 'Say who you are first (your name, at the top of the window): a document is marked done for one person.';
