// What the engine keeps beside the replica, in <workspace>/sync: for each shared document the
// revision lowdb last reflected (and its body's hash), the replica's changes-feed checkpoint,
// remote documents waiting for what they need (deferred), speaker merges, and the quarantine.
// The reflected revisions (one per shared document, 100,000s of them) are a journal of their own,
// appended with what changed since the last save, so a live edit does not rewrite them all.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { QuarantinedDocument } from '../../contract/api.js';
import { writeFileDurably } from '../store/durable-json-file.js';

export const SYNC_DIR = 'sync';
export const ABSENT = 'absent';

export interface SyncStateData {
  reflected: Record<string, { rev: string; hash: string }>;
  /** The replica's changes feed, applied up to here. */
  since: number | string;
  deferred: string[];
  mergedSpeakers: Record<string, string>;
  lastSyncedAt: string | null;
  /** Shared documents whose versions overlap and wait for a person (undefined: not yet counted). */
  conflicted?: string[];
}

const REFLECTED_FILE = 'reflected.jsonl';

export class SyncState {
  data: SyncStateData = { reflected: {}, since: 0, deferred: [], mergedSpeakers: {}, lastSyncedAt: null };
  private quarantine: QuarantinedDocument[] = [];
  private saving: Promise<void> = Promise.resolve();
  private changedReflections = new Map<string, { rev: string; hash: string }>();
  private journalLines = 0;
  constructor(readonly dir: string) {}

  /** Records whether `id` holds versions a person must settle (the Team view's count, without a scan). */
  markConflicted(id: string, conflicted: boolean): void {
    const list = this.data.conflicted ?? [];
    if (conflicted === list.includes(id)) return;
    this.data.conflicted = conflicted ? [...list, id] : list.filter((other) => other !== id);
  }

  /** What lowdb last reflected of `id`: the replica's revision and the body's hash. */
  reflect(id: string, rev: string, hash: string): void {
    const entry = { rev, hash };
    this.data.reflected[id] = entry;
    this.changedReflections.set(id, entry);
  }

  get file() {
    return path.join(this.dir, 'state.json');
  }
  get quarantineFile() {
    return path.join(this.dir, 'quarantine.jsonl');
  }

  async load(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    try {
      const saved = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<SyncStateData>;
      this.data = { ...this.data, ...saved };
      // Written before the journal: its reflections go into the journal at the next save.
      if (Object.keys(saved.reflected ?? {}).length) this.journalLines = Number.MAX_SAFE_INTEGER / 4;
    } catch {
      // Missing or cut short: the reconcile on start compares everything again.
    }
    try {
      const lines = (await fs.readFile(path.join(this.dir, REFLECTED_FILE), 'utf8')).split('\n');
      for (const line of lines) {
        if (!line) continue;
        try {
          const [id, rev, hash] = JSON.parse(line) as [string, string, string];
          this.data.reflected[id] = { rev, hash };
          this.journalLines = Math.min(this.journalLines + 1, Number.MAX_SAFE_INTEGER / 4);
        } catch {
          // A line a kill cut short: that document is compared again.
        }
      }
    } catch {
      // No journal yet (or an older state.json that held every reflection itself).
    }
    try {
      const lines = (await fs.readFile(this.quarantineFile, 'utf8')).split('\n').filter(Boolean);
      const byId = new Map<string, QuarantinedDocument>();
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as QuarantinedDocument & { cleared?: boolean };
          if (entry.cleared) byId.delete(entry.id);
          else byId.set(entry.id, entry);
        } catch {
          // A line a kill cut short.
        }
      }
      this.quarantine = [...byId.values()];
    } catch {
      this.quarantine = [];
    }
  }

  save(): Promise<void> {
    const { reflected, ...rest } = this.data;
    const text = JSON.stringify({ ...rest, reflected: {} });
    const changed = [...this.changedReflections];
    this.changedReflections = new Map();
    // A journal grown well past the documents it describes is written again whole.
    const whole = this.journalLines + changed.length > 2 * Object.keys(reflected).length + 1000;
    const lines = (whole ? Object.entries(reflected) : changed).map(([id, { rev, hash }]) => `${JSON.stringify([id, rev, hash])}\n`).join('');
    const run = this.saving
      .catch(() => undefined)
      .then(async () => {
        const journal = path.join(this.dir, REFLECTED_FILE);
        if (whole) {
          await writeFileDurably(journal, lines);
          this.journalLines = Object.keys(reflected).length;
        } else if (lines) {
          const handle = await fs.open(journal, 'a');
          try {
            await handle.appendFile(lines);
            await handle.sync();
          } finally {
            await handle.close();
          }
          this.journalLines += changed.length;
        }
        await writeFileDurably(this.file, text);
      });
    // A failed save keeps its reflections to write next time.
    run.catch(() => {
      for (const [id, entry] of changed) if (!this.changedReflections.has(id)) this.changedReflections.set(id, entry);
    });
    this.saving = run;
    return run;
  }

  quarantined(): QuarantinedDocument[] {
    return [...this.quarantine];
  }

  async quarantineDoc(id: string, reason: string): Promise<void> {
    const entry = { id, reason, receivedAt: new Date().toISOString() };
    this.quarantine = [...this.quarantine.filter((q) => q.id !== id), entry];
    await fs.appendFile(this.quarantineFile, `${JSON.stringify(entry)}\n`);
  }

  /** A later good version of a quarantined document replaces it. */
  async clearQuarantine(id: string): Promise<void> {
    if (!this.quarantine.some((q) => q.id === id)) return;
    this.quarantine = this.quarantine.filter((q) => q.id !== id);
    await fs.appendFile(this.quarantineFile, `${JSON.stringify({ id, cleared: true })}\n`);
  }
}
