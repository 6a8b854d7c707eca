// A document's journal: annotations/<doc>.journal.jsonl beside its annotations file, one JSON
// line per saved batch of changes, only ever appended (one fsync a batch). Saving one change to a
// 50,000-highlight transcript then writes a line, not its 22 MB file. The file (the "snapshot")
// is rewritten only when the journal is folded into it: on idle, on close, past a size limit.
//
// A line: { "seq": 7, "textHash": "…", "annotations": { "put": [{ "after": "h-2", "highlight": {…} }],
// "drop": ["h-9"] }, "orphans": { … } }. `put` holds whole highlights, each placed right after the
// highlight `after` names (null: first), so replay rebuilds the list in the very order it had;
// `drop` names highlights gone. seq counts batches: the snapshot records the last one folded into
// it (journalSeq) and replay skips lines up to it, so a kill between writing the snapshot and
// removing the journal loses nothing and applies nothing twice.
import path from 'node:path';
import type { Annotation } from '../../contract/api.js';
import { StoreFileError } from './durable-json-file.js';
import { isStoredHighlight, type AnnotationsFile } from './store-migrations.js';

export const JOURNAL_SUFFIX = '.journal.jsonl';

/** annotations/<doc>.json -> annotations/<doc>.journal.jsonl */
export function journalFileOf(annotationsFile: string): string {
  return annotationsFile.replace(/\.json$/, JOURNAL_SUFFIX);
}

export interface JournalLimits {
  /**
   * Documents with fewer highlights (and orphans) save their file whole, as before: rewriting an
   * article's few kilobytes costs what an append does, and one file is easier to read.
   */
  fromHighlights: number;
  /** Folded once the journal is this long (bytes, or lines), so opening never replays much. */
  foldBytes: number;
  foldLines: number;
  /** Folded once no save came for this long. */
  idleMs: number;
}

export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { fromHighlights: 1000, foldBytes: 4_000_000, foldLines: 1000, idleMs: 2000 };

export type ListName = 'annotations' | 'orphans';
const LISTS: readonly ListName[] = ['annotations', 'orphans'];

export interface ListChanges {
  put?: { after: string | null; highlight: Annotation }[];
  drop?: string[];
}

export interface JournalBatch {
  seq: number;
  textHash: string;
  annotations?: ListChanges;
  orphans?: ListChanges;
}

/** What changed in one list since the last save, with the objects that came and went. */
export interface ListDiff {
  changes: ListChanges;
  added: Annotation[];
  removed: Annotation[];
}

/**
 * What a list held at the last save, to find what changed since. Highlights are never changed
 * in place (the service puts a new object in), so a changed one is a new object: comparing
 * objects, not fields, finds the changes in one pass of the list, with no lookup for the
 * highlights that stayed where they were.
 */
export class WrittenList {
  private items: Annotation[];
  private readonly present: Set<Annotation>;

  constructor(items: readonly Annotation[]) {
    this.items = items.slice();
    this.present = new Set(items);
  }

  /**
   * The changes from the last save to `current`, or null when highlights kept from then are no
   * longer in their order (a list sorted in place): that is saved by folding.
   */
  diff(current: readonly Annotation[]): ListDiff | null {
    const put: NonNullable<ListChanges['put']> = [];
    const removed: Annotation[] = [];
    const before = this.items;
    let j = 0;
    for (let i = 0; i < current.length; i++) {
      const item = current[i]!;
      if (item === before[j]) {
        j++;
        continue;
      }
      if (!this.present.has(item)) {
        put.push({ after: i === 0 ? null : current[i - 1]!.id, highlight: item });
        continue;
      }
      // Kept from before, further on: what comes before it there is gone. One kept but moved
      // back is never found ahead, so a move ends here.
      while (j < before.length && before[j] !== item) removed.push(before[j++]!);
      if (j === before.length) return null;
      j++;
    }
    while (j < before.length) removed.push(before[j++]!);
    // A replaced highlight is dropped and put under one id: the put alone says it.
    const putIds = new Set(put.map((p) => p.highlight.id));
    const drop = removed.map((a) => a.id).filter((id) => !putIds.has(id));
    return { changes: { ...(put.length > 0 && { put }), ...(drop.length > 0 && { drop }) }, added: put.map((p) => p.highlight), removed };
  }

  /** The save went to disk: `current` is what the disk holds now. */
  saved(current: readonly Annotation[], diff: ListDiff): void {
    for (const item of diff.added) this.present.add(item);
    for (const item of diff.removed) this.present.delete(item);
    this.items = current.slice();
  }
}

/** The diffs of both lists, or null when only a fold saves them (see WrittenList.diff). */
export function diffLists(written: Record<ListName, WrittenList>, data: AnnotationsFile): Record<ListName, ListDiff> | null {
  const annotations = written.annotations.diff(data.annotations);
  const orphans = annotations && written.orphans.diff(data.orphans);
  return annotations && orphans ? { annotations, orphans } : null;
}

