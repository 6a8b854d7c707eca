// The child of the crash test: opens a workspace the way the app does and annotates as fast as it
// can until it is killed. A line goes to stdout only after applyChanges has resolved, which is
// the service's promise that the change is on disk:
//   ready                    the workspace is open and the documents are in
//   ack <id>                 highlight created          spk <id>   speaker created
//   note <id> <note>         note changed               del <id>   highlight deleted
//   deleting <id>            a delete is about to be sent (the highlight may be gone after a kill)
//   noting <id> <note>       a note change is about to be sent
import { writeSync } from 'node:fs';
import type { Change } from '../../electron/contract/api.js';
import { AnnotatorService } from '../../electron/services/annotator-service.js';
import { acquireWorkspaceLock } from '../../electron/services/workspace-lock.js';
import { WorkspaceStore } from '../../electron/services/workspace-store.js';
import { seededRandom as rng } from '../../electron/services/exports/splits.js';

const [dir, seedText] = process.argv.slice(2) as [string, string];

const random = rng(Number(seedText));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const WORDS = ['mayor', 'bridge', 'council', 'budget', 'said', 'claimed', 'rose', 'fell', 'percent', 'year', 'residents', 'report', 'the', 'a', 'of'];
/** The same three stories in every run, so every run finds the same documents. */
function story(n: number): string {
  const words = rng(1000 + n);
  return Array.from({ length: 900 }, (_, i) => `${WORDS[Math.floor(words() * WORDS.length)]}${i % 17 === 16 ? '.\n' : ' '}`).join('');
}

function say(line: string): void {
  // Synchronous: the line is in the pipe before the next change starts.
  writeSync(1, `${line}\n`);
}

const lock = await acquireWorkspaceLock(dir, 'cli');
void lock;
const store = await WorkspaceStore.open(dir);
if (store.readOnly) {
  say(`readonly ${store.problem?.message}`);
  process.exit(4);
}
const service = new AnnotatorService(store, 'browser');
const texts = [0, 1, 2].map(story);
const documents = [];
for (const [n, text] of texts.entries()) documents.push(await service.importBytes(`story-${n}.txt`, new TextEncoder().encode(text)));
say('ready');

let counter = 0;
for (;;) {
  const changes: Change[] = [];
  const acks: string[] = [];
  const touched = new Set<string>();
  const size = 1 + Math.floor(random() * 12);
  for (let i = 0; i < size; i++) {
    const docIndex = Math.floor(random() * documents.length);
    const doc = documents[docIndex]!;
    const text = texts[docIndex]!;
    const existing = (await store.annotations(store.findDocument(doc.id)!)).map((a) => a.id).filter((id) => !touched.has(id));
    const roll = random();
    // Keep each document's list bounded: deletes win once it is long.
    if (existing.length > 400 || (roll < 0.15 && existing.length > 0)) {
      const id = pick(existing);
      touched.add(id);
      say(`deleting ${id}`);
      changes.push({ kind: 'deleteAnnotation', documentId: doc.id, annotationId: id });
      acks.push(`del ${id}`);
    } else if (roll < 0.3 && existing.length > 0) {
      const id = pick(existing);
      touched.add(id);
      const note = `n${seedText}-${counter++}`;
      say(`noting ${id} ${note}`);
      changes.push({ kind: 'updateAnnotation', documentId: doc.id, annotationId: id, note });
      acks.push(`note ${id} ${note}`);
    } else if (roll < 0.35) {
      const id = `s-${seedText}-${counter++}`;
      changes.push({ kind: 'createSpeaker', speakerId: id, name: `Speaker ${id}` });
      acks.push(`spk ${id}`);
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
