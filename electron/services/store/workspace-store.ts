// The workspace on disk: workspace.json (labels, speakers, documents, settings), one
// annotations file per document, immutable text snapshots named by SHA-256, and rolling
// backups. A store file that fails to parse is never overwritten: the workspace opens
// read-only on the newest good backup of it until the user restores that backup
// (damaged-files.ts); a write the disk refuses is reported as write-failures.ts says.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { ApiError, DOCUMENT_FIELD_LIMITS, MAX_FILE_PATH_LENGTH, MAX_SOURCE_URL_LENGTH, SCHEMA_VERSION, isCalendarDate, type Annotation } from '../../contract/api.js';
import { DEFAULT_JOURNAL_LIMITS, DocumentJournal, journalFileOf, type JournalLimits } from './annotations-journal.js';
import { readAnnotations } from './annotations-reader.js';
import { DamagedFiles, isDamage, type StoreProblem } from './damaged-files.js';
import { appendLinesDurably } from './durable-lines.js';
import { CoalescingWriter, DurableJSONFile, StoreFileError, removeStaleTempFiles, writeFileDurably } from './durable-json-file.js';
import { BACKUPS_DIR, StoreBackups, listBackups, newestGoodBackup } from './store-backups.js';
import {
  emptyWorkspace,
  migrateAnnotationsFile,
  migrateWorkspaceFile,
  schemaVersionOf,
  serializeAnnotationsFile,
  type AnnotationsFile,
  type StoredDocument,
  type WorkspaceFile,
} from './store-migrations.js';
import { refusal, writeFailure } from './write-failures.js';

export { type StoreProblem } from './damaged-files.js';
export { migrateWorkspaceFile, serializeAnnotationsFile, type AnnotationsFile, type StoredDocument, type WorkspaceFile } from './store-migrations.js';

export const WORKSPACE_FILE = 'workspace.json';
export const ANNOTATIONS_DIR = 'annotations';
export const TEXTS_DIR = 'texts';

/** What the service may set on a document when it is added. */
export type DocumentMetadata = Partial<Pick<StoredDocument, 'id' | 'format' | 'encoding' | 'encodingDetected' | 'sourceUrl' | 'filePath' | 'pageStarts' | 'headline' | 'outlet' | 'byline' | 'publishedOn'>>;

/** Lines written ahead of the annotations files (see writeAnnotationsAfter). */
export interface AnnotationsJournal {
  readonly allWritten: boolean;
  written(): Promise<void>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A document's id follows from its text, so the same text opened twice is one document. */
export function documentIdFor(textHash: string): string {
  return `doc-${textHash.slice(0, 16)}`;
}

const within = (value: string | null | undefined, max: number) => (value && value.length <= max ? value : null);

export class WorkspaceStore {
  private readonly annotationDbs = new Map<string, Promise<Low<AnnotationsFile>>>();
  private readonly annotationWriters = new Map<string, CoalescingWriter>();
  /** Each loaded document's journal (annotations-journal.ts): a save appends what changed. */
  private readonly journals = new Map<string, DocumentJournal>();
  private journalLimits: JournalLimits = DEFAULT_JOURNAL_LIMITS;
  /** Annotation files read with an older schema, by document id: their first write backs them up for good. */
  private readonly annotationsFromSchema = new Map<string, number>();
  private readonly textCache = new Map<string, string>();
  /** Imports under way, by text hash: the same text opened twice at once is still one document. */
  private readonly adding = new Map<string, Promise<{ document: StoredDocument; created: boolean }>>();
  private readonly workspaceWriter: CoalescingWriter;
  private readonly damaged: DamagedFiles;
  private readonly backups: StoreBackups;
  private readonly workspacePath: string;
  private journal: AnnotationsJournal | null = null;
  /** Resolves once the background pass over the document list's counts is done (see reconcileCounts). */
  countsReconciled: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly db: Low<WorkspaceFile>,
    /** The schema workspace.json was read with, when older than this app's. */
    private workspaceFromSchema: number | null,
  ) {
    this.workspacePath = path.join(dir, WORKSPACE_FILE);
    this.damaged = new DamagedFiles(dir);
    this.backups = new StoreBackups(dir);
    this.workspaceWriter = new CoalescingWriter(async () => {
      this.refuseIfReadOnly();
      try {
        await this.backups.beforeOverwrite(this.workspacePath, this.workspaceFromSchema);
        await this.db.write();
      } catch (error) {
        throw writeFailure(error);
      }
      this.workspaceFromSchema = null;
    });
  }

