import { spawn, type ChildProcess } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE, acquireWorkspaceLock, type LockInfo } from '../../../electron/services/store/workspace-lock.js';
import { bundleForNode } from '../../helpers/bundle.js';
import { exists, useTempDirs } from '../../helpers/temp-dirs.js';
import { expectApiError } from '../../helpers/workspace.js';

const tempDir = useTempDirs();
let bundle: Awaited<ReturnType<typeof bundleForNode>>;
const children: ChildProcess[] = [];

let bundleParent: string;

beforeAll(async () => {
  // The lock module imports no packages, so its bundle can live outside the project.
  bundleParent = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-lock-bundle-'));
  bundle = await bundleForNode(path.resolve('electron/services/store/workspace-lock.ts'), bundleParent);
});
afterAll(async () => {
  await bundle.cleanup();
  await fs.rm(bundleParent, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
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
  it('clears the lock’s temp files of starters killed mid-write, and leaves a running one’s', async () => {
    const dir = await tempDir('annotator-lock-');
    // A process that has ended: its pid names nobody now.
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => ended.on('close', resolve));
    const abandoned = path.join(dir, `${LOCK_FILE}.${ended.pid}.a381a1ec231d.tmp`);
    const running = path.join(dir, `${LOCK_FILE}.${process.ppid}.0123456789ab.tmp`);
    await fs.writeFile(abandoned, '{}');
    await fs.writeFile(running, '{}');
    const lock = await acquireWorkspaceLock(dir, 'cli');
    expect(await exists(abandoned)).toBe(false);
    expect(await exists(running)).toBe(true);
    await lock.release();
  });

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

  it('takes over an empty lock left just now by a start on a full disk', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, LOCK_FILE), '');
    const lock = await acquireWorkspaceLock(dir, 'electron');
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, host: 'electron' });
    // Nothing is left beside it: no temporary copy, no takeover claim.
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
    await lock.release();
  });

  it('takes over a lock cut short in the middle of its JSON', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, LOCK_FILE), '{\n  "pid": 12');
    const lock = await acquireWorkspaceLock(dir, 'cli');
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, host: 'cli' });
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
    await lock.release();
  });

  it('waits for a lock that is being written this moment, then names who holds it', async () => {
    const dir = await tempDir();
    const { child } = await holdInChild(await tempDir(), 'browser');
    const lockPath = path.join(dir, LOCK_FILE);
    await fs.writeFile(lockPath, '');
    const attempt = acquireWorkspaceLock(dir, 'cli');
    const holder: LockInfo = { pid: child.pid!, hostname: os.hostname(), host: 'browser', startedAt: new Date().toISOString() };
    await fs.writeFile(lockPath, JSON.stringify(holder));
    const error = await expectApiError(attempt, 'workspace-in-use');
    expect(error.message).toContain(`the browser version, npm run serve, process ${child.pid}`);
    expect(await readLock(dir)).toEqual(holder);
  });
});

/** Makes the next writes of the lock module fail with `code`, after writing part of the file. */
function failWrites(code: string) {
  const real = fs.writeFile.bind(fs);
  return vi.spyOn(nodeFs.promises, 'writeFile').mockImplementation(async (file, data) => {
    await real(file as string, String(data).slice(0, 10));
    throw Object.assign(new Error(`${code}: injected, write '${String(file)}'`), { code });
  });
}

