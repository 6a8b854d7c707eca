// A workspace linked to a team's CouchDB database: what the window and the CLI are told of it.
// The engine (services/sync) fills these in; the Team view and `annotator sync` show them.
import { z } from 'zod';
import { idSchema as id } from './common.js';

export const SYNC_STATES = [
  /** No database is linked. */
  'unlinked',
  /** Linked; the first replication is under way (see progress). */
  'first-replication',
  /** Changes are going out or coming in. */
  'syncing',
  /** Both sides held the same data when last compared (lastSyncedAt). */
  'synced',
  /** The server cannot be reached: local changes wait (waiting) and go out when it is back. */
  'offline',
  /** The server refused us (a wrong password, no such database, not CouchDB): message says what to do. */
  'error',
] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const teamStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** The database's address without any user name or password in it; null when unlinked. */
  url: z.string().max(2048).nullable(),
  username: z.string().max(200).nullable(),
  /** When both sides last held the same data (ISO time); null before the first sync. */
  lastSyncedAt: z.string().max(40).nullable(),
  /** Local changes (shared documents) not yet on the server. */
  waiting: z.number().int().nonnegative(),
  /** Shared documents in conflict that a person must settle (verdict conflicts show on the desk too). */
  conflicts: z.number().int().nonnegative(),
  /** Remote documents that failed the contract's checks and were never applied. */
  quarantined: z.number().int().nonnegative(),
  /** The first replication's progress: documents done of those known; null otherwise. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }).nullable(),
  /** What went wrong last, in words a person can act on; never holds a password. */
  message: z.string().max(2000).nullable(),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

export const linkTeamArgsSchema = z
  .object({
    /** https://host[:port]/database, or http:// for localhost (see remoteAddressProblem). */
    url: z.string().trim().min(1, 'Give the database’s address, for example https://couch.example.org/newsroom.').max(2048),
    username: z.string().trim().min(1, 'Give the user name the server knows you by.').max(200),
    password: z.string().min(1, 'Give your password for that server.').max(1000),
    /** Plain http to a host that is not this machine: allowed only when forced, with a warning. */
    allowInsecure: z.boolean().optional(),
  })
  .strict();
export type LinkTeamArgs = z.infer<typeof linkTeamArgsSchema>;

export const syncResultSchema = z.object({
  pushed: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

/** One version of a shared document in conflict: who made it, when, and the fields that differ. */
export const syncVersionSchema = z.object({
  /** CouchDB's revision id of this version: what resolveSyncConflict keeps. */
  rev: z.string().max(200),
  by: z.string().max(200),
  at: z.string().max(40),
  /** Only the fields that differ between the versions, by name. */
  values: z.record(z.string(), z.unknown()),
});

export const syncConflictSchema = z.object({
  /** The shared document's id (see services/sync/shared-docs.ts). */
  id: z.string().max(300),
  kind: z.enum(['document', 'highlight', 'speaker', 'label', 'settings']),
  documentId: id.nullable(),
  annotationId: id.nullable(),
  speakerId: id.nullable(),
  /** What a person reads: "Quote in 'Budget story': note and end changed on both sides". */
  summary: z.string().max(500),
  fields: z.array(z.string().max(100)),
  versions: z.array(syncVersionSchema).min(2),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

export const quarantinedDocumentSchema = z.object({
  id: z.string().max(300),
  /** Why it was not applied: "from a newer version of Newsroom Annotator (schema 3)", a failed check. */
  reason: z.string().max(1000),
  receivedAt: z.string().max(40),
});
export type QuarantinedDocument = z.infer<typeof quarantinedDocumentSchema>;
