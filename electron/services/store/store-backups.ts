// Rolling backups of the store files, in the workspace's backups/ folder:
//   backups/workspace.<time>.json, backups/annotations/<docId>.<time>.json
// A copy of the last good version is taken before a file is first overwritten in a session and
// then at most every 10 minutes; the newest 5 per file are kept. The copy taken before a file
// is written forward from an older schema is named <...>.<time>.schema<N>.json and never pruned.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DurableJSONFile, writeFileDurably } from './durable-json-file.js';

export const BACKUPS_DIR = 'backups';
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;
export const BACKUPS_KEPT = 5;

export interface Backup {
  path: string;
  /** ISO time the copy was taken. */
  takenAt: string;
}

/** 2026-11-28T03:11:50.123Z <-> 2026-11-28T03-11-50-123Z: sorts by name, legal on every file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

const STAMP = /(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)/;

function unstamp(text: string): string {
  const m = STAMP.exec(text)!;
  return `${m[1]}:${m[2]}:${m[3]}.${m[4]}`;
}

/** Where the backups of a store file live, and their names' common start. */
function backupPlace(workspaceDir: string, filePath: string): { dir: string; base: string } {
  const relative = path.relative(workspaceDir, filePath);
  const dir = path.join(workspaceDir, BACKUPS_DIR, path.dirname(relative));
  return { dir, base: path.basename(relative, '.json') };
}

/** Every backup of a store file, newest first. */
export async function listBackups(workspaceDir: string, filePath: string): Promise<Backup[]> {
  const { dir, base } = backupPlace(workspaceDir, filePath);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(${STAMP.source})(\\.schema\\d+)?\\.json$`);
  return names
    .filter((name) => pattern.test(name))
    .map((name) => ({ path: path.join(dir, name), takenAt: unstamp(name) }))
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

/** Decides when each file is due a copy; one per workspace store. */
export class StoreBackups {
  /** When each file was last copied (or created) in this session. */
  private readonly lastCopy = new Map<string, number>();

  constructor(
    private readonly workspaceDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A file this session created: its first version needs no copy until the interval has passed. */
  created(filePath: string): void {
    this.lastCopy.set(filePath, this.now().getTime());
  }

  /**
   * Call before overwriting a good file. Copies it when due: the first overwrite in a session,
   * then every BACKUP_INTERVAL_MS; always when `fromSchema` says it is about to be migrated.
   */
  async beforeOverwrite(filePath: string, fromSchema: number | null): Promise<void> {
    const now = this.now();
    const last = this.lastCopy.get(filePath);
    if (fromSchema === null && last !== undefined && now.getTime() - last < BACKUP_INTERVAL_MS) return;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const { dir, base } = backupPlace(this.workspaceDir, filePath);
    await fs.mkdir(dir, { recursive: true });
    const suffix = fromSchema === null ? '' : `.schema${fromSchema}`;
    await writeFileDurably(path.join(dir, `${base}.${stamp(now)}${suffix}.json`), bytes);
    this.lastCopy.set(filePath, now.getTime());
    await this.prune(filePath);
  }

  /** Keeps the newest BACKUPS_KEPT rolling copies; copies from before a migration stay. */
  private async prune(filePath: string): Promise<void> {
    const rolling = (await listBackups(this.workspaceDir, filePath)).filter((backup) => !/\.schema\d+\.json$/.test(backup.path));
    await Promise.all(rolling.slice(BACKUPS_KEPT).map((backup) => fs.rm(backup.path, { force: true })));
  }
}

/** The newest backup of a store file that parses and migrates, with what it holds. */
export async function newestGoodBackup<T>(workspaceDir: string, filePath: string, migrate: (raw: unknown) => T): Promise<{ backup: Backup; data: T } | null> {
  for (const backup of await listBackups(workspaceDir, filePath)) {
    try {
      const raw = await new DurableJSONFile<unknown>(backup.path).read();
      if (raw !== null) return { backup, data: migrate(raw) };
    } catch {
      // A damaged backup: try the one before it.
    }
  }
  return null;
}

function readable(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** What the window shows about a damaged store file: what is wrong, what is shown, what to do. */
export function damagedFileMessage(problem: string, fileName: string, backup: Backup | null): string {
  // The reader's own advice ("restore it from a backup…") is said better below.
  const what = problem.replace(/ It was left untouched.*$/s, ' It was left untouched.');
  return (
    `${what} The workspace is read-only: nothing is being saved. ` +
    (backup
      ? `What you see is the backup of ${fileName} taken ${readable(backup.takenAt)}; restore it to carry on (the damaged file is kept beside it), or fix the file by hand and open the workspace again.`
      : `There is no backup of ${fileName}, so what it held is not shown; fix the file by hand or move it out of the workspace folder, then open the workspace again.`)
  );
}

/** The refusal of every write while a store file is damaged. */
export function readOnlyMessage(fileName: string, hasBackup: boolean): string {
  return (
    `${fileName} in the workspace is damaged, so nothing is being saved and this change was not kept. ` +
    (hasBackup
      ? 'Restore the last good backup (the damaged file is kept beside it) or fix the file by hand, then open the workspace again.'
      : 'There is no backup of it: fix the file by hand or move it out of the workspace folder, then open the workspace again.')
  );
}
