// A lowdb adapter whose writes survive a crash or power cut: lowdb's own writer renames a
// temp file but never fsyncs, so a crash can leave an empty file behind the new name.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export class StoreFileError extends Error {
  constructor(
    readonly filePath: string,
    message: string,
    /** 'newer': written by a later version, refused outright; 'damaged': the store falls back to a backup. */
    readonly reason: 'damaged' | 'newer' = 'damaged',
  ) {
    super(message);
    this.name = 'StoreFileError';
  }
}

/** The errors a disk gives when it has no room left (or the user's quota is used up). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

let tempCounter = 0;

/** Our temp files: `.<name>.<pid>.<counter>.tmp`, beside the file they will replace. */
const TEMP_FILE = /^\..+\.(\d+)\.\d+\.tmp$/;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files left in `dir` by writers that died mid-write (a crash between writing and
 * renaming). A live process's temp files are left alone: it may be about to rename them.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Write `content` to `filePath` atomically and durably: temp file, fsync, rename, fsync dir.
 * `mode` (0o600 for a password) is set before any byte is written, so no other user ever reads it.
 */
export async function writeFileDurably(filePath: string, content: string | Uint8Array, options: { mode?: number; syncFolder?: boolean } = {}): Promise<void> {
  const dir = path.dirname(filePath);
  const tempPath = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${++tempCounter}.tmp`);
  const handle = await fs.open(tempPath, 'w', options.mode);
  try {
    try {
      // The umask may only take bits away; chmod makes the mode exactly what was asked.
      if (options.mode !== undefined && process.platform !== 'win32') await handle.chmod(options.mode);
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, filePath);
  } catch (error) {
    // The caller hears the write's own error, not one from cleaning up after it (the disk may be failing).
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  // syncFolder: false when the caller writes many files into one folder and syncs it once after.
  if (options.syncFolder !== false) await syncDirectory(dir);
}

/** Makes the renames into `dir` durable (see writeFileDurably's syncFolder). */
export async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; Windows cannot open directories, and does not need to.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    readonly filePath: string,
    private readonly serialize: (data: T) => string = (data) => JSON.stringify(data, null, 2) + '\n',
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (raw.trim() === '') {
      throw new StoreFileError(
        this.filePath,
        `${path.basename(this.filePath)} is empty. It was left untouched; restore it from a backup or move it aside, then open the workspace again.`,
      );
    }
    try {
      return JSON.parse(raw) as T;
    } catch (error) {
      throw new StoreFileError(
        this.filePath,
        `${path.basename(this.filePath)} is not valid JSON (${(error as Error).message}). ` +
          'It was left untouched; restore it from a backup or move it aside, then open the workspace again.',
      );
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.filePath, this.serialize(data));
  }
}

/**
 * Runs one write at a time per file and folds every request made while a write is under way
 * into the next one, so a burst of edits costs two writes, not one each. A failed write leaves
 * the writer unwritten: `written()` writes again, so what is in memory still reaches the disk.
 */
export class CoalescingWriter {
  private queued: Job | null = null;
  private running: Job | null = null;
  private draining: Promise<void> | null = null;
  private failed = false;

  constructor(private readonly write: () => Promise<void>) {}

  /** Resolves once a write that started after this call has reached the disk. */
  schedule(): Promise<void> {
    if (this.queued) return this.queued.promise;
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Callers that never await must not trip Node's unhandled-rejection crash.
    promise.catch(() => undefined);
    this.queued = { promise, resolve, reject };
    // Start on the next turn so every change made in this one shares the write.
    this.draining ??= new Promise<void>((res) => setImmediate(res)).then(() => this.drain());
    return promise;
  }

  /** True when the last write failed and none has succeeded since: memory is ahead of the disk. */
  get unwritten(): boolean {
    return this.failed;
  }

  /**
   * Resolves once everything asked of this writer so far is on disk: waits for the writes under
   * way, and writes again after a failure. Costs nothing when all is written.
   */
  written(): Promise<void> {
    if (this.queued) return this.queued.promise;
    if (this.running) return this.running.promise;
    if (this.failed) return this.schedule();
    return Promise.resolve();
  }

  /** Resolves when nothing is queued or being written. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued) {
        const job = this.queued;
        this.queued = null;
        this.running = job;
        try {
          await this.write();
          this.failed = false;
          job.resolve();
        } catch (error) {
          this.failed = true;
          job.reject(error);
        } finally {
          this.running = null;
        }
      }
    } finally {
      this.draining = null;
    }
  }
}

interface Job {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}
