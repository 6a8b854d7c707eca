// Tests run the TypeScript sources, but a worker thread runs JavaScript: this bundles the document
// reader worker, as scripts/build.mjs does, and names it in NA_DOCUMENT_READER_WORKER for
// electron/services/documents/index.ts. It goes under .tmp/ in the project so that its imports
// (jszip, mammoth, linkedom…) resolve from node_modules as the built app's do.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  await mkdir('.tmp', { recursive: true });
  const dir = await mkdtemp(path.resolve('.tmp', 'reader-worker-'));
  const outfile = path.join(dir, 'document-reader-worker.js');
  await build({
    entryPoints: ['./electron/services/documents/worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  process.env.NA_DOCUMENT_READER_WORKER = outfile;
  return () => rm(dir, { recursive: true, force: true });
}
