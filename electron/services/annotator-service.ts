// The behaviour behind every AnnotatorApi method that reads or adds to the workspace, and the
// queue that applies changes in order (each change is made by changes/apply-change.ts). Every
// host calls it through the handlers, so the desktop window and the browser host cannot drift apart.
import { promises as fs } from 'node:fs';
import {
  ApiError,
  TRANSCRIPT_FORMATS,
  type Annotation,
  type AnnotationColumns,
  type Appearance,
  type ChangeRefusal,
  parseChange,
  type DocumentSummary,
  type OpenedDocument,
  type ReadOptions,
  type ClaimHistoryEntry,
  type ClaimRow,
  type Caller,
  type Person,
  type Session,
} from '../contract/api.js';
import { compareSpans, isInTextOrder, sortedIndex, toAnnotationColumns } from '../contract/spans.js';
import { lensFor, summaryFor, visibleOnly } from './blind-lens.js';
import { ChangeInterpreter } from './changes/apply-change.js';
import { decodeBase64 } from './documents/base64.js';
import { baseNameOf } from './documents/checks.js';
import { normalizeText, readDocument, type ReadDocument } from './documents/index.js';
import { addTranscriptSpeakers, tagTurnsAsQuotes } from './documents/transcript-speakers.js';
import { ClaimHistory } from './review/claim-history.js';
import { listClaims } from './review/review-desk.js';
import { DocumentSources } from './documents/document-sources.js';
import { StoreFileError } from './store/durable-json-file.js';
import type { StoredDocument, WorkspaceStore } from './store/workspace-store.js';
import { isWriteFailure, writeFailure } from './store/write-failures.js';

export { CONTEXT_LENGTH } from '../contract/spans.js';

const fileExists = (filePath: string) => fs.stat(filePath).then(
  () => true,
  () => false,
);

export type HostKind = Session['host'];

/** What a durable batch touched: its documents' highlights, or all of them (a speaker merge, an import). */
export type TouchedEntities = { documentIds: string[] | 'all'; mergedSpeakers?: Record<string, string> };

function touchedBy(changes: readonly unknown[]): TouchedEntities {
  const ids = new Set<string>();
  const mergedSpeakers: Record<string, string> = {};
  let all = false;
  for (const change of changes) {
    const { kind, documentId, survivorId, mergedId } = (change ?? {}) as { kind?: string; documentId?: unknown; survivorId?: unknown; mergedId?: unknown };
    if (kind === 'mergeSpeakers' && typeof survivorId === 'string' && typeof mergedId === 'string') mergedSpeakers[mergedId] = survivorId;
    if (kind === 'mergeSpeakers' || kind === 'restoreDocument') all = true;
    if (typeof documentId === 'string') ids.add(documentId);
  }
  return { documentIds: all ? 'all' : [...ids], mergedSpeakers };
}

