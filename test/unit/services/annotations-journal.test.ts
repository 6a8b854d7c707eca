// A document's journal on real files: a save appends a line, opening replays it, folds write the
// annotations file whole (on size, idle, close), and a kill's leftovers (a torn line, a fold cut
// between its steps) lose nothing and apply nothing twice.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../electron/contract/api.js';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { WrittenList, type JournalLimits } from '../../../electron/services/store/annotations-journal.js';
import { WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { exists, readJson, useTempDirs } from '../../helpers/temp-dirs.js';
import { createChange, importText } from '../../helpers/workspace.js';

const stores: WorkspaceStore[] = [];
const tempDir = useTempDirs(async () => {
  await Promise.all(stores.splice(0).map((store) => store.flush().catch(() => undefined)));
});

const STORY = 'The mayor said the bridge would open by May. Critics said it would not. The council met on Tuesday.';

/** Journals from 2 highlights on, never folded by idle unless asked. */
async function open(dir: string, journal: Partial<JournalLimits> = {}) {
  const store = await WorkspaceStore.open(dir, { journal: { fromHighlights: 2, idleMs: 3_600_000, ...journal } });
  stores.push(store);
  return new AnnotatorService(store, 'browser');
}

/** A document with two highlights, its annotations file written whole (the first save folds). */
async function started(journal: Partial<JournalLimits> = {}) {
  const dir = await tempDir();
  const service = await open(dir, journal);
  const doc = await importText(service, 'story.txt', STORY);
  await service.applyChanges([createChange(doc.id, 'a', 0, 9), createChange(doc.id, 'b', 10, 14)]);
  await service.store.flush();
  const file = service.store.annotationsFile(doc.id);
  const journalFile = service.store.journalFile(doc.id);
  return { dir, service, doc, file, journalFile };
}

const ids = (list: Annotation[]) => list.map((a) => a.id);
const journalLines = async (file: string) => (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));

/** The workspace as a kill would leave it: copied while the store still holds it. */
async function copyOf(dir: string): Promise<string> {
  const copy = await tempDir();
  await fs.cp(dir, copy, { recursive: true });
  return copy;
}

