// Where annotators disagree, per document: what the Agreement view lists and `annotator
// agreement --disagreements` prints. A "layer" is one annotator's highlights (a name), so a
// curated layer can later be compared as one more layer.
import { z } from 'zod';
import { idSchema as id } from './common.js';
import { MAX_ANNOTATOR_NAME_LENGTH } from '../limits.js';

/**
 * - unmatched: some layers marked the span, others did not;
 * - label: the span is marked in several layers, with different labels;
 * - speaker: the same span and label, with different speakers;
 * - verdict: the same claim span, with different verdicts (claim status).
 * Two highlights are on "the same span" when they have the same start and end: measureAgreement's
 * exact match (UTF-16 offsets, as the app keeps them).
 */
export const DISAGREEMENT_KINDS = ['unmatched', 'label', 'speaker', 'verdict'] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

/** How each kind is named in the window and the CLI. */
export const DISAGREEMENT_KIND_NAMES: Record<DisagreementKind, string> = {
  unmatched: 'Not marked by all',
  label: 'Labels differ',
  speaker: 'Speakers differ',
  verdict: 'Verdicts differ',
};

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
