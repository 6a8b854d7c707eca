// Every write a window makes, and how one is read from a batch.
import { z } from 'zod';
import { ApiError, SPEAKER_LIMITS } from '../errors.js';
import { MAX_ANNOTATOR_NAME_LENGTH, SCALE_LIMITS } from '../limits.js';
import { SCALE_COUNT_PROBLEMS } from '../scale-rules.js';
import { curatedSourceSchema, labelSchema } from './annotations.js';
import { QUOTE_KINDS } from '../vocabulary.js';
import { idSchema as id, isRuleIssue, noteTextSchema as noteText, ruleCheck } from './common.js';
import { documentFieldProblem, type EditableDocumentField } from '../document-rules.js';
import { claimFieldsSchema, reviewSettingsSchema, statusSchema } from './review.js';
import { otherNames, speakerName, speakerText } from './speakers.js';

/** A document field as the editor sends it: checked by the contract's rule; null or "" clears it. */
const documentField = (field: EditableDocumentField) => z.string().max(20_000).superRefine(ruleCheck((value) => documentFieldProblem(field, value)));
const clearableField = (field: EditableDocumentField) => documentField(field).nullable().optional();

/** What updateDocument may set; only the fields given change. */
export const documentFieldsSchema = z
  .object({
    title: documentField('title').optional(),
    headline: clearableField('headline'),
    outlet: clearableField('outlet'),
    byline: clearableField('byline'),
    sourceUrl: clearableField('sourceUrl'),
    publishedOn: clearableField('publishedOn'),
  })
  .strict();
export type DocumentFields = z.infer<typeof documentFieldsSchema>;

/** Every write the UI makes is one of these; a batch keeps them in order across reloads. */
export const changeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('createAnnotation'),
    documentId: id,
    annotationId: id,
    labelId: id,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    speakerId: id.nullable().optional(),
    note: noteText.optional(),
    // Given when a deleted highlight is brought back, so it returns as it was.
    quoteKind: z.enum(QUOTE_KINDS).optional(),
    claim: claimFieldsSchema.optional(),
    /** A highlight of the curated layer (curation.ts), with the versions it was accepted from. */
    layer: z.literal('curated').optional(),
    curatedFrom: z.array(curatedSourceSchema).max(100).optional(),
    author: z.string().max(MAX_ANNOTATOR_NAME_LENGTH).optional(),
    /** Kept only beside `author`: a highlight brought back stays its person's. */
    authorId: id.optional(),
    createdAt: z.string().max(40).optional(),
    updatedAt: z.string().max(40).optional(),
  }),
  z.object({
    kind: z.literal('updateAnnotation'),
    documentId: id,
    annotationId: id,
    /** A new start and end: the span is moved (its text, prefix and suffix follow). */
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
    labelId: id.optional(),
    speakerId: id.nullable().optional(),
    note: noteText.optional(),
    quoteKind: z.enum(QUOTE_KINDS).nullable().optional(),
    /** Only the claim fields given change. */
    claim: claimFieldsSchema.partial().optional(),
    /** A person checked a fuzzy re-anchoring and it is right. */
    confirmAnchor: z.literal(true).optional(),
    /** Sent by the review desk: a status set here is an editor's decision, recorded as the claim's reviewer. */
    deskDecision: z.literal(true).optional(),
  }),
  /** An orphaned highlight placed by a person on the text they selected. */
  z.object({
    kind: z.literal('placeOrphan'),
    documentId: id,
    annotationId: id,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('deleteAnnotation'), documentId: id, annotationId: id }),
  z.object({
    kind: z.literal('createSpeaker'),
    speakerId: id,
    name: speakerName,
    // Given when a deleted or merged speaker is brought back, so it returns as it was.
    aliases: otherNames.optional(),
    role: speakerText('title or role', SPEAKER_LIMITS.role).optional(),
    organisation: speakerText('organisation', SPEAKER_LIMITS.organisation).optional(),
    notes: speakerText('notes', SPEAKER_LIMITS.notes).optional(),
    createdAt: z.string().max(40).optional(),
  }),
  /** Adds a label to the workspace's set, or changes the one with that id. */
  z.object({ kind: z.literal('saveLabel'), label: labelSchema }),
  /** Removes a label no highlight uses. */
  z.object({ kind: z.literal('deleteLabel'), labelId: id }),
  /** Undoing the creation of a speaker. */
  z.object({ kind: z.literal('deleteSpeaker'), speakerId: id }),
  z.object({
    kind: z.literal('updateSpeaker'),
    speakerId: id,
    name: speakerName.optional(),
    aliases: otherNames.optional(),
    role: speakerText('title or role', SPEAKER_LIMITS.role).optional(),
    organisation: speakerText('organisation', SPEAKER_LIMITS.organisation).optional(),
    notes: speakerText('notes', SPEAKER_LIMITS.notes).optional(),
  }),
  /** Everything that points at `mergedId`, in every document, points at `survivorId` instead. */
  z.object({ kind: z.literal('mergeSpeakers'), survivorId: id, mergedId: id }),
  z.object({ kind: z.literal('setLastDocument'), documentId: id }),
  /** Curation: these highlights' span group is rejected (no curated highlight for it), or no longer. */
  z.object({ kind: z.literal('setCurationRejected'), documentId: id, annotationIds: z.array(id).min(1).max(10_000), rejected: z.boolean() }),
  /**
   * A document leaves the list (a person removed it, or an import was undone): its text snapshot
   * and annotations file stay on disk until the workspace is compacted, and restoreDocument (or
   * importing its text again) brings it back by the same id, with every highlight its file holds.
   */
  z.object({ kind: z.literal('removeDocument'), documentId: id }),
  z.object({ kind: z.literal('restoreDocument'), documentId: id }),
  /** A person renamed a document or set what the story says of itself (headline, outlet, byline, link, date). */
  z.object({ kind: z.literal('updateDocument'), documentId: id, fields: documentFieldsSchema }),
  /** The window's person is done with a document (or not yet): under blind annotation it then sees everyone's highlights. */
  z.object({ kind: z.literal('markDocumentDone'), documentId: id, done: z.boolean() }),
  /** The workspace's status scale, edited as a whole (ids of statuses in use must stay). */
  z.object({ kind: z.literal('saveStatuses'), statuses: z.array(statusSchema).min(SCALE_LIMITS.statuses.min, SCALE_COUNT_PROBLEMS.tooFew).max(SCALE_LIMITS.statuses.max, SCALE_COUNT_PROBLEMS.tooMany) }),
  z.object({ kind: z.literal('setReviewSettings'), settings: reviewSettingsSchema }),
  z.object({
    kind: z.literal('setAnnotatorName'),
    name: z.string().trim().min(1, 'Give a name, so your annotations say who made them.').max(MAX_ANNOTATOR_NAME_LENGTH, `A name can hold at most ${MAX_ANNOTATOR_NAME_LENGTH} characters.`),
  }),
]);
export type Change = z.infer<typeof changeSchema>;

export type ChangeRefusal = { index: number; code: string; message: string };

/** One change from an applyChanges batch, or a refusal in words. */
export function parseChange(raw: unknown): Change {
  const parsed = changeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first && first.path.length ? ` (at ${first.path.join('.')})` : '';
  // Limits and the contract's rules carry their own sentence; anything else is a malformed change, named by its field.
  const worded = first && (((first.code === 'too_big' || first.code === 'too_small') && !first.message.startsWith('Too ')) || isRuleIssue(first));
  throw new ApiError('bad-request', worded ? first.message : `That change is malformed${where}: ${first?.message ?? 'unknown shape'}.`);
}
