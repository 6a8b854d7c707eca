// The behaviour behind every AnnotatorApi method; both hosts call this, so the desktop
// window and the browser host can never drift apart.
import {
  ApiError,
  type Annotation,
  type AnnotationColumns,
  type Appearance,
  type ExportFormat,
  type ApiMethod,
  type Change,
  type ChangeRefusal,
  type Label,
  parseChange,
  type DocumentSummary,
  type OpenedDocument,
  type Session,
} from '../contract/api.js';
import { updatedAnnotation, withLabelFields } from '../contract/annotation-rules.js';
import { compareSpans, isInTextOrder, sortedIndex, spanContext, toAnnotationColumns } from '../contract/spans.js';
import { readDocumentBytes } from './document-reader.js';
import { measureAgreement } from './exports/agreement.js';
import { applyImport } from './imports/apply.js';
import { planFiles } from './imports/plan-files.js';
import type { ExportFile } from './exports/brat.js';
import { collectDataset } from './exports/dataset.js';
import { runExport, type ExportResult } from './exports/formats.js';
import { exportSplit } from './exports/split-export.js';
import type { MergeReport } from './merge-workspaces.js';
import type { StoredDocument, WorkspaceStore } from './workspace-store.js';

export { CONTEXT_LENGTH } from '../contract/spans.js';

/** Their ids carry meaning (quotes have speakers, claims have verdicts), so they stay. */
const BUILT_IN_LABELS = ['quote', 'speaker', 'claim'];