describe('acquireWorkspaceLock when the lock cannot be written', () => {
  it.each([
    ['ENOSPC', /could not write .*workspace\.lock: the disk is full\. Free some space on that disk, then start again\./],
    ['EACCES', /could not write .*workspace\.lock: no permission to write in .*\. Give yourself write access to that folder, or choose another workspace folder\./],
  ])('on %s removes what it wrote and says plainly what is wrong and what to do', async (code, message) => {
    const dir = await tempDir();
    failWrites(code);
    const error = await expectApiError(acquireWorkspaceLock(dir, 'electron'), 'store-error', message);
    expect(error.message).toContain(path.join(dir, LOCK_FILE));
    expect(await fs.readdir(dir)).toEqual([]);
    vi.restoreAllMocks();
    // The next start, with space again, simply takes the lock.
    const lock = await acquireWorkspaceLock(dir, 'electron');
    expect((await readLock(dir)).pid).toBe(process.pid);
    await lock.release();
  });

  it('on a disk without hard links creates the lock directly, and removes it if writing fails', async () => {
    const dir = await tempDir();
    vi.spyOn(nodeFs.promises, 'link').mockRejectedValue(Object.assign(new Error('EPERM: injected, link'), { code: 'EPERM' }));
    const lock = await acquireWorkspaceLock(dir, 'cli');
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, host: 'cli' });
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
    await lock.release();

    const realOpen = fs.open.bind(fs);
    vi.spyOn(nodeFs.promises, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      if (args[1] === 'wx') {
        handle.writeFile = async () => {
          throw Object.assign(new Error('ENOSPC: injected, write'), { code: 'ENOSPC' });
        };
      }
      return handle;
    });
    await expectApiError(acquireWorkspaceLock(dir, 'cli'), 'store-error', /the disk is full/);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

/** A script for a child process: waits for `go` to appear in `dir`, then tries to take the lock. */
function racerScript(dir: string): string {
  return (
    `const { existsSync } = await import('node:fs');` +
    `const { acquireWorkspaceLock } = await import(${JSON.stringify(bundle.file)});` +
    `console.log('ready');` +
    `while (!existsSync(${JSON.stringify(path.join(dir, 'go'))})) await new Promise((r) => setTimeout(r, 5));` +
    `try { await acquireWorkspaceLock(${JSON.stringify(dir)}, 'cli'); console.log('held ' + process.pid); }` +
    `catch (error) { console.log('refused: ' + error.code + ': ' + error.message); }` +
    // All stay alive until every racer has answered, so a second winner could not take a lock the first had let go.
    `while (!existsSync(${JSON.stringify(path.join(dir, 'done'))})) await new Promise((r) => setTimeout(r, 5));`
  );
}

describe('taking over a stale lock', () => {
  it('of N processes racing for the same dead lock, exactly one wins and the others are told who has it', async () => {
    const racers = 6;
    for (let round = 0; round < 4; round++) {
      const dir = await tempDir();
      const dead = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => dead.on('exit', resolve));
      const stale: LockInfo = { pid: dead.pid!, hostname: os.hostname(), host: 'electron', startedAt: new Date().toISOString() };
      await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(stale));

      const outputs = await Promise.all(
        Array.from({ length: racers }, async () => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', racerScript(dir)], { stdio: ['ignore', 'pipe', 'inherit'] });
          children.push(child);
          let text = '';
          child.stdout!.setEncoding('utf8');
          child.stdout!.on('data', (chunk: string) => (text += chunk));
          const line = (what: RegExp) => new Promise<void>((resolve) => child.stdout!.on('data', () => what.test(text) && resolve()));
          await line(/ready\n/);
          return { answered: line(/ready\n.+\n/).then(() => text), closed: new Promise((resolve) => child.on('close', resolve)) };
        }),
      );
      await fs.writeFile(path.join(dir, 'go'), '');
      const results = await Promise.all(outputs.map((o) => o.answered));
      await fs.writeFile(path.join(dir, 'done'), '');
      await Promise.all(outputs.map((o) => o.closed));

      const winners = results.filter((r) => r.includes('\nheld '));
      expect(winners, results.join('')).toHaveLength(1);
      const winnerPid = Number(/held (\d+)/.exec(winners[0]!)![1]);
      for (const result of results.filter((r) => !r.includes('\nheld '))) {
        expect(result).toMatch(new RegExp(`refused: workspace-in-use: This workspace is open in another Newsroom Annotator \\(the annotator command line, process ${winnerPid}, since`));
      }
      // The winner's exit released its lock; no claims or temporary copies are left behind.
      expect((await fs.readdir(dir)).sort()).toEqual(['done', 'go']);
    }
  });
});
