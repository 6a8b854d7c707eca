#!/usr/bin/env node
// The `annotator` command: the compiled command line in dist/, or a word on how to get it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/electron/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('annotator: the command line is not built yet. Run `npm run build` in the project folder first.');
  process.exit(1);
}
await import(cli.href);