export type HostKind = Session['host'];

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export class AnnotatorService {
  /** applyChanges calls are applied one after another, in the order they arrived. */
  private changeQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: WorkspaceStore,
    private readonly host: HostKind,
    private readonly capabilities: Session['capabilities'] = { nativeOpenDialog: false, recentFiles: false },
  ) {}

  private summary(doc: StoredDocument): DocumentSummary {
    return { ...doc };
  }

  private requireDocument(documentId: string): StoredDocument {
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
      storeProblem: null,
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
    const text = await this.readText(doc);
    const annotations = await this.annotationsInOrder(doc);
    const cut = annotationsBefore === undefined ? annotations.length : sortedIndex(annotations, { id: '', start: annotationsBefore, end: Infinity });
    return {
      document: this.summary(doc),
      text,
      annotations: toAnnotationColumns(cut === annotations.length ? annotations : annotations.slice(0, cut)),
      annotationsComplete: cut === annotations.length,
      orphans: [],
      source: { state: 'unlinked', report: null },
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
  async importBytes(fileName: string, bytes: Uint8Array): Promise<DocumentSummary> {
    const { title, text } = readDocumentBytes(fileName, bytes);
    const { document } = await this.store.addDocument(fileName.replace(/^.*[\\/]/, ''), title, text);
    return this.summary(document);
  }

  async importBase64(fileName: string, contentBase64: string): Promise<DocumentSummary> {
    return this.importBytes(fileName, Buffer.from(contentBase64, 'base64'));
  }

  /**
   * Changes are applied in memory one batch after another, in the order they arrived, each on
   * its own: a refused change is reported and the rest still apply. The answer comes once the
   * applied ones are on disk. Reads wait for the applying, not for the disk.
   */
  applyChanges(changes: readonly unknown[]): Promise<{ applied: number; refused: ChangeRefusal[] }> {
    const applying = this.changeQueue.then(() => this.applyEach(changes));
    this.changeQueue = applying;
    return applying.then(async ({ applied, refused, writes }) => {
      await Promise.all(writes);
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
        // Only a refusal of this one change is the user's to hear; anything else is ours.
        if (!(error instanceof ApiError)) throw error;
        refused.push({ index, code: error.code, message: error.message });
      }
    }
    return { applied, refused, writes };
  }

  private async applyOne(change: Change): Promise<Promise<void>[]> {
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
        throw new ApiError('unsupported', 'not yet');
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
    const now = new Date().toISOString();
    const annotation: Annotation = withLabelFields({
      id: change.annotationId,
      documentId: doc.id,
      labelId: change.labelId,
      start,
      end,
      text: text.slice(start, end),
      ...spanContext(text, start, end),
      speakerId: change.speakerId ?? null,
      note: change.note ?? '',
      // A highlight brought back by undo keeps who made it and when.
      author: change.author ?? this.store.data.settings.annotatorName ?? '',
      createdAt: change.createdAt ?? now,
      updatedAt: change.updatedAt ?? now,
      ...(change.quoteKind && { quoteKind: change.quoteKind }),
      ...(change.claim && { claim: change.claim }),
    }, this.firstStatusId());
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
    const updated = updatedAnnotation(annotation, change, new Date().toISOString(), this.firstStatusId(), text);
    annotations.splice(index, 1);
    annotations.splice(sortedIndex(annotations, updated), 0, updated);
    return [this.store.saveAnnotations(doc)];
  }

  private async deleteAnnotation(change: Extract<Change, { kind: 'deleteAnnotation' }>): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const annotations = await this.store.annotations(doc);
    const index = annotations.findIndex((a) => a.id === change.annotationId);
    if (index < 0) return [];
    annotations.splice(index, 1);
    doc.annotationCount = annotations.length;
    return [this.store.saveAnnotations(doc), this.store.saveWorkspace()];
  }

  private createSpeaker(change: Extract<Change, { kind: 'createSpeaker' }>): Promise<void>[] {
    const speakers = this.store.data.speakers;
    if (speakers.some((speaker) => speaker.id === change.speakerId)) return [];
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
    // The merged name lives on as an alias, so a later mention of it still finds the person.
    const names = new Set([survivor.name.toLowerCase()]);
    const aliases = [...survivor.aliases, merged.name, ...merged.aliases].filter((alias) => {
      const key = alias.toLowerCase();
      if (names.has(key)) return false;
      names.add(key);
      return true;
    });
    Object.assign(survivor, {
      aliases,
      role: survivor.role || merged.role,
      organisation: survivor.organisation || merged.organisation,
      notes: [survivor.notes, merged.notes].filter(Boolean).join('\n\n'),
    });
    speakers.splice(speakers.indexOf(merged), 1);
    writes.push(this.store.saveWorkspace());
    return writes;
  }

  /** Every mention, quote and claim of a speaker, in document order then text order. */
  async listSpeakerAppearances(speakerId: string): Promise<Appearance[]> {
    await this.settled();
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

/** train/, dev/ and test/ parts of an export, as one set of files to save in a folder. */
async function splitExport(service: AnnotatorService, format: ExportFormat, documentIds: string[] | undefined, ratios: [number, number, number], seed: number): Promise<ExportResult> {
  const chosen = documentIds?.length ? service.store.data.documents.filter((d) => documentIds.includes(d.id)) : service.store.data.documents;
  const { parts } = await exportSplit(service.store, format, chosen, ratios, seed);
  return { files: parts.flatMap((p) => p.files), folder: true, warnings: parts.flatMap((p) => p.warnings) };
}

/** The methods only a desktop shell can offer; the browser host answers them with a clear refusal. */
export interface HostOnlyMethods {
  openFilesWithDialog(): Promise<DocumentSummary[]>;
  listRecentFiles(): Promise<{ id: string; fileName: string; openedAt: string }[]>;
  openRecentFile(recentId: string): Promise<DocumentSummary>;
  /** Opens a vetted http(s) link in the system browser; false where the host cannot. */
  openExternalLink(url: string): Promise<boolean>;
  /** Merges the workspace folder the user chooses into this one; null when the dialog is cancelled. */
  mergeWorkspaceWithDialog(): Promise<MergeReport | null>;
  /** Saves an export where the user chooses (the desktop app), or hands the files back (browser). */
  saveExport(format: ExportFormat, result: ExportResult): Promise<{ files: ExportFile[]; savedTo: string | null }>;
}

export const browserHostOnlyMethods: HostOnlyMethods = {
  async openFilesWithDialog() {
    throw new ApiError('unsupported', 'The browser version opens files with the Open button or by dropping them on the window.');
  },
  async listRecentFiles() {
    return [];
  },
  async openRecentFile() {
    throw new ApiError('unsupported', 'Recent files are kept by the desktop app only.');
  },
  // The page itself opens the link in a new tab; a server has no browser to open it in.
  async openExternalLink() {
    return false;
  },
  async mergeWorkspaceWithDialog() {
    throw new ApiError(
      'unsupported',
      'The browser version cannot choose a folder on this computer. Merge from the desktop app, or run `npx annotator merge --store DIR OTHER_DIR`.',
    );
  },
  // The page saves the files itself (as downloads).
  async saveExport(_format, result) {
    return { files: result.files, savedTo: null };
  },
};

/** One function per contract method, taking already-validated arguments. */
export type ApiHandlers = { [M in ApiMethod]: (args: never) => Promise<unknown> };

export function createApiHandlers(service: AnnotatorService, hostOnly: HostOnlyMethods) {
  return {
    getSession: async () => service.getSession(),
    openDocument: async (args: { documentId: string; annotationsBefore?: number }) => service.openDocument(args.documentId, args.annotationsBefore),
    listAnnotations: async (args: { documentId: string; startingFrom: number }) => service.listAnnotations(args.documentId, args.startingFrom),
    importFile: async (args: { fileName: string; contentBase64: string }) => service.importBase64(args.fileName, args.contentBase64),
    openFilesWithDialog: async () => hostOnly.openFilesWithDialog(),
    listRecentFiles: async () => hostOnly.listRecentFiles(),
    openRecentFile: async (args: { recentId: string }) => hostOnly.openRecentFile(args.recentId),
    openExternalLink: async (args: { url: string }) => ({ opened: await hostOnly.openExternalLink(args.url) }),
    listSpeakerAppearances: async (args: { speakerId: string }) => service.listSpeakerAppearances(args.speakerId),
    exportDataset: async (args: { format: ExportFormat; documentIds?: string[]; split?: { ratios: [number, number, number]; seed: number } }) => {
      await service.store.flush();
      const result = args.split
        ? await splitExport(service, args.format, args.documentIds, args.split.ratios, args.split.seed)
        : runExport(args.format, await collectDataset(service.store, args.documentIds));
      return { ...(await hostOnly.saveExport(args.format, result)), warnings: result.warnings };
    },
    measureAgreement: async () => measureAgreement(await collectDataset(service.store)),
    mergeWorkspaceWithDialog: async () => hostOnly.mergeWorkspaceWithDialog(),
    importAnnotationFiles: async (args: { files: { fileName: string; contentBase64: string }[] }) => {
      const plans = await planFiles(
        args.files.map((f) => ({ name: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') })),
        service.store,
      );
      return applyImport(service, plans);
    },
    applyChanges: async (args: { changes: unknown[] }) => service.applyChanges(args.changes),
    // Integration of issue 5 in progress.
    checkDocumentSource: async () => ({ state: 'unlinked' as const, report: null }),
    locateDocumentFile: async () => null,
    relinkDocumentFile: async (): Promise<never> => {
      throw new ApiError('unsupported', 'not yet');
    },
    rereadDocument: async (): Promise<never> => {
      throw new ApiError('unsupported', 'not yet');
    },
    tagTranscriptLines: async (): Promise<never> => {
      throw new ApiError('unsupported', 'not yet');
    },
    restoreBackup: async (): Promise<never> => {
      throw new ApiError('unsupported', 'not yet');
    },
  } satisfies ApiHandlers;
}
