// What the engine keeps beside the replica, in <workspace>/sync: for each shared document the
// revision lowdb last reflected (and its body's hash), the replica's changes-feed checkpoint,
// remote documents waiting for what they need (deferred), speaker merges, and the quarantine.
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
}

export class SyncState {
  data: SyncStateData = { reflected: {}, since: 0, deferred: [], mergedSpeakers: {}, lastSyncedAt: null };
  private quarantine: QuarantinedDocument[] = [];
  private saving: Promise<void> = Promise.resolve();
  constructor(readonly dir: string) {}

  get file() {
    return path.join(this.dir, 'state.json');
  }
  get quarantineFile() {
    return path.join(this.dir, 'quarantine.jsonl');
  }

  async load(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    try {
      this.data = { ...this.data, ...(JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<SyncStateData>) };
    } catch {
      // Missing or cut short: the reconcile on start compares everything again.
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
    const text = JSON.stringify(this.data);
    const run = this.saving.catch(() => undefined).then(() => writeFileDurably(this.file, text));
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