/** The journal line of two lists' diffs. */
export function batchOf(seq: number, textHash: string, diffs: Record<ListName, ListDiff>): JournalBatch {
  const batch: JournalBatch = { seq, textHash };
  for (const list of LISTS) if (diffs[list].changes.put || diffs[list].changes.drop) batch[list] = diffs[list].changes;
  return batch;
}

export function isEmptyBatch(batch: JournalBatch): boolean {
  return !batch.annotations && !batch.orphans;
}

function applyChanges(list: Annotation[], changes: ListChanges | undefined, fail: (what: string) => never): Annotation[] {
  if (!changes) return list;
  const gone = new Set([...(changes.drop ?? []), ...(changes.put ?? []).map((p) => p.highlight.id)]);
  const kept = gone.size > 0 ? list.filter((a) => !gone.has(a.id)) : list;
  for (const { after, highlight } of changes.put ?? []) {
    const at = after === null ? 0 : kept.findIndex((a) => a.id === after) + 1;
    if (at === 0 && after !== null) fail(`it places highlight ${highlight.id} after ${after}, which is not there`);
    kept.splice(at, 0, highlight);
  }
  return kept;
}

export interface JournalProblem {
  line: number;
  message: string;
}

/** One line's problem, or the batch it holds. Checks what the app relies on, as the snapshot's reader does. */
function parseLine(line: string): JournalBatch | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return `it is not valid JSON (${(error as Error).message})`;
  }
  const batch = raw as Partial<JournalBatch> | null;
  if (batch === null || typeof batch !== 'object' || !Number.isInteger(batch.seq) || typeof batch.textHash !== 'string') return 'it lacks its seq or textHash';
  for (const list of LISTS) {
    const changes = batch[list];
    if (changes === undefined) continue;
    if (changes === null || typeof changes !== 'object') return `its ${list} are not changes`;
    if (changes.drop !== undefined && !(Array.isArray(changes.drop) && changes.drop.every((id) => typeof id === 'string'))) return `its ${list}' drop is not a list of ids`;
    if (changes.put !== undefined && !Array.isArray(changes.put)) return `its ${list}' put is not a list`;
    for (const put of changes.put ?? []) {
      if (put === null || typeof put !== 'object' || !(put.after === null || typeof put.after === 'string') || !isStoredHighlight(put.highlight)) {
        return `a highlight it puts in ${list} lacks an id, a label, a valid start and end, or its text, or its place (after)`;
      }
      if (typeof put.highlight.author !== 'string') put.highlight.author = '';
    }
  }
  return batch as JournalBatch;
}

export interface ReadJournal {
  /** Complete lines; a last line a kill cut short (no newline) is left out. */
  batches: { line: number; batch: JournalBatch }[];
  problems: JournalProblem[];
  /** Count of complete lines. */
  lines: number;
}

/** Reads a journal's text line by line; problems name their line (1-based). */
export function readJournal(text: string): ReadJournal {
  const parts = text.split('\n');
  // The last part is '' after a final newline, or an unfinished line a kill left: never acknowledged.
  parts.pop();
  const batches: ReadJournal['batches'] = [];
  const problems: JournalProblem[] = [];
  let seq: number | null = null;
  parts.forEach((line, index) => {
    const parsed = parseLine(line);
    if (typeof parsed === 'string') problems.push({ line: index + 1, message: parsed });
    else {
      if (seq !== null && parsed.seq !== seq + 1) problems.push({ line: index + 1, message: `its seq ${parsed.seq} does not follow ${seq}` });
      seq = parsed.seq;
      batches.push({ line: index + 1, batch: parsed });
    }
  });
  return { batches, problems, lines: parts.length };
}

/**
 * Applies the journal's batches after the snapshot's journalSeq to `data` (in place). A journal
 * that does not carry on from its snapshot (a gap, another text, a line that does not parse) is
 * damage: refused as a damaged file is, never half applied. Returns the last seq applied.
 */
export function replayJournal(journalFile: string, text: string, data: AnnotationsFile, fileTextHash = data.textHash): { seq: number; lines: number } {
  const fail = (line: number, what: string): never => {
    throw new StoreFileError(
      journalFile,
      `${path.basename(journalFile)} is damaged: line ${line}: ${what}. It was left untouched; restore its document's annotations from a backup (the journal is set aside with it) or fix it by hand, then open the workspace again.`,
    );
  };
  const read = readJournal(text);
  if (read.problems[0]) fail(read.problems[0].line, read.problems[0].message);
  let seq = data.journalSeq ?? 0;
  let { annotations, orphans } = data;
  for (const { line, batch } of read.batches) {
    if (batch.seq <= seq) continue;
    if (batch.seq !== seq + 1) fail(line, `its seq ${batch.seq} does not follow the annotations file's ${seq}`);
    if (batch.textHash !== fileTextHash) fail(line, `it was saved on text ${batch.textHash.slice(0, 12)}…, the annotations file is on ${fileTextHash.slice(0, 12)}…`);
    annotations = applyChanges(annotations, batch.annotations, (what) => fail(line, what));
    orphans = applyChanges(orphans, batch.orphans, (what) => fail(line, what));
    seq = batch.seq;
  }
  data.annotations = annotations;
  data.orphans = orphans;
  return { seq, lines: read.lines };
}

