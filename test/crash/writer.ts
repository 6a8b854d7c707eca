// The child of the crash test: opens a workspace the way the app does and annotates as fast as it
// can until it is killed. A line goes to stdout only after the service's promise that the change
// is on disk has resolved (applyChanges, importBytes, checkDocumentSource):
//   ready                    the workspace is open and the documents are in
//   ack <id>                 highlight created          spk <id>   speaker created
//   note <id> <note>         note changed               del <id>   highlight deleted
//   claim <id> <status> <rn> claim status and reviewer note set
//   imp <doc> <hash>         document imported with the text of that SHA-256
//   text <doc> <hash>        the document's text is now the one of that SHA-256
//   deleting <id>            a delete is about to be sent (the highlight may be gone after a kill)
//   noting <id> <note>       a note change is about to be sent
//   claiming <id> <status> <rn>  a claim change is about to be sent
//   changing <doc> <hash>    the document's source file is about to change to that text
import { existsSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_STATUSES, type Change } from '../../electron/contract/api.js';
import { AnnotatorService } from '../../electron/services/annotator-service.js';
import { acquireWorkspaceLock } from '../../electron/services/store/workspace-lock.js';
import { sha256, WorkspaceStore, type StoredDocument } from '../../electron/services/store/workspace-store.js';
import { seededRandom as rng } from '../../electron/services/exports/splits.js';

const [dir, seedText, sourcesDir] = process.argv.slice(2) as [string, string, string];

const random = rng(Number(seedText));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const WORDS = ['mayor', 'bridge', 'council', 'budget', 'said', 'claimed', 'rose', 'fell', 'percent', 'year', 'residents', 'report', 'the', 'a', 'of'];
const words = (n: number, next: () => number) =>
  Array.from({ length: n }, (_, i) => `${WORDS[Math.floor(next() * WORDS.length)]}${i % 17 === 16 ? '.\n' : ' '}`).join('');
/** The same three stories in every run, so every run finds the same documents. */
const story = (n: number): string => words(900, rng(1000 + n));
/** Imports stop here, so the document list (and each check of it) stays small. */
const MAX_IMPORTS = 150;

function say(line: string): void {
  // Synchronous: the line is in the pipe before the next change starts.
  writeSync(1, `${line}\n`);
}

/** Saved as editors do (temp file, rename): the source is never seen half written. */
function saveSource(file: string, text: string): void {
  writeFileSync(`${file}.part`, text);
  renameSync(`${file}.part`, file);
}

const lock = await acquireWorkspaceLock(dir, 'cli');
void lock;
// Journals from a handful of highlights, folded every few lines and after a short pause, so
// kills land in journal appends and in folds (a real transcript reaches them at 1,000).
const store = await WorkspaceStore.open(dir, { journal: { fromHighlights: 5, foldLines: 6, idleMs: 40 } });
if (store.readOnly) {
  say(`readonly ${store.problem?.message}`);
  process.exit(4);
}
const service = new AnnotatorService(store, 'browser');
// Each story is linked to a source file the writer edits; a changed file is re-read and
// re-anchored by checkDocumentSource, as when a reporter saves the file while it is open.
const documents: StoredDocument[] = [];
for (const n of [0, 1, 2]) {
  const file = path.join(sourcesDir, `story-${n}.txt`);
  if (!existsSync(file)) saveSource(file, story(n));
  const linked = store.data.documents.find((doc) => doc.filePath === file);
  // Not linked yet: imported from the file; linked: an edit a kill cut short is taken up here
  // (only then, as reading a file takes a worker thread's start).
  const doc = linked ?? store.findDocument((await service.importBytes(`story-${n}.txt`, readFileSync(file), { filePath: file })).id)!;
  if (linked && sha256(readFileSync(file, 'utf8')) !== doc.textHash) await service.sources.check(doc);
  documents.push(doc);
  say(`text ${doc.id} ${doc.textHash}`);
}
let imported = store.data.documents.filter((doc) => !doc.filePath).length;
say('ready');

let counter = 0;

async function importOne(): Promise<void> {
  const name = `import-${seedText}-${counter++}`;
  const text = `${name}\n${words(40 + Math.floor(random() * 80), random)}`;
  const bytes = new TextEncoder().encode(text);
  // Both ways in: bytes (a dialog, a drop) and base64 (an upload).
  const summary = random() < 0.5 ? await service.importBytes(`${name}.txt`, bytes) : await service.importBase64(`${name}.txt`, Buffer.from(bytes).toString('base64'));
  if (summary.textHash !== sha256(text)) throw new Error(`import ${name} was read as another text`);
  imported++;
  say(`imp ${summary.id} ${summary.textHash}`);
}

