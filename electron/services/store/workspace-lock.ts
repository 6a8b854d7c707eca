// One writer per workspace: the app, the browser host and the writing CLI commands each hold
// workspace.lock while they run. Two writers would each keep the store in memory and save
// over one another's work; lowdb files have no merge.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../contract/errors.js';
import { isDiskFull } from './durable-json-file.js';

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

/** How long an unreadable lock may still be in the middle of being written (by an older version). */
const BEING_WRITTEN_MS = 2000;
/** How long to wait for another starter to finish writing or taking over the lock. */
const WAIT_MS = 1500;
const POLL_MS = 50;
/** Filesystems without hard links (FAT, exFAT, some network shares) answer link() with these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock (or takeover claim) file as seen once: its holder if readable, and what makes this copy unique. */
interface SeenFile {
  holder: LockInfo | null;
  /** Inode, size, modification time and text: a file replaced since has another id. */
  id: string;
  ageMs: number;
}

async function look(file: string): Promise<SeenFile | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    // One handle for both, so the stat and the text are of the same file.
    const stat = await handle.stat({ bigint: true });
    const text = await handle.readFile('utf8');
    const id = createHash('sha256').update(`${stat.ino}:${stat.size}:${stat.mtimeNs}:${text}`).digest('hex').slice(0, 16);
    return { holder: parseLock(text), id, ageMs: Date.now() - Number(stat.mtimeMs) };
  } finally {
    await handle.close();
  }
}

