// The team methods over the contract: without an engine each says so; with one, the password
// given to linkTeam never comes back, in a result or an error (nor in the host's log).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamStatus } from '../../../electron/contract/api.js';
import { dispatchApiCall, type ApiResponse } from '../../../electron/services/handlers/api-dispatcher.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../electron/services/handlers/api-handlers.js';
import type { TeamSyncEngine } from '../../../electron/services/sync/team-sync-api.js';
import { VERDICT_CONFLICT, createFakeTeamSync } from '../../helpers/fake-team-sync.js';
import { useWorkspaces } from '../../helpers/workspace.js';

const ws = useWorkspaces();
const PASSWORD = 'hunter2-very-secret';
const SERVER = { url: 'https://couch.example.org/newsroom', users: { ben: PASSWORD }, conflicts: [VERDICT_CONFLICT] };
const TEAM_METHODS = ['getTeamStatus', 'linkTeam', 'unlinkTeam', 'syncTeamNow', 'listSyncConflicts', 'resolveSyncConflict', 'listQuarantined'] as const;
const ARGS: Record<(typeof TEAM_METHODS)[number], unknown> = {
  getTeamStatus: {},
  linkTeam: { url: SERVER.url, username: 'ben', password: PASSWORD },
  unlinkTeam: {},
  syncTeamNow: {},
  listSyncConflicts: {},
  resolveSyncConflict: { id: VERDICT_CONFLICT.id, keepRev: '2-aaa' },
  listQuarantined: {},
};

async function handlersWith(team?: TeamSyncEngine) {
  const service = await ws.openService(await ws.tempDir('team-handlers-'));
  const handlers = createApiHandlers(service, browserHostOnlyMethods, team, { passwordKept: 'Kept in a file only you can read.' });
  return (method: string, args: unknown) => dispatchApiCall(handlers, method, args);
}

afterEach(() => vi.restoreAllMocks());

describe('team methods on a host without team sync', () => {
  it.each(TEAM_METHODS.map((m) => [m]))('%s says in words that this host has no team sync', async (method) => {
    const call = await handlersWith();
    const response = await call(method, ARGS[method]);
    expect(response).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/has no team sync here/) } });
    expect(JSON.stringify(response)).not.toContain(PASSWORD);
  });
});

describe('team methods onto the engine', () => {
  it('links, lists the conflict, keeps a version, unlinks, and no answer ever holds the password', async () => {
    const call = await handlersWith(createFakeTeamSync(SERVER));
    const answers: ApiResponse[] = [];
    const ok = async (method: string, args: unknown) => {
      const response = await call(method, args);
      answers.push(response);
      expect(response.ok, JSON.stringify(response)).toBe(true);
      return (response as { result: unknown }).result;
    };
    expect(await ok('getTeamStatus', {})).toMatchObject({ state: 'unlinked', passwordKept: null });
    expect(await ok('linkTeam', ARGS.linkTeam)).toMatchObject({ state: 'synced', url: SERVER.url, username: 'ben', conflicts: 1 });
    expect(await ok('getTeamStatus', {})).toMatchObject({ state: 'synced', passwordKept: 'Kept in a file only you can read.' });
    expect(await ok('listSyncConflicts', {})).toEqual([VERDICT_CONFLICT]);
    expect(await ok('resolveSyncConflict', ARGS.resolveSyncConflict)).toMatchObject({ conflicts: 0 });
    expect(await ok('syncTeamNow', {})).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    expect(await ok('listQuarantined', {})).toEqual([]);
    expect(await ok('unlinkTeam', {})).toMatchObject({ state: 'unlinked', url: null });
    expect(JSON.stringify(answers)).not.toContain(PASSWORD);
  });

  it('a wrong password is refused in words that do not repeat it', async () => {
    const call = await handlersWith(createFakeTeamSync(SERVER));
    const response = await call('linkTeam', { ...(ARGS.linkTeam as object), password: 'wrong-password-123' });
    expect(response).toMatchObject({ ok: false, error: { message: 'The server refused the password for ben: check it and link again.' } });
    expect(JSON.stringify(response)).not.toContain('wrong-password-123');
  });

  it('scrubs the password from an engine’s error, its log line and its status, even inside an address', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let status: TeamStatus = { state: 'unlinked', url: null, username: null, lastSyncedAt: null, waiting: 0, conflicts: 0, quarantined: 0, progress: null, message: null };
    // An engine careless with the password: it repeats it everywhere it can.
    const leaky = {
      ...createFakeTeamSync(SERVER),
      status: () => status,
      async link(args: { url: string; password: string }) {
        status = { ...status, state: 'error', url: `https://ben:${args.password}@couch.example.org/newsroom`, message: `login failed with ${args.password}` };
        throw new Error(`fetch https://ben:${args.password}@couch.example.org/newsroom failed: password ${args.password} refused`);
      },
      async syncOnce(): Promise<never> {
        throw new Error(`socket hang up for https://ben:other-secret@couch.example.org/newsroom (${PASSWORD})`);
      },
    } as unknown as TeamSyncEngine;
    const call = await handlersWith(leaky);
    const linked = await call('linkTeam', ARGS.linkTeam);
    expect(linked.ok).toBe(false);
    const synced = await call('syncTeamNow', {});
    expect(synced.ok).toBe(false);
    const now = await call('getTeamStatus', {});
    expect(now).toMatchObject({ ok: true, result: { url: 'https://couch.example.org/newsroom' } });
    const everything = JSON.stringify([linked, synced, now, log.mock.calls.map((args) => args.map(String))]);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('other-secret');
    expect(everything).toContain('https://couch.example.org/newsroom failed');
  });
});

