// npm run bench:exports — 100,000 highlights over 1,000 documents, exported in every format by
// the real command line; prints the time for each (target: under 5 s per format). Then each
// importable export is previewed, imported into a fresh workspace and exported again
// (imports.mjs). BENCH_DOCUMENTS=50 makes a smaller run.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.mjs';
import { benchImports, cliRunner } from './imports.mjs';
import { importTypeScript } from './load-ts.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = path.join(ROOT, 'dist/electron/cli.js');
const FORMATS = ['jsonl', 'spacy', 'conll', 'brat', 'labelstudio', 'w3c', 'csv'];
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS) || 1000;
const PER_DOCUMENT = 100;

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-exports-'));
try {
  const t0 = performance.now();
  const { writeWorkspace } = await importTypeScript('workspace-writer.ts');
  const docs = [];
  let speakers = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    // About 12 KB of text and 100 highlights each.
    const corpus = generateCorpus({ seed: 1000 + i, targetChars: 12_500, annotationCount: PER_DOCUMENT });
    docs.push({ fileName: `story-${i}.txt`, title: `story-${i}`, text: corpus.text, spans: corpus.spans });
    if (i === 0) speakers = corpus.speakers;
  }
  const workspace = path.join(tmp, 'workspace');
  const { written } = await writeWorkspace(workspace, docs, speakers);
  const highlights = written.reduce((sum, doc) => sum + doc.annotations.length, 0);
  console.log(`workspace: ${DOCUMENTS} documents, ${highlights} highlights (made in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);

  const outs = {};
  console.log('| format | time | output | target |');
  console.log('|---|---|---|---|');
  for (const format of FORMATS) {
    const out = path.join(tmp, `out-${format}`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'export', '--store', workspace, '--format', format, '--out', out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) {
      console.log(`| ${format} | failed (exit ${run.status}): ${run.stderr.trim().split('\n').at(-1)} | | |`);
      continue;
    }
    outs[format] = out;
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning:')).length;
    const size = format === 'brat' ? null : (await stat(out)).size;
    const note = warnings ? ` (${warnings} overlapping or misaligned spans listed)` : '';
    console.log(`| ${format} | ${seconds.toFixed(2)} s | ${size === null ? '2,000 files' : `${(size / 1e6).toFixed(1)} MB`}${note} | ${seconds < 5 ? '✅ under 5 s' : '❌ over 5 s'} |`);
  }
  await benchImports({ tmp, outs, cli: cliRunner(CLI) });
  console.log(`\nEach time includes starting Node and reading the workspace. Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} threads).`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