  /**
   * Opens (or starts) the workspace in `dir`. A damaged workspace.json opens read-only on its
   * newest good backup (see `problem`); one from a newer schema is refused with a StoreFileError.
   */
  static async open(dir: string, options: { lookOnly?: boolean; journal?: Partial<JournalLimits> } = {}): Promise<WorkspaceStore> {
    const resolved = path.resolve(dir);
    if (!options.lookOnly) {
      await fs.mkdir(path.join(resolved, ANNOTATIONS_DIR), { recursive: true });
      await fs.mkdir(path.join(resolved, TEXTS_DIR), { recursive: true });
    }
    const filePath = path.join(resolved, WORKSPACE_FILE);
    const adapter = new DurableJSONFile<WorkspaceFile>(filePath);
    let raw: unknown = null;
    let data: WorkspaceFile;
    let damage: StoreFileError | null = null;
    try {
      raw = await adapter.read();
      data = raw === null ? emptyWorkspace() : migrateWorkspaceFile(filePath, raw);
      if (raw === null && (await listBackups(resolved, filePath)).length > 0) {
        // Gone, not new: starting afresh would save an empty workspace over the document list.
        throw new StoreFileError(
          filePath,
          'workspace.json is missing, though the backups folder holds copies of it; nothing was created in its place. To start an empty workspace instead, move the backups folder out of the workspace folder.',
        );
      }
    } catch (error) {
      if (!isDamage(error)) throw error;
      damage = error;
      data = emptyWorkspace();
    }
    const fromSchema = raw !== null && schemaVersionOf(raw) < SCHEMA_VERSION ? schemaVersionOf(raw) : null;
    const store = new WorkspaceStore(resolved, new Low<WorkspaceFile>(adapter, data), fromSchema);
    store.journalLimits = { ...DEFAULT_JOURNAL_LIMITS, ...options.journal };
    if (damage) {
      const fallback = await newestGoodBackup(resolved, filePath, (backup) => migrateWorkspaceFile(filePath, backup));
      if (fallback) store.db.data = fallback.data;
      store.damaged.mark(filePath, damage, fallback?.backup ?? null, null);
      return store;
    }
    if (options.lookOnly) {
      // A dry run, perhaps beside a running app: nothing is tidied, counted again or saved.
      store.lookOnly = true;
      return store;
    }
    // Temp files of writers that died mid-write are garbage: the rename never happened.
    for (const sub of ['', ANNOTATIONS_DIR, TEXTS_DIR, BACKUPS_DIR, path.join(BACKUPS_DIR, ANNOTATIONS_DIR)]) {
      await removeStaleTempFiles(path.join(resolved, sub));
    }
    if (raw === null) {
      store.backups.created(filePath);
      await store.saveWorkspace();
    }
    store.countsReconciled = store.reconcileCounts();
    return store;
  }

  /**
   * Counts in workspace.json can lag their annotations files after a crash, also for documents
   * nobody opens this run. Rather than read every file before the workspace opens (slow, and one
   * damaged file would make it read-only at start), this pass runs after open, one file at a
   * time, keeping only each list's length. A file it cannot read is skipped, never marked
   * damaged: that is noticed, as before, when its document is used. One save if anything changed.
   */
  private async reconcileCounts(): Promise<void> {
    let changed = false;
    for (const doc of [...this.db.data.documents]) {
      // A document already loaded has its count set by its own load (and kept by every change).
      if (this.annotationDbs.has(doc.id)) continue;
      const filePath = path.join(this.dir, ANNOTATIONS_DIR, `${doc.id}.json`);
      let count: number;
      try {
        count = (await readAnnotations(filePath, { id: doc.id, textHash: doc.textHash })).data?.annotations.length ?? 0;
      } catch {
        continue;
      }
      if (this.annotationDbs.has(doc.id) || !this.db.data.documents.includes(doc)) continue;
      if (doc.annotationCount !== count) {
        doc.annotationCount = count;
        changed = true;
      }
    }
    if (changed && !this.readOnly) await this.saveWorkspace().catch(() => undefined);
  }

