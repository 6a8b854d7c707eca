// Three real workspaces synced through a real pouchdb-server on 127.0.0.1.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { toApiError } from '../../../../electron/services/api-errors.js';
import { openFilesFromPaths } from '../../../../electron/services/documents/open-files.js';
import { memoryCredentials, TeamSync } from '../../../../electron/services/sync/team-sync.js';
import { startCouchServer, type CouchServer } from '../../../helpers/couch-server.js';
import { createChange, importText, useWorkspaces } from '../../../helpers/workspace.js';

const { openService, tempDir } = useWorkspaces();
let server: CouchServer | null = null;
const engines: TeamSync[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
  await server?.stop();
  server = null;
});

const TEXT = 'The mayor said: "The budget is balanced." Critics disagree with the mayor.';

async function team(count: number) {
  server = await startCouchServer();
  await server.createDatabase('newsroom');
  await server.addAdmin('ed', 'pw');
  const machines: { service: AnnotatorService; engine: TeamSync }[] = [];
  for (let i = 0; i < count; i++) {
    const service = await openService();
    await service.applyChanges([{ kind: 'setAnnotatorName', name: `Person ${i + 1}` }]);
    const engine = new TeamSync(service, memoryCredentials());
    engines.push(engine);
    const status = await engine.link({ url: `${server.url}/newsroom`, username: 'ed', password: 'pw' });
    expect(status.state, status.message ?? '').toBe('synced');
    machines.push({ service, engine });
  }
  return machines;
}

const syncAll = async (machines: { engine: TeamSync }[], rounds = 2) => {
  for (let r = 0; r < rounds; r++) for (const m of machines) await m.engine.syncOnce();
};

async function highlights(service: AnnotatorService, documentId: string) {
  const doc = service.requireDocument(documentId);
  return service.store.annotations(doc);
}

