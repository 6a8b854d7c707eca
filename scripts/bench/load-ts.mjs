// Plain `node` cannot import the app's TypeScript: this bundles a benchmark's .ts module with
// esbuild (as the tests do, see test/helpers/bundle.ts) and imports the bundle. It is written
// under .tmp/ in the project, where its packages resolve from node_modules, and removed once
// loaded.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Bundles with these esbuild options (entryPoints or stdin) under .tmp/ and imports the bundle. */
export async function importBundled(options, prefix = 'bench-') {
  const parent = path.join(ROOT, '.tmp');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, prefix));
  try {
    const outfile = path.join(dir, 'bundle.mjs');
    await build({ bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error', ...options });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `entry` is a file name in scripts/bench/, e.g. 'workspace-writer.ts'. */
export const importTypeScript = (entry) => importBundled({ entryPoints: [path.join(import.meta.dirname, entry)] });
