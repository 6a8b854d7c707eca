// The behaviour behind every AnnotatorApi method that reads or adds to the workspace, and the
// queue that applies changes in order (each change is made by changes/apply-change.ts). Every
// host calls it through the handlers, so the desktop window and the browser host cannot drift apart.
import {
  ApiError,
  type Annotation,
  type AnnotationColumns,
  type Appearance,
  type ChangeRefusal,
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
import { applyEach, touchedBy, type TouchedEntities } from './changes/change-batch.js';
import { decodeBase64 } from './documents/base64.js';
import { addPastedDocument, addReadDocument } from './documents/document-intake.js';
import { readDocument, type ReadDocument } from './documents/index.js';
import { tagTurnsAsQuotes } from './documents/transcript-speakers.js';
import { ClaimHistory } from './review/claim-history.js';
import { listClaims } from './review/review-desk.js';
import { DocumentSources } from './documents/document-sources.js';
import type { StoredDocument, WorkspaceStore } from './store/workspace-store.js';
import { writeFailure } from './store/write-failures.js';
import { rejectSuggestions, suggestionsFor } from './suggestions/for-document.js';
import { SUGGESTER_LIMITS, cancelledRun, suggestInWorker } from './suggestions/in-worker.js';
import type { KnownSpeaker } from './suggestions/types.js';
import type { SuggestionsResult } from '../contract/schemas/suggestions.js';

export { CONTEXT_LENGTH } from '../contract/spans.js';
export type { TouchedEntities } from './changes/change-batch.js';

export type HostKind = Session['host'];

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
  /** Suggest runs under way, by the window's name for each: cancelSuggestions ends one. */
  private readonly suggestionRuns = new Map<string, AbortController>();

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
  addReadDocument(fileName: string, read: ReadDocument, filePath: string | null): Promise<DocumentSummary> {
    return addReadDocument(this, fileName, read, filePath);
  }

  /** Pasted text becomes a 'text' document (documents/document-intake.ts). */
  addPastedDocument(title: string, text: string, sourceUrl?: string | null): Promise<DocumentSummary> {
    return addPastedDocument(this, title, text, sourceUrl);
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
    const applying = this.changeQueue.then(() => applyEach(this.changes, changes, caller));
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

  /** Proposed quotes and claims for a document (see suggestions/for-document.ts); never stored as highlights. */
  async suggestAnnotations(documentId: string, fresh: boolean, caller?: Caller, runId?: string): Promise<SuggestionsResult> {
    await this.settled();
    const doc = this.requireDocument(documentId);
    const run = new AbortController();
    if (runId) {
      if (this.suggestionRuns.has(runId)) throw new ApiError('bad-request', `A Suggest run named ${runId} is already under way; name each run afresh.`);
      this.suggestionRuns.set(runId, run);
    }
    try {
      // Under blind annotation only the person's own highlights may hide a suggestion: others' must not show through.
      const suggester = (text: string, speakers: readonly KnownSpeaker[], signal?: AbortSignal) => suggestInWorker(text, speakers, SUGGESTER_LIMITS, signal);
      const result = await suggestionsFor(this.store, doc, fresh, { suggester, signal: run.signal, visible: lensFor(this.store, caller)(doc) });
      if (run.signal.aborted) throw cancelledRun();
      return result;
    } finally {
      if (runId) this.suggestionRuns.delete(runId);
    }
  }

  /** Calls off a Suggest run the window started; false when it had already ended. */
  cancelSuggestions(runId: string): { cancelled: boolean } {
    const run = this.suggestionRuns.get(runId);
    run?.abort();
    return { cancelled: run !== undefined };
  }

  async rejectSuggestions(documentId: string, keys: readonly string[]): Promise<{ rejected: number }> {
    const doc = this.requireDocument(documentId);
    if (this.store.readOnly) throw new ApiError('read-only', 'The workspace is read-only, so this rejection cannot be kept; the suggestion is hidden until you reopen the story.');
    try {
      return { rejected: await rejectSuggestions(this.store, doc, keys) };
    } catch (error) {
      throw writeFailure(error);
    }
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

