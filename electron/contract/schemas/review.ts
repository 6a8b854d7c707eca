// The review desk: a claim's fact-check fields, the verdict scale, a claim's history and who publishes.
import { z } from 'zod';
import { CLAIM_LIMITS, MAX_ANNOTATOR_NAME_LENGTH, REVIEW_SETTINGS_LIMITS } from '../limits.js';
import { factCheckAddressProblem, isWebLink } from '../link-rules.js';
import { statusKeyProblem, statusNameProblem } from '../scale-rules.js';
import { idSchema as id, noteTextSchema as noteText, ruleCheck } from './common.js';
import { CHECK_WORTHINESS } from '../vocabulary.js';

const count = (n: number) => n.toLocaleString('en');

export const sourceSchema = z.object({
  title: z.string().max(CLAIM_LIMITS.sourceTitle, `A source title can hold at most ${count(CLAIM_LIMITS.sourceTitle)} characters.`),
  url: z
    .string()
    .max(CLAIM_LIMITS.sourceLink, `A source link can hold at most ${count(CLAIM_LIMITS.sourceLink)} characters.`)
    .refine((url) => url === '' || isWebLink(url), 'A source link must start with http:// or https://.'),
  note: z.string().max(CLAIM_LIMITS.sourceNote, `A source note can hold at most ${count(CLAIM_LIMITS.sourceNote)} characters.`),
});
export type Source = z.infer<typeof sourceSchema>;

/** A verdict that disagrees with the claim's own: its status, who set it and when, and which file brought it. */
export const claimConflictSchema = z.object({ status: id, by: z.string().max(MAX_ANNOTATOR_NAME_LENGTH), at: z.string().max(40), from: z.string().max(200) });
export type ClaimConflict = z.infer<typeof claimConflictSchema>;

/** What a fact-check needs of a claim; the claimant is the claim's speakerId. */
export const claimFieldsSchema = z.object({
  checkWorthiness: z.enum(CHECK_WORTHINESS).nullable(),
  /** An id from the workspace's status scale; a new claim starts Unreviewed. */
  status: id,
  sources: z.array(sourceSchema).max(CLAIM_LIMITS.sources),
  tags: z.array(z.string().trim().min(1).max(CLAIM_LIMITS.tag, `A topic tag can hold at most ${CLAIM_LIMITS.tag} characters.`)).max(CLAIM_LIMITS.tags),
  /** The editor's note on the verdict (the fact-checker's is the highlight's note). Private: never in ClaimReview. */
  reviewerNote: noteText.optional(),
  /** The published text of the fact-check: ClaimReview's reviewBody and the report's summary. */
  publicSummary: z
    .string()
    .max(CLAIM_LIMITS.publicSummary, `A public summary can hold at most ${count(CLAIM_LIMITS.publicSummary)} characters; shorten it.`)
    .optional(),
  /**
   * Who made the last desk decision on the status (the verdict's editor), and when the status last
   * changed: set by the service, never taken from a change. A status set anywhere else (the side
   * panel) clears `reviewer`: that verdict is nobody's desk decision.
   */
  reviewer: z.string().max(MAX_ANNOTATOR_NAME_LENGTH).optional(),
  reviewedAt: z.string().max(40).optional(),
  /** Who last changed the status, desk or side panel (the history's `by`, kept for a line a crash lost). */
  statusBy: z.string().max(MAX_ANNOTATOR_NAME_LENGTH).optional(),
  /**
   * Verdicts that disagree with this one (from an import, later a sync), each with who set it,
   * kept until the editor picks one: a conflict is shown, never settled silently.
   */
  conflicts: z.array(claimConflictSchema).max(CLAIM_LIMITS.conflicts).optional(),
});
export type ClaimFields = z.infer<typeof claimFieldsSchema>;

export const statusSchema = z.object({
  id,
  name: z.string().trim().superRefine(ruleCheck(statusNameProblem)),
  kind: z.enum(['working', 'verdict']),
  /** The one key that sets it in the review desk. */
  hotkey: z.string().superRefine(ruleCheck(statusKeyProblem)).optional(),
  /**
   * A verdict with no place on the rating (Unverifiable): published by name only. Absent means
   * nobody chose yet (rated, as before this field); the scale dialog always writes true or false.
   */
  noRating: z.boolean().optional(),
});
export type Status = z.infer<typeof statusSchema>;

/** What the review desk's history keeps of each change to a claim. */
export const CLAIM_HISTORY_FIELDS = ['status', 'note', 'reviewerNote', 'publicSummary', 'sources', 'checkWorthiness', 'conflicts'] as const;
export const claimHistoryEntrySchema = z.object({
  documentId: id,
  annotationId: id,
  /** When and by whom ('' where no name was set yet): who changed it, desk or not. */
  at: z.string(),
  by: z.string(),
  /** The stable id of the person who made the change (see schemas/people.ts); absent for the CLI and older lines. */
  byId: id.optional(),
  /** A status set on the review desk (a verdict's decision), not in the side panel. */
  desk: z.literal(true).optional(),
  field: z.enum(CLAIM_HISTORY_FIELDS),
  from: z.unknown(),
  to: z.unknown(),
  /** Written after a kill parted the change from its line: the change was on disk, its line was not. */
  recovered: z.literal(true).optional(),
  /**
   * Came from the team's database (team sync): another machine's change, made beside this one's,
   * so it is never taken for a line a kill parted from its change. Not part of the shared line.
   */
  synced: z.literal(true).optional(),
});
export type ClaimHistoryEntry = z.infer<typeof claimHistoryEntrySchema>;

/** One row of the review desk: a claim, where it is and how far its review has come. */
export const claimRowSchema = z.object({
  documentId: id,
  documentTitle: z.string(),
  annotationId: id,
  text: z.string(),
  start: z.number().int().nonnegative(),
  claimantId: id.nullable(),
  status: id,
  checkWorthiness: z.enum(CHECK_WORTHINESS).nullable(),
  tags: z.array(z.string()),
  note: z.string(),
  reviewerNote: z.string(),
  publicSummary: z.string().optional(),
  author: z.string(),
  /** Who made the last desk decision on its status ('' when none): the desk's "Verdict by". */
  reviewer: z.string(),
  /** Who last changed its status, desk or side panel (see statusAttribution). */
  statusBy: z.string().optional(),
  reviewedAt: z.string().optional(),
  updatedAt: z.string(),
  /** Verdicts that disagree with the claim's (from an import), until the editor sets its status. */
  conflicts: z.array(claimConflictSchema).optional(),
  /** A claim of the curated layer. */
  layer: z.literal('curated').optional(),
});
export type ClaimRow = z.infer<typeof claimRowSchema>;

/** Who publishes the fact-checks (ClaimReview's author and url). */
export const reviewSettingsSchema = z.object({
  organisation: z
    .string()
    .trim()
    .max(REVIEW_SETTINGS_LIMITS.organisation, `An organisation’s name can hold at most ${REVIEW_SETTINGS_LIMITS.organisation} characters.`),
  /** Where a published fact-check lives; {id} stands for the claim's id. */
  claimReviewUrl: z.string().trim().superRefine(ruleCheck(factCheckAddressProblem)),
  /** The report shows the private reviewer notes only when the editor says so; ClaimReview never does. */
  reviewerNotesInReport: z.boolean().optional(),
  /** The desk shows every claim, or only the curated layer's. */
  layer: z.enum(['all', 'curated']).optional(),
  /**
   * Blind annotation, shared with the team: a person sees only their own highlights on a document
   * until they mark it done (see blind-rules.ts). Absent is off.
   */
  blindAnnotation: z.boolean().optional(),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;
