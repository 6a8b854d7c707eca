// Builds a benchmark's workspace the way the app builds one: documents added and highlights
// created by the real service, which the real store writes. The store's format has no second
// writer here to drift from it, and what a benchmark opens is what a newsroom would have saved.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AnnotatorService, WorkspaceStore, readTextDocument, type Annotation, type DocumentSummary, type ReadDocument } from './app-access.js';
import { annotationChanges, type Corpus } from './generate.mjs';

export interface BenchDocument {
  fileName: string;
  title: string;
  text: string;
  spans: Corpus['spans'];
}

export interface WrittenWorkspace {
  /** workspace.json as written: `documents` in the order given, the first opened on load. */
  workspace: { documents: DocumentSummary[]; speakers: unknown[]; labels: unknown[] };
  /** Each document's id and highlights, in text order, as the store keeps them. */
  written: { id: string; textHash: string; annotations: Annotation[] }[];
}

/** Documents added at once, so their workspace.json saves share a write. */
const ADDED_TOGETHER = 50;

/** A file as the app reads it (encoding, newlines, BOM): the text a benchmark's offsets refer to. */
export async function readAsTheAppDoes(filePath: string): Promise<{ fileName: string; title: string; text: string }> {
  const fileName = path.basename(filePath);
  const read = readTextDocument(fileName, await fs.readFile(filePath));
  return { fileName, title: read.title, text: read.text };
}

/**
 * Writes a new workspace in `dir` holding `docs` with their highlights and `speakers`. Fails when
 * the service refuses anything: the benchmark must measure exactly the workload it asked for.
 */
export async function writeWorkspace(dir: string, docs: BenchDocument[], speakers: Corpus['speakers']): Promise<WrittenWorkspace> {
  const store = await WorkspaceStore.open(dir);
  if (store.problem) throw new Error(`${dir}: ${store.problem.message}`);
  const service = new AnnotatorService(store, 'browser');
  await apply(
    service,
    speakers.map((speaker) => ({ kind: 'createSpeaker', speakerId: speaker.id, name: speaker.name, createdAt: '2024-06-28T08:00:00.000Z' })),
  );
  const documents: DocumentSummary[] = [];
  for (let from = 0; from < docs.length; from += ADDED_TOGETHER) {
    const added = await Promise.all(docs.slice(from, from + ADDED_TOGETHER).map((doc) => service.addReadDocument(doc.fileName, asRead(doc), null)));
    documents.push(...added);
  }
  if (new Set(documents.map((doc) => doc.id)).size !== docs.length) throw new Error('two of the generated documents have the same text');
  // Added at once, they are listed as their snapshots reached the disk: put them back in the
  // order given, so the workspace is the same on every run.
  const order = new Map(documents.map((doc, i) => [doc.id, i]));
  store.data.documents.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  await createHighlights(service, docs.map((doc, i) => annotationChanges(documents[i]!.id, doc.spans, { seed: 7 + i })));
  await apply(service, [{ kind: 'setLastDocument', documentId: documents[0]!.id }]);
  await store.flush();
  const written: WrittenWorkspace['written'] = [];
  for (const { id } of documents) {
    const doc = stored(store, id);
    written.push({ id, textHash: doc.textHash, annotations: [...(await store.annotations(doc))] });
  }
  return { workspace: structuredClone(store.data), written };
}

/** Changes sent in one applyChanges call: many, so that files are written few times. */
const BATCH = 10_000;
/** A large document's highlights are sent in batches this size (see createMany). */
const ASIDE_AFTER = 2_000;

type Create = ReturnType<typeof annotationChanges>[number];

/** Each document's highlights in as few batches as hold them, small documents sharing one. */
async function createHighlights(service: AnnotatorService, perDocument: Create[][]): Promise<void> {
  let batch: Create[] = [];
  for (const changes of perDocument) {
    if (changes.length > ASIDE_AFTER) {
      await createMany(service, changes);
      continue;
    }
    if (batch.length + changes.length > BATCH) {
      await apply(service, batch);
      batch = [];
    }
    batch.push(...changes);
  }
  if (batch.length > 0) await apply(service, batch);
}

/**
 * Each create is checked against all of its document's highlights (a resent one must not be
 * doubled), so 50,000 sent to one document would take minutes. The highlights made are held
 * aside after each batch, so a batch is checked against its own, and put back before the last
 * create, which counts them all and has the store write the whole file.
 */
async function createMany(service: AnnotatorService, changes: Create[]): Promise<void> {
  const doc = stored(service.store, changes[0]!.documentId);
  const live = await service.store.annotations(doc);
  const aside: Annotation[] = [];
  for (let from = 0; from < changes.length - 1; from += ASIDE_AFTER) {
    await apply(service, changes.slice(from, Math.min(from + ASIDE_AFTER, changes.length - 1)));
    for (const annotation of live.splice(0)) aside.push(annotation);
  }
  for (const annotation of aside) live.push(annotation);
  await apply(service, changes.slice(-1));
  const made = (await service.store.annotations(doc)).length;
  if (made !== changes.length || doc.annotationCount !== changes.length) {
    throw new Error(`${doc.fileName}: ${made} highlights saved (counted ${doc.annotationCount}), not the ${changes.length} generated`);
  }
}

function stored(store: WorkspaceStore, documentId: string) {
  const doc = store.findDocument(documentId);
  if (!doc) throw new Error(`document ${documentId} is not in the workspace`);
  return doc;
}

function asRead(doc: BenchDocument): ReadDocument {
  return { title: doc.title, text: doc.text, format: 'text', encoding: 'utf-8', encodingDetected: false, sourceUrl: null };
}

async function apply(service: AnnotatorService, changes: unknown[]): Promise<void> {
  const { applied, refused } = await service.applyChanges(changes);
  if (refused.length > 0) {
    const first = refused[0]!;
    throw new Error(`the service refused ${refused.length} of ${changes.length} generated changes; the first (#${first.index}): ${first.message}`);
  }
  if (applied !== changes.length) throw new Error(`only ${applied} of ${changes.length} generated changes applied`);
}