  get data(): WorkspaceFile {
    return this.db.data;
  }

  /** True while a store file is damaged: every write is refused until a backup is restored. */
  get readOnly(): boolean {
    return this.damaged.readOnly || this.lookOnly;
  }

  /** Opened to look (an import's dry run): every write is refused. */
  private lookOnly = false;

  get problem(): StoreProblem | null {
    return this.damaged.problem;
  }

  private readOnlyError(): ApiError {
    if (this.lookOnly && !this.damaged.readOnly) return new ApiError('read-only', 'This workspace was opened only to look at it (a dry run); nothing is written.');
    return this.damaged.readOnlyError();
  }

  private refuseIfReadOnly(): void {
    if (this.readOnly) throw this.readOnlyError();
  }

  /**
   * Puts back the backup now shown for the damaged file named in `problem` (see
   * DamagedFiles.putBackFirst), and reads the file again.
   * The store leaves read-only mode once no damaged file is left. `restored` and `keptAs` are
   * relative to the workspace; `keptAs` is '' when the file was missing rather than damaged.
   */
  async restoreBackup(): Promise<{ restored: string; keptAs: string }> {
    const { damaged, keptAs } = await this.damaged.putBackFirst();
    if (damaged.documentId === null) {
      const raw = await this.db.adapter.read();
      this.db.data = migrateWorkspaceFile(damaged.filePath, raw);
      this.workspaceFromSchema = schemaVersionOf(raw) < SCHEMA_VERSION ? schemaVersionOf(raw) : null;
      // The backup may be older than highlights already loaded: each document follows its highlights.
      for (const doc of this.db.data.documents) {
        const loaded = this.annotationDbs.get(doc.id);
        if (loaded) await this.adoptAnnotationsText(doc, (await loaded.catch(() => null))?.data ?? null);
      }
    } else {
      // Read again from disk on next use. The journal carried on from the damaged file, not the
      // backup: it is kept aside beside it.
      const journal = journalFileOf(damaged.filePath);
      await fs.rename(journal, `${journal}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`).catch(() => undefined);
      this.dropLoaded(damaged.documentId);
    }
    return { restored: damaged.fileName, keptAs };
  }

  findDocument(documentId: string): StoredDocument | undefined {
    return this.db.data.documents.find((doc) => doc.id === documentId);
  }

  /** Resolves once workspace.json, as it is now, is on disk; refused (ApiError 'read-only') while read-only. */
  saveWorkspace(): Promise<void> {
    if (this.readOnly) return refusal(this.readOnlyError());
    return this.workspaceWriter.schedule();
  }

  async readText(doc: StoredDocument): Promise<string> {
    // Loading the highlights first settles which text they (and so the document) are on.
    await this.annotationsDb(doc).catch(() => undefined);
    const cached = this.textCache.get(doc.textHash);
    if (cached !== undefined) return cached;
    const text = await fs.readFile(this.snapshotPath(doc.textHash), 'utf8');
    // Keep a few texts: switching between open stories should not reread them.
    if (this.textCache.size >= 8) this.textCache.delete(this.textCache.keys().next().value!);
    this.textCache.set(doc.textHash, text);
    return text;
  }

  private snapshotPath(textHash: string): string {
    return path.join(this.dir, TEXTS_DIR, `${textHash}.txt`);
  }

  /** Writes a text snapshot unless it is already there (snapshots never change). */
  private async keepSnapshot(textHash: string, text: string): Promise<void> {
    const snapshot = this.snapshotPath(textHash);
    if (!(await fs.access(snapshot).then(() => true, () => false))) await writeFileDurably(snapshot, text);
  }

