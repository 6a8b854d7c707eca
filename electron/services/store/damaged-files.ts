// Store files that failed to parse. None is ever overwritten: while one is listed the
// workspace is read-only, shown from that file's newest good backup, until the user restores it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/api.js';
import { StoreFileError, writeFileDurably } from './durable-json-file.js';
import { damagedFileMessage, readOnlyMessage, type Backup } from './store-backups.js';

/** A damaged store file, as the window shows it. */
export interface StoreProblem {
  /** Relative to the workspace, with forward slashes: workspace.json, annotations/doc-….json. */
  fileName: string;
  message: string;
  /** When the backup now shown was taken; null when there is none (defaults are shown). */
  backupTakenAt: string | null;
}

export interface DamagedFile extends StoreProblem {
  filePath: string;
  backup: Backup | null;
  /** Set for an annotations file. */
  documentId: string | null;
}


export function isDamage(error: unknown): error is StoreFileError {
  return error instanceof StoreFileError && error.reason === 'damaged';
}

export class DamagedFiles {
  private readonly files: DamagedFile[] = [];

  constructor(private readonly dir: string) {}

  /** True while a store file is damaged: every write is refused until a backup is restored. */
  get readOnly(): boolean {
    return this.files.length > 0;
  }

  get problem(): StoreProblem | null {
    const first = this.files[0];
    return first ? { fileName: first.fileName, message: first.message, backupTakenAt: first.backupTakenAt } : null;
  }

  readOnlyError(): ApiError {
    const first = this.files[0]!;
    return new ApiError('read-only', readOnlyMessage(first.fileName, first.backup !== null));
  }

  mark(filePath: string, error: StoreFileError, backup: Backup | null, documentId: string | null): void {
    const fileName = path.relative(this.dir, filePath).split(path.sep).join('/');
    const message = damagedFileMessage(error.message, fileName, backup);
    this.files.push({ filePath, fileName, message, backupTakenAt: backup?.takenAt ?? null, backup, documentId });
  }

  /**
   * Puts back the backup now shown for the first damaged file: the damaged file is kept aside
   * (never deleted) and the backup copied in durably. `keptAs` is relative to the workspace,
   * '' when the file was missing rather than damaged.
   */
  async putBackFirst(): Promise<{ damaged: DamagedFile; keptAs: string }> {
    const damaged = this.files[0];
    if (!damaged) throw new ApiError('bad-request', 'No store file is damaged; there is nothing to restore.');
    if (!damaged.backup) {
      throw new ApiError(
        'not-found',
        `There is no backup of ${damaged.fileName} in the workspace's backups folder. Fix the file by hand, or move it out of the workspace folder to start it afresh, then open the workspace again.`,
      );
    }
    const keptAs = `${damaged.filePath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // Copy, then replace: a crash in between leaves the damaged file in place (still read-only
    // next time), never a workspace without the file.
    const damagedBytes = await fs.readFile(damaged.filePath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (damagedBytes !== null) await writeFileDurably(keptAs, damagedBytes);
    await writeFileDurably(damaged.filePath, await fs.readFile(damaged.backup.path));
    this.files.shift();
    return { damaged, keptAs: damagedBytes === null ? '' : path.relative(this.dir, keptAs).split(path.sep).join('/') };
  }
}
