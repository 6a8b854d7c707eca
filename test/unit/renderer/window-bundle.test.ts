// The window's bundle holds no zod: the hosts validate at the boundary, and zod was half of what
// the window loaded before a document could open (npm run bench). Bundled as the build does it.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe("the window's bundle", () => {
  it('takes the contract through window-api.ts, without zod, the schemas or the method list', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'renderer/src/main.ts')],
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      metafile: true,
      outfile: 'window.js',
      loader: { '.css': 'empty' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('electron/contract/window-api.ts');
    expect(inputs.filter((input) => /node_modules\/zod\/|electron\/contract\/(schemas\/|methods\.ts$|api\.ts$)/.test(input))).toEqual([]);
  });
});
