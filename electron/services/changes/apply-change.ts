// One change from the contract's Change list, made in memory: checked first (a refused change
// leaves no trace), then made, returning the writes that put it on disk. AnnotatorService
// queues the calls and answers once those writes are done.
import { ApiError, isDeskReview, type Annotation, type Caller, type Change, type Label, type Person, type Speaker } from '../../contract/api.js';
import { newAnnotation, updatedAnnotation } from '../../contract/annotation-rules.js';
import { labelDeletionProblem, labelProblem } from '../../contract/label-rules.js';
import { findSpeakerByName } from '../../contract/speaker-names.js';
import { mergedSpeakerFields } from '../../contract/speaker-rules.js';
import { sortedIndex, spanContext } from '../../contract/spans.js';
import { placeSharedAnnotation, type SharedPlacement } from '../anchoring/place-shared.js';
import { claimChanges, type ClaimHistory } from '../review/claim-history.js';
import { saveStatuses } from '../review/review-desk.js';
import { setCurationRejected } from './curation-changes.js';
import { requireVisible } from '../blind-lens.js';
import { markDocumentDone, removeDocument, restoreDocument, updateDocument } from './document-changes.js';
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** What making a change needs of the service. */
export interface ChangeTarget {
  readonly store: WorkspaceStore;
  readonly history: ClaimHistory;
  requireDocument(documentId: string): StoredDocument;
  /** The document's saved text, or an ApiError saying it is missing. */
  readText(doc: StoredDocument): Promise<string>;
}

export class ChangeInterpreter {
  /**
   * Speaker ids a window made for a name the registry already had (two windows naming one
   * person at once), each to the speaker it became: that window's later changes still use it.
   */
  private readonly sameSpeaker = new Map<string, string>();
  /** Speakers merged away in this run: creating one again undoes the merge, it is no new name. */
  private readonly mergedAway = new Set<string>();

  constructor(private readonly target: ChangeTarget) {}

  private get store(): WorkspaceStore {
    return this.target.store;
  }

  private get history(): ClaimHistory {
    return this.target.history;
  }

  private requireDocument(documentId: string): StoredDocument {
    return this.target.requireDocument(documentId);
  }

  private readText(doc: StoredDocument): Promise<string> {
    return this.target.readText(doc);
  }

