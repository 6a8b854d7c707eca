// Bundles a TypeScript entry into one .mjs a child `node` can run (tests that need a second process).
// Packages stay external (some, like mammoth, cannot be bundled as ESM), so the bundle is written
// inside the project, where Node finds node_modules.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `parent` may be any folder when the entry imports no packages (a bundle of node built-ins only). */
export async function bundleForNode(
  entry: string,
  parent = path.join(ROOT, 'node_modules', '.cache', 'annotator-test-bundles'),
): Promise<{ file: string; cleanup: () => Promise<void> }> {
  await fs.mkdir(parent, { recursive: true });
  const dir = await fs.mkdtemp(path.join(parent, 'bundle-'));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  await build({ entryPoints: [entry], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile: file, logLevel: 'silent' });
  return { file, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}
