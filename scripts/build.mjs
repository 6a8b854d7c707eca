// Compiles main, preload, the browser host and the renderer into dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rm } from 'node:fs/promises';

await rm('dist/electron', { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Production dependencies stay in node_modules (and in app.asar); only our code is bundled.
  packages: 'external',
  logLevel: 'warning',
};

await Promise.all([
  esbuild({
    ...node,
    format: 'esm',
    entryPoints: {
      main: './electron/hosts/desktop/main.ts',
      start: './electron/hosts/start.ts',
      serve: './electron/hosts/browser/main.ts',
      cli: './electron/hosts/cli/bin.ts',
      // Every document is read in a worker thread (electron/services/documents/index.ts), from this file beside main.js.
      'document-reader-worker': './electron/services/documents/worker.ts',
      // Suggestions are worked out in a worker thread too (electron/services/suggestions/in-worker.ts).
      'suggestions-worker': './electron/services/suggestions/worker.ts',
    },
    outdir: 'dist/electron',
    outExtension: { '.js': '.js' },
  }),
  // Sandboxed preloads must be CommonJS and may require only 'electron'.
  esbuild({
    ...node,
    format: 'cjs',
    entryPoints: ['./electron/hosts/desktop/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
    packages: undefined,
  }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
]);
console.log('Built dist/electron (main, preload, start, serve, cli, document-reader-worker, suggestions-worker) and dist/renderer.');
