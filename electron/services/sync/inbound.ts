// Inbound: the replica's changes feed (since a durable checkpoint) into lowdb. Each remote
// document is checked against its shared-doc schema (a newer schema or a failed check is
// quarantined, never applied), its conflicts merged (merge.ts), and the winner enters lowdb
// through the change interpreter (apply-change.ts), the same checks as every edit. A highlight
// whose document (or speaker) has not arrived waits, deferred, and is applied when it does.
import { createHash } from 'node:crypto';
import { ApiError, type Annotation, type ClaimHistoryEntry, type Label, type Speaker, type Status } from '../../contract/api.js';
import type { AnnotatorService } from '../annotator-service.js';
import type { ChangeInterpreter } from '../changes/apply-change.js';
import { takeNewText } from '../documents/document-sources.js';
import { allDocuments, LocalBodies, localBodyOf } from './local-docs.js';
import { equalLeaves, mergeLeaves, type Leaf } from './merge.js';
import { bodyHash, bodyOf, getOrNull, writeLocal, type Pouch, type PouchDoc } from './replica.js';
import { checkSharedDoc, entityOf, hashOf, sharedId, sharedLine, type SharedBody, type SharedOf } from './shared-docs.js';
import type { SyncState } from './sync-state.js';

class Deferred extends Error {}

/** All leaves of a conflicted doc, the winner first, with their revision histories. */
export async function leavesOf(db: Pouch, id: string, winner: PouchDoc): Promise<(Leaf & { history: string[] })[]> {
  const revs = [winner._rev, ...(winner._conflicts ?? [])];
  const leaves = [];
  for (const rev of revs) {
    const doc = (await db.get(id, { rev, revs: true })) as PouchDoc;
    const { start, ids } = doc._revisions as { start: number; ids: string[] };
    leaves.push({ rev, body: bodyOf(doc)!, history: ids.map((hash: string, i: number) => `${start - i}-${hash}`) });
  }
  return leaves;
}

/**
 * Settles what can be settled of a conflicted doc: equal versions collapse; a field-by-field
 * merge without a real overlap (a verdict overlap goes to claim.conflicts) replaces them all.
 * Returns the fields a person must decide (empty when settled).
 */
export async function settleConflicts(db: Pouch, id: string, winner: PouchDoc): Promise<string[]> {
  const leaves = await leavesOf(db, id, winner);
  const { keep, drop } = equalLeaves(leaves);
  if (keep.length === 1) {
    await db.bulkDocs(drop.map((leaf) => ({ _id: id, _rev: leaf.rev, _deleted: true })));
    return [];
  }
  const ancestorRev = keep[0]!.history.find((rev) => keep.every((leaf) => leaf.history.includes(rev)));
  const ancestor = ancestorRev ? bodyOf(await getOrNull(db, id, { rev: ancestorRev })) : null;
  const merged = mergeLeaves(ancestor, keep);
  if (merged.overlaps.length) return merged.overlaps;
  await db.bulkDocs([{ ...merged.body, _id: id, _rev: winner._rev }, ...leaves.slice(1).map((leaf) => ({ _id: id, _rev: leaf.rev, _deleted: true }))]);
  return [];
}


/** Applied in this order within a page, so what a highlight needs is there before it. */
const APPLY_ORDER = ['text', 'document', 'label', 'scale', 'review', 'speaker', 'highlight', 'history'];
const PAGE = 500;

interface Incoming {
  id: string;
  doc: PouchDoc | null;
  /** null: deleted in the team's database. */
  body: SharedBody | null;
}

export class Inbound {
  pulledDocs = 0;
  /** Highlights lowdb placed otherwise than sent (re-anchored on this copy of the text). */
  private readonly placedHere = new Set<string>();
  /** Documents whose highlights or lines lowdb took in (outbound compares those again). */
  readonly touchedDocuments = new Set<string>();
  /** A speaker, a label, the scale or the review settings came in. */
  private touchedWorkspace = false;
  private knownLines = new Map<string, Set<string>>();
  constructor(
    private readonly service: AnnotatorService,
    private readonly db: Pouch,
    private readonly state: SyncState,
    /** Told how many changes of the feed it has handled so far (the first sync's progress). */
    private readonly onProgress: (handled: number) => void = () => undefined,
  ) {}

