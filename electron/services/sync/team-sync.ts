// The team sync engine: a workspace replicated, through a local PouchDB replica, to a team's
// CouchDB database (see replica.ts, outbound.ts, inbound.ts, merge.ts). lowdb stays the source
// of truth. Decisions where the design was silent: the engine never creates the database (a
// missing one is reported); pouchdb-server's greeting counts as CouchDB's; a speaker arriving
// from the team keeps its own id even where a local one has the same name (a person merges
// them); the inbound path writes no claim-history lines (the machine that made a change shares
// its own lines, so a line is never recorded once per machine); a highlight whose text is not at
// its place in the local text (the text changed on one machine) is re-anchored there, or kept as
// an orphan, and that local placement is not sent back.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError, type ApiErrorCode, type LinkTeamArgs, type QuarantinedDocument, type SyncConflict, type SyncResult, type TeamStatus } from '../../contract/api.js';
import { addressWithoutCredentials, remoteAddressProblem } from '../../contract/team-rules.js';
import type { AnnotatorService } from '../annotator-service.js';
import { writeFileDurably } from '../store/durable-json-file.js';
import { conflictedIds, conflictsOf, keepVersion } from './conflicts.js';
import { Inbound } from './inbound.js';
import { reconcileOutbound } from './outbound.js';
import { checkRemote, scrub, type RemoteTarget } from './remote.js';
import { openPouch, openTeamDatabase, type Pouch } from './replica.js';
import { SYNC_DIR, SyncState } from './sync-state.js';
import type { CredentialStore, TeamSyncEngine } from './team-sync-api.js';

interface SavedLink {
  url: string;
  username: string;
}

const unlinked = (): TeamStatus => ({ state: 'unlinked', url: null, username: null, lastSyncedAt: null, waiting: 0, conflicts: 0, quarantined: 0, progress: null, message: null });

export class TeamSync implements TeamSyncEngine {
  private current: TeamStatus = unlinked();
  private readonly listeners = new Set<(status: TeamStatus) => void>();
  private readonly dir: string;
  private readonly state: SyncState;
  private replica: Pouch | null = null;
  private link_: SavedLink | null = null;
  private live: { cancel(): void } | null = null;
  private liveFeed: { cancel(): void } | null = null;
  private work: Promise<unknown> = Promise.resolve();
  private unhook: (() => void) | null = null;
  private started: Promise<void> | null = null;
  /** Set when a batch's outbound failed: the next sync compares the whole workspace again. */
  private compareAll = false;
  /** Live replication was asked for (and not stopped): a sync that works restarts it after an error ended it. */
  private liveWanted = false;

  constructor(
    private readonly service: AnnotatorService,
    private readonly credentials: CredentialStore,
  ) {
    this.dir = path.join(service.store.dir, SYNC_DIR);
    this.state = new SyncState(this.dir);
  }

  private get linkFile() {
    return path.join(this.dir, 'link.json');
  }

