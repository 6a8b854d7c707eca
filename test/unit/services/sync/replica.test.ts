// The team's database as the engine opens it: PouchDB's replicator asks info() for progress and
// never handles a refusal, so info() answers what it last knew instead of rejecting.
import { describe, expect, it } from 'vitest';
import { keepLastInfo, openTeamDatabase } from '../../../../electron/services/sync/replica.js';
import { freePort, startCouchServer } from '../../../helpers/couch-server.js';

describe('the team database’s info()', () => {
  it('answers the last info it had once the server is gone, and never rejects', async () => {
    const server = await startCouchServer();
    try {
      await server.createDatabase('newsroom');
      const db = openTeamDatabase(`${server.url}/newsroom`, { username: 'x', password: 'y' });
      const first = await db.info();
      expect(Object.keys(first).length).toBeGreaterThan(0);
      await server.stop();
      await expect(db.info()).resolves.toEqual(first);
    } finally {
      await server.stop();
    }
  });

  it('answers an empty info for a server never reached, where plain PouchDB rejects', async () => {
    const url = `http://127.0.0.1:${await freePort()}/nothing`;
    await expect(openTeamDatabase(url, { username: 'x', password: 'y' }).info()).resolves.toEqual({});
    const plain = keepLastInfo({ info: () => Promise.reject(new Error('gone')) });
    await expect(plain.info()).resolves.toEqual({});
  });

  it('leaves callback-style calls as they were (PouchDB’s own uses)', async () => {
    const db = keepLastInfo({ info: (callback: (error: Error | null) => void) => callback(new Error('refused')) });
    const error = await new Promise((resolve) => db.info((e: Error | null) => resolve(e)));
    expect((error as Error).message).toBe('refused');
  });
});