  /**
   * Applies every change since the checkpoint, then what was waiting. A page of the feed goes
   * into lowdb as one durable batch (a first pull of 100,000 highlights is 200 batches, not
   * 100,000 writes). Returns how many were applied.
   */
  async run(): Promise<number> {
    let applied = 0;
    let handled = 0;
    for (let pages = 1; ; pages++) {
      const feed = await this.db.changes({ since: this.state.data.since, limit: PAGE, include_docs: true, conflicts: true });
      applied += await this.page((feed.results as { id: string; doc?: PouchDoc }[]).map((change) => ({ id: change.id, doc: change.doc ?? null })));
      this.state.data.since = feed.last_seq;
      handled += feed.results.length;
      this.onProgress(handled);
      // The checkpoint is worth saving now and then on a long pull; a kill only means a re-check.
      if (pages % 20 === 0) await this.state.save();
      if (feed.results.length < PAGE) break;
    }
    // What waited may be ready now (its document arrived): tried until nothing more moves.
    for (let moved = true; moved && this.state.data.deferred.length; ) {
      const waiting = [...this.state.data.deferred];
      this.state.data.deferred = [];
      const docs = await this.db.allDocs({ keys: waiting, include_docs: true, conflicts: true });
      const count = await this.page((docs.rows as { key: string; doc?: PouchDoc | null }[]).map((row) => ({ id: row.key, doc: row.doc ?? null })));
      applied += count;
      moved = count > 0;
    }
    await this.state.save();
    return applied;
  }

  /** One page of remote documents into lowdb: what is plain in one batch, the rest one by one. */
  private async page(changes: { id: string; doc: PouchDoc | null }[]): Promise<number> {
    const local = new LocalBodies(this.service);
    const ready: Incoming[] = [];
    const oneByOne: string[] = [];
    for (const change of changes) {
      const doc = change.doc;
      if (!doc || doc._conflicts?.length) {
        oneByOne.push(change.id);
        continue;
      }
      this.state.markConflicted(change.id, false);
      const remote = bodyOf(doc) as SharedBody | null;
      const mine = await local.get(change.id);
      const reflected = this.state.data.reflected[change.id];
      if (this.matches(change.id, mine, remote)) {
        this.state.reflect(change.id, doc._rev, bodyHash(remote));
        continue;
      }
      // lowdb holds an edit not yet in the replica: the careful path, never overwritten.
      if (reflected && bodyHash(mine) !== reflected.hash) {
        oneByOne.push(change.id);
        continue;
      }
      if (!remote) {
        ready.push({ id: change.id, doc, body: null });
        continue;
      }
      const checked = checkSharedDoc(doc);
      if (!checked.ok) {
        await this.state.quarantineDoc(change.id, checked.reason);
        continue;
      }
      ready.push({ id: change.id, doc, body: checked.body });
    }
    const rank = (item: Incoming) => (item.body ? APPLY_ORDER.indexOf(item.body.type) : APPLY_ORDER.length);
    ready.sort((a, b) => rank(a) - rank(b));
    let applied = 0;
    if (ready.length) {
      const outcomes = await this.service.applyFromTeam(async (changes) => {
        const writes: Promise<void>[] = [];
        const results: ('applied' | 'deferred' | { problem: string })[] = [];
        for (const item of ready) {
          try {
            writes.push(...(item.body ? await this.writesOf(changes, item.body) : await this.deletionWrites(changes, item.id)));
            results.push('applied');
          } catch (error) {
            if (error instanceof Deferred) results.push('deferred');
            else if (error instanceof ApiError) results.push({ problem: error.message });
            else throw error;
          }
        }
        return { writes, result: results };
      });
      for (const [i, outcome] of outcomes.entries()) {
        const item = ready[i]!;
        if (outcome === 'deferred') {
          if (!this.state.data.deferred.includes(item.id)) this.state.data.deferred.push(item.id);
        } else if (outcome === 'applied') {
          await this.reflectApplied(item.id, item.doc!._rev, item.body);
          if (item.body) {
            await this.state.clearQuarantine(item.id);
            this.pulledDocs++;
          }
          this.touch(item.id);
          applied++;
        } else await this.state.quarantineDoc(item.id, `It failed the workspace's checks: ${outcome.problem}`);
      }
    }
    for (const id of oneByOne) if (await this.one(id)) applied++;
    return applied;
  }