  /** Adds a document (or finds the one with the same text) and keeps its text snapshot. */
  async addDocument(
    fileName: string,
    title: string,
    text: string,
    metadata: DocumentMetadata = {},
  ): Promise<{ document: StoredDocument; created: boolean }> {
    this.refuseIfReadOnly();
    const textHash = sha256(text);
    const existing = this.db.data.documents.find((doc) => doc.textHash === textHash);
    if (existing) {
      // Opening the original again restores a snapshot that went missing.
      await this.keepSnapshot(textHash, text);
      return { document: existing, created: false };
    }
    // Taken out by an undone import: it comes back by the same id, with its highlights.
    const removed = this.db.data.removedDocuments?.find((doc) => doc.textHash === textHash);
    if (removed) {
      await this.keepSnapshot(textHash, text);
      return { document: await this.restoreDocument(removed.id), created: true };
    }
    const underWay = this.adding.get(textHash);
    if (underWay) return { document: (await underWay).document, created: false };
    const adding = this.writeNewDocument(fileName, title, text, textHash, metadata);
    this.adding.set(textHash, adding);
    try {
      return await adding;
    } finally {
      this.adding.delete(textHash);
    }
  }

  private async writeNewDocument(fileName: string, title: string, text: string, textHash: string, metadata: DocumentMetadata) {
    await writeFileDurably(this.snapshotPath(textHash), text);
    this.textCache.set(textHash, text);
    const document: StoredDocument = {
      // A team's document keeps the id its first text gave it, whatever text it holds now.
      id: metadata.id ?? documentIdFor(textHash),
      title,
      fileName,
      textHash,
      length: text.length,
      addedAt: new Date().toISOString(),
      annotationCount: 0,
      format: metadata.format ?? 'text',
      encoding: metadata.encoding ?? 'utf-8',
      encodingDetected: metadata.encodingDetected ?? false,
      // Loading refuses longer ones; a document without its link still reads back.
      sourceUrl: within(metadata.sourceUrl, MAX_SOURCE_URL_LENGTH),
      filePath: within(metadata.filePath, MAX_FILE_PATH_LENGTH),
      // A PDF's pages; what the file says of the story, when it says it (a page's meta tags, a PDF's properties).
      ...(metadata.pageStarts && { pageStarts: metadata.pageStarts }),
      ...(metadata.headline && { headline: within(metadata.headline, DOCUMENT_FIELD_LIMITS.headline) }),
      ...(metadata.outlet && { outlet: within(metadata.outlet, DOCUMENT_FIELD_LIMITS.outlet) }),
      ...(metadata.byline && { byline: within(metadata.byline, DOCUMENT_FIELD_LIMITS.byline) }),
      ...(metadata.publishedOn && isCalendarDate(metadata.publishedOn) && { publishedOn: metadata.publishedOn }),
    };
    this.db.data.documents.push(document);
    await this.saveWorkspace();
    return { document, created: true };
  }

  /** A document taken out of the list (removeDocument), by id; undefined when there is none. */
  findRemovedDocument(documentId: string): StoredDocument | undefined {
    return this.db.data.removedDocuments?.find((doc) => doc.id === documentId);
  }

  /**
   * Takes a document out of the list (a person removed it, or undid its import). Its text snapshot and
   * its annotations file stay where they are, and its record is kept in `removedDocuments`, so
   * restoreDocument (or adding the same text again) brings it back by the same id.
   */
  removeDocument(documentId: string): Promise<void> {
    this.refuseIfReadOnly();
    const data = this.db.data;
    const index = data.documents.findIndex((doc) => doc.id === documentId);
    if (index < 0) return Promise.resolve();
    const [doc] = data.documents.splice(index, 1);
    data.removedDocuments = [...(data.removedDocuments ?? []).filter((d) => d.id !== documentId), doc!];
    if (data.settings.lastDocumentId === documentId) data.settings.lastDocumentId = null;
    return this.saveWorkspace();
  }