describe('team sync between three workspaces', () => {
  it('one creates a document and a quote; the others see them, with the text', async () => {
    const [a, b, c] = await team(3);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await a!.service.applyChanges([{ kind: 'createSpeaker', speakerId: 'mayor', name: 'The Mayor' }, createChange(doc.id, 'q1', 17, 41, { speakerId: 'mayor' })]);
    await syncAll([a!, b!, c!]);
    for (const m of [b!, c!]) {
      expect(m.service.store.findDocument(doc.id)?.title).toBe(doc.title);
      expect(await m.service.readText(m.service.requireDocument(doc.id))).toBe(TEXT);
      const [q] = await highlights(m.service, doc.id);
      expect(q).toMatchObject({ id: 'q1', text: TEXT.slice(17, 41), speakerId: 'mayor', author: 'Person 1' });
    }
    // A deletion travels as a deletion.
    await b!.service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'q1' }]);
    await syncAll([b!, a!, c!]);
    expect(await highlights(a!.service, doc.id)).toEqual([]);
    expect(await highlights(c!.service, doc.id)).toEqual([]);
  });

  it('conflicting verdicts become claim.conflicts on every machine, and resolve when the editor picks one', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await a!.service.applyChanges([createChange(doc.id, 'c1', 17, 41, { labelId: 'claim', claim: { checkWorthiness: 'high', status: 'unreviewed', sources: [], tags: [] } })]);
    await syncAll([a!, b!]);
    const statuses = a!.service.store.data.statuses.filter((s) => s.kind === 'verdict').map((s) => s.id);
    await a!.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: statuses[0]! }, deskDecision: true }]);
    await b!.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: statuses[1]! }, deskDecision: true }]);
    await syncAll([a!, b!, a!]);
    const [ca] = await highlights(a!.service, doc.id);
    const [cb] = await highlights(b!.service, doc.id);
    expect(ca!.claim!.status).toBe(cb!.claim!.status);
    expect(ca!.claim!.conflicts).toHaveLength(1);
    expect(cb!.claim).toEqual(ca!.claim);
    const other = ca!.claim!.conflicts![0]!.status;
    expect(other).not.toBe(ca!.claim!.status);
    expect(ca!.claim!.conflicts![0]!.from).toBe('team sync');
    // The editor picks the other verdict on b.
    await b!.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: other }, deskDecision: true }]);
    await syncAll([b!, a!]);
    const [picked] = await highlights(a!.service, doc.id);
    expect(picked!.claim!.status).toBe(other);
    expect(picked!.claim!.conflicts).toBeUndefined();
    // Both machines' lines are on file (the desk's view sets them against the claim, see report).
    const history = await a!.service.history.entriesOf(doc.id);
    const decisions = history.filter((h) => h.field === 'status' && h.desk).map((h) => h.to);
    expect(decisions).toEqual(expect.arrayContaining([statuses[0], statuses[1], other]));
    // ...and the desk's history shows both concurrent decisions and the pick, on either machine
    // (a synced line is never taken for one a kill parted from its change), with no invented line.
    for (const machine of [a!, b!]) {
      const shown = (await machine.service.claimHistoryOf(doc.id, 'c1')).filter((h) => h.field === 'status' && h.desk);
      expect(shown.map((h) => h.to).sort()).toEqual([statuses[0], statuses[1], other].sort());
      expect(shown.some((h) => h.recovered)).toBe(false);
    }
    expect((await a!.engine.conflicts()).length).toBe(0);
  });

  it('a person’s done mark and the editor’s rejected span groups reach the other machines', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await a!.service.applyChanges([createChange(doc.id, 'q1', 17, 41)]);
    await syncAll([a!, b!]);
    const ana = { person: { id: 'p-ana', name: 'Ana' } };
    const done = await a!.service.applyChanges([{ kind: 'markDocumentDone', documentId: doc.id, done: true }], ana);
    expect(done.refused).toEqual([]);
    await b!.service.applyChanges([{ kind: 'setCurationRejected', documentId: doc.id, annotationIds: ['q1'], rejected: true }]);
    await syncAll([a!, b!, a!]);
    for (const machine of [a!, b!]) {
      const there = machine.service.store.findDocument(doc.id)!;
      expect(there.doneBy?.map((mark) => mark.personId)).toEqual(['p-ana']);
      expect(there.curationRejected).toEqual(['q1']);
    }
  });

  it('two people marking one document done offline both keep their marks, with no conflict to settle', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await syncAll([a!, b!]);
    const as = (id: string) => ({ person: { id, name: id.toUpperCase() } });
    const mark = (machine: typeof a, personId: string, done: boolean) => machine!.service.applyChanges([{ kind: 'markDocumentDone', documentId: doc.id, done }], as(personId));
    const marksOn = (machine: typeof a) => machine!.service.store.findDocument(doc.id)!.doneBy?.map((m) => m.personId);
    expect((await mark(a, 'ana', true)).refused).toEqual([]);
    expect((await mark(b, 'ben', true)).refused).toEqual([]);
    await syncAll([a!, b!, a!]);
    for (const machine of [a!, b!]) {
      expect(marksOn(machine)).toEqual(['ana', 'ben']);
      expect(await machine.engine.conflicts()).toEqual([]);
    }
    // Ana takes hers back on one machine while Cy marks on the other: Cy's stays, Ana's goes.
    await mark(a, 'ana', false);
    await mark(b, 'cy', true);
    await syncAll([a!, b!, a!]);
    for (const machine of [a!, b!]) {
      expect(marksOn(machine)).toEqual(['ben', 'cy']);
      expect(await machine.engine.conflicts()).toEqual([]);
    }
  });

  it('blind annotation, set by the editor, reaches every machine; the desk’s layer stays each editor’s own', async () => {
    const [a, b] = await team(2);
    await a!.service.applyChanges([{ kind: 'setReviewSettings', settings: { organisation: 'The Desk', claimReviewUrl: '', blindAnnotation: true, layer: 'curated' } }]);
    await syncAll([a!, b!]);
    expect(b!.service.store.data.settings.blindAnnotation).toBe(true);
    expect(b!.service.store.data.settings.organisation).toBe('The Desk');
    expect(b!.service.store.data.settings.layer).toBeUndefined();
    await b!.service.applyChanges([{ kind: 'setReviewSettings', settings: { organisation: 'The Desk', claimReviewUrl: '', blindAnnotation: false } }]);
    await syncAll([b!, a!]);
    expect(a!.service.store.data.settings.blindAnnotation).toBe(false);
    expect(a!.service.store.data.settings.layer).toBe('curated');
  });

  it('merges a highlight field by field, and surfaces a real overlap until one version is kept', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await a!.service.applyChanges([createChange(doc.id, 'q1', 17, 41)]);
    await syncAll([a!, b!]);
    await a!.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q1', note: 'checked by A' }]);
    await b!.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q1', quoteKind: 'partial' }]);
    await syncAll([a!, b!, a!]);
    for (const m of [a!, b!]) expect((await highlights(m.service, doc.id))[0]).toMatchObject({ note: 'checked by A', quoteKind: 'partial' });
    await a!.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q1', note: 'A says' }]);
    await b!.service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'q1', note: 'B says' }]);
    await syncAll([a!, b!, a!]);
    const [conflict] = await a!.engine.conflicts();
    expect(conflict).toMatchObject({ kind: 'highlight', documentId: doc.id, annotationId: 'q1' });
    expect(conflict!.fields).toContain('note');
    expect((await b!.engine.conflicts()).length).toBe(1);
    const keep = conflict!.versions.find((v) => v.values.note === 'B says')!;
    await a!.engine.resolve(conflict!.id, keep.rev);
    await syncAll([a!, b!]);
    for (const m of [a!, b!]) {
      expect((await highlights(m.service, doc.id))[0]!.note).toBe('B says');
      expect(await m.engine.conflicts()).toEqual([]);
    }
  });

  it('a speaker merge on one machine and new quotes for the merged speaker on another both survive', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await a!.service.applyChanges([{ kind: 'createSpeaker', speakerId: 'mayor', name: 'The Mayor' }, { kind: 'createSpeaker', speakerId: 'smith', name: 'Jo Smith' }]);
    await syncAll([a!, b!]);
    await a!.service.applyChanges([{ kind: 'mergeSpeakers', survivorId: 'mayor', mergedId: 'smith' }]);
    await b!.service.applyChanges([createChange(doc.id, 'q2', 59, 74, { speakerId: 'smith' })]);
    await syncAll([a!, b!, a!, b!]);
    for (const m of [a!, b!]) {
      expect(m.service.store.data.speakers.map((s) => s.id)).not.toContain('smith');
      expect((await highlights(m.service, doc.id)).find((h) => h.id === 'q2')?.speakerId).toBe('mayor');
    }
  });

  it('a merge made while the engine was not running goes out as a merge, not a deletion', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await a!.service.applyChanges([{ kind: 'createSpeaker', speakerId: 'mayor', name: 'The Mayor' }, { kind: 'createSpeaker', speakerId: 'smith', name: 'Jo Smith' }]);
    await syncAll([a!, b!]);
    await a!.engine.close();
    await a!.service.applyChanges([{ kind: 'mergeSpeakers', survivorId: 'mayor', mergedId: 'smith' }]);
    await b!.service.applyChanges([createChange(doc.id, 'q2', 59, 74, { speakerId: 'smith' })]);
    const again = new TeamSync(a!.service, memoryCredentials({ username: 'ed', password: 'pw' }));
    engines.push(again);
    await syncAll([{ engine: again }, b!, { engine: again }, b!]);
    const shared = (await (await fetch(`${server!.url}/newsroom/speaker:smith`, { headers: { authorization: `Basic ${Buffer.from('ed:pw').toString('base64')}` } })).json()) as { mergedInto?: string; _deleted?: boolean };
    expect(shared).toMatchObject({ mergedInto: 'mayor' });
    for (const m of [a!, b!]) {
      expect((await highlights(m.service, doc.id)).find((h) => h.id === 'q2')?.speakerId).toBe('mayor');
      expect(m.service.store.data.speakers.map((s) => s.id)).not.toContain('smith');
    }
  });

  it('the first sync shows its progress in documents, rising to the whole', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await a!.service.applyChanges(Array.from({ length: 40 }, (_, i) => createChange(doc.id, `q${i}`, i, i + 5)));
    await a!.engine.syncOnce();
    const seen: { done: number; total: number | null }[] = [];
    b!.engine.onStatus((status) => {
      // Before the server has said how much it holds, the count has no total yet.
      if (status.state === 'first-replication' && status.progress?.total != null) seen.push(status.progress);
    });
    await b!.engine.syncOnce();
    const total = seen.at(-1)!.total!;
    // Every shared document on the server: the story, its text, 40 highlights, labels and settings.
    expect(total).toBeGreaterThanOrEqual(42);
    expect(seen.every((p) => p.total === total)).toBe(true);
    expect(seen.at(-1)!.done).toBe(total);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((x, y) => x - y));
    expect(b!.engine.status()).toMatchObject({ state: 'synced', progress: null });
  });

  it('live replication carries on when the server comes back without the database, once it is made again', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await syncAll([a!, b!]);
    a!.engine.startLive();
    b!.engine.startLive();
    await a!.service.applyChanges([createChange(doc.id, 'before', 0, 9)]);
    await expect.poll(async () => (await highlights(b!.service, doc.id)).map((h) => h.id), { timeout: 20_000 }).toEqual(['before']);
    const port = server!.port;
    await server!.stop();
    server = await startCouchServer({ port });
    await server.addAdmin('ed', 'pw');
    await a!.service.applyChanges([createChange(doc.id, 'while-gone', 17, 41)]);
    await server.createDatabase('newsroom');
    await a!.service.applyChanges([createChange(doc.id, 'after', 59, 74)]);
    await expect.poll(async () => (await highlights(b!.service, doc.id)).map((h) => h.id).sort(), { timeout: 30_000 }).toEqual(['after', 'before', 'while-gone']);
  }, 90_000);

  it('live replication ended by a refused password starts again once the workspace is linked again', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await syncAll([a!, b!]);
    a!.engine.startLive();
    b!.engine.startLive();
    // The admin's password changes on the server: both machines' live replication is refused.
    await fetch(`${server!.url}/_config/admins/ed`, { method: 'PUT', headers: { authorization: `Basic ${Buffer.from('ed:pw').toString('base64')}` }, body: JSON.stringify('new-pw') });
    await a!.service.applyChanges([createChange(doc.id, 'refused', 0, 9)]);
    await expect.poll(() => a!.engine.status().message ?? '', { timeout: 30_000 }).toMatch(/refused that user name or password/);
    for (const m of [a!, b!]) expect((await m.engine.link({ url: `${server!.url}/newsroom`, username: 'ed', password: 'new-pw' })).state).toBe('synced');
    await syncAll([a!, b!]);
    // Live again without anyone asking: a later edit reaches B by itself.
    await a!.service.applyChanges([createChange(doc.id, 'after', 59, 74)]);
    await expect.poll(async () => (await highlights(b!.service, doc.id)).map((h) => h.id).sort(), { timeout: 30_000 }).toEqual(['after', 'refused']);
  }, 90_000);

  it('tells open windows what the team brought in: the documents touched, or all for a speaker', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await syncAll([a!, b!]);
    const arrived: (string[] | 'all')[] = [];
    b!.engine.onArrived((documentIds) => arrived.push(documentIds));
    await a!.service.applyChanges([createChange(doc.id, 'q1', 17, 41)]);
    await syncAll([a!, b!]);
    expect(arrived).toEqual([[doc.id]]);
    await a!.service.applyChanges([{ kind: 'createSpeaker', speakerId: 'mayor', name: 'The Mayor' }]);
    await syncAll([a!, b!]);
    expect(arrived.at(-1)).toBe('all');
    // Nothing new from the team: nothing to tell.
    const told = arrived.length;
    await syncAll([a!, b!]);
    expect(arrived).toHaveLength(told);
  });

  it('keeps offline edits on both sides and converges once the server is back', async () => {
    const [a, b] = await team(2);
    const doc = await importText(a!.service, 'mayor.txt', TEXT);
    await syncAll([a!, b!]);
    await server!.stop();
    await a!.service.applyChanges([createChange(doc.id, 'qa', 0, 9)]);
    await b!.service.applyChanges([createChange(doc.id, 'qb', 59, 74)]);
    // The window's "Sync now" says so in the engine's words, as an unreachable server, not as "Something went wrong".
    const offline = await a!.engine.syncOnce().catch((error: unknown) => error);
    expect(toApiError(offline)).toEqual({ code: 'unreachable', message: expect.stringMatching(/^The server cannot be reached .*; local changes wait and go out once it answers\.$/) });
    expect(a!.engine.status()).toMatchObject({ state: 'offline' });
    expect(a!.engine.status().waiting).toBeGreaterThan(0);
    server = await startCouchServer({ port: server!.port });
    await server.createDatabase('newsroom');
    await server.addAdmin('ed', 'pw');
    await syncAll([a!, b!]);
    for (const m of [a!, b!]) expect((await highlights(m.service, doc.id)).map((h) => h.id).sort()).toEqual(['qa', 'qb']);
  });

  it('a document whose file changed on one machine takes the new text everywhere, its highlights re-anchored; nothing trades back and forth', async () => {
    const [a, b, c] = await team(3);
    // A's document comes from a file, so it can change: the document keeps its id (from its first text).
    const filePath = path.join(await tempDir('annotator-files-'), 'mayor.txt');
    const story = `Budget day at the town hall.\n\n${TEXT}\n\nThe vote is on Friday at noon in the town hall.\n`;
    const [budget, vote, added, critics] = ['The budget is balanced."', 'The vote is on Friday at noon', 'A new sentence stands here.', 'Critics disagree'];
    await fs.writeFile(filePath, story);
    const doc = (await openFilesFromPaths(a!.service, [filePath]))[0]!.document!;
    const at = (text: string, quote: string) => [text.indexOf(quote), text.indexOf(quote) + quote.length] as const;
    await a!.service.applyChanges([createChange(doc.id, 'q1', ...at(story, budget)), createChange(doc.id, 'q2', ...at(story, vote))]);
    await syncAll([a!, b!, c!]);
    // B marks a quote on the old text before it hears of the change.
    await b!.service.applyChanges([createChange(doc.id, 'q4', ...at(story, critics))]);
    // A's file gains a first paragraph and loses the vote: q1 moves there, q2 is orphaned.
    const changed = 'An editor’s note now comes first.\n\n' + story.replace('The vote is on Friday at noon in the town hall.', added);
    await fs.writeFile(filePath, changed);
    expect((await a!.service.openDocument(doc.id)).source?.report).toEqual({ unchanged: 0, moved: 1, fuzzy: 0, orphaned: 1 });
    await a!.service.applyChanges([createChange(doc.id, 'q3', ...at(changed, added))]);
    await syncAll([a!, b!, c!, a!, b!, c!]);
    for (const m of [a!, b!, c!]) {
      const mine = m.service.requireDocument(doc.id);
      expect(await m.service.readText(mine)).toBe(changed);
      // B's quote made on the old text is re-anchored on the new one wherever it arrives.
      expect((await highlights(m.service, doc.id)).map((h) => [h.id, h.start, h.text])).toEqual([
        ['q1', changed.indexOf(budget), budget],
        ['q4', changed.indexOf(critics), critics],
        ['q3', changed.indexOf(added), added],
      ]);
      expect((await m.service.store.orphans(mine)).map((h) => h.id)).toEqual(['q2']);
      expect(await m.engine.quarantined()).toEqual([]);
    }
    // Every machine holds the same placement: the team's revisions stay put.
    const auth = { authorization: `Basic ${Buffer.from('ed:pw').toString('base64')}` };
    const revs = async () => Promise.all([`document:${doc.id}`, ...['q1', 'q2', 'q3', 'q4'].map((id) => `highlight:${doc.id}:${id}`)].map(async (id) => ((await (await fetch(`${server!.url}/newsroom/${id}`, { headers: auth })).json()) as { _rev: string })._rev));
    const before = await revs();
    await syncAll([a!, b!, c!, a!, b!, c!]);
    expect(await revs()).toEqual(before);
    // A machine that joins later gets the document by its id, with the new text.
    const d = await openService();
    const late = new TeamSync(d, memoryCredentials());
    engines.push(late);
    await late.link({ url: `${server!.url}/newsroom`, username: 'ed', password: 'pw' });
    await syncAll([{ engine: late }]);
    expect(await d.readText(d.requireDocument(doc.id))).toBe(changed);
    expect((await highlights(d, doc.id)).map((h) => h.id)).toEqual(['q1', 'q4', 'q3']);
    expect(await late.quarantined()).toEqual([]);
    // A deletion reaches an orphan too.
    await a!.service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'q2' }]);
    await syncAll([a!, b!]);
    expect(await b!.service.store.orphans(b!.service.requireDocument(doc.id))).toEqual([]);
  });

  it('quarantines a document from a newer schema, with the reason, and applies nothing of it', async () => {
    const [a] = await team(1);
    await fetch(`${server!.url}/newsroom/label:future`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('ed:pw').toString('base64')}` }, body: JSON.stringify({ type: 'label', schemaVersion: 2, id: 'future', name: 'Future', color: '#123456', hotkey: '9' }) });
    await fetch(`${server!.url}/newsroom/label:broken`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('ed:pw').toString('base64')}` }, body: JSON.stringify({ type: 'label', schemaVersion: 1, id: 'broken', name: '', color: 'red', hotkey: '' }) });
    await a!.engine.syncOnce();
    const quarantined = await a!.engine.quarantined();
    expect(quarantined.map((q) => q.id).sort()).toEqual(['label:broken', 'label:future']);
    expect(quarantined.find((q) => q.id === 'label:future')!.reason).toMatch(/newer version of Newsroom Annotator \(schema 2;/);
    expect(a!.service.store.data.labels.map((l) => l.id)).not.toContain('future');
    expect(a!.engine.status().quarantined).toBe(2);
  });
});

