// Bundles a TypeScript entry into one .mjs a child `node` can run (tests that need a second process).
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { build } from 'esbuild';

export async function bundleForNode(entry: string): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-bundle-'));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: file, logLevel: 'silent' });
  return { file, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}