  /** Brings a removed document back into the list, with what its annotations file holds. */
  async restoreDocument(documentId: string): Promise<StoredDocument> {
    this.refuseIfReadOnly();
    const data = this.db.data;
    const listed = this.findDocument(documentId);
    if (listed) return listed;
    const doc = this.findRemovedDocument(documentId);
    if (!doc) throw new ApiError('not-found', `No removed document with id ${documentId} is kept in this workspace, so it cannot be brought back. Import or open its file again.`);
    data.removedDocuments = data.removedDocuments!.filter((d) => d !== doc);
    if (data.removedDocuments.length === 0) delete data.removedDocuments;
    data.documents.push(doc);
    doc.annotationCount = (await this.annotations(doc)).length;
    await this.saveWorkspace();
    return doc;
  }

  /**
   * Forgets removed documents for good (compaction, once their files are deleted): their records
   * leave `removedDocuments` and nothing of them stays in memory. Resolves once saved.
   */
  async forgetRemovedDocuments(documentIds: readonly string[]): Promise<void> {
    this.refuseIfReadOnly();
    const data = this.db.data;
    const forget = new Set(documentIds);
    const kept = (data.removedDocuments ?? []).filter((doc) => !forget.has(doc.id));
    if (kept.length === (data.removedDocuments ?? []).length) return;
    for (const id of forget) {
      // A write still scheduled would bring the file back after it was deleted.
      await this.annotationWriters.get(id)?.idle();
      this.dropLoaded(id);
      this.annotationsFromSchema.delete(id);
    }
    if (kept.length > 0) data.removedDocuments = kept;
    else delete data.removedDocuments;
    await this.saveWorkspace();
  }

  /** Forgets a loaded document's highlights, writer and journal: read again on next use. */
  private dropLoaded(documentId: string): void {
    this.annotationDbs.delete(documentId);
    this.annotationWriters.delete(documentId);
    this.journals.get(documentId)?.stopIdle();
    this.journals.delete(documentId);
  }

  /** Where a text snapshot lives, by its hash. */
  snapshotFile(textHash: string): string {
    return this.snapshotPath(textHash);
  }

  /** The annotations file of a document, by id. */
  annotationsFile(documentId: string): string {
    return path.join(this.dir, ANNOTATIONS_DIR, `${documentId}.json`);
  }

  /** The journal of a document's annotations file (annotations-journal.ts), by id. */
  journalFile(documentId: string): string {
    return journalFileOf(this.annotationsFile(documentId));
  }

  /**
   * The document's text changed: keeps the new snapshot (old ones stay) and points the document
   * at it, with its highlights as re-anchored on it (unchanged when none are given). The id
   * stays. The annotations file, which carries the text's hash with the highlights, is written
   * in one go before workspace.json: a crash between the two is mended on the next load (see
   * adoptAnnotationsText), so highlights never sit on a text they were not placed on.
   */
  async replaceText(doc: StoredDocument, newText: string, placed?: { annotations: Annotation[]; orphans: Annotation[] }): Promise<void> {
    this.refuseIfReadOnly();
    const db = await this.annotationsDb(doc);
    this.refuseIfReadOnly();
    const textHash = sha256(newText);
    await this.keepSnapshot(textHash, newText);
    this.textCache.set(textHash, newText);
    doc.textHash = textHash;
    doc.length = newText.length;
    db.data.textHash = textHash;
    if (placed) {
      db.data.annotations = placed.annotations;
      db.data.orphans = placed.orphans;
    }
    await this.saveAnnotations(doc);
    await this.saveWorkspace();
  }

  /**
   * Highlights belong to the text their file names. When workspace.json names another (a crash
   * between the two writes of replaceText, or a workspace.json restored from an older backup),
   * the document follows its highlights: that snapshot is kept for good, and a changed source
   * file is re-anchored from there on the next check.
   */
  private async adoptAnnotationsText(doc: StoredDocument, raw: unknown): Promise<void> {
    const fileHash = (raw as { textHash?: unknown } | null)?.textHash;
    if (typeof fileHash !== 'string' || !/^[0-9a-f]{64}$/.test(fileHash) || fileHash === doc.textHash) return;
    let text: string;
    try {
      text = await fs.readFile(this.snapshotPath(fileHash), 'utf8');
    } catch {
      return;
    }
    doc.textHash = fileHash;
    doc.length = text.length;
    this.textCache.set(fileHash, text);
    if (!this.readOnly) this.saveWorkspace().catch(() => undefined);
  }

