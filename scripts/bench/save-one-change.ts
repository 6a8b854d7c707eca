// Server-side cost of saving one change to a 50,000-highlight document (issue 16): run with
// `node scripts/bench/save-one-change.mjs [runs]`. Times applyChanges of one note edit, which
// resolves once the change is on disk, on a workspace in a temp folder.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnnotatorService } from '../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../electron/services/store/workspace-store.js';

/** `whole`: every save rewrites the file, as before the journal. */
export async function measure(runs: number, whole = false): Promise<number[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-save-bench-'));
  try {
    const store = await WorkspaceStore.open(dir, whole ? { journal: { fromHighlights: Infinity } } : {});
    const service = new AnnotatorService(store, 'browser');
    const text = 'The mayor said the bridge would open by May, and critics said it would not. '.repeat(66_000).slice(0, 5_000_000);
    // Added by the store itself: an import reads the file in a worker only the build provides.
    const { document: stored } = await store.addDocument('transcript.txt', 'Transcript', text);
    const doc = stored;
    const list = await store.annotations(stored);
    const now = new Date().toISOString();
    for (let i = 0; i < 50_000; i++) {
      const start = i * 100;
      list.push({ id: `h${i}`, documentId: doc.id, labelId: 'quote', start, end: start + 20, text: text.slice(start, start + 20), prefix: '', suffix: '', speakerId: null, note: '', author: 'Ana', createdAt: now, updatedAt: now });
    }
    stored.annotationCount = list.length;
    await store.saveAnnotations(stored);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: `h${run * 7}`, note: `checked ${run}` }]);
      times.push(performance.now() - started);
    }
    await store.flush();
    return times;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
