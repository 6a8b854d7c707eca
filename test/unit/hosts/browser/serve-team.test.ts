// The browser host makes its team sync engine with the factory it is given: for this workspace,
// with the password in <workspace>/sync/credentials.json; it starts replicating and stops on quit.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startServing } from '../../../../electron/hosts/browser/serve.js';
import { TOKEN_HEADER } from '../../../../electron/hosts/browser/server.js';
import { credentialsFileOf } from '../../../../electron/services/sync/credentials.js';
import { createFakeTeamSync, type FakeTeamSync } from '../../../helpers/fake-team-sync.js';
import { useTempDirs } from '../../../helpers/temp-dirs.js';

const tempDir = useTempDirs();

describe('startServing with a team sync factory', () => {
  it('hands the engine this workspace and a 0600 credential store, serves its status, and stops it on quit', async () => {
    const dir = await tempDir();
    const site = await tempDir();
    await fs.writeFile(path.join(site, 'index.html'), '<!doctype html>');
    let engine: FakeTeamSync | undefined;
    const made: string[] = [];
    const serving = await startServing({ store: dir, port: 0, files: [] }, site, {
      createTeamSync: (service, credentials) => {
        made.push(service.store.dir);
        engine = createFakeTeamSync({ url: 'http://127.0.0.1:5984/news', users: { ben: 'pw' } }, credentials);
        vi.spyOn(engine, 'startLive');
        vi.spyOn(engine, 'stop');
        return engine;
      },
    });
    expect(serving).not.toBeNull();
    expect(made).toEqual([serving!.store.dir]);
    expect(engine!.startLive).toHaveBeenCalledTimes(1);
    const token = new URL(serving!.host.url).searchParams.get('token')!;
    const call = async (method: string, args: unknown) =>
      (await fetch(`http://127.0.0.1:${serving!.host.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(args) })).json();
    expect(await call('linkTeam', { url: 'http://127.0.0.1:5984/news', username: 'ben', password: 'pw' })).toMatchObject({ ok: true, result: { state: 'synced' } });
    if (process.platform !== 'win32') expect((await fs.stat(credentialsFileOf(serving!.store.dir))).mode & 0o777).toBe(0o600);
    expect(await call('getTeamStatus', {})).toMatchObject({ ok: true, result: { passwordKept: expect.stringMatching(/only your user account can read/) } });
    await serving!.stop();
    expect(engine!.stop).toHaveBeenCalledTimes(1);
  });
});
