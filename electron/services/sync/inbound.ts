// Inbound: the replica's changes feed (since a durable checkpoint) into lowdb. Each remote
// document is checked against its shared-doc schema (a newer schema or a failed check is
// quarantined, never applied), its conflicts merged (merge.ts), and the winner enters lowdb
// through the change interpreter (apply-change.ts), the same checks as every edit. A highlight
// whose document (or speaker) has not arrived waits, deferred, and is applied when it does.
import { createHash } from 'node:crypto';
import { ApiError, type Annotation, type ClaimHistoryEntry, type Label, type Speaker, type Status } from '../../contract/api.js';
import type { AnnotatorService } from '../annotator-service.js';
import { allDocuments, localBodyOf } from './local-docs.js';
import { equalLeaves, mergeLeaves, type Leaf } from './merge.js';
import { bodyHash, bodyOf, getOrNull, writeLocal, type Pouch, type PouchDoc } from './replica.js';
import { checkSharedDoc, entityOf, hashOf, sharedLine, type SharedBody, type SharedOf } from './shared-docs.js';
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


export class Inbound {
  pulledDocs = 0;
  constructor(
    private readonly service: AnnotatorService,
    private readonly db: Pouch,
    private readonly state: SyncState,
  ) {}

  /** Applies every change since the checkpoint, then what was waiting. Returns how many were applied. */
  async run(): Promise<number> {
    let applied = 0;
    for (;;) {
      const feed = await this.db.changes({ since: this.state.data.since, limit: 200, include_docs: true, conflicts: true });
      for (const change of feed.results as { id: string; doc: PouchDoc }[]) {
        if (await this.one(change.id)) applied++;
      }
      this.state.data.since = feed.last_seq;
      await this.state.save();
      if (feed.results.length < 200) break;
    }
    // What waited may be ready now (its document arrived): tried until nothing more moves.
    for (let moved = true; moved && this.state.data.deferred.length; ) {
      moved = false;
      for (const id of [...this.state.data.deferred]) {
        this.state.data.deferred = this.state.data.deferred.filter((d) => d !== id);
        if (await this.one(id)) {
          applied++;
          moved = true;
        }
      }
      await this.state.save();
    }
    return applied;
  }

