// A TeamSyncEngine held in memory, for the window's tests only (the real engine is
// services/sync/team-sync.ts, tested against a real server). Its states move as the engine's do:
// link checks the address and the password, first replication, synced; conflicts until resolved.
import { ChangeFeed } from '../../electron/services/handlers/change-feed';
import { ApiError } from '../../electron/contract/errors';
import { remoteAddressProblem } from '../../electron/contract/team-address';
import type { LinkTeamArgs, QuarantinedDocument, SyncConflict, SyncResult, TeamStatus } from '../../electron/contract/api';
import type { CredentialStore, TeamSyncEngine } from '../../electron/services/sync/team-sync-api';

export interface FakeTeamServer {
  /** The database's address the fake server answers at (others: "cannot be reached"). */
  url: string;
  users: Record<string, string>;
  /** What the first sync after linking finds: conflicts to settle, documents quarantined. */
  conflicts?: SyncConflict[];
  quarantined?: QuarantinedDocument[];
  /** Documents the first replication brings (its progress counts to this). */
  documents?: number;
}

/** The engine refuses in words a person can act on, as ApiErrors (never "Something went wrong"). */
const refusal = (message: string) => new ApiError('bad-request', message);

const UNLINKED: TeamStatus = { state: 'unlinked', url: null, username: null, lastSyncedAt: null, waiting: 0, conflicts: 0, quarantined: 0, progress: null, message: null };

export interface FakeTeamSync extends TeamSyncEngine {
  /** Every call, by name, for tests to check what the window asked. */
  readonly calls: string[];
  /** Changes from the team reach the workspace (the documents they touched, or 'all'). */
  arrive(documentIds: string[] | 'all'): void;
  /** The server goes away (offline) or comes back; local changes wait meanwhile. */
  setOnline(online: boolean): void;
  /** A local change made while linked: it waits while offline. */
  changeLocally(): void;
  /** Holds the first replication at `done` (to see its progress), until finishFirstSync(). */
  holdFirstSyncAt(done: number | null): void;
  finishFirstSync(): void;
}

export function createFakeTeamSync(server: FakeTeamServer, credentials?: CredentialStore, clock: () => Date = () => new Date()): FakeTeamSync {
  let status: TeamStatus = { ...UNLINKED };
  let online = true;
  let conflicts: SyncConflict[] = [];
  let quarantined: QuarantinedDocument[] = [];
  let holdAt: number | null = null;
  let live = false;
  const calls: string[] = [];
  const listeners = new Set<(status: TeamStatus) => void>();
  const arrivalListeners = new Set<(documentIds: string[] | 'all') => void>();
  const set = (patch: Partial<TeamStatus>) => {
    status = { ...status, ...patch, conflicts: conflicts.length, quarantined: quarantined.length };
    for (const listener of listeners) listener(status);
    return status;
  };
  const synced = () => set({ state: 'synced', lastSyncedAt: clock().toISOString(), waiting: 0, progress: null, message: null });
  const requireLinked = () => {
    if (status.state === 'unlinked') throw refusal('This workspace is not linked to a team database: link it in the Team view first.');
  };

  return {
    calls,
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onArrived(listener) {
      arrivalListeners.add(listener);
      return () => void arrivalListeners.delete(listener);
    },
    arrive(documentIds) {
      for (const listener of arrivalListeners) listener(documentIds);
    },
    async link(args: LinkTeamArgs) {
      calls.push('link');
      const problem = remoteAddressProblem(args.url, { allowInsecure: args.allowInsecure });
      if (problem) throw refusal(problem);
      if (args.url.trim().replace(/\/+$/, '') !== server.url) throw refusal(`No team database answers at ${args.url.trim()}: check the address, and that the server is running.`);
      if (server.users[args.username] !== args.password) throw refusal(`The server refused the password for ${args.username}: check it and link again.`);
      await credentials?.write({ username: args.username, password: args.password });
      conflicts = [...(server.conflicts ?? [])];
      quarantined = [...(server.quarantined ?? [])];
      const total = server.documents ?? 0;
      set({ state: 'first-replication', url: server.url, username: args.username, progress: { done: holdAt ?? 0, total }, message: null });
      if (holdAt === null) synced();
      return status;
    },
    async unlink() {
      calls.push('unlink');
      await credentials?.clear();
      conflicts = [];
      quarantined = [];
      return set({ ...UNLINKED });
    },
    async syncOnce(): Promise<SyncResult> {
      calls.push('syncOnce');
      requireLinked();
      if (!online) throw refusal(`The team database at ${status.url} cannot be reached: your changes wait here and go out when it is back.`);
      const pushed = status.waiting;
      synced();
      return { pushed, pulled: 0, conflicts: conflicts.length };
    },
    startLive() {
      live = true;
    },
    async stop() {
      live = false;
      listeners.clear();
    },
    async conflicts() {
      calls.push('conflicts');
      return structuredClone(conflicts);
    },
    async resolve(id, keepRev) {
      calls.push(`resolve ${id} ${keepRev}`);
      requireLinked();
      const conflict = conflicts.find((c) => c.id === id);
      if (!conflict) throw refusal('That conflict was settled already (on this machine or another): the list is up to date now.');
      if (!conflict.versions.some((v) => v.rev === keepRev)) throw refusal('That version is not one of the conflict’s: choose one of those listed.');
      conflicts = conflicts.filter((c) => c.id !== id);
      return set({});
    },
    async quarantined() {
      calls.push('quarantined');
      return structuredClone(quarantined);
    },
    setOnline(value) {
      online = value;
      if (status.state === 'unlinked') return;
      if (!value) set({ state: 'offline' });
      else if (live || status.waiting === 0) synced();
    },
    changeLocally() {
      if (status.state === 'unlinked') return;
      set({ waiting: status.waiting + 1, ...(online && { state: 'syncing' as const }) });
    },
    holdFirstSyncAt(done) {
      holdAt = done;
    },
    finishFirstSync() {
      holdAt = null;
      if (status.state === 'first-replication') synced();
    },
  };
}

