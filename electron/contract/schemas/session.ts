// What a window learns when it opens a workspace.
import { z } from 'zod';
import { labelSchema } from './annotations.js';
import { idSchema as id } from './common.js';
import { documentSummarySchema } from './documents.js';
import { reviewSettingsSchema, statusSchema } from './review.js';
import { speakerSchema } from './speakers.js';

export const sessionSchema = z.object({
  host: z.enum(['electron', 'browser', 'memory']),
  workspaceDir: z.string(),
  /** Native file dialogs and a recent list exist only in the desktop shell. */
  capabilities: z.object({ nativeOpenDialog: z.boolean(), recentFiles: z.boolean() }),
  labels: z.array(labelSchema),
  statuses: z.array(statusSchema),
  speakers: z.array(speakerSchema),
  documents: z.array(documentSummarySchema),
  lastDocumentId: id.nullable(),
  /** Who is annotating; null until the user has said (the window asks once). */
  annotatorName: z.string().nullable(),
  reviewSettings: reviewSettingsSchema,
  /** Set when a store file is damaged: the workspace is read-only until a backup is restored. */
  storeProblem: z
    .object({ message: z.string(), fileName: z.string(), backupTakenAt: z.string().nullable() })
    .nullable(),
});
export type Session = z.infer<typeof sessionSchema>;
