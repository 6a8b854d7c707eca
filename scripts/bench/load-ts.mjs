// Plain `node` cannot import the app's TypeScript: this bundles a benchmark's .ts module with
// esbuild (as the tests do, see test/helpers/bundle.ts) and imports the bundle. It is written
// under .tmp/ in the project, where its packages resolve from node_modules, and removed once
// loaded.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `entry` is a file name in scripts/bench/, e.g. 'workspace-writer.ts'. */
export async function importTypeScript(entry) {
  const parent = path.join(ROOT, '.tmp');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'bench-'));
  try {
    const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
    await build({
      entryPoints: [path.join(import.meta.dirname, entry)],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
