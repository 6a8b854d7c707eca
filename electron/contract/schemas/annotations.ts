// Labels and highlights, whole and as the columns a document is opened with.
import { z } from 'zod';
import { MAX_ANNOTATOR_NAME_LENGTH } from '../limits.js';
import { labelColourProblem, labelKeyProblem, labelNameProblem } from '../label-rules.js';
import { idSchema as id, noteTextSchema as noteText, ruleCheck } from './common.js';
import { claimFieldsSchema } from './review.js';
import { QUOTE_KINDS } from '../vocabulary.js';

/** Checked field by field with label-rules' words; labelProblem also checks it among the others. */
export const labelSchema = z.object({
  id,
  name: z.string().trim().superRefine(ruleCheck(labelNameProblem)),
  color: z.string().superRefine(ruleCheck(labelColourProblem)),
  hotkey: z.string().superRefine(ruleCheck(labelKeyProblem)),
});
export type Label = z.infer<typeof labelSchema>;

/** One person's highlight accepted into the curated layer: which one, and whose it was. */
export const curatedSourceSchema = z.object({ annotationId: id, author: z.string().max(MAX_ANNOTATOR_NAME_LENGTH) }).strict();
export type CuratedSource = z.infer<typeof curatedSourceSchema>;

export const annotationSchema = z.object({
  id,
  documentId: id,
  labelId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** For a quote: who said it. For a Speaker mention: which speaker it names. */
  speakerId: id.nullable(),
  note: noteText,
  /** The annotator's name when it was made ('' where no name was set yet). */
  author: z.string().max(MAX_ANNOTATOR_NAME_LENGTH),
  /** The stable id of the person who made it (see schemas/people.ts); absent on older highlights. */
  authorId: id.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Quotes only. Absent fields keep a 50,000-highlight file small. */
  quoteKind: z.enum(QUOTE_KINDS).optional(),
  /** Claims only. */
  claim: claimFieldsSchema.optional(),
  /** Set when the text changed and this was re-anchored to a place a person should check. */
  anchor: z.literal('fuzzy').optional(),
  /** The editor's adjudicated version (see curation.ts); absent on every person's own highlights. */
  layer: z.literal('curated').optional(),
  /** For a curated highlight: whose versions were accepted into it. */
  curatedFrom: z.array(curatedSourceSchema).max(100).optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

/**
 * Opening sends highlights as columns, in text order (see compareSpans), without their text,
 * prefix and suffix: the receiver has the text and slices them itself. A 50,000-highlight
 * transcript's answer is then less than half the size, and arrays of plain values are quick
 * to write and to parse. fromAnnotationColumns (spans.ts) turns them back into annotations.
 */
export const annotationColumnsSchema = z
  .object({
    ids: z.array(id),
    labelIds: z.array(id),
    starts: z.array(z.number().int().nonnegative()),
    ends: z.array(z.number().int().positive()),
    speakerIds: z.array(id.nullable()),
    notes: z.array(z.string()),
    authors: z.array(z.string()),
    /** Each highlight's person (see schemas/people.ts); null where a highlight has none. */
    authorIds: z.array(id.nullable()),
    /** quoteKind, claim, anchor and the curated layer's fields, where a highlight has them. */
    extras: z.array(
      z
        .object({
          quoteKind: z.enum(QUOTE_KINDS).optional(),
          claim: claimFieldsSchema.optional(),
          anchor: z.literal('fuzzy').optional(),
          layer: z.literal('curated').optional(),
          curatedFrom: z.array(curatedSourceSchema).max(100).optional(),
        })
        .nullable(),
    ),
    createdAt: z.array(z.string()),
    updatedAt: z.array(z.string()),
  })
  .refine((columns) => Object.values(columns).every((column) => column.length === columns.ids.length), 'columns differ in length');
export type AnnotationColumns = z.infer<typeof annotationColumnsSchema>;