  /** One shared document from the replica into lowdb; true when lowdb changed. */
  async one(id: string): Promise<boolean> {
    let doc = await getOrNull(this.db, id, { conflicts: true });
    if (doc === null) doc = await this.deletedWinner(id);
    if (doc?._conflicts?.length) {
      const overlaps = await settleConflicts(this.db, id, doc);
      this.state.markConflicted(id, overlaps.length > 0);
      doc = (await getOrNull(this.db, id, { conflicts: true })) ?? doc;
    } else this.state.markConflicted(id, false);
    const remote = bodyOf(doc);
    const local = await localBodyOf(this.service, id);
    const reflected = this.state.data.reflected[id];
    if (this.matches(id, local, remote)) {
      if (doc) this.state.reflect(id, doc._rev, bodyHash(remote));
      return false;
    }
    if (reflected && bodyHash(local) !== reflected.hash && doc) {
      // lowdb holds an edit not yet in the replica: never overwritten. Written on top when the
      // replica holds what lowdb last reflected; else a branch, and the two are merged.
      await writeLocal(this.db, this.state, id, local);
      if (reflected.rev === doc._rev) return false;
      const again = await getOrNull(this.db, id, { conflicts: true });
      if (again?._conflicts?.length) this.state.markConflicted(id, (await settleConflicts(this.db, id, again)).length > 0);
      return this.one(id);
    }
    if (!remote) {
      await this.service.applyFromTeam(async (changes) => ({ writes: await this.deletionWrites(changes, id), result: null }));
      this.state.reflect(id, doc?._rev ?? '', bodyHash(null));
      this.touch(id);
      return true;
    }
    const checked = checkSharedDoc(doc!);
    if (!checked.ok) {
      await this.state.quarantineDoc(id, checked.reason);
      return false;
    }
    try {
      await this.service.applyFromTeam(async (changes) => ({ writes: await this.writesOf(changes, checked.body), result: null }));
    } catch (error) {
      if (error instanceof Deferred) {
        if (!this.state.data.deferred.includes(id)) this.state.data.deferred.push(id);
        return false;
      }
      if (error instanceof ApiError) {
        await this.state.quarantineDoc(id, `It failed the workspace's checks: ${error.message}`);
        return false;
      }
      throw error;
    }
    await this.state.clearQuarantine(id);
    await this.reflectApplied(id, doc!._rev, remote);
    this.pulledDocs++;
    this.touch(id);
    return true;
  }

  private async deletedWinner(id: string): Promise<PouchDoc | null> {
    try {
      const leaves = (await this.db.get(id, { open_revs: 'all' })) as { ok?: PouchDoc }[];
      const docs = leaves.flatMap((leaf) => (leaf.ok ? [leaf.ok] : []));
      docs.sort((a, b) => (revNumber(b._rev) - revNumber(a._rev)) || (a._rev < b._rev ? 1 : -1));
      return docs[0] ?? null;
    } catch {
      return null;
    }
  }

  private touch(id: string): void {
    const [kind, documentId] = id.split(':');
    if (kind === 'highlight' || kind === 'history' || kind === 'document') this.touchedDocuments.add(documentId!);
    else this.touchedWorkspace = true;
  }

  /** What this run brought into lowdb, for open windows: the documents, 'all' for workspace-wide changes, null for nothing. */
  arrivedIn(): string[] | 'all' | null {
    if (this.touchedWorkspace) return 'all';
    return this.touchedDocuments.size ? [...this.touchedDocuments] : null;
  }