export class AnnotatorService {
  /** applyChanges calls are applied one after another, in the order they arrived. */
  private changeQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: WorkspaceStore,
    private readonly host: HostKind,
    private readonly capabilities: Session['capabilities'] = { nativeOpenDialog: false, recentFiles: false },
  ) {}

  readonly sources = new DocumentSources(this);
  /** Told after each batch that is on disk, with the documents it touched (team sync's outbound). */
  private readonly durableListeners = new Set<(touched: TouchedEntities) => void>();

  /** One hook for whatever must follow durable local edits; returns the unsubscribe. */
  afterDurable(listener: (touched: TouchedEntities) => void): () => void {
    this.durableListeners.add(listener);
    return () => this.durableListeners.delete(listener);
  }

  notifyDurable(touched: TouchedEntities): void {
    for (const listener of this.durableListeners) listener(touched);
  }

  /**
   * Changes from the team's database (team sync), applied in turn with applyChanges through
   * the same interpreter and checks; `work` returns the writes, answered once on disk.
   */
  applyFromTeam<T>(work: (changes: ChangeInterpreter) => Promise<{ writes: Promise<void>[]; result: T }>): Promise<T> {
    return this.exclusive(async () => {
      this.requireWritable();
      const { writes, result } = await work(this.changes);
      await Promise.all([...writes, this.store.written(), this.history.written()]);
      return result;
    });
  }
  private readonly changes = new ChangeInterpreter(this);
  private claimHistory?: ClaimHistory;
  get history(): ClaimHistory {
    if (!this.claimHistory) {
      this.claimHistory = new ClaimHistory(this.store.dir);
      // A claim's line reaches the disk before its change: no change on disk is without its line.
      this.store.writeAnnotationsAfter(this.claimHistory);
    }
    return this.claimHistory;
  }

  /**
   * A claim's history as the review desk shows it: set against the claim on disk, so a kill
   * between its two writes leaves no line for a change that was lost and no change without a
   * line. Runs in turn with applyChanges, once their writes are on disk; while the workspace is
   * read-only (the claim may be shown from a backup) the lines are shown as they are.
   */
  async claimHistoryOf(documentId: string, annotationId: string): Promise<ClaimHistoryEntry[]> {
    const doc = this.requireDocument(documentId);
    return this.exclusive(async () => {
      if (this.store.readOnly) return this.history.list(documentId, annotationId);
      const annotation = (await this.store.annotations(doc)).find((a) => a.id === annotationId);
      const onDisk = await this.store.written().then(() => true, () => false);
      if (!onDisk || this.store.readOnly) return this.history.list(documentId, annotationId);
      return this.history.list(documentId, annotationId, { annotation, firstStatusId: this.changes.firstStatusId() });
    });
  }

  /** Runs `work` in turn with applyChanges, so nothing else changes the store meanwhile. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.changeQueue.catch(() => undefined).then(work);
    this.changeQueue = run.catch(() => undefined);
    return run;
  }

  /** A damaged store file makes the workspace read-only until its backup is restored. */
  requireWritable(): void {
    const problem = this.store.problem;
    if (problem) {
      throw new ApiError(
        'read-only',
        `Nothing can be saved: ${problem.fileName} is damaged, so the workspace is read-only. ` +
          (problem.backupTakenAt ? 'Restore its last good backup (the button at the top of the window) to go on working.' : 'Fix or remove that file, then open the workspace again.'),
      );
    }
  }

  private summary(doc: StoredDocument): DocumentSummary {
    return { ...doc };
  }

  requireDocument(documentId: string): StoredDocument {
    const doc = this.store.findDocument(documentId);
    if (!doc) throw new ApiError('not-found', `No document with id ${documentId} is in this workspace. It may have been removed; pick another from the list.`);
    return doc;
  }

  /** Under blind annotation a window's session counts only the highlights its person sees. */
  async getSession(caller?: Caller): Promise<Session> {
    await this.settled();
    const data = this.store.data;
    const documents = await Promise.all(data.documents.map((doc) => summaryFor(this.store, doc, caller)));
    return {
      host: this.host,
      workspaceDir: this.store.dir,
      capabilities: this.capabilities,
      labels: data.labels,
      statuses: data.statuses,
      speakers: data.speakers,
      documents,
      lastDocumentId: data.settings.lastDocumentId,
      annotatorName: data.settings.annotatorName,
      reviewSettings: {
        organisation: data.settings.organisation,
        claimReviewUrl: data.settings.claimReviewUrl,
        reviewerNotesInReport: data.settings.reviewerNotesInReport === true,
        blindAnnotation: data.settings.blindAnnotation === true,
        ...(data.settings.layer && { layer: data.settings.layer }),
      },
      storeProblem: this.store.problem,
    };
  }

  /**
   * Loads the last open document's text and highlights while the window is still starting, so
   * a long transcript's file is already parsed when the window asks for it.
   */
  async prefetchLastDocument(): Promise<void> {
    const documentId = this.store.data.settings.lastDocumentId;
    const doc = documentId ? this.store.findDocument(documentId) : undefined;
    if (!doc) return;
    try {
      await Promise.all([this.store.readText(doc), this.store.annotations(doc)]);
    } catch {
      // Opening it for real will report the problem in words.
    }
  }

  /** Reads wait for changes that arrived before them (a reload can overtake its own last save). */
  private async settled(): Promise<void> {
    await this.changeQueue;
  }

  async openDocument(documentId: string, annotationsBefore?: number, caller?: Caller): Promise<OpenedDocument> {
    await this.settled();
    const doc = this.requireDocument(documentId);
    // A file changed since it was last read (in this run or before) is re-anchored first.
    const source = await this.sources.check(doc);
    const text = await this.readText(doc);
    const visible = lensFor(this.store, caller)(doc);
    const annotations = visibleOnly(await this.annotationsInOrder(doc), visible);
    const cut = annotationsBefore === undefined ? annotations.length : sortedIndex(annotations, { id: '', start: annotationsBefore, end: Infinity });
    return {
      document: await summaryFor(this.store, doc, caller),
      text,
      annotations: toAnnotationColumns(cut === annotations.length ? annotations : annotations.slice(0, cut)),
      annotationsComplete: cut === annotations.length,
      orphans: visibleOnly(await this.store.orphans(doc), visible),
      source,
    };
  }

  /** The highlights that start at or after `startingFrom`: the rest of a document opened in part. */
  async listAnnotations(documentId: string, startingFrom: number, caller?: Caller): Promise<AnnotationColumns> {
    await this.settled();
    const doc = this.requireDocument(documentId);
    const annotations = visibleOnly(await this.annotationsInOrder(doc), lensFor(this.store, caller)(doc));
    return toAnnotationColumns(annotations.slice(sortedIndex(annotations, { id: '', start: startingFrom, end: Infinity })));
  }

  async readText(doc: StoredDocument): Promise<string> {
    try {
      return await this.store.readText(doc);
    } catch {
      throw new ApiError(
        'store-error',
        `The saved text of "${doc.title}" is missing from the workspace (texts/${doc.textHash}.txt). Open the original file again to restore it.`,
      );
    }
  }

  private async annotationsInOrder(doc: StoredDocument): Promise<Annotation[]> {
    const annotations = await this.store.annotations(doc);
    // Stores written before text order was kept (or edited by hand) are put in order once.
    if (!isInTextOrder(annotations)) annotations.sort(compareSpans);
    return annotations;
  }

  /** Reads a file's bytes (from a dialog, a drop, the command line or an upload) into the workspace. */
  async importBytes(fileName: string, bytes: Uint8Array, options: ReadOptions & { filePath?: string | null } = {}): Promise<DocumentSummary> {
    this.requireWritable();
    const read = await readDocument(fileName, bytes, { encoding: options.encoding });
    return this.addReadDocument(fileName, read, options.filePath ?? null);
  }

  /** A document read by readDocument joins the workspace (or finds itself there); a transcript's speakers too. */
  async addReadDocument(fileName: string, read: ReadDocument, filePath: string | null): Promise<DocumentSummary> {
    this.requireWritable();
    const baseName = baseNameOf(fileName);
    const { document, created } = await this.store.addDocument(baseName, read.title, read.text, {
      format: read.format,
      encoding: read.encoding,
      encodingDetected: read.encodingDetected,
      sourceUrl: read.sourceUrl,
      filePath,
      pageStarts: read.pageStarts,
      headline: read.headline,
      outlet: read.outlet,
      byline: read.byline,
      publishedOn: read.publishedOn,
    });
    if (!created && filePath && document.filePath !== filePath && !(document.filePath && (await fileExists(document.filePath)))) {
      // The same text opened from a path links a document that had none, or whose file is gone;
      // a copy elsewhere does not take over a link that still works.
      const { format, encoding, encodingDetected, sourceUrl } = read;
      Object.assign(document, { filePath, fileName: baseName, format, encoding, encodingDetected, sourceUrl: sourceUrl ?? document.sourceUrl });
      await this.store.saveWorkspace();
    }
    if (TRANSCRIPT_FORMATS.includes(document.format)) await this.exclusive(() => addTranscriptSpeakers(this.store, read.text));
    this.notifyDurable({ documentIds: [document.id] });
    return this.summary(document);
  }

  /**
   * Pasted text becomes a 'text' document, normalized as a text file is (so pasting a file's
   * text finds that file's document). Its file name follows the title, for exports that name files.
   */
  async addPastedDocument(title: string, text: string, sourceUrl?: string | null): Promise<DocumentSummary> {
    this.requireWritable();
    const normalized = normalizeText(text);
    if (normalized.trim() === '') throw new ApiError('empty-file', 'There is no text to make a document of: paste some text first.');
    const name = title.trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 100) || 'Pasted text';
    const { document } = await this.store.addDocument(`${name}.txt`, title.trim(), normalized, {
      format: 'text',
      encoding: 'utf-8',
      encodingDetected: false,
      sourceUrl: sourceUrl?.trim() || null,
    });
    this.notifyDurable({ documentIds: [document.id] });
    return this.summary(document);
  }

  async importBase64(fileName: string, contentBase64: string, options: ReadOptions = {}): Promise<DocumentSummary> {
    return this.importBytes(fileName, decodeBase64(contentBase64), options);
  }

  /** Tags every turn of a transcript as a Quote by its speaker; turns already tagged are left. */
  tagTranscriptLines(documentId: string, caller?: Caller): Promise<{ tagged: number; speakersAdded: string[] }> {
    return this.exclusive(async () => {
      this.requireWritable();
      const doc = this.requireDocument(documentId);
      return tagTurnsAsQuotes(this.store, doc, await this.readText(doc), this.changes.byWhom(caller?.person ?? null), lensFor(this.store, caller)(doc));
    });
  }

  /**
   * Changes are applied in memory one batch after another, in the order they arrived, each on
   * its own: a refused change is reported and the rest still apply. The answer comes once the
   * applied ones are on disk. Reads wait for the applying, not for the disk. Each change is
   * recorded as made by the caller's person (the window's), else by the workspace's name.
   */
  applyChanges(changes: readonly unknown[], caller?: Caller): Promise<{ applied: number; refused: ChangeRefusal[] }> {
    try {
      this.requireWritable();
    } catch (error) {
      const { code, message } = error as ApiError;
      return Promise.resolve({ applied: 0, refused: changes.map((_, index) => ({ index, code, message })) });
    }
    const applying = this.changeQueue.then(() => this.applyEach(changes, caller));
    // A call that fails fails alone: the calls queued after it still run.
    this.changeQueue = applying.catch(() => undefined);
    return applying.then(async ({ applied, refused, writes }) => {
      // Acknowledged only once on disk: this batch's writes, and any earlier one that failed
      // (a resent batch finds its changes in memory already and schedules none of its own).
      writes.add(this.store.written());
      writes.add(this.history.written());
      try {
        await Promise.all(writes);
      } catch (error) {
        throw writeFailure(error);
      }
      if (applied > 0) this.notifyDurable(touchedBy(changes));
      return { applied, refused };
    });
  }

  private async applyEach(changes: readonly unknown[], caller?: Caller) {
    const writes = new Set<Promise<void>>();
    const refused: ChangeRefusal[] = [];
    let applied = 0;
    for (const [index, raw] of changes.entries()) {
      try {
        for (const write of await this.changes.apply(parseChange(raw), caller)) writes.add(write);
        applied++;
      } catch (error) {
        // A store file this change needs that cannot be read (it names the file and what to do)
        // refuses this change alone.
        if (error instanceof StoreFileError) {
          refused.push({ index, code: 'store-error', message: error.message });
          continue;
        }
        // Anything but a refusal of this one change is ours, and fails the call.
        if (!(error instanceof ApiError)) throw error;
        if (isWriteFailure(error)) {
          // Not a refusal of the change: the whole batch fails, to be sent again.
          const failed = Promise.reject(error);
          failed.catch(() => undefined);
          writes.add(failed);
          continue;
        }
        refused.push({ index, code: error.code, message: error.message });
      }
    }
    return { applied, refused, writes };
  }

  /** Every claim in the workspace, for the review desk. */
  async listClaims(): Promise<ClaimRow[]> {
    await this.settled();
    return listClaims(this.store);
  }

  /** Every mention, quote and claim of a speaker, in document order then text order. */
  async listSpeakerAppearances(asked: string, caller?: Caller): Promise<Appearance[]> {
    await this.settled();
    const speakerId = this.changes.speakerIdOf(asked);
    this.changes.requireSpeaker(speakerId);
    const appearances: Appearance[] = [];
    const lens = lensFor(this.store, caller);
    for (const doc of this.store.data.documents) {
      for (const annotation of visibleOnly(await this.store.annotations(doc), lens(doc))) {
        if (annotation.speakerId !== speakerId) continue;
        const flat = annotation.text.replace(/\s+/g, ' ');
        appearances.push({
          documentId: doc.id,
          documentTitle: doc.title,
          annotationId: annotation.id,
          labelId: annotation.labelId,
          start: annotation.start,
          excerpt: flat.length > 160 ? `${flat.slice(0, 158)}…` : flat,
        });
      }
    }
    return appearances;
  }
}