describe('the live team status', () => {
  it('answers an ask after the version in hand at the next change, and as it is when nothing changes', async () => {
    const fake = createFakeTeamSync(SERVER);
    const service = await ws.openService(await ws.tempDir('team-live-'));
    const handlers = createApiHandlers(service, browserHostOnlyMethods, fake, { statusWaitMs: 300 });
    const call = (args: unknown) => dispatchApiCall(handlers, 'getTeamStatus', args) as Promise<{ ok: true; result: TeamStatus & { version: number } }>;
    const first = (await call({})).result;
    let answered: (TeamStatus & { version: number }) | null = null;
    const waiting = call({ changedAfter: first.version }).then((r) => (answered = r.result));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBeNull();
    await fake.link({ url: SERVER.url, username: 'ben', password: PASSWORD });
    await waiting;
    expect(answered!.version).toBeGreaterThan(first.version);
    expect(answered!.state).toBe('synced');
    // Nothing changes: the ask is answered as it is once the wait is over, with the same version.
    const quiet = (await call({ changedAfter: answered!.version })).result;
    expect(quiet.version).toBe(answered!.version);
    // An ask after a version this host never gave (it restarted) is answered at once.
    expect((await call({ changedAfter: answered!.version + 100 })).result.version).toBe(answered!.version);
  });
});

describe('the team’s arrivals in open windows', () => {
  it('tells a window asking after its version which documents the team changed, waiting for them', async () => {
    const fake = createFakeTeamSync(SERVER);
    const service = await ws.openService(await ws.tempDir('team-arrivals-'));
    const handlers = createApiHandlers(service, browserHostOnlyMethods, fake, { statusWaitMs: 300 });
    const call = async (args: unknown) => ((await dispatchApiCall(handlers, 'waitTeamArrivals', args)) as { ok: true; result: { version: number; documentIds: string[] | null } }).result;
    const { version } = await call({});
    const asked = call({ after: version });
    fake.arrive(['doc-1']);
    expect(await asked).toEqual({ version: version + 1, documentIds: ['doc-1'] });
    fake.arrive(['doc-2', 'doc-1']);
    expect(await call({ after: version })).toEqual({ version: version + 2, documentIds: ['doc-1', 'doc-2'] });
    // A speaker or a label from the team touches every document.
    fake.arrive('all');
    expect(await call({ after: version + 2 })).toEqual({ version: version + 3, documentIds: null });
    // Nothing more: answered empty once the wait is over.
    expect(await call({ after: version + 3 })).toEqual({ version: version + 3, documentIds: [] });
  });
});