/** Edits the story's source file (a sentence in, or a stretch out) and has the service take it up. */
async function editSource(doc: StoredDocument): Promise<void> {
  const text = await store.readText(doc);
  const at = text.indexOf(' ', Math.floor(random() * (text.length - 100))) + 1;
  const next =
    text.length > 6500
      ? text.slice(0, at) + text.slice(text.indexOf(' ', at + 60) + 1)
      : `${text.slice(0, at)}edit-${seedText}-${counter++} ${words(3 + Math.floor(random() * 8), random)}${text.slice(at)}`;
  const hash = sha256(next);
  say(`changing ${doc.id} ${hash}`);
  saveSource(doc.filePath!, next);
  const { report } = await service.sources.check(doc);
  if (!report || doc.textHash !== hash) throw new Error(`the edit of ${doc.fileName} was not taken up`);
  say(`text ${doc.id} ${hash}`);
}

// A run lasts a second or so: imports and edits (a few hundred ms each, to read the file in a
// worker thread) come first in most runs, or the kill would rarely let one finish.
for (let step = 0; ; step++) {
  const roll = random();
  // They wait for nothing else: the worker thread needs the cores the batches would take.
  if (roll < (step === 0 ? 0.35 : 0.03) && imported < MAX_IMPORTS) {
    await importOne();
    continue;
  }
  if (roll < (step === 0 ? 0.65 : 0.06)) {
    await editSource(pick(documents));
    continue;
  }
  const changes: Change[] = [];
  const acks: string[] = [];
  const touched = new Set<string>();
  const size = 1 + Math.floor(random() * 12);
  for (let i = 0; i < size; i++) {
    const doc = pick(documents);
    const text = await store.readText(doc);
    const existing = (await store.annotations(doc)).filter((a) => !touched.has(a.id));
    const claims = existing.filter((a) => a.labelId === 'claim');
    const roll = random();
    // Keep each document's list bounded: deletes win once it is long.
    if (existing.length > 400 || (roll < 0.15 && existing.length > 0)) {
      const { id } = pick(existing);
      touched.add(id);
      say(`deleting ${id}`);
      changes.push({ kind: 'deleteAnnotation', documentId: doc.id, annotationId: id });
      acks.push(`del ${id}`);
    } else if (roll < 0.3 && existing.length > 0) {
      const { id } = pick(existing);
      touched.add(id);
      const note = `n${seedText}-${counter++}`;
      say(`noting ${id} ${note}`);
      changes.push({ kind: 'updateAnnotation', documentId: doc.id, annotationId: id, note });
      acks.push(`note ${id} ${note}`);
    } else if (roll < 0.42 && claims.length > 0) {
      // A reviewer's verdict: the claim's history gets a line for each field that changed.
      const { id } = pick(claims);
      touched.add(id);
      const status = pick(DEFAULT_STATUSES).id;
      const reviewerNote = `r${seedText}-${counter++}`;
      say(`claiming ${id} ${status} ${reviewerNote}`);
      changes.push({ kind: 'updateAnnotation', documentId: doc.id, annotationId: id, claim: { status, reviewerNote } });
      acks.push(`claim ${id} ${status} ${reviewerNote}`);
    } else if (roll < 0.47) {
      const id = `s-${seedText}-${counter++}`;
      changes.push({ kind: 'createSpeaker', speakerId: id, name: `Speaker ${id}` });
      acks.push(`spk ${id}`);
    } else if (roll < 0.52 && !touched.has(doc.id)) {
      // The document's details, edited (one edit a document a batch: each batch's last wins).
      touched.add(doc.id);
      const outlet = `o${seedText}-${counter++}`;
      say(`outleting ${doc.id} ${outlet}`);
      changes.push({ kind: 'updateDocument', documentId: doc.id, fields: { outlet } });
      acks.push(`outlet ${doc.id} ${outlet}`);
    } else {
      const start = Math.floor(random() * (text.length - 40));
      const id = `h-${seedText}-${counter++}`;
      changes.push({ kind: 'createAnnotation', documentId: doc.id, annotationId: id, labelId: pick(['quote', 'speaker', 'claim']), start, end: start + 1 + Math.floor(random() * 30) });
      acks.push(`ack ${id}`);
    }
  }
  const { refused } = await service.applyChanges(changes);
  if (refused.length > 0) {
    say(`refused ${JSON.stringify(refused)}`);
    process.exit(5);
  }
  for (const line of acks) say(line);
}
