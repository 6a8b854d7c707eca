// The desktop shell's "Open Recent" list. Paths stay here, in the main process: the renderer
// only ever sees an opaque id and a file name, and asks for a file back by that id.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../store/durable-json-file.js';

export const MAX_RECENT_FILES = 10;
export const RECENT_FILES_FILE = 'recent-files.json';
const RECENT_SCHEMA_VERSION = 1;

export interface RecentEntry {
  /** Stable for a given path: the first 16 hex digits of the SHA-256 of the resolved path. */
  id: string;
  filePath: string;
  fileName: string;
  openedAt: string;
}

interface RecentFilesFile {
  schemaVersion: number;
  files: { path: string; openedAt: string }[];
}

export function recentIdFor(filePath: string): string {
  return createHash('sha256').update(path.resolve(filePath), 'utf8').digest('hex').slice(0, 16);
}

function entryFor(filePath: string, openedAt: string): RecentEntry {
  const resolved = path.resolve(filePath);
  return { id: recentIdFor(resolved), filePath: resolved, fileName: path.basename(resolved), openedAt };
}

/** Keeps what can be used from a file written by hand, an older version or a crash. */
function entriesFrom(raw: unknown): RecentEntry[] {
  if (raw === null || typeof raw !== 'object' || !Array.isArray((raw as RecentFilesFile).files)) return [];
  const entries: RecentEntry[] = [];
  for (const item of (raw as RecentFilesFile).files as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const { path: filePath, openedAt } = item as Record<string, unknown>;
    if (typeof filePath !== 'string' || filePath.length === 0 || !path.isAbsolute(filePath)) continue;
    const entry = entryFor(filePath, typeof openedAt === 'string' ? openedAt : new Date(0).toISOString());
    if (!entries.some((existing) => existing.id === entry.id)) entries.push(entry);
    if (entries.length >= MAX_RECENT_FILES) break;
  }
  return entries;
}

export class RecentFiles {
  private entries: RecentEntry[];
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly filePath: string,
    entries: RecentEntry[],
  ) {
    this.entries = entries;
  }

  /** Reads the list; a missing or unreadable file gives an empty list (it is only a convenience). */
  static async open(filePath: string): Promise<RecentFiles> {
    let entries: RecentEntry[] = [];
    try {
      entries = entriesFrom(JSON.parse(await fs.readFile(filePath, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.warn(`[annotator] ${path.basename(filePath)} could not be read (${(error as Error).message}); starting with an empty recent list.`);
      }
    }
    return new RecentFiles(path.resolve(filePath), entries);
  }

  /** Newest first. */
  list(): RecentEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  get(id: string): RecentEntry | undefined {
    const entry = this.entries.find((candidate) => candidate.id === id);
    return entry && { ...entry };
  }

  /** Puts the path at the top (moving it there if it was already listed); keeps at most ten. */
  async add(filePath: string, openedAt: Date = new Date()): Promise<RecentEntry> {
    const entry = entryFor(filePath, openedAt.toISOString());
    this.entries = [entry, ...this.entries.filter((existing) => existing.id !== entry.id)].slice(0, MAX_RECENT_FILES);
    await this.changed();
    return { ...entry };
  }

  /** Returns whether the id was listed. */
  async remove(id: string): Promise<boolean> {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.id !== id);
    if (this.entries.length === before) return false;
    await this.changed();
    return true;
  }

  /** Called after every change (the desktop shell rebuilds its menu); returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): Promise<void> {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.error('[annotator] a recent-files listener failed:', error);
      }
    }
    // One write at a time, each writing the list as it is when it starts, so the file never
    // ends up older than the list in memory.
    const write = this.writing.then(() => this.writeNow());
    this.writing = write.catch(() => undefined);
    return write;
  }

  private async writeNow(): Promise<void> {
    const data: RecentFilesFile = {
      schemaVersion: RECENT_SCHEMA_VERSION,
      files: this.entries.map((entry) => ({ path: entry.filePath, openedAt: entry.openedAt })),
    };
    await fs.mkdir(path.dirname(this.filePath), { recursive: true });
    await writeFileDurably(this.filePath, JSON.stringify(data, null, 2) + '\n');
  }

  /** Resolves once every change so far is on disk. */
  async flush(): Promise<void> {
    await this.writing;
  }
}