describe('linking refuses clearly, never showing the password', () => {
  it('wrong password, missing database, not CouchDB, plain http elsewhere', async () => {
    server = await startCouchServer();
    await server.createDatabase('newsroom');
    await server.addAdmin('ed', 'right-password');
    const service = await openService();
    const engine = new TeamSync(service, memoryCredentials());
    engines.push(engine);
    const wrong = await engine.link({ url: `${server.url}/newsroom`, username: 'ed', password: 'hunter2-secret' });
    expect(wrong).toMatchObject({ state: 'error' });
    expect(wrong.message).toMatch(/refused that user name or password/);
    const missing = await engine.link({ url: `${server.url}/nothing`, username: 'ed', password: 'right-password' });
    expect(missing.message).toMatch(/No database nothing on that server; create it/);
    const notCouch = await engine.link({ url: `${server.url.replace(/:\d+$/, ':1')}/x`, username: 'ed', password: 'right-password' });
    expect(notCouch.state).toBe('offline');
    const insecure = await engine.link({ url: 'http://couch.example.org/newsroom', username: 'ed', password: 'right-password' });
    expect(insecure.message).toMatch(/unencrypted/);
    for (const status of [wrong, missing, notCouch, insecure]) expect(JSON.stringify(status)).not.toMatch(/hunter2|right-password/);
    const ok = await engine.link({ url: `${server.url}/newsroom`, username: 'ed', password: 'right-password' });
    expect(ok.state).toBe('synced');
  });

  it('says an address that answers like a web site, not CouchDB, is not a CouchDB server, and keeps nothing', async () => {
    for (const answer of [
      { type: 'text/html', body: '<!doctype html><title>Newsroom intranet</title>' },
      { type: 'application/json', body: '{"status":"ok"}' },
    ]) {
      const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': answer.type }).end(answer.body));
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      try {
        const service = await openService();
        const engine = new TeamSync(service, memoryCredentials());
        engines.push(engine);
        const port = (site.address() as AddressInfo).port;
        const status = await engine.link({ url: `http://127.0.0.1:${port}/newsroom`, username: 'ed', password: 'site-secret' });
        expect(status.message).toMatch(/not a CouchDB server/);
        expect(JSON.stringify(status)).not.toContain('site-secret');
        expect(engine.status().state).toBe('unlinked');
      } finally {
        await new Promise((resolve) => site.close(resolve));
      }
    }
  });

  it('a window’s engine on an unlinked workspace opens no replica and leaves no sync folder', async () => {
    const { defaultTeamSyncFactory } = await import('../../../../electron/hosts/team-sync-factory.js');
    const service = await openService();
    const engine = defaultTeamSyncFactory(service, memoryCredentials());
    engine.startLive();
    expect(engine.status().state).toBe('unlinked');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await engine.stop();
    await expect(fs.stat(path.join(service.store.dir, 'sync'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