  /**
   * lowdb already holds what the replica says: the same body, or (a speaker merged away here)
   * no speaker where the replica says "merged into" the one lowdb merged it into.
   */
  private matches(id: string, local: SharedBody | Record<string, unknown> | null, remote: Record<string, unknown> | null): boolean {
    if (bodyHash(local) === bodyHash(remote)) return true;
    if (local || !remote || remote.type !== 'speaker' || typeof remote.mergedInto !== 'string') return false;
    const speakerId = id.slice('speaker:'.length);
    const into = this.state.data.mergedSpeakers[speakerId] ?? this.service.store.data.mergedSpeakers?.[speakerId];
    return into === remote.mergedInto && !this.service.store.data.speakers.some((s) => s.id === speakerId);
  }

  private survivorOf(speakerId: string | null): string | null {
    let id = speakerId;
    const merged = (speaker: string) => this.state.data.mergedSpeakers[speaker] ?? this.service.store.data.mergedSpeakers?.[speaker];
    for (let hops = 0; id && merged(id) && hops < 20; hops++) id = merged(id)!;
    return id;
  }

  private async deletionWrites(changes: ChangeInterpreter, id: string): Promise<Promise<void>[]> {
    const [kind, first, second] = id.split(':');
    const change =
      kind === 'highlight' ? { kind: 'deleteAnnotation', documentId: first, annotationId: second } : kind === 'speaker' ? { kind: 'deleteSpeaker', speakerId: first } : kind === 'label' ? { kind: 'deleteLabel', labelId: first } : null;
    if (!change) return [];
    if (kind === 'highlight' && !this.service.store.findDocument(first!)) return [];
    return changes.apply(change as never).catch(() => []);
  }

  /** A text snapshot the team shares, checked against the SHA-256 it is named by. */
  private async sharedText(textHash: string): Promise<string> {
    const textDoc = await getOrNull(this.db, `text:${textHash}`);
    if (!textDoc) throw new Deferred();
    let text: string;
    try {
      text = ((await this.db.getAttachment(`text:${textHash}`, textHash)) as Buffer).toString('utf8');
    } catch {
      throw new Deferred();
    }
    if (createHash('sha256').update(text, 'utf8').digest('hex') !== textHash) throw new ApiError('bad-request', 'its text does not match its SHA-256 hash');
    return text;
  }

  /**
   * The revision's own body: where lowdb holds otherwise (a quote re-pointed to a merged
   * speaker's survivor), the next outbound reconcile writes that on top of it. A highlight
   * re-anchored on this copy of its text is no edit to send back (two copies would trade forever).
   */
  private async reflectApplied(id: string, rev: string, remote: Record<string, unknown> | null): Promise<void> {
    const placedHere = this.placedHere.delete(id);
    this.state.reflect(id, rev, bodyHash(placedHere ? await localBodyOf(this.service, id) : remote));
  }

