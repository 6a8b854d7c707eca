// Every change to a claim's status, notes, sources and check-worthiness: who, when, from what
// to what. Kept apart from the highlights, one JSON line per change, only ever appended (and
// fsynced): no method changes or removes a line, so neither can the window.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { claimHistoryEntrySchema, type Annotation, type ClaimHistoryEntry } from '../contract/api.js';

export const HISTORY_DIR = 'history';

/** The entries a change from `before` to `after` makes (none when nothing tracked changed). */
export function claimChanges(before: Annotation, after: Annotation, by: string, at: string): ClaimHistoryEntry[] {
  if (after.labelId !== 'claim' || !after.claim) return [];
  const was = before.claim;
  const pairs: [ClaimHistoryEntry['field'], unknown, unknown][] = [
    ['status', was?.status ?? null, after.claim.status],
    ['checkWorthiness', was?.checkWorthiness ?? null, after.claim.checkWorthiness],
    ['note', before.note, after.note],
    ['reviewerNote', was?.reviewerNote ?? '', after.claim.reviewerNote ?? ''],
    ['sources', was?.sources ?? [], after.claim.sources],
  ];
  return pairs
    .filter(([, from, to]) => JSON.stringify(from) !== JSON.stringify(to))
    .map(([field, from, to]) => ({ documentId: after.documentId, annotationId: after.id, at, by, field, from, to }));
}

export class ClaimHistory {
  /** Appends run one after another, so lines never interleave. */
  private appending: Promise<void> = Promise.resolve();

  constructor(private readonly workspaceDir: string) {}

  private fileOf(documentId: string): string {
    return path.join(this.workspaceDir, HISTORY_DIR, `${documentId}.jsonl`);
  }

  /** Resolves once the entries are on disk. */
  append(entries: readonly ClaimHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const run = this.appending.catch(() => undefined).then(async () => {
      await fs.mkdir(path.join(this.workspaceDir, HISTORY_DIR), { recursive: true });
      const byDocument = new Map<string, ClaimHistoryEntry[]>();
      for (const entry of entries) byDocument.set(entry.documentId, [...(byDocument.get(entry.documentId) ?? []), entry]);
      for (const [documentId, list] of byDocument) {
        const handle = await fs.open(this.fileOf(documentId), 'a+');
        try {
          // A crash may have cut the last line short: start on a line of our own.
          const { size } = await handle.stat();
          const last = Buffer.alloc(1);
          if (size > 0) await handle.read(last, 0, 1, size - 1);
          const lead = size > 0 && last[0] !== 0x0a ? '\n' : '';
          await handle.appendFile(lead + list.map((entry) => JSON.stringify(entry) + '\n').join(''));
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
    });
    this.appending = run;
    return run;
  }

  /** One claim's history, oldest first. A line cut short by a crash is skipped. */
  async list(documentId: string, annotationId: string): Promise<ClaimHistoryEntry[]> {
    let raw: string;
    try {
      raw = await fs.readFile(this.fileOf(documentId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: ClaimHistoryEntry[] = [];
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = claimHistoryEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success && parsed.data.annotationId === annotationId) entries.push(parsed.data);
      } catch {
        // A line a crash cut short: the rest still counts.
      }
    }
    return entries;
  }
}
