import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, acquireWorkspaceLock, type LockInfo } from '../../../electron/services/workspace-lock.js';
import { bundleForNode } from '../../helpers/bundle.js';
import { exists, useTempDirs } from '../../helpers/temp-dirs.js';
import { expectApiError } from '../../helpers/workspace.js';

const tempDir = useTempDirs();
let bundle: Awaited<ReturnType<typeof bundleForNode>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  bundle = await bundleForNode(path.resolve('electron/services/workspace-lock.ts'));
});
afterAll(async () => {
  await bundle.cleanup();
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A second process that takes the lock with the real code, says "held", and stays (or exits when `exit`). */
function holdInChild(dir: string, host: string, exit = false): Promise<{ child: ChildProcess; output: Promise<string> }> {
  const script =
    `const { acquireWorkspaceLock } = await import(${JSON.stringify(bundle.file)});` +
    `try { await acquireWorkspaceLock(${JSON.stringify(dir)}, ${JSON.stringify(host)}); console.log('held'); }` +
    `catch (error) { console.log('refused: ' + error.code + ': ' + error.message); process.exit(3); }` +
    (exit ? '' : 'setInterval(() => {}, 1000);');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let text = '';
  child.stdout!.setEncoding('utf8');
  const output = new Promise<string>((resolve) => child.on('close', () => resolve(text)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve({ child, output });
    });
    child.on('error', reject);
    child.on('close', () => resolve({ child, output }));
  });
}

const readLock = async (dir: string) => JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockInfo;

describe('acquireWorkspaceLock', () => {
  it('writes workspace.lock with pid, hostname, host kind and start time, and release removes it', async () => {
    const dir = await tempDir();
    const lock = await acquireWorkspaceLock(dir, 'cli');
    const info = await readLock(dir);
    expect(info).toEqual({ pid: process.pid, hostname: os.hostname(), host: 'cli', startedAt: lock.info.startedAt });
    expect(Number.isNaN(Date.parse(info.startedAt))).toBe(false);
    await lock.release();
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(false);
    await lock.release();
  });

  it('refuses a second writer while another live process holds the lock, naming it in words', async () => {
    const dir = await tempDir();
    const { child } = await holdInChild(dir, 'electron');
    expect((await readLock(dir)).pid).toBe(child.pid);
    const error = await expectApiError(acquireWorkspaceLock(dir, 'browser'), 'workspace-in-use');
    expect(error.message).toMatch(
      new RegExp(`^This workspace is open in another Newsroom Annotator \\(the desktop app, process ${child.pid}, since \\d\\d:\\d\\d\\)\\. Close it there, or choose another workspace folder\\.$`),
    );
    // The holder's lock is untouched.
    expect((await readLock(dir)).pid).toBe(child.pid);
  });

  it('a second process is refused while this one holds the lock', async () => {
    const dir = await tempDir();
    const lock = await acquireWorkspaceLock(dir, 'browser');
    const { output } = await holdInChild(dir, 'cli', true);
    expect(await output).toMatch(new RegExp(`^refused: workspace-in-use: .*the browser version, npm run serve, process ${process.pid}`));
    await lock.release();
  });

  it('takes over a lock whose process has died (a crash)', async () => {
    const dir = await tempDir();
    const { child } = await holdInChild(dir, 'electron');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // SIGKILL runs no exit handler: the lock is still there, stale.
    expect((await readLock(dir)).pid).toBe(child.pid);
    const lock = await acquireWorkspaceLock(dir, 'cli');
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, host: 'cli' });
    await lock.release();
  });

  it('is released when the holder exits normally, without calling release', async () => {
    const dir = await tempDir();
    const { output } = await holdInChild(dir, 'cli', true);
    expect(await output).toBe('held\n');
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a lock held on another computer, saying how to clear it', async () => {
    const dir = await tempDir();
    const foreign: LockInfo = { pid: 1, hostname: `${os.hostname()}-elsewhere`, host: 'electron', startedAt: new Date().toISOString() };
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(foreign));
    const error = await expectApiError(acquireWorkspaceLock(dir, 'cli'), 'workspace-in-use', /on another computer/);
    expect(error.message).toContain(path.join(dir, LOCK_FILE));
    expect(await readLock(dir)).toEqual(foreign);
  });

  it('takes over an unreadable lock file left by a crash (older than a moment)', async () => {
    const dir = await tempDir();
    const lockPath = path.join(dir, LOCK_FILE);
    await fs.writeFile(lockPath, '');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockPath, old, old);
    const lock = await acquireWorkspaceLock(dir, 'cli');
    expect((await readLock(dir)).pid).toBe(process.pid);
    await lock.release();
  });

  it('release leaves a lock that is no longer ours alone', async () => {
    const dir = await tempDir();
    const lock = await acquireWorkspaceLock(dir, 'cli');
    const other: LockInfo = { pid: process.pid, hostname: os.hostname(), host: 'electron', startedAt: '2020-01-01T00:00:00.000Z' };
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(other));
    await lock.release();
    expect(await readLock(dir)).toEqual(other);
  });
});
