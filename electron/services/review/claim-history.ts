// Every change to a claim's status, notes, public summary, sources, check-worthiness and conflicting verdicts: who, when, from what
// to what. Kept apart from the highlights, one JSON line per change, only ever appended (and
// fsynced): no method changes or removes a line, so neither can the window.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { claimHistoryEntrySchema, type Annotation, type ClaimHistoryEntry } from '../../contract/api.js';
import { appendLinesDurably } from '../store/durable-lines.js';

export const HISTORY_DIR = 'history';

type Field = ClaimHistoryEntry['field'];
const FIELDS: readonly Field[] = ['status', 'checkWorthiness', 'note', 'reviewerNote', 'publicSummary', 'sources', 'conflicts'];

/** A tracked field's value as the history records it. */
function valueOf(annotation: Annotation, field: Field): unknown {
  const claim = annotation.claim;
  if (field === 'status') return claim?.status ?? null;
  if (field === 'checkWorthiness') return claim?.checkWorthiness ?? null;
  if (field === 'note') return annotation.note;
  if (field === 'reviewerNote') return claim?.reviewerNote ?? '';
  if (field === 'publicSummary') return claim?.publicSummary ?? '';
  // Verdicts that disagree (an import's), each with who set it: the history keeps both decisions.
  if (field === 'conflicts') return claim?.conflicts ?? [];
  return claim?.sources ?? [];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The entries a change from `before` to `after` makes (none when nothing tracked changed). `desk`:
 * the change set the status on the review desk (an editor's decision, marked apart from one set in
 * the side panel), recorded even when it kept the status as it was.
 */
export function claimChanges(before: Annotation, after: Annotation, by: string, at: string, desk = false, byId?: string): ClaimHistoryEntry[] {
  if (after.labelId !== 'claim' || !after.claim) return [];
  // A desk decision that keeps the status (an editor picking this version) is recorded too.
  const kept = (field: Field) => desk && field === 'status';
  return FIELDS.filter((field) => kept(field) || !same(valueOf(before, field), valueOf(after, field))).map((field) => ({
    documentId: after.documentId,
    annotationId: after.id,
    at,
    by,
    ...(byId && { byId }),
    ...(desk && field === 'status' && { desk: true as const }),
    field,
    from: valueOf(before, field),
    to: valueOf(after, field),
  }));
}

/**
 * A claim's history set against its annotations file. The two are written side by side, so a
 * kill can leave a line whose change never reached the file, or a change without its line.
 * Lines are never removed (the history is append-only): one whose change is not on disk is left
 * out of what is shown, each time it is read. No correcting line is appended for it, since that
 * would record a change back that nobody made. A change on disk without its line gets one, marked
 * recovered, for the caller to append once. `current` is the claim as on disk (undefined if gone).
 */
export function reconcileClaimHistory(
  entries: readonly ClaimHistoryEntry[],
  current: Annotation | undefined,
  firstStatusId: string,
): { shown: ClaimHistoryEntry[]; recovered: ClaimHistoryEntry[] } {
  // Lines from other machines (team sync) are changes made beside this machine's, in any order:
  // the crash checks below would take two concurrent decisions for one lost line. Shown as they are.
  if (entries.some((entry) => entry.synced)) return { shown: [...entries], recovered: [] };
  const kept = new Set<ClaimHistoryEntry>();
  const recovered: ClaimHistoryEntry[] = [];
  const isClaim = current?.labelId === 'claim' && current.claim !== undefined;
  for (const field of FIELDS) {
    const lines: ClaimHistoryEntry[] = [];
    for (const line of entries.filter((entry) => entry.field === field)) {
      // The next change started where the previous line did: that line never reached the file.
      const previous = lines[lines.length - 1];
      if (previous && !same(previous.to, line.from) && same(previous.from, line.from)) lines.pop();
      lines.push(line);
    }
    if (isClaim) {
      const value = valueOf(current, field);
      const last = lines[lines.length - 1];
      let from: unknown = undefined;
      if (last && !same(last.to, value)) {
        // The file still holds what the latest lines changed from: those changes were lost.
        const lost = lines.map((line) => same(line.from, value)).lastIndexOf(true);
        if (lost >= 0) lines.splice(lost);
        else from = last.to;
      } else if (!last && entries.length === 0 && field === 'status' && value !== firstStatusId && current.claim!.reviewedAt) {
        // Someone set its status (only a status change records reviewedAt), yet no line at all: it was lost.
        from = firstStatusId;
      }
      if (from !== undefined) {
        const statusLine = field === 'status';
        recovered.push({
          documentId: current.documentId,
          annotationId: current.id,
          at: (statusLine && current.claim!.reviewedAt) || current.updatedAt,
          // Who set the status is kept on the claim (reviewer before statusBy existed); for other fields nobody is known.
          by: (statusLine && (current.claim!.statusBy ?? current.claim!.reviewer)) || '',
          field,
          from,
          to: value,
          recovered: true,
        });
      }
    }
    for (const line of lines) kept.add(line);
  }
  return { shown: [...entries.filter((entry) => kept.has(entry)), ...recovered], recovered };
}

export class ClaimHistory {
  /** Lines asked for and not yet on disk, oldest first: a failed append keeps them to try again. */
  private unwritten: ClaimHistoryEntry[] = [];
  /** Appends run one after another, so lines never interleave. */
  private appending: Promise<void> = Promise.resolve();

  constructor(private readonly workspaceDir: string) {}

  private fileOf(documentId: string): string {
    return path.join(this.workspaceDir, HISTORY_DIR, `${documentId}.jsonl`);
  }

  /** True when every line asked for so far is on disk. */
  get allWritten(): boolean {
    return this.unwritten.length === 0;
  }

  /** Resolves once the entries, and any earlier ones a failed append kept, are on disk. */
  append(entries: readonly ClaimHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    this.unwritten.push(...entries);
    return this.written();
  }

  /** Resolves once every line asked for so far is on disk, writing again what a failure kept. */
  written(): Promise<void> {
    if (this.allWritten) return Promise.resolve();
    const run = this.appending.catch(() => undefined).then(() => this.writeUnwritten());
    this.appending = run;
    // Callers that never await must not trip Node's unhandled-rejection crash.
    run.catch(() => undefined);
    return run;
  }

  private async writeUnwritten(): Promise<void> {
    const entries = this.unwritten.slice();
    if (entries.length === 0) return;
    await fs.mkdir(path.join(this.workspaceDir, HISTORY_DIR), { recursive: true });
    const byDocument = new Map<string, ClaimHistoryEntry[]>();
    for (const entry of entries) byDocument.set(entry.documentId, [...(byDocument.get(entry.documentId) ?? []), entry]);
    for (const [documentId, list] of byDocument) {
      // A line a kill cut short stays (the history never loses a byte); the next starts on its own.
      await appendLinesDurably(this.fileOf(documentId), list.map((entry) => JSON.stringify(entry)), 'keep');
      // On disk: never written twice, even if another document's lines fail next.
      this.unwritten = this.unwritten.filter((entry) => !list.includes(entry));
    }
  }

  /**
   * One claim's history, oldest first, set against the claim as it is on disk when `current` is
   * given (see reconcileClaimHistory): a recovered line is appended, durably, before it is shown.
   */
  async list(documentId: string, annotationId: string, current?: { annotation: Annotation | undefined; firstStatusId: string }): Promise<ClaimHistoryEntry[]> {
    const entries = await this.read(documentId, annotationId);
    if (!current) return entries;
    const { shown, recovered } = reconcileClaimHistory(entries, current.annotation, current.firstStatusId);
    await this.append(recovered);
    return shown;
  }

  /** Every line on file for a document's claims (team sync shares each as its own document). */
  entriesOf(documentId: string): Promise<ClaimHistoryEntry[]> {
    return this.read(documentId, null);
  }

  /** The lines on file for one claim. A line cut short by a crash is skipped. */
  private async read(documentId: string, annotationId: string | null): Promise<ClaimHistoryEntry[]> {
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
        if (parsed.success && (annotationId === null || parsed.data.annotationId === annotationId)) entries.push(parsed.data);
      } catch {
        // A line a crash cut short: the rest still counts.
      }
    }
    return entries;
  }
}
