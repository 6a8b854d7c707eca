// `annotator sync`: exit codes, the --json shape, credentials never printed, and a kill of a
// child `annotator sync` mid-run followed by another sync: nothing lost, nothing doubled.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../../electron/services/store/workspace-store.js';
import { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { bundleForNode } from '../../../helpers/bundle.js';
import { startCouchServer, type CouchServer } from '../../../helpers/couch-server.js';
import { runCli } from '../../../../electron/hosts/cli/main.js';
import { NO_APP_CONFIG, run } from '../../../helpers/run-cli.js';
import { exists } from '../../../helpers/temp-dirs.js';
import { createChange, importText, useWorkspaces } from '../../../helpers/workspace.js';

const { tempDir } = useWorkspaces();
let server: CouchServer | null = null;
let cli: { file: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  cli = await bundleForNode(path.resolve('electron/hosts/cli/bin.ts'));
});
afterAll(() => cli.cleanup());
afterEach(async () => {
  await server?.stop();
  server = null;
});

const env = (password = 'pw') => ({ XDG_CONFIG_HOME: NO_APP_CONFIG, APPDATA: NO_APP_CONFIG, ANNOTATOR_SYNC_USER: 'ed', ANNOTATOR_SYNC_PASSWORD: password });

async function workspaceWith(highlights: number) {
  const dir = await tempDir('annotator-cli-sync-');
  const store = await WorkspaceStore.open(dir);
  const service = new AnnotatorService(store, 'browser');
  const text = Array.from({ length: highlights + 1 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
  const doc = await importText(service, 'many.txt', text);
  const changes = [];
  for (let i = 0; i < highlights; i++) changes.push(createChange(doc.id, `h${i}`, i * 28, i * 28 + 8));
  await service.applyChanges(changes);
  await store.flush();
  return { dir, documentId: doc.id };
}

async function countHighlights(on: CouchServer, user: string, password: string): Promise<number> {
  const auth = { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
  const all = (await (await fetch(`${on.url}/newsroom/_all_docs`, { headers: auth })).json()) as { rows: { id: string }[] };
  return all.rows.filter((row) => row.id.startsWith('highlight:')).length;
}
const countOnServer = () => countHighlights(server!, 'ed', 'pw');

describe('annotator sync', () => {
  it('prints {"pushed","pulled","conflicts"} with --json, remembers the link, and never prints the password', async () => {
    server = await startCouchServer();
    await server.createDatabase('newsroom');
    await server.addAdmin('ed', 'pw');
    const { dir } = await workspaceWith(3);
    const first = await run(['sync', '--store', dir, '--remote', `${server.url}/newsroom`, '--json'], dir, env());
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.out) as Record<string, number>;
    expect(Object.keys(result).sort()).toEqual(['conflicts', 'pulled', 'pushed']);
    expect(result.pushed).toBeGreaterThan(3);
    expect(await countOnServer()).toBe(3);
    // Remembered: --remote may be left out; credentials in the address are taken and stripped.
    const again = await run(['sync', '--store', dir, '--json'], dir, env());
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    const embedded = await run(['sync', '--store', dir, '--remote', `http://ed:pw@127.0.0.1:${server.port}/newsroom`], dir, { XDG_CONFIG_HOME: NO_APP_CONFIG });
    expect(embedded.code).toBe(0);
    expect(embedded.out).not.toContain('ed:pw');
  });

  it('at a terminal, asks for the user name and the password (hidden) the environment did not give, and never prints it', async () => {
    server = await startCouchServer();
    await server.createDatabase('newsroom');
    await server.addAdmin('ed', 'prompted-secret-7');
    const { dir } = await workspaceWith(2);
    let out = '';
    let err = '';
    const asked: { question: string; hidden: boolean }[] = [];
    const answers = ['ed', 'prompted-secret-7'];
    const code = await runCli(['sync', '--store', dir, '--remote', `${server.url}/newsroom`, '--json'], {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      cwd: dir,
      env: { XDG_CONFIG_HOME: NO_APP_CONFIG, APPDATA: NO_APP_CONFIG },
      ask: async (question, options) => (asked.push({ question, hidden: options?.hidden === true }), answers.shift() ?? ''),
    });
    expect(code).toBe(0);
    expect(asked).toEqual([
      { question: 'User name: ', hidden: false },
      { question: 'Password for ed: ', hidden: true },
    ]);
    expect(await countHighlights(server, 'ed', 'prompted-secret-7')).toBe(2);
    expect(out + err).not.toContain('prompted-secret-7');
    // With no one at a terminal to ask, it says where the credentials come from.
    const script = await run(['sync', '--store', dir, '--remote', `${server.url}/newsroom`], dir);
    expect(script.code).toBe(2);
    expect(script.err).toMatch(/ANNOTATOR_SYNC_USER and ANNOTATOR_SYNC_PASSWORD/);
  });

  it('exits 1 with words for a wrong password, a missing database and a server that is gone; 2 without --remote', async () => {
    server = await startCouchServer();
    await server.createDatabase('newsroom');
    await server.addAdmin('ed', 'pw');
    const { dir } = await workspaceWith(1);
    const wrong = await run(['sync', '--store', dir, '--remote', `${server.url}/newsroom`], dir, env('s3cret-wrong'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/refused that user name or password/);
    expect(wrong.out + wrong.err).not.toContain('s3cret-wrong');
    const missing = await run(['sync', '--store', dir, '--remote', `${server.url}/elsewhere`], dir, env());
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No database elsewhere/);
    expect((await run(['sync', '--store', dir], dir, env())).code).toBe(2);
    const port = server.port;
    await server.stop();
    server = null;
    const gone = await run(['sync', '--store', dir, '--remote', `http://127.0.0.1:${port}/newsroom`], dir, env('unprintable-pw'));
    expect(gone.code).toBe(1);
    expect(gone.err).toMatch(/cannot be reached/);
    expect(gone.out + gone.err).not.toContain('unprintable-pw');
  });

  it('a child killed mid-sync, then a sync again: every highlight on the server once, the workspace whole', async () => {
    server = await startCouchServer();
    await server.createDatabase('newsroom');
    await server.addAdmin('ed', 'pw');
    const { dir } = await workspaceWith(400);
    const child = spawn(process.execPath, [cli.file, 'sync', '--store', dir, '--remote', `${server.url}/newsroom`], { env: { ...process.env, ...env() }, stdio: 'ignore' });
    // Killed once its replica exists, mid-way.
    for (let i = 0; i < 200 && !(await exists(path.join(dir, 'sync', 'replica'))); i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const again = await run(['sync', '--store', dir, '--remote', `${server.url}/newsroom`, '--json'], dir, env());
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    expect(await countOnServer()).toBe(400);
    const other = await tempDir('annotator-cli-sync-other-');
    expect((await run(['init', '--store', other], other, env())).code).toBe(0);
    expect((await run(['sync', '--store', other, '--remote', `${server.url}/newsroom`], other, env())).code).toBe(0);
    const store = await WorkspaceStore.open(other);
    const [doc] = store.data.documents;
    expect((await store.annotations(doc!)).length).toBe(400);
    expect((await run(['validate', '--store', other], other, env())).code).toBe(0);
  });
});