  private annotationsDb(doc: StoredDocument): Promise<Low<AnnotationsFile>> {
    let pending = this.annotationDbs.get(doc.id);
    if (!pending) {
      const filePath = path.join(this.dir, ANNOTATIONS_DIR, `${doc.id}.json`);
      const empty = (): AnnotationsFile => ({ schemaVersion: SCHEMA_VERSION, documentId: doc.id, textHash: doc.textHash, annotations: [], orphans: [] });
      const db = new Low<AnnotationsFile>(new DurableJSONFile<AnnotationsFile>(filePath, serializeAnnotationsFile), empty());
      const load = async () => {
        try {
          const { raw, data, journal } = await readAnnotations(filePath, doc, (raw) => this.adoptAnnotationsText(doc, raw));
          if (data) db.data = data;
          this.journals.set(doc.id, new DocumentJournal(journalFileOf(filePath), db.data, journal, raw !== null, this.journalLimits));
          if (raw === null) {
            this.backups.created(filePath);
            if (journal.lines === 0) return db;
          }
          if (raw !== null && schemaVersionOf(raw) < SCHEMA_VERSION) this.annotationsFromSchema.set(doc.id, schemaVersionOf(raw));
          // The count in workspace.json is written apart from this file, so a crash between the two
          // writes leaves it behind: the file's own list is the truth.
          if (doc.annotationCount !== db.data.annotations.length) {
            doc.annotationCount = db.data.annotations.length;
            if (!this.readOnly) this.saveWorkspace().catch(() => undefined);
          }
        } catch (error) {
          if (!isDamage(error)) throw error;
          // Shown from its newest good backup; nothing is written until the user restores it.
          const fallback = await newestGoodBackup(this.dir, filePath, (raw) => migrateAnnotationsFile(filePath, raw, doc.id, doc.textHash));
          db.data = fallback?.data ?? empty();
          this.damaged.mark(filePath, error, fallback?.backup ?? null, doc.id);
          this.journals.set(doc.id, new DocumentJournal(journalFileOf(filePath), db.data, { seq: 0, lines: 0, bytes: 0 }, false, this.journalLimits));
        }
        return db;
      };
      pending = load();
      // A failed read must be retried next time, not remembered.
      pending.catch(() => this.annotationDbs.delete(doc.id));
      this.annotationDbs.set(doc.id, pending);
      const loaded = pending;
      this.annotationWriters.set(
        doc.id,
        new CoalescingWriter(async () => {
          const opened = await loaded;
          this.refuseIfReadOnly();
          try {
            await this.writeAnnotations(doc, opened, filePath);
          } catch (error) {
            throw writeFailure(error);
          }
        }),
      );
    }
    return pending;
  }

  /**
   * Saves a document's highlights: a line in its journal with what changed since the last save,
   * or the whole file when a fold is due (see DocumentJournal.mustFold). Either way the claim
   * history's lines reach the disk first, and what is written is taken in the same turn as the
   * last check of them: it holds no change whose history line is still to be written.
   */
  private async writeAnnotations(doc: StoredDocument, opened: Low<AnnotationsFile>, filePath: string): Promise<void> {
    const journal = this.journals.get(doc.id)!;
    const data = opened.data;
    const fromSchema = this.annotationsFromSchema.get(doc.id) ?? null;
    if (fromSchema === null && !journal.mustFold(data)) {
      await this.historyWritten();
      const next = journal.mustFold(data) ? null : journal.nextBatch(data);
      if (next === 'none') return;
      if (next) {
        journal.bytes = await appendLinesDurably(journal.file, [next.line], 'cut');
        next.saved();
        if (journal.full) this.foldSoon(doc.id);
        else journal.foldWhenIdle(() => this.foldSoon(doc.id));
        return;
      }
    }
    await this.backups.beforeOverwrite(filePath, fromSchema);
    await this.historyWritten();
    // The batches in the journal are in this file now: replay skips them (a kill before the
    // journal is removed must not apply them twice).
    if (journal.seq > 0) data.journalSeq = journal.seq;
    const writing = opened.write();
    const folded = journal.capture(data);
    await writing;
    await fs.rm(journal.file, { force: true });
    folded();
    this.annotationsFromSchema.delete(doc.id);
  }

