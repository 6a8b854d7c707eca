// What the handlers, the CLI and the hosts need of the team sync engine (team-sync.ts implements
// it). Kept apart so the window's side and the engine are built, and tested, against one shape.
import type { LinkTeamArgs, QuarantinedDocument, SyncConflict, SyncResult, TeamStatus } from '../../contract/api.js';

/** Where a linked workspace's password is kept: a user-only file, or Electron's safeStorage. */
export interface CredentialStore {
  read(): Promise<{ username: string; password: string } | null>;
  write(credentials: { username: string; password: string }): Promise<void>;
  clear(): Promise<void>;
}

export interface TeamSyncEngine {
  status(): TeamStatus;
  /** Called on every status change (the window's live status); returns the unsubscribe. */
  onStatus(listener: (status: TeamStatus) => void): () => void;
  /** Called when changes from the team reached lowdb: the documents they touched ('all': workspace-wide ones, a speaker, a label). */
  onArrived(listener: (documentIds: string[] | 'all') => void): () => void;
  /** Checks the server (reachable, CouchDB, the database exists, the password is right) before saving the link. */
  link(args: LinkTeamArgs): Promise<TeamStatus>;
  /** Forgets the link and the password; the workspace and its local replica stay. */
  unlink(): Promise<TeamStatus>;
  /** One pull and push; resolves when both sides were compared. */
  syncOnce(): Promise<SyncResult>;
  /** Keeps replicating until stop(); retries when the server comes back. */
  startLive(): void;
  stop(): Promise<void>;
  conflicts(): Promise<SyncConflict[]>;
  /** Keeps one version (by revision) of a conflicted shared document, everywhere. */
  resolve(id: string, keepRev: string): Promise<TeamStatus>;
  quarantined(): Promise<QuarantinedDocument[]>;
}
