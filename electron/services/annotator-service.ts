// The behaviour behind every AnnotatorApi method; both hosts call this, so the desktop
// window and the browser host can never drift apart.
import { promises as fs } from 'node:fs';
import {
  ApiError,
  TRANSCRIPT_FORMATS,
  type Annotation,
  type AnnotationColumns,
  type Appearance,
  type Change,
  type ChangeRefusal,
  type Label,
  parseChange,
  type DocumentSummary,
  type OpenedDocument,
  type ReadOptions,
  type ClaimHistoryEntry,
  type ClaimRow,
  type Session,
} from '../contract/api.js';
import { newAnnotation, updatedAnnotation } from '../contract/annotation-rules.js';
import { findSpeakerByName } from '../contract/speaker-names.js';
import { mergedSpeakerFields } from '../contract/speaker-rules.js';
import { compareSpans, isInTextOrder, sortedIndex, spanContext, toAnnotationColumns } from '../contract/spans.js';
import { decodeBase64 } from './base64.js';
import { baseNameOf } from './documents/checks.js';
import { readDocument, type ReadDocument } from './documents/index.js';
import { addTranscriptSpeakers, tagTurnsAsQuotes } from './transcript-speakers.js';
import { ClaimHistory, claimChanges } from './claim-history.js';
import { listClaims, saveStatuses } from './review-desk.js';
import { DocumentSources } from './document-sources.js';
import { StoreFileError } from './durable-json-file.js';
import { isWriteFailure, writeFailure, type StoredDocument, type WorkspaceStore } from './workspace-store.js';

export { CONTEXT_LENGTH } from '../contract/spans.js';

const fileExists = (filePath: string) => fs.stat(filePath).then(
  () => true,
  () => false,
);

/** Their ids carry meaning (quotes have speakers, claims have verdicts), so they stay. */
const BUILT_IN_LABELS = ['quote', 'speaker', 'claim'];

