// The benchmark writes its workspace without the app; the app must read it as its own, or the
// figures measure something else. A small one is generated here and opened by the real services.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fromAnnotationColumns } from '../../../electron/contract/spans.js';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { generateCorpus, writeWorkspace } from '../../../scripts/bench/generate.mjs';

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
