// The team sync methods, onto the engine (services/sync/team-sync.ts) when the host has one.
// A password given to linkTeam never comes back: not in a result, not in an error.
import { ApiError, type ApiResult, type LinkTeamArgs, type TeamStatus } from '../../contract/api.js';
import { toApiError } from '../api-errors.js';
import type { TeamSyncEngine } from '../sync/team-sync-api.js';
import { ChangeFeed } from './change-feed.js';

type Result<M extends 'getTeamStatus' | 'waitTeamArrivals' | 'unlinkTeam' | 'syncTeamNow' | 'listSyncConflicts' | 'listQuarantined'> = (args?: unknown) => Promise<ApiResult<M>>;
/** The team methods, as api-handlers.ts's ApiHandlers has them (the compiler checks they fit). */
export interface TeamHandlers {
  getTeamStatus: Result<'getTeamStatus'>;
  waitTeamArrivals: Result<'waitTeamArrivals'>;
  linkTeam(args: LinkTeamArgs): Promise<TeamStatus>;
  unlinkTeam: Result<'unlinkTeam'>;
  syncTeamNow: Result<'syncTeamNow'>;
  listSyncConflicts: Result<'listSyncConflicts'>;
  resolveSyncConflict(args: { id: string; keepRev: string }): Promise<TeamStatus>;
  listQuarantined: Result<'listQuarantined'>;
}

export interface TeamOptions {
  /** How this host keeps the password, in words for the Team view (see credentials.ts). */
  passwordKept?: string;
  /** How long getTeamStatus({ changedAfter }) waits for a change before answering as it is. */
  statusWaitMs?: number;
}

const STATUS_WAIT_MS = 20_000;

const NO_TEAM_SYNC =
  'This copy of Newsroom Annotator has no team sync here. Link the workspace from the desktop app or `npm run serve`, or run `annotator sync --store DIR --remote URL`.';

/** A user name and password inside an address: "https://ben:pw@host" -> "https://host". */
const withoutUserInfo = (text: string) => text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1');

export function createTeamHandlers(engine: TeamSyncEngine | undefined, options: TeamOptions = {}): TeamHandlers {
  // Every password this process was given: none may leave it, whatever the engine says.
  const secrets = new Set<string>();
  const scrub = (text: string) => {
    let out = withoutUserInfo(text);
    for (const secret of secrets) out = out.split(secret).join('•••');
    return out;
  };
  const cleanStatus = <T extends TeamStatus>(status: T): T => ({
    ...status,
    url: status.url === null ? null : scrub(status.url),
    message: status.message === null ? null : scrub(status.message),
  });
  const run = async <T>(work: (engine: TeamSyncEngine) => Promise<T>): Promise<T> => {
    if (!engine) throw new ApiError('unsupported', NO_TEAM_SYNC);
    try {
      return await work(engine);
    } catch (error) {
      const { code, message } = toApiError(error);
      // Rethrown scrubbed, so neither the window nor the dispatcher's log sees the raw error.
      throw new ApiError(code, scrub(message));
    }
  };
  // Each status change the engine reports is a new version; a window asking after the one it holds waits for the next.
  const statusFeed = new ChangeFeed<null>(options.statusWaitMs ?? STATUS_WAIT_MS, 1);
  engine?.onStatus(() => statusFeed.note(null));
  // Changes the team's database brought into this workspace, by document: open windows show them.
  const arrivals = new ChangeFeed<string[] | 'all'>(options.statusWaitMs ?? STATUS_WAIT_MS);
  engine?.onArrived((documentIds) => arrivals.note(documentIds));
  return {
    getTeamStatus: async (args) =>
      run(async (engine) => {
        const after = (args as { changedAfter?: number } | undefined)?.changedAfter;
        const version = after === undefined ? statusFeed.current : (await statusFeed.after(after)).version;
        const status = cleanStatus(engine.status());
        return { ...status, passwordKept: status.state === 'unlinked' ? null : (options.passwordKept ?? null), version };
      }),
    waitTeamArrivals: async (args) =>
      run(async () => {
        const after = (args as { after?: number } | undefined)?.after;
        if (after === undefined) return { version: arrivals.current, documentIds: [] };
        const { version, items } = await arrivals.after(after);
        if (items === null || items.includes('all')) return { version, documentIds: null };
        return { version, documentIds: [...new Set((items as string[][]).flat())] };
      }),
    linkTeam: async (args) => {
      if (args.password) secrets.add(args.password);
      return run(async (engine) => cleanStatus(await engine.link(args)));
    },
    unlinkTeam: async () => run(async (engine) => cleanStatus(await engine.unlink())),
    syncTeamNow: async () => run((engine) => engine.syncOnce()),
    listSyncConflicts: async () => run((engine) => engine.conflicts()),
    resolveSyncConflict: async (args) => run(async (engine) => cleanStatus(await engine.resolve(args.id, args.keepRev))),
    listQuarantined: async () => run((engine) => engine.quarantined()),
  };
}