export type HostKind = Session['host'];

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export class AnnotatorService {
  /** applyChanges calls are applied one after another, in the order they arrived. */
  private changeQueue: Promise<unknown> = Promise.resolve();
  /**
   * Speaker ids a window made for a name the registry already had (two windows naming one
   * person at once), each to the speaker it became: that window's later changes still use it.
   */
  private readonly sameSpeaker = new Map<string, string>();
  /** Speakers merged away in this run: creating one again undoes the merge, it is no new name. */
  private readonly mergedAway = new Set<string>();

  constructor(
    readonly store: WorkspaceStore,
    private readonly host: HostKind,
    private readonly capabilities: Session['capabilities'] = { nativeOpenDialog: false, recentFiles: false },
  ) {}

  readonly sources = new DocumentSources(this);
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
      return this.history.list(documentId, annotationId, { annotation, firstStatusId: this.firstStatusId() });
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

  async getSession(): Promise<Session> {
    await this.settled();
    const data = this.store.data;
    return {
      host: this.host,
      workspaceDir: this.store.dir,
      capabilities: this.capabilities,
      labels: data.labels,
      statuses: data.statuses,
      speakers: data.speakers,
      documents: data.documents.map((doc) => this.summary(doc)),
      lastDocumentId: data.settings.lastDocumentId,
      annotatorName: data.settings.annotatorName,
      reviewSettings: { organisation: data.settings.organisation, claimReviewUrl: data.settings.claimReviewUrl },
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

  async openDocument(documentId: string, annotationsBefore?: number): Promise<OpenedDocument> {
    await this.settled();
    const doc = this.requireDocument(documentId);
    // A file changed since it was last read (in this run or before) is re-anchored first.
    const source = await this.sources.check(doc);
    const text = await this.readText(doc);
    const annotations = await this.annotationsInOrder(doc);
    const cut = annotationsBefore === undefined ? annotations.length : sortedIndex(annotations, { id: '', start: annotationsBefore, end: Infinity });
    return {
      document: this.summary(doc),
      text,
      annotations: toAnnotationColumns(cut === annotations.length ? annotations : annotations.slice(0, cut)),
      annotationsComplete: cut === annotations.length,
      orphans: await this.store.orphans(doc),
      source,
    };
  }

  /** The highlights that start at or after `startingFrom`: the rest of a document opened in part. */
  async listAnnotations(documentId: string, startingFrom: number): Promise<AnnotationColumns> {
    await this.settled();
    const doc = this.requireDocument(documentId);
    const annotations = await this.annotationsInOrder(doc);
    return toAnnotationColumns(annotations.slice(sortedIndex(annotations, { id: '', start: startingFrom, end: Infinity })));
  }

  private async readText(doc: StoredDocument): Promise<string> {
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
    });
    if (!created && filePath && document.filePath !== filePath && !(document.filePath && (await fileExists(document.filePath)))) {
      // The same text opened from a path links a document that had none, or whose file is gone;
      // a copy elsewhere does not take over a link that still works.
      const { format, encoding, encodingDetected, sourceUrl } = read;
      Object.assign(document, { filePath, fileName: baseName, format, encoding, encodingDetected, sourceUrl: sourceUrl ?? document.sourceUrl });
      await this.store.saveWorkspace();
    }
    if (TRANSCRIPT_FORMATS.includes(document.format)) await this.exclusive(() => addTranscriptSpeakers(this.store, read.text));
    return this.summary(document);
  }

  async importBase64(fileName: string, contentBase64: string, options: ReadOptions = {}): Promise<DocumentSummary> {
    return this.importBytes(fileName, decodeBase64(contentBase64), options);
  }

  /** Tags every turn of a transcript as a Quote by its speaker; turns already tagged are left. */
  tagTranscriptLines(documentId: string): Promise<{ tagged: number; speakersAdded: string[] }> {
    return this.exclusive(async () => {
      this.requireWritable();
      const doc = this.requireDocument(documentId);
      return tagTurnsAsQuotes(this.store, doc, await this.readText(doc));
    });
  }

  /**
   * Changes are applied in memory one batch after another, in the order they arrived, each on
   * its own: a refused change is reported and the rest still apply. The answer comes once the
   * applied ones are on disk. Reads wait for the applying, not for the disk.
   */
  applyChanges(changes: readonly unknown[]): Promise<{ applied: number; refused: ChangeRefusal[] }> {
    try {
      this.requireWritable();
    } catch (error) {
      const { code, message } = error as ApiError;
      return Promise.resolve({ applied: 0, refused: changes.map((_, index) => ({ index, code, message })) });
    }
    const applying = this.changeQueue.then(() => this.applyEach(changes));
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
      return { applied, refused };
    });
  }

  private async applyEach(changes: readonly unknown[]) {
    const writes = new Set<Promise<void>>();
    const refused: ChangeRefusal[] = [];
    let applied = 0;
    for (const [index, raw] of changes.entries()) {
      try {
        for (const write of await this.applyOne(parseChange(raw))) writes.add(write);
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

  /** A speaker id that became another speaker (see sameSpeaker) stands for that speaker. */
  private speakerIdOf<T extends string | null | undefined>(speakerId: T): T | string {
    return (speakerId && this.sameSpeaker.get(speakerId)) || speakerId;
  }

  /** deleteSpeaker is left as sent: undoing a creation that found someone already there deletes no one. */
  private withSpeakerIdsResolved(change: Change): Change {
    switch (change.kind) {
      case 'createAnnotation':
      case 'updateAnnotation':
        return change.speakerId ? { ...change, speakerId: this.speakerIdOf(change.speakerId) } : change;
      case 'updateSpeaker':
        return { ...change, speakerId: this.speakerIdOf(change.speakerId) };
      case 'mergeSpeakers':
        return { ...change, survivorId: this.speakerIdOf(change.survivorId), mergedId: this.speakerIdOf(change.mergedId) };
      default:
        return change;
    }
  }

  private async applyOne(parsed: Change): Promise<Promise<void>[]> {
    const change = this.withSpeakerIdsResolved(parsed);
    switch (change.kind) {
      case 'createAnnotation':
        return this.createAnnotation(change);
      case 'updateAnnotation':
        return this.updateAnnotation(change);
      case 'deleteAnnotation':
        return this.deleteAnnotation(change);
      case 'createSpeaker':
        return this.createSpeaker(change);
      case 'saveLabel':
        return this.saveLabel(change.label);
      case 'deleteLabel':
        return this.deleteLabel(change.labelId);
      case 'updateSpeaker':
        return this.updateSpeaker(change);
      case 'mergeSpeakers':
        return this.mergeSpeakers(change);
      case 'deleteSpeaker': {
        const speakers = this.store.data.speakers;
        const index = speakers.findIndex((speaker) => speaker.id === change.speakerId);
        if (index < 0) return [];
        speakers.splice(index, 1);
        return [this.store.saveWorkspace()];
      }
      case 'placeOrphan':
        return this.placeOrphan(change);
      case 'saveStatuses':
        // Rare and whole-workspace: saved before the next change is applied.
        await saveStatuses(this.store, change.statuses);
        return [];
      case 'setReviewSettings': {
        Object.assign(this.store.data.settings, change.settings);
        return [this.store.saveWorkspace()];
      }
      case 'setAnnotatorName': {
        this.store.data.settings.annotatorName = change.name.trim();
        return [this.store.saveWorkspace()];
      }
      case 'setLastDocument': {
        this.requireDocument(change.documentId);
        if (this.store.data.settings.lastDocumentId === change.documentId) return [];
        this.store.data.settings.lastDocumentId = change.documentId;
        return [this.store.saveWorkspace()];
      }
    }
  }

  private requireLabel(labelId: string): void {
    if (!this.store.data.labels.some((label) => label.id === labelId)) {
      throw new ApiError('bad-request', `There is no label "${labelId}" in this workspace.`);
    }
  }

  private requireRange(doc: StoredDocument, text: string, start: number, end: number): void {
    if (!(start < end && end <= text.length)) {
      throw new ApiError('bad-request', `The range ${start}–${end} is outside "${doc.title}" (length ${text.length}).`);
    }
    if (isLowSurrogate(text.charCodeAt(start)) || isLowSurrogate(text.charCodeAt(end))) {
      throw new ApiError('bad-request', 'A highlight cannot begin or end inside a single character (such as an emoji).');
    }
  }

  /** Every claim in the workspace, for the review desk. */
  async listClaims(): Promise<ClaimRow[]> {
    await this.settled();
    return listClaims(this.store);
  }

  private firstStatusId(): string {
    return this.store.data.statuses[0]?.id ?? 'unreviewed';
  }

  private requireStatus(statusId: string): void {
    if (!this.store.data.statuses.some((status) => status.id === statusId)) {
      throw new ApiError('bad-request', `There is no status "${statusId}" in this workspace's scale.`);
    }
  }

  private requireSpeaker(speakerId: string | null | undefined): void {
    if (speakerId && !this.store.data.speakers.some((speaker) => speaker.id === speakerId)) {
      throw new ApiError('bad-request', `There is no speaker "${speakerId}" in this workspace.`);
    }
  }

  private async createAnnotation(change: Extract<Change, { kind: 'createAnnotation' }>): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const text = await this.readText(doc);
    const annotations = await this.store.annotations(doc);
    const { start, end } = change;
    this.requireRange(doc, text, start, end);
    this.requireLabel(change.labelId);
    this.requireSpeaker(change.speakerId);
    if (change.claim) this.requireStatus(change.claim.status);
    // A batch resent after a reload must not double a highlight.
    if (annotations.some((annotation) => annotation.id === change.annotationId)) return [];
    // A highlight brought back by undo keeps who made it and when (see newAnnotation).
    const annotation = newAnnotation(change, text, { author: this.store.data.settings.annotatorName ?? '', now: new Date().toISOString(), firstStatusId: this.firstStatusId() });
    annotations.splice(sortedIndex(annotations, annotation), 0, annotation);
    doc.annotationCount = annotations.length;
    return [this.store.saveAnnotations(doc), this.store.saveWorkspace()];
  }

  private async updateAnnotation(change: Extract<Change, { kind: 'updateAnnotation' }>): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const annotations = await this.store.annotations(doc);
    const index = annotations.findIndex((a) => a.id === change.annotationId);
    const annotation = annotations[index];
    if (!annotation) throw new ApiError('not-found', 'That highlight no longer exists; it may have been deleted.');
    // Check everything before changing anything: a refused update must leave no trace.
    if (change.labelId !== undefined) this.requireLabel(change.labelId);
    if (change.speakerId !== undefined) this.requireSpeaker(change.speakerId);
    if (change.claim?.status !== undefined) this.requireStatus(change.claim.status);
    let text: string | undefined;
    if (change.start !== undefined || change.end !== undefined) {
      text = await this.readText(doc);
      this.requireRange(doc, text, change.start ?? annotation.start, change.end ?? annotation.end);
    }
    // A new object, not a mutation: the store re-serializes only highlights that changed.
    const now = new Date().toISOString();
    const by = this.store.data.settings.annotatorName ?? '';
    const updated = updatedAnnotation(annotation, change, now, this.firstStatusId(), text, by);
    annotations.splice(index, 1);
    annotations.splice(sortedIndex(annotations, updated), 0, updated);
    return [this.store.saveAnnotations(doc), this.history.append(claimChanges(annotation, updated, by, now))];
  }

  /** An orphan becomes a highlight again on the text a person chose for it. */
  private async placeOrphan(change: Extract<Change, { kind: 'placeOrphan' }>): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const [text, annotations, orphans] = await Promise.all([this.readText(doc), this.store.annotations(doc), this.store.orphans(doc)]);
    const index = orphans.findIndex((o) => o.id === change.annotationId);
    // Placed already (a batch resent after a reload): nothing to do.
    if (index < 0) {
      if (annotations.some((a) => a.id === change.annotationId)) return [];
      throw new ApiError('not-found', 'That unplaced highlight no longer exists.');
    }
    this.requireRange(doc, text, change.start, change.end);
    const { anchor: _anchor, ...orphan } = orphans[index]!;
    const placed: Annotation = {
      ...orphan,
      start: change.start,
      end: change.end,
      text: text.slice(change.start, change.end),
      ...spanContext(text, change.start, change.end),
      updatedAt: new Date().toISOString(),
    };
    orphans.splice(index, 1);
    annotations.splice(sortedIndex(annotations, placed), 0, placed);
    doc.annotationCount = annotations.length;
    return [this.store.saveAnnotations(doc), this.store.saveWorkspace()];
  }

  private async deleteAnnotation(change: Extract<Change, { kind: 'deleteAnnotation' }>): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const annotations = await this.store.annotations(doc);
    const index = annotations.findIndex((a) => a.id === change.annotationId);
    if (index < 0) {
      // An unplaced highlight can be let go of too.
      const orphans = await this.store.orphans(doc);
      const orphanIndex = orphans.findIndex((a) => a.id === change.annotationId);
      if (orphanIndex < 0) return [];
      orphans.splice(orphanIndex, 1);
      return [this.store.saveAnnotations(doc)];
    }
    annotations.splice(index, 1);
    doc.annotationCount = annotations.length;
    return [this.store.saveAnnotations(doc), this.store.saveWorkspace()];
  }

  /** One speaker per name: a name (or other name) the registry knows becomes that speaker. */
  private createSpeaker(change: Extract<Change, { kind: 'createSpeaker' }>): Promise<void>[] {
    const speakers = this.store.data.speakers;
    const became = this.sameSpeaker.get(change.speakerId);
    // Sent again (an outbox, a redo): nothing to do while the speaker it became is still there.
    if (speakers.some((speaker) => speaker.id === change.speakerId || speaker.id === became)) return [];
    const known = this.mergedAway.delete(change.speakerId) ? undefined : findSpeakerByName(speakers, change.name, change.aliases);
    if (known) {
      this.sameSpeaker.set(change.speakerId, known.id);
      return [];
    }
    this.sameSpeaker.delete(change.speakerId);
    speakers.push({
      id: change.speakerId,
      name: change.name.trim(),
      aliases: change.aliases ?? [],
      role: change.role ?? '',
      organisation: change.organisation ?? '',
      notes: change.notes ?? '',
      createdAt: change.createdAt ?? new Date().toISOString(),
    });
    return [this.store.saveWorkspace()];
  }

  private saveLabel(label: Label): Promise<void>[] {
    const labels = this.store.data.labels;
    const others = labels.filter((l) => l.id !== label.id);
    if (others.some((l) => l.name.toLowerCase() === label.name.trim().toLowerCase())) {
      throw new ApiError('bad-request', `There is already a label called "${label.name.trim()}".`);
    }
    const clash = others.find((l) => l.hotkey === label.hotkey);
    if (clash) throw new ApiError('bad-request', `The key ${label.hotkey.toUpperCase()} already labels ${clash.name}; choose another.`);
    const saved = { ...label, name: label.name.trim() };
    const index = labels.findIndex((l) => l.id === label.id);
    if (index >= 0) labels[index] = saved;
    else labels.push(saved);
    return [this.store.saveWorkspace()];
  }

  private async deleteLabel(labelId: string): Promise<Promise<void>[]> {
    if (BUILT_IN_LABELS.includes(labelId)) {
      throw new ApiError('bad-request', 'Quote, Speaker and Claim are built in; rename or recolour them instead.');
    }
    let inUse = 0;
    for (const doc of this.store.data.documents) inUse += (await this.store.annotations(doc)).filter((a) => a.labelId === labelId).length;
    if (inUse > 0) throw new ApiError('bad-request', `${inUse} highlight${inUse === 1 ? ' uses' : 's use'} this label; relabel or delete ${inUse === 1 ? 'it' : 'them'} first.`);
    const labels = this.store.data.labels;
    const index = labels.findIndex((l) => l.id === labelId);
    if (index < 0) return [];
    labels.splice(index, 1);
    return [this.store.saveWorkspace()];
  }

  private updateSpeaker(change: Extract<Change, { kind: 'updateSpeaker' }>): Promise<void>[] {
    const speakers = this.store.data.speakers;
    const index = speakers.findIndex((speaker) => speaker.id === change.speakerId);
    if (index < 0) throw new ApiError('not-found', 'That speaker no longer exists; it may have been merged into another.');
    const { kind: _kind, speakerId: _id, ...fields } = change;
    speakers[index] = { ...speakers[index]!, ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
    return [this.store.saveWorkspace()];
  }

  /** Every highlight of the merged speaker, in every document, follows the survivor. */
  private async mergeSpeakers(change: Extract<Change, { kind: 'mergeSpeakers' }>): Promise<Promise<void>[]> {
    const speakers = this.store.data.speakers;
    const survivor = speakers.find((speaker) => speaker.id === change.survivorId);
    const merged = speakers.find((speaker) => speaker.id === change.mergedId);
    if (!survivor || !merged) throw new ApiError('not-found', 'One of those speakers no longer exists; it may have been merged already.');
    if (survivor === merged) throw new ApiError('bad-request', 'A speaker cannot be merged into itself.');
    // Checked before anything changes: a refused merge leaves both speakers as they were.
    const fields = mergedSpeakerFields(survivor, merged);
    const writes: Promise<void>[] = [];
    for (const doc of this.store.data.documents) {
      const annotations = await this.store.annotations(doc);
      let changed = false;
      annotations.forEach((annotation, index) => {
        if (annotation.speakerId === merged.id) {
          annotations[index] = { ...annotation, speakerId: survivor.id, updatedAt: new Date().toISOString() };
          changed = true;
        }
      });
      if (changed) writes.push(this.store.saveAnnotations(doc));
    }
    Object.assign(survivor, fields);
    speakers.splice(speakers.indexOf(merged), 1);
    this.mergedAway.add(merged.id);
    writes.push(this.store.saveWorkspace());
    return writes;
  }

  /** Every mention, quote and claim of a speaker, in document order then text order. */
  async listSpeakerAppearances(asked: string): Promise<Appearance[]> {
    await this.settled();
    const speakerId = this.speakerIdOf(asked);
    this.requireSpeaker(speakerId);
    const appearances: Appearance[] = [];
    for (const doc of this.store.data.documents) {
      for (const annotation of await this.store.annotations(doc)) {
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

export { browserHostOnlyMethods, createApiHandlers, type ApiHandlers, type HostOnlyMethods } from './api-handlers.js';