/**
 * What `annotator validate` says of a journal: lines that do not parse, seqs that do not follow,
 * lines on another text, highlights outside it. `textLength` is the document's text's length.
 */
export function checkJournal(text: string, textHash: string, textLength: number): JournalProblem[] {
  const read = readJournal(text);
  const problems = [...read.problems];
  for (const { line, batch } of read.batches) {
    if (batch.textHash !== textHash) problems.push({ line, message: `it was saved on text ${batch.textHash.slice(0, 12)}…, not the document's ${textHash.slice(0, 12)}…` });
    for (const { highlight } of batch.annotations?.put ?? []) {
      if (highlight.end > textLength) problems.push({ line, message: `highlight ${highlight.id} ends at ${highlight.end}, past the text's end (${textLength})` });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** A journal as read on open: its last seq applied, complete lines and size in bytes. */
export interface JournalOnDisk {
  seq: number;
  lines: number;
  bytes: number;
}

/**
 * One document's journal as the store keeps it: what the disk holds (the lists as last saved,
 * the seq, how long the file is) and whether a fold is due. The store decides when to write;
 * this says what.
 */
export class DocumentJournal {
  written: Record<ListName, WrittenList>;
  seq: number;
  lines: number;
  bytes: number;
  /** The text the snapshot is on; another text (replaceText) is saved by folding. */
  private textHash: string;
  /** Asked for by idle, size, close, or a change of every highlight at once (replaceAnnotations). */
  foldAsked = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly file: string,
    data: AnnotationsFile,
    onDisk: JournalOnDisk,
    /** False until the annotations file exists: the first save writes it. */
    private snapshotOnDisk: boolean,
    private readonly limits: JournalLimits,
  ) {
    this.written = { annotations: new WrittenList(data.annotations), orphans: new WrittenList(data.orphans) };
    this.seq = onDisk.seq;
    this.lines = onDisk.lines;
    this.bytes = onDisk.bytes;
    this.textHash = data.textHash;
    // A journal left by a crash is folded on the first save, and on idle.
    if (onDisk.lines > 0) this.foldAsked = true;
  }

  /** True when the next save must write the whole file rather than a line. */
  mustFold(data: AnnotationsFile): boolean {
    return this.foldAsked || !this.snapshotOnDisk || data.textHash !== this.textHash || data.annotations.length + data.orphans.length < this.limits.fromHighlights;
  }

  /**
   * The line saving `data` appends, with what to record once it is on disk; 'none' when nothing
   * changed; null when only a fold saves it. Synchronous: no change slips in between.
   */
  nextBatch(data: AnnotationsFile): { line: string; saved: () => void } | 'none' | null {
    const diffs = diffLists(this.written, data);
    if (!diffs) return null;
    const batch = batchOf(this.seq + 1, data.textHash, diffs);
    if (isEmptyBatch(batch)) return 'none';
    const lists = { annotations: data.annotations.slice(), orphans: data.orphans.slice() };
    const line = JSON.stringify(batch);
    return {
      line,
      saved: () => {
        this.written.annotations.saved(lists.annotations, diffs.annotations);
        this.written.orphans.saved(lists.orphans, diffs.orphans);
        this.seq = batch.seq;
        this.lines++;
      },
    };
  }

  /** Past the size limit: fold now (after this save is acknowledged). */
  get full(): boolean {
    return this.lines >= this.limits.foldLines || this.bytes >= this.limits.foldBytes;
  }

  /** Calls `fold` once no save came for the idle time; each save starts the wait again. */
  foldWhenIdle(fold: () => void): void {
    this.stopIdle();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      fold();
    }, this.limits.idleMs);
    // A journal waiting to be folded must not keep a command-line run alive; close folds it.
    this.idleTimer.unref();
  }

  stopIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** The lists as a fold serializes them, taken in the same turn. */
  capture(data: AnnotationsFile): () => void {
    const annotations = data.annotations.slice();
    const orphans = data.orphans.slice();
    const textHash = data.textHash;
    // What the fold wrote is what the disk holds, once it is there.
    return () => {
      this.written = { annotations: new WrittenList(annotations), orphans: new WrittenList(orphans) };
      this.textHash = textHash;
      this.snapshotOnDisk = true;
      this.lines = 0;
      this.bytes = 0;
      this.foldAsked = false;
      this.stopIdle();
    };
  }
}
