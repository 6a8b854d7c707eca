// The command line starts without the libraries only an import or a download needs (mammoth,
// JSZip, linkedom, Readability: a fifth of a second at every start, issue 16). They are loaded
// when a Word file, a web page or a zip comes; the built cli.js does not import them at its top.
import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

describe('annotator starts light', () => {
  it('imports no reader of Word files or web pages, nor JSZip, before a command needs them', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'electron/hosts/cli/bin.ts')],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      outfile: path.join(ROOT, 'dist-test/cli.js'),
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const atStart = output.imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path);
    const later = output.imports.filter((i) => i.external && i.kind !== 'import-statement').map((i) => i.path);
    expect(atStart).toContain('zod');
    for (const heavy of ['mammoth', 'jszip', 'linkedom', '@mozilla/readability']) expect(atStart).not.toContain(heavy);
    expect(later).toContain('jszip');
  });
});