  private async historyWritten(): Promise<void> {
    const journal = this.journal;
    while (journal && !journal.allWritten) await journal.written();
  }

  /** Folds a document's journal into its file, off the save that asked (idle, size limit). */
  private foldSoon(documentId: string): void {
    const journal = this.journals.get(documentId);
    if (!journal || this.readOnly) return;
    journal.foldAsked = true;
    this.annotationWriters.get(documentId)?.schedule().catch(() => undefined);
  }

  /**
   * Lines that must be on disk before any annotations file is written (a claim's history): a
   * kill between the two writes then leaves at most a line whose change was lost, never a
   * change without its line.
   */
  writeAnnotationsAfter(journal: AnnotationsJournal): void {
    this.journal = journal;
  }

  /** The document's highlights, in a list the caller changes in place and saves with saveAnnotations. */
  async annotations(doc: StoredDocument): Promise<Annotation[]> {
    return (await this.annotationsDb(doc)).data.annotations;
  }

  /** Highlights a changed text could not place: a list like annotations(doc), saved the same way. */
  async orphans(doc: StoredDocument): Promise<Annotation[]> {
    return (await this.annotationsDb(doc)).data.orphans;
  }

  /** Replaces both lists at once (after re-anchoring) and resolves once the file is on disk. */
  async replaceAnnotations(doc: StoredDocument, annotations: Annotation[], orphans: Annotation[]): Promise<void> {
    this.refuseIfReadOnly();
    const db = await this.annotationsDb(doc);
    this.refuseIfReadOnly();
    db.data.annotations = annotations;
    db.data.orphans = orphans;
    // Every highlight is new: a line would hold the whole file.
    const journal = this.journals.get(doc.id);
    if (journal) journal.foldAsked = true;
    await this.saveAnnotations(doc);
  }

  /** Resolves once the document's annotations file, as it is now, is on disk; refused while read-only. */
  saveAnnotations(doc: StoredDocument): Promise<void> {
    const writer = this.annotationWriters.get(doc.id);
    if (!writer) throw new Error(`annotations of ${doc.id} were saved before they were loaded`);
    if (this.readOnly) return refusal(this.readOnlyError());
    return writer.schedule();
  }

  /**
   * Resolves once every change made in memory so far is on disk. A write that failed earlier is
   * tried again here, so a change whose first save failed is saved with whatever is sent next
   * (a resent batch applies nothing new, yet must not be acknowledged before its change is on
   * disk). Costs no write when nothing failed.
   */
  written(): Promise<void> {
    if (this.readOnly) return refusal(this.readOnlyError());
    const writers = [this.workspaceWriter, ...this.annotationWriters.values()];
    return Promise.all(writers.map((writer) => writer.written())).then(() => undefined);
  }

  /** Waits until every scheduled write is on disk, journals folded into their files (used before quitting). */
  async flush(): Promise<void> {
    await this.countsReconciled;
    await this.workspaceWriter.idle();
    await Promise.all([...this.annotationWriters.values()].map((writer) => writer.idle()));
    // Closed with every file whole: nothing left to replay, and the files alone say it all.
    const folds = [...this.journals].filter(([, journal]) => journal.lines > 0 || journal.foldAsked);
    for (const [id] of folds) this.foldSoon(id);
    await Promise.all(folds.map(([id]) => this.annotationWriters.get(id)?.idle()));
    for (const journal of this.journals.values()) journal.stopIdle();
  }
}
