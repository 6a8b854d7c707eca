// A CouchDB-protocol server for tests: pouchdb-server, in memory, on 127.0.0.1 and a free port,
// run as a child process and stopped by its own pid. Its config and log go to a temp folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/.bin/pouchdb-server');

export interface CouchServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  port: number;
  /** Creates a database (PUT /<name>), as an admin when one was added. */
  createDatabase(name: string): Promise<void>;
  /** Adds a server admin (PUT /_config/admins/<name>): wrong passwords then get 401. */
  addAdmin(name: string, password: string): Promise<void>;
  /** Kills the server (its data is gone: it is in memory); restart() may bring it back. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty, unless the caller puts data back). */
  restart(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('pouchdb-server did not answer within 30 s');
}

export async function startCouchServer(options: { port?: number } = {}): Promise<CouchServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-couch-'));
  let admin: { name: string; password: string } | null = null;
  let child: ChildProcess | null = null;
  const authHeader = (): Record<string, string> => (admin ? { authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` } : {});

  const start = async () => {
    // stop() took the folder away; a restart after it (the server back after an outage) makes it again.
    await fs.mkdir(workDir, { recursive: true });
    child = spawn(BIN, ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: workDir, stdio: 'ignore' });
    await waitUntilUp(url, child);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    process.kill(running.pid, 'SIGKILL');
    await exited;
  };
  await start();
  return {
    url,
    port,
    async createDatabase(name) {
      const response = await fetch(`${url}/${name}`, { method: 'PUT', headers: authHeader() });
      if (!response.ok && response.status !== 412) throw new Error(`creating ${name}: ${response.status}`);
    },
    async addAdmin(name, password) {
      const response = await fetch(`${url}/_config/admins/${name}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...authHeader() }, body: JSON.stringify(password) });
      if (!response.ok) throw new Error(`adding admin ${name}: ${response.status}`);
      admin = { name, password };
    },
    async stop() {
      await kill();
      await fs.rm(workDir, { recursive: true, force: true });
    },
    async restart() {
      await kill();
      admin = null;
      await start();
    },
  };
}