describe("a document's journal", () => {
  it('saves each change as one line, leaves the annotations file alone, and replays the lines on open', async () => {
    const { dir, service, doc, file, journalFile } = await started();
    const before = await fs.readFile(file, 'utf8');
    await service.applyChanges([createChange(doc.id, 'c', 20, 26)]);
    await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'a', note: 'check the date' }]);
    await service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'b' }]);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    const lines = await journalLines(journalFile);
    expect(lines.map((line) => line.seq)).toEqual([1, 2, 3]);
    expect(lines[0].annotations.put.map((put: { highlight: Annotation }) => put.highlight.id)).toEqual(['c']);
    expect(lines[2].annotations.drop).toEqual(['b']);

    const reopened = await open(await copyOf(dir));
    const found = reopened.store.findDocument(doc.id)!;
    const annotations = await reopened.store.annotations(found);
    expect(ids(annotations)).toEqual(ids(await service.store.annotations(doc)));
    expect(annotations.find((a) => a.id === 'a')!.note).toBe('check the date');
    expect(found.annotationCount).toBe(2);
  });

  it('ignores a last line a kill cut short, and cuts it off before the next line', async () => {
    const { dir, service, doc, journalFile } = await started();
    await service.applyChanges([createChange(doc.id, 'c', 20, 26)]);
    const copy = await copyOf(dir);
    const copiedJournal = path.join(copy, path.relative(dir, journalFile));
    await fs.appendFile(copiedJournal, '{"seq":2,"textHash":"ab');
    const reopened = await open(copy, { foldLines: 100 });
    const found = reopened.store.findDocument(doc.id)!;
    expect(ids(await reopened.store.annotations(found))).toEqual(['a', 'b', 'c']);
    // A journal left by a crash is folded at the next save; one more change goes to a new line.
    await reopened.applyChanges([createChange(doc.id, 'd', 30, 34)]);
    expect(await exists(copiedJournal)).toBe(false);
    await reopened.applyChanges([createChange(doc.id, 'e', 40, 44)]);
    const text = await fs.readFile(copiedJournal, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('"textHash":"ab\n');
    expect((await journalLines(copiedJournal)).map((line) => line.seq)).toEqual([2]);
  });

  it('cuts a torn last line off before appending, when the journal is not folded first', async () => {
    const { service, doc, journalFile } = await started();
    await service.applyChanges([createChange(doc.id, 'c', 20, 26)]);
    // As a kill mid-append leaves it, under a store that goes on writing (a line never acknowledged).
    await fs.appendFile(journalFile, '{"seq":2,"annot');
    await service.applyChanges([createChange(doc.id, 'd', 30, 34)]);
    expect((await journalLines(journalFile)).map((line) => line.seq)).toEqual([1, 2]);
  });

  it('folds the journal into the annotations file once it holds foldLines lines', async () => {
    const { service, doc, file, journalFile } = await started({ foldLines: 3 });
    for (const [id, start] of [['c', 20], ['d', 30], ['e', 40]] as const) await service.applyChanges([createChange(doc.id, id, start, start + 4)]);
    await service.store.written();
    await vi.waitFor(async () => expect(await exists(journalFile)).toBe(false));
    const onDisk = await readJson<{ annotations: Annotation[]; journalSeq: number }>(file);
    expect(ids(onDisk.annotations)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(onDisk.journalSeq).toBe(3);
  });

  it('folds the journal once no save came for the idle time', async () => {
    const { service, doc, file, journalFile } = await started({ idleMs: 20 });
    await service.applyChanges([createChange(doc.id, 'c', 20, 26)]);
    await vi.waitFor(async () => expect(ids((await readJson<{ annotations: Annotation[] }>(file)).annotations)).toEqual(['a', 'b', 'c']));
    await vi.waitFor(async () => expect(await exists(journalFile)).toBe(false));
  });

  it('folds every journal on close (flush)', async () => {
    const { service, doc, file, journalFile } = await started();
    await service.applyChanges([createChange(doc.id, 'c', 20, 26)]);
    expect(await exists(journalFile)).toBe(true);
    await service.store.flush();
    expect(await exists(journalFile)).toBe(false);
    expect(ids((await readJson<{ annotations: Annotation[] }>(file)).annotations)).toEqual(['a', 'b', 'c']);
  });

  it('applies nothing twice after a kill between writing the folded file and removing the journal', async () => {
    const { dir, service, doc, file, journalFile } = await started();
    await service.applyChanges([createChange(doc.id, 'c', 20, 26)]);
    await service.applyChanges([{ kind: 'deleteAnnotation', documentId: doc.id, annotationId: 'c' }]);
    const journal = await fs.readFile(journalFile, 'utf8');
    await service.store.flush();
    // The fold's file is written (journalSeq 2) and the old journal still there, with a later line.
    const copy = await copyOf(dir);
    const later = JSON.stringify({ seq: 3, textHash: doc.textHash, annotations: { put: [{ after: 'b', highlight: { ...(await service.store.annotations(doc))[1]!, id: 'z' } }] } });
    await fs.writeFile(path.join(copy, path.relative(dir, journalFile)), `${journal}${later}\n`);
    expect((await readJson<{ journalSeq: number }>(path.join(copy, path.relative(dir, file)))).journalSeq).toBe(2);
    const reopened = await open(copy);
    expect(ids(await reopened.store.annotations(reopened.store.findDocument(doc.id)!))).toEqual(['a', 'b', 'z']);
    expect(reopened.store.problem).toBeNull();
  });

  it('opens read-only, naming the journal and its line, when a line in the middle is damaged', async () => {
    const { dir, service, doc, journalFile } = await started();
    await service.applyChanges([createChange(doc.id, 'c', 20, 26)]);
    await service.applyChanges([createChange(doc.id, 'd', 30, 34)]);
    const copy = await copyOf(dir);
    const copied = path.join(copy, path.relative(dir, journalFile));
    const [first, second] = (await fs.readFile(copied, 'utf8')).split('\n');
    await fs.writeFile(copied, `${first!.slice(0, 20)}\n${second}\n`);
    const reopened = await open(copy);
    await reopened.store.annotations(reopened.store.findDocument(doc.id)!);
    expect(reopened.store.readOnly).toBe(true);
    expect(reopened.store.problem?.message).toContain(`${doc.id}.journal.jsonl is damaged: line 1`);
  });

  it('writes the file whole when every highlight is replaced at once (replaceAnnotations)', async () => {
    const { service, doc, file, journalFile } = await started();
    const list = await service.store.annotations(doc);
    await service.store.replaceAnnotations(doc, [...list].reverse(), []);
    expect(await exists(journalFile)).toBe(false);
    expect(ids((await readJson<{ annotations: Annotation[] }>(file)).annotations)).toEqual(['b', 'a']);
  });
});

describe('WrittenList', () => {
  const h = (id: string) => ({ id }) as Annotation;
  it('finds puts (with their place) and drops by object, and gives up on a list reordered in place', () => {
    const [a, b, c] = [h('a'), h('b'), h('c')];
    const written = new WrittenList([a, b, c]);
    const b2 = h('b');
    const d = h('d');
    expect(written.diff([a, b2, d])!.changes).toEqual({ put: [{ after: 'a', highlight: b2 }, { after: 'b', highlight: d }], drop: ['c'] });
    expect(written.diff([d, a, b, c])!.changes).toEqual({ put: [{ after: null, highlight: d }] });
    expect(written.diff([a, b, c])!.changes).toEqual({});
    expect(written.diff([c, a, b])).toBeNull();
    expect(written.diff([a, c, b])).toBeNull();
  });
});
