// The local replica: a PouchDB (LevelDB) database in <workspace>/sync/replica, derived from lowdb
// and rebuilt from it when lost. Replication is PouchDB's own; this only writes shared documents
// into it, each based on the revision lowdb last reflected. When the replica moved on meanwhile
// (a pulled change not yet applied) the local edit becomes a conflicting branch (new_edits:false,
// its _revisions descending from the reflected revision), for CouchDB's conflict machinery.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { ABSENT, type SyncState } from './sync-state.js';
import { canonicalJson, hashOf, type SharedBody } from './shared-docs.js';

const require = createRequire(import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Pouch = any;
export type PouchDoc = Record<string, any> & { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean };

export function openPouch(name: string, options: Record<string, unknown> = {}): Pouch {
  const PouchDB = require('pouchdb-node');
  return new PouchDB(name, options);
}

/**
 * The team's database, with an info() that answers what it last knew when the server is gone.
 * PouchDB's replicator asks info() for its progress after each batch and never handles a
 * refusal (pouchdb 9, `src.info().then(…)` with no catch): a server that went away mid-batch
 * would surface as an unhandled rejection and take a Node host down. The replication's own
 * requests still fail, and are retried and reported as usual.
 */
export function openTeamDatabase(url: string, auth: { username: string; password: string }): Pouch {
  const db = openPouch(url, { auth, skip_setup: true });
  return keepLastInfo(db);
}

export function keepLastInfo(db: Pouch): Pouch {
  const info = db.info.bind(db);
  let last: Record<string, unknown> = {};
  db.info = (...args: unknown[]) => {
    if (typeof args.at(-1) === 'function') return info(...args);
    return info(...args).then(
      (answer: Record<string, unknown>) => (last = answer),
      () => last,
    );
  };
  return db;
}

export const bodyHash = (body: SharedBody | Record<string, unknown> | null) => (body ? hashOf(body) : ABSENT);

export function bodyOf(doc: PouchDoc | null): Record<string, unknown> | null {
  if (!doc || doc._deleted) return null;
  return JSON.parse(canonicalJson(doc)) as Record<string, unknown>;
}

export async function getOrNull(db: Pouch, id: string, options: Record<string, unknown> = {}): Promise<PouchDoc | null> {
  try {
    return (await db.get(id, options)) as PouchDoc;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

const newRevHash = () => randomBytes(16).toString('hex');

/**
 * Writes lowdb's version of `id` (null: deleted) to the replica; returns true when it wrote.
 * `attachment` is a text document's UTF-8 text.
 */
export async function writeLocal(db: Pouch, state: SyncState, id: string, body: SharedBody | null, attachment?: () => Promise<string>): Promise<boolean> {
  const hash = bodyHash(body);
  const reflected = state.data.reflected[id];
  const current = await getOrNull(db, id);
  if (bodyHash(bodyOf(current)) === hash) {
    if (current) state.reflect(id, current._rev, hash);
    return false;
  }
  if (!body && !current) return false;
  const attachments =
    body?.type === 'text' && attachment ? { _attachments: { [body.textHash]: { content_type: 'text/plain', data: Buffer.from(await attachment(), 'utf8') } } } : {};
  const content = body ? { ...body, ...attachments } : { _deleted: true };
  if (current && (!reflected || reflected.rev === current._rev || body?.type === 'text')) {
    // Nothing pulled since lowdb last matched (or never matched: the same text imported on both machines).
    const written = await db.put({ ...content, _id: id, _rev: current._rev });
    state.reflect(id, written.rev, hash);
    return true;
  }
  if (!current && (!reflected || reflected.hash === ABSENT)) {
    const written = await db.put({ ...content, _id: id });
    state.reflect(id, written.rev, hash);
    return true;
  }
  // The replica moved on: the local edit is a branch from the revision lowdb reflected.
  const base = reflected ? await getOrNull(db, id, { rev: reflected.rev, revs: true }) : null;
  const history = base?._revisions as { start: number; ids: string[] } | undefined;
  const ids = [newRevHash(), ...(history?.ids ?? [])];
  const start = (history?.start ?? 0) + 1;
  const rev = `${start}-${ids[0]}`;
  await db.bulkDocs([{ ...content, _id: id, _rev: rev, _revisions: { start, ids } }], { new_edits: false });
  state.data.reflected[id] = { rev, hash };
  return true;
}

export interface LocalWrite {
  id: string;
  body: SharedBody | null;
  attachment?: () => Promise<string>;
}

/**
 * writeLocal for many documents at once: one read and one bulk write per 500, the way a first
 * link's 100,000 highlights go into the replica. What cannot go in plainly (the replica moved on,
 * or a write lost a race with replication) takes writeLocal's own path. Returns how many it wrote.
 */
export async function writeManyLocal(db: Pouch, state: SyncState, writes: LocalWrite[]): Promise<number> {
  let written = 0;
  for (let from = 0; from < writes.length; from += 500) {
    const chunk = writes.slice(from, from + 500);
    const rows = (await db.allDocs({ keys: chunk.map((w) => w.id), include_docs: true })).rows as { key: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null }[];
    const plain: { write: LocalWrite; hash: string; doc: Record<string, unknown> }[] = [];
    const slow: LocalWrite[] = [];
    for (const [i, write] of chunk.entries()) {
      const row = rows[i]!;
      const current = row.value && !row.value.deleted ? (row.doc ?? null) : null;
      const hash = bodyHash(write.body);
      const reflected = state.data.reflected[write.id];
      if (bodyHash(bodyOf(current)) === hash) {
        if (current) state.reflect(write.id, current._rev, hash);
        continue;
      }
      if (!write.body && !current) continue;
      const attachments =
        write.body?.type === 'text' && write.attachment
          ? { _attachments: { [write.body.textHash]: { content_type: 'text/plain', data: Buffer.from(await write.attachment(), 'utf8') } } }
          : {};
      const content = write.body ? { ...write.body, ...attachments } : { _deleted: true };
      if (current && (!reflected || reflected.rev === current._rev || write.body?.type === 'text')) {
        plain.push({ write, hash, doc: { ...content, _id: write.id, _rev: current._rev } });
      } else if (!current && (!reflected || reflected.hash === ABSENT)) {
        plain.push({ write, hash, doc: { ...content, _id: write.id } });
      } else slow.push(write);
    }
    const results = plain.length ? ((await db.bulkDocs(plain.map((p) => p.doc))) as { ok?: boolean; rev?: string; error?: string }[]) : [];
    for (const [i, result] of results.entries()) {
      const { write, hash } = plain[i]!;
      if (result.ok && result.rev) {
        state.reflect(write.id, result.rev, hash);
        written++;
      } else slow.push(write);
    }
    for (const write of slow) if (await writeLocal(db, state, write.id, write.body, write.attachment)) written++;
  }
  return written;
}
