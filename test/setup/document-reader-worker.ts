// Tests run the TypeScript sources, but a worker thread runs JavaScript: this bundles the document
// reader worker and the suggester's, as scripts/build.mjs does, and names them in
// NA_DOCUMENT_READER_WORKER (electron/services/documents/index.ts) and NA_SUGGESTIONS_WORKER
// (electron/services/suggestions/in-worker.ts). It goes under .tmp/ in the project so that its imports
// (jszip, mammoth, linkedom…) resolve from node_modules as the built app's do.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  await mkdir('.tmp', { recursive: true });
  const dir = await mkdtemp(path.resolve('.tmp', 'reader-worker-'));
  const outfile = path.join(dir, 'document-reader-worker.js');
  const suggester = path.join(dir, 'suggestions-worker.js');
  const options = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' } as const;
  await Promise.all([
    build({ ...options, entryPoints: ['./electron/services/documents/worker.ts'], outfile }),
    build({ ...options, entryPoints: ['./electron/services/suggestions/worker.ts'], outfile: suggester }),
  ]);
  process.env.NA_DOCUMENT_READER_WORKER = outfile;
  process.env.NA_SUGGESTIONS_WORKER = suggester;
  return () => rm(dir, { recursive: true, force: true });
}
