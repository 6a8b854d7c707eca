// Datasets out: the formats, what an export returns, and the agreement between annotators.
import { z } from 'zod';

export const exportResultSchema = z.object({
  /** The files' contents, where the window itself must save them (the browser host). */
  files: z.array(
    z.object({
      name: z.string(),
      content: z.string(),
      /** base64: the content is binary (a folder export zipped for one download, a .spacy file); absent: it is the text itself. */
      encoding: z.literal('base64').optional(),
    }),
  ),
  /** Where the desktop app saved them, as the user chose in its dialog; null when cancelled or not saved. */
  savedTo: z.string().nullable(),
  /** CoNLL spans left out of the tags, with why. */
  warnings: z.array(z.object({ documentId: z.string(), annotationId: z.string(), label: z.string(), text: z.string(), reason: z.string() })),
});
export type ExportResultOnWire = z.infer<typeof exportResultSchema>;

/** One annotator and how many highlights are theirs; name '' stands for highlights made before a name was set. */
export const annotatorCountSchema = z.object({ name: z.string(), highlights: z.number().int().nonnegative() });
export type AnnotatorCount = z.infer<typeof annotatorCountSchema>;

/** How annotators are listed: by most highlights, then by name; the highlights with no author last. */
export function byAnnotator(a: AnnotatorCount, b: AnnotatorCount): number {
  return Number(a.name === '') - Number(b.name === '') || b.highlights - a.highlights || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

const spanScoreSchema = z.object({ precision: z.number(), recall: z.number(), f1: z.number() }).nullable();
export const agreementReportSchema = z.object({
  annotators: z.array(z.string()),
  pairs: z.array(
    z.object({
      annotators: z.tuple([z.string(), z.string()]),
      documents: z.number(),
      byLabel: z.record(z.string(), z.object({ exact: spanScoreSchema, overlap: spanScoreSchema })),
      kappa: z.number().nullable(),
    }),
  ),
  alpha: z.number().nullable(),
});
