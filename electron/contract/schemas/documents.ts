// Documents: what they were read from, how their text is sent, and how their source file fares.
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES, MAX_FILE_PATH_LENGTH, MAX_PAGES, MAX_SOURCE_URL_LENGTH } from '../errors.js';
import { MAX_ANNOTATOR_NAME_LENGTH } from '../limits.js';
import { annotationColumnsSchema, annotationSchema } from './annotations.js';
import { idSchema as id, ruleCheck } from './common.js';
import { documentFieldProblem, pastedTextProblem } from '../document-rules.js';
import { DOCUMENT_FORMATS, TEXT_ENCODINGS } from '../vocabulary.js';

export const doneMarkSchema = z.object({ personId: id, name: z.string().max(MAX_ANNOTATOR_NAME_LENGTH), at: z.string().max(40) });

export const documentSummarySchema = z.object({
  id,
  title: z.string(),
  fileName: z.string(),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  length: z.number().int().nonnegative(),
  addedAt: z.string(),
  annotationCount: z.number().int().nonnegative(),
  format: z.enum(DOCUMENT_FORMATS).default('text'),
  encoding: z.enum(TEXT_ENCODINGS).default('utf-8'),
  /** False when the user chose the encoding (or the file said it, with a BOM). */
  encodingDetected: z.boolean().default(false),
  /** A web page's canonical URL, when known. */
  sourceUrl: z.string().max(MAX_SOURCE_URL_LENGTH).nullable().default(null),
  /** Where the text was read from, when the host knows a path (not for a browser upload). */
  filePath: z.string().max(MAX_FILE_PATH_LENGTH).nullable().default(null),
  /**
   * What the story says of itself, as the user (or the file: a page's meta tags, a PDF's
   * properties) gave it. They feed ClaimReview's appearance and itemReviewed.datePublished, the
   * report and every export's metadata. Absent is the same as null (older workspaces).
   */
  headline: z.string().max(1000).nullable().optional(),
  outlet: z.string().max(300).nullable().optional(),
  byline: z.string().max(500).nullable().optional(),
  /** The story's publication date, YYYY-MM-DD. */
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  /**
   * A paged document's (a PDF's) page starts: entry i is the UTF-16 offset in the text where page
   * i + 1 begins, ascending. Absent for documents without pages.
   */
  pageStarts: z.array(z.number().int().nonnegative()).max(MAX_PAGES).optional(),
  /** Curation: highlights whose span group the editor rejected (see curation.ts). */
  curationRejected: z.array(id).max(1_000_000).optional(),
  /** Who marked the document done (blind annotation: each then sees everyone's highlights on it). */
  doneBy: z.array(doneMarkSchema).max(1000).optional(),
  /**
   * Set by the service for the window that asked (never stored): whether its person marked the
   * document done. The window needs no person of its own to show it.
   */
  doneByYou: z.boolean().optional(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** The page an offset falls on (1-based), or null for a document without pages. */
export function pageAt(pageStarts: readonly number[] | undefined, offset: number): number | null {
  if (!pageStarts?.length) return null;
  // The last page starting at or before the offset (empty pages share their start with the next).
  let low = 0;
  let high = pageStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pageStarts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(1, low);
}

/** How the highlights fared when a document's text changed (see services/anchoring). */
export const reanchorReportSchema = z.object({
  unchanged: z.number().int().nonnegative(),
  /** Found again, exactly, somewhere else: fixed quietly. */
  moved: z.number().int().nonnegative(),
  /** Placed on similar text and flagged for a person to check. */
  fuzzy: z.number().int().nonnegative(),
  /** Not found well enough to place: kept and listed, for a person to place. */
  orphaned: z.number().int().nonnegative(),
});
export type ReanchorReport = z.infer<typeof reanchorReportSchema>;

/** The document's source file as last checked. */
export const sourceStateSchema = z.object({
  /** unlinked: no path known (a browser upload); linked: the file is there; missing: it is gone. */
  state: z.enum(['unlinked', 'linked', 'missing']),
  /** Set when this check found a changed file and re-anchored the highlights. */
  report: reanchorReportSchema.nullable(),
  /** Why a changed file could not be read (the saved copy stays in use). */
  problem: z.string().nullable(),
});
export type SourceState = z.infer<typeof sourceStateSchema>;

export const openedDocumentSchema = z.object({
  document: documentSummarySchema,
  text: z.string(),
  annotations: annotationColumnsSchema,
  /** False when only the highlights starting before `annotationsBefore` were sent; listAnnotations has the rest. */
  annotationsComplete: z.boolean(),
  /** Highlights the last change of the text could not place; a person places them. */
  orphans: z.array(annotationSchema),
  source: sourceStateSchema,
});
export type OpenedDocument = z.infer<typeof openedDocumentSchema>;

export const recentFileSchema = z.object({ id, fileName: z.string(), openedAt: z.string() });
export type RecentFile = z.infer<typeof recentFileSchema>;

/** A-Z, a-z, 0-9, + and /; by code, since a 70 MB upload is checked one character at a time. */
function isBase64Digit(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47;
}
const AGAIN = 'Open the file again; if this keeps happening, reload the window';

function describeCharacter(char: string): string {
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === ' ') return 'a space';
  return JSON.stringify(char);
}

/** Why `text` is not strict, padded base64 (the only kind a window sends), or null when it is ("" is). */
export function base64Problem(text: string): string | null {
  // Buffer.from(x, 'base64') skips anything it does not know, so junk would quietly become other text.
  const last = text.length - 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isBase64Digit(code)) continue;
    // "=" pads only the end: one as the last character, or two as the last two.
    if (code === 61 && (i === last || (i === last - 1 && text[last] === '='))) continue;
    return `The file's content is not base64: ${describeCharacter(String.fromCodePoint(text.codePointAt(i)!))} at character ${i + 1}. ${AGAIN}`;
  }
  if (text.length % 4 !== 0) {
    return `The file's content is not base64: its length (${text.length} characters) is not a multiple of 4, so part of it is missing. ${AGAIN}`;
  }
  return null;
}