  /** The writes that put one remote document into lowdb, inside a batch (applyFromTeam). */
  private async writesOf(changes: ChangeInterpreter, body: SharedBody): Promise<Promise<void>[]> {
    const service = this.service;
    const store = service.store;
    switch (body.type) {
      case 'text':
        return [];
      case 'document':
        return this.documentWrites(changes, body);
      case 'highlight': {
        const annotation = entityOf<'highlight'>(body) as Annotation;
        if (!store.findDocument(annotation.documentId)) throw new Deferred();
        const speakerId = this.survivorOf(annotation.speakerId);
        if (speakerId && !store.data.speakers.some((s) => s.id === speakerId)) throw new Deferred();
        const { writes, result } = await changes.putSharedAnnotation({ ...annotation, speakerId });
        if (result !== 'as-sent') this.placedHere.add(sharedId.highlight(annotation.documentId, annotation.id));
        return writes;
      }
      case 'speaker': {
        const { mergedInto, ...speaker } = entityOf<'speaker'>(body);
        if (mergedInto) {
          this.state.data.mergedSpeakers[speaker.id] = mergedInto;
          if (!store.data.speakers.some((s) => s.id === speaker.id)) return [];
          if (!store.data.speakers.some((s) => s.id === this.survivorOf(mergedInto))) throw new Deferred();
          return changes.apply({ kind: 'mergeSpeakers', survivorId: this.survivorOf(mergedInto)!, mergedId: speaker.id });
        }
        return changes.putSharedSpeaker(speaker as Speaker);
      }
      case 'label':
        return changes.apply({ kind: 'saveLabel', label: entityOf<'label'>(body) as Label });
      case 'scale':
        return changes.apply({ kind: 'saveStatuses', statuses: body.statuses as Status[] });
      case 'review': {
        const { organisation, claimReviewUrl, reviewerNotesInReport, blindAnnotation } = body;
        return changes.apply({ kind: 'setReviewSettings', settings: { organisation, claimReviewUrl, reviewerNotesInReport, blindAnnotation: blindAnnotation === true } });
      }
      case 'history': {
        const entry = entityOf<'history'>(body) as ClaimHistoryEntry;
        let known = this.knownLines.get(entry.documentId);
        if (!known) {
          // Compared canonically: a line read from the file and one from the database differ only in key order.
          known = new Set((await service.history.entriesOf(entry.documentId)).map((e) => hashOf(sharedLine(e))));
          this.knownLines.set(entry.documentId, known);
        }
        const hash = hashOf(sharedLine(entry));
        if (known.has(hash)) return [];
        known.add(hash);
        return [service.history.append([{ ...sharedLine(entry), synced: true }])];
      }
    }
  }

  private async documentWrites(changes: ChangeInterpreter, body: SharedOf<'document'>): Promise<Promise<void>[]> {
    const store = this.service.store;
    const known = allDocuments(this.service).find(({ doc }) => doc.id === body.id);
    if (!known || known.doc.textHash !== body.textHash) {
      const text = await this.sharedText(body.textHash);
      if (!known) {
        const { document } = await store.addDocument(body.fileName, body.title, text, { id: body.id, format: body.format, sourceUrl: body.sourceUrl ?? null, pageStarts: body.pageStarts, headline: body.headline, outlet: body.outlet, byline: body.byline, publishedOn: body.publishedOn });
        if (document.id !== body.id) throw new ApiError('bad-request', `its text is already this workspace's document ${document.id}`);
        document.addedAt = body.addedAt;
      } else {
        // The team's copy changed (its source file was read again elsewhere): ours follows, re-anchored as a reread is.
        await takeNewText(store, known.doc, text);
        this.touchedDocuments.add(body.id);
      }
    }
    {
      const writes: Promise<void>[] = [];
      const listed = store.findDocument(body.id);
      if (body.removed && listed) writes.push(...(await changes.apply({ kind: 'removeDocument', documentId: body.id })));
      if (!body.removed && !listed) writes.push(...(await changes.apply({ kind: 'restoreDocument', documentId: body.id })));
      const doc = store.findDocument(body.id) ?? store.findRemovedDocument(body.id)!;
      if (store.findDocument(body.id)) {
        const fields = { title: body.title, headline: body.headline ?? null, outlet: body.outlet ?? null, byline: body.byline ?? null, sourceUrl: body.sourceUrl ?? null, publishedOn: body.publishedOn ?? null };
        writes.push(...(await changes.apply({ kind: 'updateDocument', documentId: body.id, fields })));
      }
      Object.assign(doc, { fileName: body.fileName, format: body.format, addedAt: body.addedAt });
      if (body.pageStarts) doc.pageStarts = body.pageStarts;
      // Done marks and curation's rejections are the team's: the database's list replaces ours.
      if (body.doneBy?.length) doc.doneBy = body.doneBy;
      else delete doc.doneBy;
      if (body.curationRejected?.length) doc.curationRejected = body.curationRejected;
      else delete doc.curationRejected;
      writes.push(store.saveWorkspace());
      return writes;
    }
  }
}

const revNumber = (rev: string) => Number.parseInt(rev.split('-')[0] ?? '0', 10);
