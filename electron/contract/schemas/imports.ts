// What an import will do (a dry run) or did: counted before anything is written, so the window
// and `annotator import --dry-run` can show it, and with what one undo takes back.
import { z } from 'zod';
import { idSchema as id } from './common.js';
import { claimConflictSchema } from './review.js';

/** A verdict in the file that disagrees with the one the workspace has for the same claim. */
export const importConflictSchema = z.object({
  documentId: id,
  documentTitle: z.string(),
  annotationId: id,
  text: z.string(),
  /** Status ids: the workspace's, and the file's. */
  here: z.string(),
  incoming: z.string(),
  /** Who set the file's verdict ('' when the file does not say). */
  incomingBy: z.string(),
});
export type ImportConflict = z.infer<typeof importConflictSchema>;

export const importReportSchema = z.object({
  /** false for a dry run: these are what the import would do. */
  written: z.boolean(),
  documents: z.number().int(),
  documentsAdded: z.number().int(),
  /** New highlights. */
  highlights: z.number().int(),
  /** Highlights in the file the workspace already has (same id, or same author, span and label). */
  alreadyPresent: z.number().int(),
  /** Of those, how many the file has otherwise (span, label, note, quote kind, speaker): the workspace's are kept. */
  differing: z.number().int().optional(),
  conflicts: z.array(importConflictSchema),
  labelsAdded: z.array(z.string()),
  /** What the files held that an import never takes as annotations (Label Studio's predictions), in words. */
  leftOut: z.array(z.string()).default([]),
  speakersAdded: z.array(z.string()),
  /** What one undo takes back (empty for a dry run). */
  undo: z.object({
    annotations: z.array(z.object({ documentId: id, annotationId: id })),
    speakerIds: z.array(id),
    labelIds: z.array(id),
    documentIds: z.array(id),
    /** Claims the import gave a conflicting verdict: their conflicts as they were before it. */
    claims: z.array(z.object({ documentId: id, annotationId: id, conflicts: z.array(claimConflictSchema) })).optional(),
  }),
});
export type ImportReport = z.infer<typeof importReportSchema>;