/** The refusal when the lock cannot be written at all, saying what to do about it. */
function cannotWriteError(error: unknown, lockPath: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const start = `Newsroom Annotator could not open this workspace, because it could not write ${lockPath}`;
  if (isDiskFull(error)) {
    return new ApiError('store-error', `${start}: the disk is full. Free some space on that disk, then start again. Nothing in the workspace was changed.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new ApiError(
      'store-error',
      `${start}: no permission to write in ${path.dirname(lockPath)}. Give yourself write access to that folder, or choose another workspace folder. Nothing in the workspace was changed.`,
    );
  }
  if (code === 'EROFS') {
    return new ApiError('store-error', `${start}: the disk is read-only. Copy the workspace folder to a disk you can write to, and open it there.`);
  }
  return error;
}

/** Writes `content` to a new file beside `target`, flushed to disk; on any failure nothing of it is left. */
async function writeTemp(target: string, content: string): Promise<string> {
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, content, { flag: 'wx', flush: true });
    return temp;
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw cannotWriteError(error, target);
  }
}

/**
 * Creates `target` holding `content` if no file has that name; false if one has. The file appears
 * whole: it is written under another name and then linked, so nobody ever reads it half-written.
 */
async function createWhole(target: string, content: string, lockPath: string): Promise<boolean> {
  const temp = await writeTemp(target, content);
  try {
    await fs.link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw cannotWriteError(error, lockPath);
  } finally {
    await fs.rm(temp, { force: true }).catch(() => {});
  }
  // No hard links here: create it exclusively and write it; a failed write takes it away again.
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(target, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cannotWriteError(error, lockPath);
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.rm(target, { force: true }).catch(() => {});
    throw cannotWriteError(error, lockPath);
  }
}

/** Whether a file names no process that could still be using it. */
function isAbandoned(seen: SeenFile, hostname: string): boolean {
  if (seen.holder === null) return seen.ageMs >= BEING_WRITTEN_MS;
  return seen.holder.hostname === hostname && !isAlive(seen.holder.pid);
}

/** Waits until `file` is no longer the copy `seen` (replaced or removed); false if it stays. */
async function waitForChange(file: string, seen: SeenFile): Promise<boolean> {
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    await sleep(POLL_MS);
    const now = await look(file);
    if (now === null || now.id !== seen.id) return true;
  }
  return false;
}

/**
 * Replaces the abandoned lock `stale` with ours, or says it is no longer ours to replace.
 *
 * Why two starters cannot both win: to replace the copy `stale`, a starter must first create the
 * claim file `workspace.lock.<stale.id>.take<k>`, which only one process can create (link or
 * O_EXCL), and then see that workspace.lock is still that very copy. A claim is given up (k + 1)
 * only when its process has died, so at most one live process holds a claim on `stale`. Nobody
 * else changes workspace.lock while it is `stale`: creating needs it absent, and its owner is dead.
 * The holder then renames its own lock over it in one step. Claims are removed only by the holder,
 * after that or when it gives up (it then holds nothing), so a late starter who takes a removed
 * claim finds workspace.lock changed and steps back, or is itself the only one holding a claim.
 */
async function takeOver(lockPath: string, stale: SeenFile, content: string, hostname: string): Promise<'won' | 'changed'> {
  const claims: string[] = [];
  try {
    for (let k = 1; k <= 20; k++) {
      const claim = `${lockPath}.${stale.id}.take${k}`;
      if (await createWhole(claim, content, lockPath)) {
        claims.push(claim);
        const now = await look(lockPath);
        if (now === null || now.id !== stale.id) return 'changed';
        const temp = await writeTemp(lockPath, content);
        try {
          await fs.rename(temp, lockPath);
        } catch (error) {
          await fs.rm(temp, { force: true }).catch(() => {});
          throw cannotWriteError(error, lockPath);
        }
        return 'won';
      }
      const other = await look(claim);
      // Removed: its taker finished (workspace.lock has changed) or stepped back.
      if (other === null) return 'changed';
      if (isAbandoned(other, hostname)) continue;
      // Another starter is taking over right now: it will hold the lock in a moment.
      if (await waitForChange(lockPath, stale)) return 'changed';
      if (other.holder !== null) throw workspaceInUseError(other.holder, lockPath);
      throw new ApiError('workspace-in-use', 'Another Newsroom Annotator is starting on this workspace right now. Wait a moment, then start again.');
    }
    throw new ApiError('workspace-in-use', `Twenty starts died while taking over ${lockPath}. Close every Newsroom Annotator, delete that file, then start again.`);
  } finally {
    // Once workspace.lock has changed, claims on the old copy mean nothing.
    for (const claim of claims) await fs.rm(claim, { force: true }).catch(() => {});
    if (claims.length > 0) {
      for (let k = 1; k <= 20; k++) await fs.rm(`${lockPath}.${stale.id}.take${k}`, { force: true }).catch(() => {});
    }
  }
}

/**
 * Takes workspace.lock in `dir` (created if missing), or throws ApiError('workspace-in-use')
 * when a live process holds it. A lock left by a process that has died, or left empty or cut
 * short (a start on a full disk, a power cut), is taken over.
 */
/**
 * The lock's own temp files left by a starter killed between writing and linking one: once the
 * workspace is ours, those of processes no longer running are garbage (the store's own sweep,
 * removeStaleTempFiles, knows only the store's names).
 */
async function removeAbandonedTemps(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^workspace\.lock\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !isAlive(pid)) await fs.rm(path.join(dir, name), { force: true }).catch(() => {});
  }
}

export async function acquireWorkspaceLock(dir: string, host: LockHostKind): Promise<WorkspaceLock> {
  const resolved = path.resolve(dir);
  const lockPath = path.join(resolved, LOCK_FILE);
  try {
    await fs.mkdir(resolved, { recursive: true });
  } catch (error) {
    throw cannotWriteError(error, lockPath);
  }
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), host, startedAt: new Date().toISOString() };
  const content = `${JSON.stringify(info, null, 2)}\n`;
  let waitedForUnreadable = 0;
  for (let attempt = 0; ; attempt++) {
    if (await createWhole(lockPath, content, lockPath)) break;
    const seen = await look(lockPath);
    if (seen === null) continue; // Released between our two calls: try again.
    if (seen.holder !== null && !isAbandoned(seen, info.hostname)) throw workspaceInUseError(seen.holder, lockPath);
    if (seen.holder === null && seen.ageMs < BEING_WRITTEN_MS && waitedForUnreadable < WAIT_MS) {
      // Perhaps an older version is writing it this very moment: give it a moment to finish.
      await sleep(POLL_MS);
      waitedForUnreadable += POLL_MS;
      continue;
    }
    // Its process is gone (a crash, a power cut), or it records no owner at all: ours to take.
    if ((await takeOver(lockPath, seen, content, info.hostname)) === 'won') break;
    if (attempt >= 50) {
      throw new ApiError('workspace-in-use', `Other Newsroom Annotators keep starting on this workspace. Close them, then start again.`);
    }
  }
  await removeAbandonedTemps(resolved);
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
