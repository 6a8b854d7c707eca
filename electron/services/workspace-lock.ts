// One writer per workspace: the app, the browser host and the writing CLI commands each hold
// workspace.lock while they run. Two writers would each keep the store in memory and save
// over one another's work; lowdb files have no merge.
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../contract/errors.js';

export const LOCK_FILE = 'workspace.lock';

export type LockHostKind = 'electron' | 'browser' | 'cli';

export interface LockInfo {
  pid: number;
  hostname: string;
  host: LockHostKind;
  startedAt: string;
}

export interface WorkspaceLock {
  readonly info: LockInfo;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

const HOST_NAMES: Record<LockHostKind, string> = {
  electron: 'the desktop app',
  browser: 'the browser version, npm run serve',
  cli: 'the annotator command line',
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function clock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function parseLock(text: string): LockInfo | null {
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    if (typeof data.pid === 'number' && typeof data.hostname === 'string' && typeof data.startedAt === 'string') {
      return { pid: data.pid, hostname: data.hostname, host: data.host ?? 'cli', startedAt: data.startedAt };
    }
  } catch {
    // Not a lock we can read.
  }
  return null;
}

/** The refusal a second writer gets, in words for the person who started it. */
export function workspaceInUseError(holder: LockInfo, lockPath: string): ApiError {
  const who = HOST_NAMES[holder.host] ?? holder.host;
  if (holder.hostname !== os.hostname()) {
    return new ApiError(
      'workspace-in-use',
      `This workspace is open in Newsroom Annotator on another computer (${holder.hostname}: ${who}, process ${holder.pid}, since ${clock(holder.startedAt)}). ` +
        `Close it there, or choose another workspace folder. If that computer no longer has it open, delete ${lockPath}.`,
    );
  }
  return new ApiError(
    'workspace-in-use',
    `This workspace is open in another Newsroom Annotator (${who}, process ${holder.pid}, since ${clock(holder.startedAt)}). Close it there, or choose another workspace folder.`,
  );
}

/**
 * Takes workspace.lock in `dir` (created if missing), or throws ApiError('workspace-in-use')
 * when a live process holds it. A lock left by a process that has died is taken over.
 */
export async function acquireWorkspaceLock(dir: string, host: LockHostKind): Promise<WorkspaceLock> {
  const resolved = path.resolve(dir);
  await fs.mkdir(resolved, { recursive: true });
  const lockPath = path.join(resolved, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), host, startedAt: new Date().toISOString() };
  const content = `${JSON.stringify(info, null, 2)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      // 'wx' creates the file only if it is not there: of two starting at once, one wins.
      await fs.writeFile(lockPath, content, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
    }
    const text = await fs.readFile(lockPath, 'utf8').catch(() => null);
    if (text === null) continue; // Released between our two calls: try again.
    const holder = parseLock(text);
    if (holder === null) {
      // Created but not yet written by a process starting right now, or left empty by a crash.
      const age = Date.now() - (await fs.stat(lockPath).then((s) => s.mtimeMs, () => 0));
      if (age < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
    } else if (holder.hostname !== info.hostname || isAlive(holder.pid)) {
      throw workspaceInUseError(holder, lockPath);
    }
    // Its process is gone (a crash, a power cut): the lock is stale and ours to take.
    await fs.rm(lockPath, { force: true });
  }
  const ours = () => {
    try {
      const now = parseLock(readFileSync(lockPath, 'utf8'));
      return now !== null && now.pid === info.pid && now.startedAt === info.startedAt;
    } catch {
      return false;
    }
  };
  // An ordinary exit (Ctrl+C in serve, app.exit) releases it even if nobody called release().
  const onExit = () => {
    if (ours()) unlinkSync(lockPath);
  };
  process.once('exit', onExit);
  return {
    info,
    async release() {
      process.removeListener('exit', onExit);
      if (ours()) await fs.rm(lockPath, { force: true });
    },
  };
}