  /** One shared document from the replica into lowdb; true when lowdb changed. */
  async one(id: string): Promise<boolean> {
    let doc = await getOrNull(this.db, id, { conflicts: true });
    if (doc === null) doc = await this.deletedWinner(id);
    if (doc?._conflicts?.length) {
      await settleConflicts(this.db, id, doc);
      doc = (await getOrNull(this.db, id, { conflicts: true })) ?? doc;
    }
    const remote = bodyOf(doc);
    const local = await localBodyOf(this.service, id);
    const reflected = this.state.data.reflected[id];
    if (bodyHash(local) === bodyHash(remote)) {
      if (doc) this.state.data.reflected[id] = { rev: doc._rev, hash: bodyHash(remote) };
      return false;
    }
    if (reflected && bodyHash(local) !== reflected.hash && doc) {
      // lowdb holds an edit not yet in the replica: never overwritten. Written on top when the
      // replica holds what lowdb last reflected; else a branch, and the two are merged.
      await writeLocal(this.db, this.state, id, local);
      if (reflected.rev === doc._rev) return false;
      const again = await getOrNull(this.db, id, { conflicts: true });
      if (again?._conflicts?.length) await settleConflicts(this.db, id, again);
      return this.one(id);
    }
    if (!remote) {
      await this.applyDeletion(id);
      this.state.data.reflected[id] = { rev: doc?._rev ?? '', hash: bodyHash(null) };
      return true;
    }
    const checked = checkSharedDoc(doc!);
    if (!checked.ok) {
      await this.state.quarantineDoc(id, checked.reason);
      return false;
    }
    let placedHere: boolean | void;
    try {
      placedHere = await this.apply(checked.body);
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
    // The revision's own body: where lowdb holds otherwise (a quote re-pointed to a merged
    // speaker's survivor), the next outbound reconcile writes that on top of it. A highlight
    // re-anchored on this copy of its text is no edit to send back (two copies would trade forever).
    this.state.data.reflected[id] = { rev: doc!._rev, hash: bodyHash(placedHere ? await localBodyOf(this.service, id) : remote) };
    this.pulledDocs++;
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

  private survivorOf(speakerId: string | null): string | null {
    let id = speakerId;
    for (let hops = 0; id && this.state.data.mergedSpeakers[id] && hops < 20; hops++) id = this.state.data.mergedSpeakers[id]!;
    return id;
  }

  private async applyDeletion(id: string): Promise<void> {
    const [kind, first, second] = id.split(':');
    const change =
      kind === 'highlight' ? { kind: 'deleteAnnotation', documentId: first, annotationId: second } : kind === 'speaker' ? { kind: 'deleteSpeaker', speakerId: first } : kind === 'label' ? { kind: 'deleteLabel', labelId: first } : null;
    if (!change) return;
    if (kind === 'highlight' && !this.service.store.findDocument(first!)) return;
    await this.service.applyFromTeam(async (changes) => ({ writes: await changes.apply(change as never).catch(() => []), result: null }));
  }

  /** True when lowdb holds it placed otherwise than sent (re-anchored on this copy of the text). */
  private async apply(body: SharedBody): Promise<boolean | void> {
    const service = this.service;
    const store = service.store;
    switch (body.type) {
      case 'text':
        return;
      case 'document':
        return this.applyDocument(body);
      case 'highlight': {
        const annotation = entityOf<'highlight'>(body) as Annotation;
        if (!store.findDocument(annotation.documentId)) throw new Deferred();
        const speakerId = this.survivorOf(annotation.speakerId);
        if (speakerId && !store.data.speakers.some((s) => s.id === speakerId)) throw new Deferred();
        return (await service.applyFromTeam((changes) => changes.putSharedAnnotation({ ...annotation, speakerId }))) !== 'as-sent';
      }
      case 'speaker': {
        const { mergedInto, ...speaker } = entityOf<'speaker'>(body);
        if (mergedInto) {
          this.state.data.mergedSpeakers[speaker.id] = mergedInto;
          if (!store.data.speakers.some((s) => s.id === speaker.id)) return;
          if (!store.data.speakers.some((s) => s.id === this.survivorOf(mergedInto))) throw new Deferred();
          await service.applyFromTeam(async (changes) => ({ writes: await changes.apply({ kind: 'mergeSpeakers', survivorId: this.survivorOf(mergedInto)!, mergedId: speaker.id }), result: null }));
          return;
        }
        await service.applyFromTeam(async (changes) => ({ writes: changes.putSharedSpeaker(speaker as Speaker), result: null }));
        return;
      }
      case 'label':
        await service.applyFromTeam(async (changes) => ({ writes: await changes.apply({ kind: 'saveLabel', label: entityOf<'label'>(body) as Label }), result: null }));
        return;
      case 'scale':
        await service.applyFromTeam(async (changes) => ({ writes: await changes.apply({ kind: 'saveStatuses', statuses: body.statuses as Status[] }), result: null }));
        return;
      case 'review': {
        const { organisation, claimReviewUrl, reviewerNotesInReport, blindAnnotation } = body;
        await service.applyFromTeam(async (changes) => ({
          writes: await changes.apply({ kind: 'setReviewSettings', settings: { organisation, claimReviewUrl, reviewerNotesInReport, blindAnnotation: blindAnnotation === true } }),
          result: null,
        }));
        return;
      }
      case 'history': {
        const entry = entityOf<'history'>(body) as ClaimHistoryEntry;
        const known = await service.history.entriesOf(entry.documentId);
        // Compared canonically: a line read from the file and one from the database differ only in key order.
        if (known.some((e) => hashOf(sharedLine(e)) === hashOf(sharedLine(entry)))) return;
        await service.applyFromTeam(async () => ({ writes: [service.history.append([{ ...sharedLine(entry), synced: true }])], result: null }));
        return;
      }
    }
  }

  private async applyDocument(body: SharedOf<'document'>): Promise<void> {
    const store = this.service.store;
    const known = allDocuments(this.service).find(({ doc }) => doc.id === body.id);
    if (!known) {
      const textDoc = await getOrNull(this.db, `text:${body.textHash}`);
      if (!textDoc) throw new Deferred();
      let text: string;
      try {
        text = ((await this.db.getAttachment(`text:${body.textHash}`, body.textHash)) as Buffer).toString('utf8');
      } catch {
        throw new Deferred();
      }
      if (createHash('sha256').update(text, 'utf8').digest('hex') !== body.textHash) throw new ApiError('bad-request', 'its text does not match its SHA-256 hash');
      await this.service.applyFromTeam(async () => {
        const { document } = await store.addDocument(body.fileName, body.title, text, { format: body.format, sourceUrl: body.sourceUrl ?? null, pageStarts: body.pageStarts, headline: body.headline, outlet: body.outlet, byline: body.byline, publishedOn: body.publishedOn });
        if (document.id !== body.id) throw new ApiError('bad-request', `its id ${body.id} does not follow from its text`);
        document.addedAt = body.addedAt;
        return { writes: [store.saveWorkspace()], result: null };
      });
    }
    await this.service.applyFromTeam(async (changes) => {
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
      return { writes, result: null };
    });
  }
}

const revNumber = (rev: string) => Number.parseInt(rev.split('-')[0] ?? '0', 10);
