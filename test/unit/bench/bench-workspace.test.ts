// The benchmarks' workspaces are written by the app's own service; the app must read them as its
// own, or the figures measure something else. Small ones are generated here and opened again.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { AnnotatorService, WorkspaceStore, fromAnnotationColumns } from '../../../scripts/bench/app-access.js';
import { generateCorpus } from '../../../scripts/bench/generate.mjs';
import { writeWorkspace } from '../../../scripts/bench/workspace-writer.js';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

it('writes a workspace the real store opens, with every highlight where the text says', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-workspace-'));
  made.push(dir);
  const corpus = generateCorpus({ seed: 1, targetChars: 20_000, annotationCount: 200 });
  const { written } = await writeWorkspace(dir, [{ fileName: 'bench.txt', title: 'bench', text: corpus.text, spans: corpus.spans }], corpus.speakers);
  const service = new AnnotatorService(await WorkspaceStore.open(dir), 'browser');
  const session = await service.getSession();
  expect(session.documents).toHaveLength(1);
  const opened = await service.openDocument(session.documents[0]!.id);
  const annotations = fromAnnotationColumns(opened.annotations, opened.document.id, opened.text);
  expect(annotations).toHaveLength(written[0]!.annotations.length);
  for (const annotation of annotations) expect(opened.text.slice(annotation.start, annotation.end)).toBe(annotation.text);
  // And it takes an edit like any workspace.
  const { refused } = await service.applyChanges([{ kind: 'deleteAnnotation', documentId: opened.document.id, annotationId: annotations[0]!.id }]);
  expect(refused).toEqual([]);
});

it('writes it through the real service: the store opens it whole and writable, with every count as asked', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-workspace-'));
  made.push(dir);
  // One document past a batch of highlights (held aside while it is made), two small ones sharing a batch.
  const big = generateCorpus({ seed: 2, targetChars: 240_000, annotationCount: 2_100 });
  const small = [3, 4].map((seed) => generateCorpus({ seed, targetChars: 3_000, annotationCount: 20 }));
  const docs = [big, ...small].map((corpus, i) => ({ fileName: `story-${i}.txt`, title: `story-${i}`, text: corpus.text, spans: corpus.spans }));
  const { workspace, written } = await writeWorkspace(dir, docs, big.speakers);
  expect(written.map((doc) => doc.annotations.length)).toEqual([2_100, 20, 20]);

  const store = await WorkspaceStore.open(dir);
  expect(store.problem).toBeNull();
  expect(store.readOnly).toBe(false);
  expect(store.data.documents.map((doc) => [doc.fileName, doc.annotationCount])).toEqual([
    ['story-0.txt', 2_100],
    ['story-1.txt', 20],
    ['story-2.txt', 20],
  ]);
  expect(store.data.documents.map((doc) => doc.id)).toEqual(workspace.documents.map((doc) => doc.id));
  expect(store.data.settings.lastDocumentId).toBe(written[0]!.id);
  expect(store.data.speakers.map((speaker) => speaker.id).sort()).toEqual(big.speakers.map((speaker) => speaker.id).sort());
  for (const [i, doc] of store.data.documents.entries()) {
    const annotations = await store.annotations(doc);
    expect(annotations.map((a) => a.id)).toEqual(written[i]!.annotations.map((a) => a.id));
    expect(await store.orphans(doc)).toEqual([]);
    expect(await store.readText(doc)).toBe(docs[i]!.text);
  }
  expect(store.problem).toBeNull();
});