/** Two editors set different verdicts on one claim while offline: what the engine lists. */
export const VERDICT_CONFLICT: SyncConflict = {
  id: 'highlight:doc-1:claim-1',
  kind: 'highlight',
  documentId: 'doc-1',
  annotationId: 'claim-1',
  speakerId: null,
  summary: 'Claim in “Budget story”: the verdict changed on both sides',
  fields: ['status'],
  versions: [
    { rev: '2-aaa', by: 'Ben', at: '2025-03-01T09:15:00.000Z', values: { status: 'False' } },
    { rev: '2-bbb', by: 'Ana', at: '2025-03-01T09:20:00.000Z', values: { status: 'Mostly true' } },
  ],
};

/**
 * The team methods as the in-memory client answers them: onto the engine like the host's
 * team-handlers.ts (which bundles Node code, so the browser-bundled memory client cannot import it).
 */
export function teamClientMethods(engine: TeamSyncEngine | undefined, passwordKept: string | null = null) {
  const run = async <T>(work: (engine: TeamSyncEngine) => Promise<T> | T): Promise<T> => {
    if (!engine) throw new ApiError('unsupported', 'This in-memory workspace has no team sync here.');
    return work(engine);
  };
  // The host's own numbered feeds (team-handlers.ts), waiting here at most 2 s.
  const statusFeed = new ChangeFeed<null>(2000, 1);
  engine?.onStatus(() => statusFeed.note(null));
  const arrivals = new ChangeFeed<string[] | 'all'>(2000);
  engine?.onArrived((documentIds) => arrivals.note(documentIds));
  return {
    waitTeamArrivals: async (args?: { after?: number }) =>
      run(async () => {
        const after = args?.after;
        if (after === undefined) return { version: arrivals.current, documentIds: [] as string[] | null };
        const { version, items } = await arrivals.after(after);
        return { version, documentIds: items === null || items.includes('all') ? null : [...new Set((items as string[][]).flat())] };
      }),
    getTeamStatus: async (args?: { changedAfter?: number }) =>
      run(async (e) => {
        const after = args?.changedAfter;
        const version = after === undefined ? statusFeed.current : (await statusFeed.after(after)).version;
        return { ...e.status(), passwordKept: e.status().state === 'unlinked' ? null : passwordKept, version };
      }),
    linkTeam: async (args: LinkTeamArgs) => run((e) => e.link(args)),
    unlinkTeam: async (_args?: unknown) => run((e) => e.unlink()),
    syncTeamNow: async (_args?: unknown) => run((e) => e.syncOnce()),
    listSyncConflicts: async (_args?: unknown) => run((e) => e.conflicts()),
    resolveSyncConflict: async (args: { id: string; keepRev: string }) => run((e) => e.resolve(args.id, args.keepRev)),
    listQuarantined: async (_args?: unknown) => run((e) => e.quarantined()),
  };
}