  /** A speaker id that became another speaker (see sameSpeaker) stands for that speaker. */
  speakerIdOf<T extends string | null | undefined>(speakerId: T): T | string {
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

  /**
   * Who a change is by: the window's person that sent it; a call with none (the CLI, older
   * callers) is the workspace's name, the one place that name still counts.
   */
  byWhom(person: Person | null): { name: string; id?: string } {
    return person ? { name: person.name, id: person.id } : { name: this.store.data.settings.annotatorName ?? '' };
  }

  /** Checks and makes one change, by the caller's person, in memory; returns the writes that put it on disk. */
  async apply(parsed: Change, caller?: Caller): Promise<Promise<void>[]> {
    const person = caller?.person ?? null;
    const change = this.withSpeakerIdsResolved(parsed);
    switch (change.kind) {
      case 'createAnnotation':
        return this.createAnnotation(change, this.byWhom(person));
      case 'setCurationRejected':
        return setCurationRejected(this.store, this.requireDocument(change.documentId), change.annotationIds, change.rejected);
      case 'updateAnnotation':
        return this.updateAnnotation(change, this.byWhom(person), caller);
      case 'deleteAnnotation':
        return this.deleteAnnotation(change, caller);
      case 'markDocumentDone':
        return markDocumentDone(this.store, change, caller);
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
        return this.placeOrphan(change, caller);
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
      case 'removeDocument':
        return removeDocument(this.store, change.documentId);
      case 'restoreDocument':
        return restoreDocument(this.store, change.documentId);
      case 'updateDocument':
        return updateDocument(this.store, change);
      case 'setLastDocument': {
        this.requireDocument(change.documentId);
        if (this.store.data.settings.lastDocumentId === change.documentId) return [];
        this.store.data.settings.lastDocumentId = change.documentId;
        return [this.store.saveWorkspace()];
      }
    }
  }

  /**
   * A highlight as a team's database holds it (team sync), kept whole (author, times, verdicts):
   * the same checks as a created one. Where the document's text here differs at its place, it is
   * re-anchored (moved or flagged fuzzy), or kept as an orphan for a person to place, as a
   * changed file's highlights are (see place-shared.ts). No history line: the machine that made
   * the change shares its own lines.
   */
  async putSharedAnnotation(shared: Annotation): Promise<{ writes: Promise<void>[]; result: SharedPlacement }> {
    const doc = this.requireDocument(shared.documentId);
    const text = await this.readText(doc);
    this.requireLabel(shared.labelId);
    this.requireSpeaker(shared.speakerId);
    if (shared.claim) this.requireStatus(shared.claim.status);
    const { annotation, placement } = placeSharedAnnotation(text, shared);
    // An orphan keeps its place in the text it was made on, as reanchor's orphans do.
    if (placement !== 'orphaned') this.requireRange(doc, text, annotation.start, annotation.end);
    const [annotations, orphans] = await Promise.all([this.store.annotations(doc), this.store.orphans(doc)]);
    for (const list of [annotations, orphans]) {
      const index = list.findIndex((a) => a.id === shared.id);
      if (index >= 0) list.splice(index, 1);
    }
    const into = placement === 'orphaned' ? orphans : annotations;
    into.splice(sortedIndex(into, annotation), 0, annotation);
    doc.annotationCount = annotations.length;
    return { writes: [this.store.saveAnnotations(doc), this.store.saveWorkspace()], result: placement };
  }

  /** A speaker as a team's database holds it, by its own id (two of one name may meet: a person merges them). */
  putSharedSpeaker(shared: Speaker): Promise<void>[] {
    const speakers = this.store.data.speakers;
    const index = speakers.findIndex((speaker) => speaker.id === shared.id);
    if (index >= 0) speakers[index] = shared;
    else speakers.push(shared);
    return [this.store.saveWorkspace()];
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

  firstStatusId(): string {
    return this.store.data.statuses[0]?.id ?? 'unreviewed';
  }

  private requireStatus(statusId: string): void {
    if (!this.store.data.statuses.some((status) => status.id === statusId)) {
      throw new ApiError('bad-request', `There is no status "${statusId}" in this workspace's scale.`);
    }
  }

  requireSpeaker(speakerId: string | null | undefined): void {
    if (speakerId && !this.store.data.speakers.some((speaker) => speaker.id === speakerId)) {
      throw new ApiError('bad-request', `There is no speaker "${speakerId}" in this workspace.`);
    }
  }

  private async createAnnotation(change: Extract<Change, { kind: 'createAnnotation' }>, by: { name: string; id?: string }): Promise<Promise<void>[]> {
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
    // The curated layer is the editor's work: the calling person's, whatever the change says
    // (a call with no person, the CLI's, keeps the author the change gives).
    const curator = change.layer === 'curated' ? (by.id ? by : { name: change.author ?? by.name, id: undefined }) : null;
    const annotation = newAnnotation(curator ? { ...change, author: curator.name, authorId: curator.id } : change, text, { author: by.name, authorId: by.id, now: new Date().toISOString(), firstStatusId: this.firstStatusId() });
    annotations.splice(sortedIndex(annotations, annotation), 0, annotation);
    doc.annotationCount = annotations.length;
    return [this.store.saveAnnotations(doc), this.store.saveWorkspace()];
  }

  private async updateAnnotation(change: Extract<Change, { kind: 'updateAnnotation' }>, { name: by, id: byId }: { name: string; id?: string }, caller?: Caller): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const annotations = await this.store.annotations(doc);
    const index = annotations.findIndex((a) => a.id === change.annotationId);
    const annotation = annotations[index];
    if (!annotation) throw new ApiError('not-found', 'That highlight no longer exists; it may have been deleted.');
    // The review desk shows every person's claims (an editor's view): its review of a claim is
    // allowed there; any other edit of a highlight the caller cannot see is refused.
    if (!isDeskReview(change)) requireVisible(this.store, doc, annotation, caller);
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
    const updated = updatedAnnotation(annotation, change, now, this.firstStatusId(), text, by);
    annotations.splice(index, 1);
    annotations.splice(sortedIndex(annotations, updated), 0, updated);
    return [this.store.saveAnnotations(doc), this.history.append(claimChanges(annotation, updated, by, now, change.deskDecision === true && change.claim?.status !== undefined, byId))];
  }

  /** An orphan becomes a highlight again on the text a person chose for it. */
  private async placeOrphan(change: Extract<Change, { kind: 'placeOrphan' }>, caller?: Caller): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const [text, annotations, orphans] = await Promise.all([this.readText(doc), this.store.annotations(doc), this.store.orphans(doc)]);
    const index = orphans.findIndex((o) => o.id === change.annotationId);
    // Placed already (a batch resent after a reload): nothing to do.
    if (index < 0) {
      if (annotations.some((a) => a.id === change.annotationId)) return [];
      throw new ApiError('not-found', 'That unplaced highlight no longer exists.');
    }
    requireVisible(this.store, doc, orphans[index]!, caller);
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

  private async deleteAnnotation(change: Extract<Change, { kind: 'deleteAnnotation' }>, caller?: Caller): Promise<Promise<void>[]> {
    const doc = this.requireDocument(change.documentId);
    const annotations = await this.store.annotations(doc);
    const index = annotations.findIndex((a) => a.id === change.annotationId);
    if (index < 0) {
      // An unplaced highlight can be let go of too.
      const orphans = await this.store.orphans(doc);
      const orphanIndex = orphans.findIndex((a) => a.id === change.annotationId);
      if (orphanIndex < 0) return [];
      requireVisible(this.store, doc, orphans[orphanIndex]!, caller);
      orphans.splice(orphanIndex, 1);
      return [this.store.saveAnnotations(doc)];
    }
    requireVisible(this.store, doc, annotations[index]!, caller);
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
    // Back again (a merge undone): no longer merged into anyone.
    if (this.store.data.mergedSpeakers?.[change.speakerId]) {
      const { [change.speakerId]: _undone, ...rest } = this.store.data.mergedSpeakers;
      if (Object.keys(rest).length) this.store.data.mergedSpeakers = rest;
      else delete this.store.data.mergedSpeakers;
    }
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
    // The Labels dialog checks the same rule before it sends, in the same words.
    const problem = labelProblem(label, labels);
    if (problem) throw new ApiError('bad-request', problem);
    const saved = { ...label, name: label.name.trim() };
    const index = labels.findIndex((l) => l.id === label.id);
    if (index >= 0) labels[index] = saved;
    else labels.push(saved);
    return [this.store.saveWorkspace()];
  }

  private async deleteLabel(labelId: string): Promise<Promise<void>[]> {
    // A built-in label is refused before every document is read to count its highlights.
    const builtIn = labelDeletionProblem(labelId);
    if (builtIn) throw new ApiError('bad-request', builtIn);
    let inUse = 0;
    for (const doc of this.store.data.documents) inUse += (await this.store.annotations(doc)).filter((a) => a.labelId === labelId).length;
    const used = labelDeletionProblem(labelId, inUse);
    if (used) throw new ApiError('bad-request', used);
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
    // Kept with the workspace, so team sync says "merged into" even for a merge made while it was not running.
    this.store.data.mergedSpeakers = { ...this.store.data.mergedSpeakers, [merged.id]: survivor.id };
    writes.push(this.store.saveWorkspace());
    return writes;
  }
}
