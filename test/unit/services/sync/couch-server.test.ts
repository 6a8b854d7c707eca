// The test server helper: answers like CouchDB, refuses a wrong password once an admin exists,
// and comes back on the same port after a stop.
import { afterEach, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../../helpers/couch-server.js';

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
let server: CouchServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('couch-server helper', () => {
  it('answers like CouchDB, refuses a wrong password and restarts on the same port', async () => {
    server = await startCouchServer();
    // pouchdb-server greets as express-pouchdb, not as couchdb (the engine accepts both).
    expect(((await (await fetch(`${server.url}/`)).json()) as Record<string, string>)['express-pouchdb']).toBe('Welcome!');
    await server.createDatabase('team');
    await server.addAdmin('ed', 'secret');
    expect((await fetch(`${server.url}/team`, { headers: basic('ed', 'wrong') })).status).toBe(401);
    expect((await fetch(`${server.url}/team`, { headers: basic('ed', 'secret') })).status).toBe(200);
    expect((await fetch(`${server.url}/nope`, { headers: basic('ed', 'secret') })).status).toBe(404);
    await server.restart();
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/team`)).status).toBe(404);
  });
});