  /** Opens the replica and state, reconciles lowdb into it (a kill may have parted them). */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.state.load();
      this.replica = openPouch(path.join(this.dir, 'replica'));
      try {
        this.link_ = JSON.parse(await fs.readFile(this.linkFile, 'utf8')) as SavedLink;
      } catch {
        this.link_ = null;
      }
      this.state.data.conflicted ??= await conflictedIds(this.replica);
      await this.serial(() => reconcileOutbound(this.service, this.replica, this.state));
      this.unhook = this.service.afterDurable((touched) => {
        Object.assign(this.state.data.mergedSpeakers, touched.mergedSpeakers ?? {});
        void this.serial(() => reconcileOutbound(this.service, this.replica, this.state, touched))
          .then(() => this.refreshCounts())
          .catch(() => {
            // What did not reach the replica is found by the next sync's full compare.
            this.compareAll = true;
          });
      });
      await this.refreshCounts({ state: this.link_ ? 'synced' : 'unlinked', url: this.link_?.url ?? null, username: this.link_?.username ?? null });
    })();
    return this.started;
  }

  /** The engine's own work runs one piece at a time (outbound, inbound, resolve). */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.work.catch(() => undefined).then(work);
    this.work = run.catch(() => undefined);
    return run;
  }

  status(): TeamStatus {
    return { ...this.current };
  }

  private readonly arrivalListeners = new Set<(documentIds: string[] | 'all') => void>();
  onArrived(listener: (documentIds: string[] | 'all') => void): () => void {
    this.arrivalListeners.add(listener);
    return () => this.arrivalListeners.delete(listener);
  }

  onStatus(listener: (status: TeamStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private secrets: string[] = [];
  private setStatus(patch: Partial<TeamStatus>): TeamStatus {
    const next = { ...this.current, ...patch };
    if (next.message) next.message = scrub(next.message, this.secrets);
    this.current = next;
    for (const listener of this.listeners) listener(this.status());
    return this.status();
  }

  private async refreshCounts(patch: Partial<TeamStatus> = {}): Promise<TeamStatus> {
    // Counted after a close (a late feed event): the replica is gone, the status stays as it was.
    if (!this.replica && this.started === null) return this.setStatus(patch);
    const conflicts = this.replica ? (this.state.data.conflicted ?? []).length : 0;
    const waiting = this.replica ? await this.waiting() : 0;
    return this.setStatus({ ...patch, conflicts, waiting, quarantined: this.state.quarantined().length, lastSyncedAt: this.state.data.lastSyncedAt });
  }

  private pushedSeq(): number {
    return Number((this.state.data as unknown as { pushedSeq?: number }).pushedSeq ?? 0);
  }

  private async waiting(): Promise<number> {
    const feed = await this.replica.changes({ since: this.pushedSeq() });
    return feed.results.length;
  }

  /**
   * A link that was refused: the answer says why, and a workspace that was not linked stays
   * unlinked (its status keeps the words), so the window offers the form again.
   */
  private refusedLink(patch: Partial<TeamStatus>): TeamStatus {
    if (this.link_) return this.setStatus(patch);
    const shown = this.setStatus({ ...unlinked(), message: patch.message ?? null });
    return { ...shown, ...patch, message: shown.message };
  }

  async link(args: LinkTeamArgs): Promise<TeamStatus> {
    await this.start();
    const check = remoteAddressProblem(args.url, { allowInsecure: args.allowInsecure });
    this.secrets = [args.password];
    if (check.problem !== null) return this.refusedLink({ state: 'error', message: check.problem });
    const url = addressWithoutCredentials(args.url);
    const remote = await checkRemote({ url, username: args.username, password: args.password });
    if (!remote.ok) return this.refusedLink({ state: remote.state, message: remote.message, url, username: args.username });
    await this.credentials.write({ username: args.username, password: args.password });
    this.link_ = { url, username: args.username };
    await writeFileDurably(this.linkFile, JSON.stringify(this.link_, null, 2));
    return this.refreshCounts({ state: 'synced', url, username: args.username, message: check.warning });
  }

  async unlink(): Promise<TeamStatus> {
    await this.stop();
    await this.credentials.clear();
    await fs.rm(this.linkFile, { force: true });
    this.link_ = null;
    return this.setStatus({ ...unlinked(), conflicts: this.current.conflicts, quarantined: this.current.quarantined });
  }

  private async target(): Promise<RemoteTarget | null> {
    if (!this.link_) return null;
    const creds = await this.credentials.read();
    if (!creds) return null;
    this.secrets = [creds.password];
    return { url: this.link_.url, username: creds.username, password: creds.password };
  }

  private remoteDb(target: RemoteTarget): Pouch {
    return openTeamDatabase(target.url, { username: target.username, password: target.password });
  }

  private problemOf(error: unknown): Partial<TeamStatus> {
    const status = (error as { status?: number }).status;
    const text = scrub(String((error as Error).message ?? error), this.secrets);
    if (status === 401 || status === 403) return { state: 'error', message: 'The server refused that user name or password; check them and link again.' };
    if (status === 404) return { state: 'error', message: 'The team database is gone from the server; create it again (or ask its admin), then sync.' };
    return { state: 'offline', message: `The server cannot be reached (${text}); local changes wait and go out once it answers.` };
  }

  async syncOnce(): Promise<SyncResult> {
    await this.start();
    const target = await this.target();
    if (!target) {
      this.setStatus({ state: this.link_ ? 'error' : 'unlinked', message: this.link_ ? 'No password is kept for this link; link again.' : 'This workspace is not linked to a team database.' });
      throw new SyncFailure(this.current);
    }
    const remote = this.remoteDb(target);
    let pushed = 0;
    let pulled = 0;
    const first = !this.state.data.lastSyncedAt;
    this.setStatus({ state: first ? 'first-replication' : 'syncing', message: null, progress: first ? { done: 0, total: null } : null });
    try {
      // The first sync's progress, in documents: each pulled one counts half when it reaches the
      // replica and half when lowdb holds it; each pushed one counts whole.
      const total = first ? Math.max(Number((await remote.info()).doc_count ?? 0), Number((await this.replica.info()).doc_count ?? 0)) : 0;
      let pulledIn = 0;
      const progress = (done: number) => {
        if (first && total > 0) this.setStatus({ progress: { done: Math.min(total, Math.round(done)), total } });
      };
      for (let round = 0; round < 4; round++) {
        // Each durable batch was written to the replica as it landed (afterDurable); only a
        // failed one needs the whole workspace compared again.
        await this.serial(async () => {
          if (!this.compareAll) return;
          this.compareAll = false;
          await reconcileOutbound(this.service, this.replica, this.state);
        });
        const from = await this.replica.replicate.from(remote, { batch_size: 500 }).on('change', (info: { docs_written: number }) => progress((pulledIn + info.docs_written) / 2 + pulledIn / 2));
        const inbound = await this.serial(() => this.pullIntoWorkspace((handled) => progress((pulledIn + from.docs_written) / 2 + Math.min(handled, from.docs_written) / 2 + pulledIn / 2)));
        pulled += inbound.pulledDocs;
        pulledIn += from.docs_written;
        const to = await this.replica.replicate.to(remote, { batch_size: 500 }).on('change', (info: { docs_written: number }) => progress(pulledIn + pushed + info.docs_written));
        pushed += to.docs_written;
        (this.state.data as unknown as { pushedSeq: number }).pushedSeq = Number(to.last_seq);
        // Nothing came in, so what just went out was all there was: no second look needed.
        if (from.docs_written === 0 && inbound.pulledDocs === 0) break;
      }
      // Both sides hold the same: whatever the estimate was, all of it is done.
      progress(total);
      this.state.data.lastSyncedAt = new Date().toISOString();
      await this.state.save();
      const status = await this.refreshCounts({ state: 'synced', progress: null, message: null });
      if (this.liveWanted && !this.live) this.startLive();
      return { pushed, pulled, conflicts: status.conflicts };
    } catch (error) {
      const problem = { ...this.problemOf(error), progress: null };
      // The count of what waits is the replica's own: it still answers when the server does not.
      await this.refreshCounts(problem).catch(() => this.setStatus(problem));
      throw new SyncFailure(this.current);
    } finally {
      await remote.close?.().catch?.(() => undefined);
    }
  }

  startLive(): void {
    void (async () => {
      await this.start();
      const target = await this.target();
      if (!target || this.live) return;
      const remote = this.remoteDb(target);
      const backOff = (delay: number) => Math.min(Math.max(delay * 2, 500), 30_000);
      this.live = this.replica
        .sync(remote, { live: true, retry: true, back_off_function: backOff })
        .on('change', () => this.setStatus({ state: 'syncing' }))
        .on('paused', (error: unknown) => {
          if (error) this.setStatus(this.problemOf(error));
          else {
            this.state.data.lastSyncedAt = new Date().toISOString();
            (this.state.data as unknown as { pushedSeq: number }).pushedSeq = Number.MAX_SAFE_INTEGER;
            void this.state.save().catch(() => undefined);
            void this.refreshCounts({ state: 'synced', message: null }).catch(() => undefined);
          }
        })
        .on('error', (error: unknown) => {
          // PouchDB gives up on errors it does not retry (a refused password, say):
          // the status says why, and the next sync that works starts live replication again.
          this.setStatus(this.problemOf(error));
          this.live = null;
          this.liveFeed?.cancel();
          this.liveFeed = null;
        });
      this.liveWanted = true;
      this.liveFeed = this.replica.changes({ since: 'now', live: true }).on('change', () => {
        void this.serial(() => this.pullIntoWorkspace())
          .then(() => this.refreshCounts())
          .catch(() => undefined);
      });
    })();
  }

  /** The replica's new documents into lowdb, and what lowdb made of them (a re-anchored highlight, a re-pointed quote) back out. */
  private async pullIntoWorkspace(onProgress?: (handled: number) => void): Promise<Inbound> {
    const inbound = new Inbound(this.service, this.replica, this.state, onProgress);
    await inbound.run();
    const arrived = inbound.arrivedIn();
    if (arrived) for (const listener of this.arrivalListeners) listener(arrived);
    if (inbound.touchedDocuments.size) await reconcileOutbound(this.service, this.replica, this.state, { documentIds: [...inbound.touchedDocuments] });
    return inbound;
  }

  async stop(): Promise<void> {
    this.liveWanted = false;
    this.live?.cancel();
    this.liveFeed?.cancel();
    this.live = null;
    this.liveFeed = null;
    await this.work.catch(() => undefined);
  }

  /** Stops and closes the replica (before the workspace closes). */
  async close(): Promise<void> {
    await this.stop();
    this.unhook?.();
    // An engine that never started (an unlinked workspace) leaves no sync folder behind.
    if (this.started) await this.state.save().catch(() => undefined);
    await this.replica?.close();
    this.replica = null;
    this.started = null;
  }

  async conflicts(): Promise<SyncConflict[]> {
    await this.start();
    return conflictsOf(this.replica, this.state.data.conflicted ?? [], this.service);
  }

  async resolve(id: string, keepRev: string): Promise<TeamStatus> {
    await this.start();
    await this.serial(() => keepVersion(this.replica, id, keepRev));
    await this.serial(() => this.pullIntoWorkspace());
    return this.refreshCounts();
  }

  async quarantined(): Promise<QuarantinedDocument[]> {
    await this.start();
    return this.state.quarantined();
  }
}

/** How a window is told the team server refused or did not answer: the one rule for link and sync. */
export const syncRefusalCode = (status: Pick<TeamStatus, 'state'>): ApiErrorCode => (status.state === 'offline' ? 'unreachable' : 'bad-request');

/** A sync that could not finish: its status says why, in words a window shows as they are. */
export class SyncFailure extends ApiError {
  constructor(readonly status: TeamStatus) {
    super(syncRefusalCode(status), status.message ?? 'The sync did not finish.');
  }
}

/** Credentials kept in memory only (tests, and the CLI given them by environment or prompt). */
export function memoryCredentials(initial: { username: string; password: string } | null = null): import('./team-sync-api.js').CredentialStore {
  let kept = initial;
  return {
    read: async () => kept,
    write: async (c) => void (kept = c),
    clear: async () => void (kept = null),
  };
}