/**
 * The content of every upload: padded base64 with no junk, of at most MAX_DOCUMENT_BYTES. An empty
 * file is valid base64: the service refuses it itself, naming the file.
 */
export const base64ContentSchema = z
  .string()
  // A little over the limit, so the service can say "too big" itself with the file's size.
  .max(Math.ceil((MAX_DOCUMENT_BYTES + 1024) / 3) * 4)
  .superRefine((text, ctx) => {
    const problem = base64Problem(text);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

export const importFileSchema = z.object({
  fileName: z.string().min(1).max(1000),
  contentBase64: base64ContentSchema,
});

/** How to read a text file; without an encoding it is detected. */
export const readOptionsSchema = z.object({ encoding: z.enum(TEXT_ENCODINGS).optional() }).strict();
export type ReadOptions = z.infer<typeof readOptionsSchema>;

/** A document after its text was replaced (changed file, relinked file, other encoding). */
export const rereadResultSchema = z.object({ document: documentSummarySchema, report: reanchorReportSchema.nullable() });

/** Text pasted as a new document: a title, the text, and where it came from when known. */
export const pastedDocumentSchema = z
  .object({
    title: z.string().max(20_000).superRefine(ruleCheck((value) => documentFieldProblem('title', value))),
    // A little over the limit, so the rule can say "too long" itself with the text's size.
    text: z.string().max(MAX_DOCUMENT_BYTES + 1024).superRefine(ruleCheck(pastedTextProblem)),
    sourceUrl: z.string().max(20_000).superRefine(ruleCheck((value) => documentFieldProblem('sourceUrl', value))).nullable().optional(),
  })
  .strict();

/** What compacting the workspace deletes (or, in a dry run, would delete). */
export const compactionPlanSchema = z.object({
  documents: z.array(z.object({ id, title: z.string() })),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative() })),
  bytes: z.number().int().nonnegative(),
});
export type CompactionPlan = z.infer<typeof compactionPlanSchema>;
