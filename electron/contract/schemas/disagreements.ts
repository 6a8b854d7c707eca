// Where annotators disagree, per document: what the Agreement view lists and `annotator
// agreement --disagreements` prints. A "layer" is one annotator's highlights (a name), so a
// curated layer can later be compared as one more layer. The kinds and their names: vocabulary.ts.
import { z } from 'zod';
import { idSchema as id } from './common.js';
import { MAX_ANNOTATOR_NAME_LENGTH } from '../limits.js';
import { DISAGREEMENT_KINDS, type DisagreementKind } from '../vocabulary.js';

/** At most this many are sent at once (the counts always cover all of them). */
export const DISAGREEMENT_LIMITS = { default: 500, max: 5000 } as const;

/**
 * One layer's version of the span: its highlight and the value compared (a label, speaker or
 * verdict name; "no speaker" as null). annotationId null: this layer did not mark the span.
 */
export const disagreementVersionSchema = z.object({
  layer: z.string(),
  annotationId: id.nullable(),
  /** The label's, speaker's or status's id, or null (not marked, or no speaker). */
  valueId: z.string().nullable(),
  value: z.string().nullable(),
});
export type DisagreementVersion = z.infer<typeof disagreementVersionSchema>;

export const disagreementSchema = z.object({
  documentId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  kind: z.enum(DISAGREEMENT_KINDS),
  /** For speaker and verdict: the label both marked the span with. */
  label: z.string().nullable(),
  /** Each layer of the document, in the report's layer order (a layer may have two highlights there). */
  versions: z.array(disagreementVersionSchema),
});
export type Disagreement = z.infer<typeof disagreementSchema>;

const kindCounts = z.object(Object.fromEntries(DISAGREEMENT_KINDS.map((k) => [k, z.number().int().nonnegative()])) as Record<DisagreementKind, z.ZodNumber>);
export type DisagreementCounts = Record<DisagreementKind, number>;

export const listDisagreementsArgsSchema = z
  .object({
    authors: z.array(z.string().max(MAX_ANNOTATOR_NAME_LENGTH)).min(2, 'choose two or more annotators to compare, or leave authors out for everyone').max(10_000).optional(),
    documentIds: z.array(id).min(1, 'name at least one document, or leave documentIds out for every one').max(100_000).optional(),
    /** Only these kinds in the list (the counts still cover every kind). */
    kinds: z.array(z.enum(DISAGREEMENT_KINDS)).min(1, 'choose at least one kind, or leave kinds out for every kind').optional(),
    limit: z.number().int().positive().max(DISAGREEMENT_LIMITS.max, `at most ${DISAGREEMENT_LIMITS.max} disagreements are listed at once`).optional(),
  })
  .strict();

export const disagreementReportSchema = z.object({
  /** Every layer compared, sorted (the documents two or more of them annotated). */
  layers: z.array(z.string()),
  /** Each document with a disagreement, in workspace order, with its counts by kind. */
  documents: z.array(z.object({ documentId: id, title: z.string(), layers: z.array(z.string()), counts: kindCounts })),
  /** Counts by kind over every document. */
  counts: kindCounts,
  /** Up to `limit`, in document then text order; `more` says how many of the chosen kinds were left out. */
  disagreements: z.array(disagreementSchema),
  more: z.number().int().nonnegative(),
});
export type DisagreementReport = z.infer<typeof disagreementReportSchema>;
