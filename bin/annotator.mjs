#!/usr/bin/env node
// The `annotator` command: the compiled command line in dist/, built on first use in a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/electron/cli.js', import.meta.url);
// A dist/ built before documents (or suggestions) were worked out in a worker lacks the worker's bundle.
const workers = ['document-reader-worker.js', 'suggestions-worker.js'].map((name) => new URL(`../dist/electron/${name}`, import.meta.url));
if (!existsSync(cli) || !workers.every((worker) => existsSync(worker))) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write('annotator: building the command line first (npm run build)…\n');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0 || !existsSync(cli)) {
    process.stderr.write('annotator: the build failed; run `npm install` and then `npm run build` in the project folder.\n');
    process.exit(1);
  }
}
await import(cli.href);
