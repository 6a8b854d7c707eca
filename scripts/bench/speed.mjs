#!/usr/bin/env node
// `npm run bench`: the README's Speed targets, measured on the built app in headless
// Chromium through the browser host. A benchmark, not a test: it exits 0 when a target is
// missed and says so in the table; it exits 1 only when it could not measure at all. The open
// is judged against two baselines the bench builds and loads in the same run, interleaved with
// the app's opens (baselines.mjs), because absolute times on a shared machine drift; open,
// create, save and memory are measured at each size so that their growth shows.
//
//   node scripts/bench/speed.mjs [--sizes 1,5,20] [--quick] [--json] [--creates N] [--profile] [--keep] [--dist DIR]
//
//   --sizes      the large document's sizes in MB, each with MB × 10,000 highlights (default
//                1,5,20); baselines, scroll and the article are measured at 5 MB (or the
//                largest size asked for when 5 is not)
//   --quick      without 20 MB
//   --json       print every figure as one JSON object on stdout (progress goes to stderr)
//   --creates N  highlights created per document (default 10; at most 3 at 20 MB)
//   --profile    also print where the main thread spends the open and a create (CPU profile)
//   --keep       keep the temporary workspaces and print their path
//   --dist DIR   run another build (DIR/electron/serve.js + DIR/renderer), e.g. an unminified
//                one for --profile: `npx vite build --minify false --outDir DIR/renderer` and
//                `npx esbuild electron/serve-main.ts --bundle --platform=node --format=esm
//                --outfile=DIR/electron/serve.js`
//
// Environment, for digging only: BENCH_CONSOLE=1 echoes the page's console;
// BENCH_CHROMIUM_ARGS='--js-flags=--no-turbo-inlining' adds Chromium switches.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { measureBaseline, serveBaselines } from './baselines.mjs';
import { startServer } from './browser-host.mjs';
import { cleanup, onCleanup } from './cleanup.mjs';
import { checkSaved, measureCreates, measureOpen, measureScroll, measureServerSaves } from './measures.mjs';
import { collectFigures } from './figures.mjs';
import { installProbes } from './probes.mjs';
import { report } from './report.mjs';
import { makeWorkspace } from './speed-workspace.mjs';
import { log, ms, taskMs } from './stats.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ARTICLE = process.env.BENCH_ARTICLE ?? '/work/shared/samples/un-security-council-dprk-russia.txt';
const CHROMIUM = process.env.BENCH_CHROMIUM ?? CHROMIUM_PATH;
const BENCH_ARGS = [...CHROMIUM_ARGS, ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)];
const VIEWPORT = { width: 1280, height: 800 };

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,5,20' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    creates: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    dist: { type: 'string' },
  },
});
const CREATES = Math.max(1, Math.min(50, Number(opts.creates) || 10));
const SIZES = [...new Set(opts.sizes.split(',').map(Number))]
  .filter((mb) => Number.isInteger(mb) && mb >= 1 && mb <= 50 && !(opts.quick && mb >= 20))
  .sort((x, y) => x - y);
if (SIZES.length === 0) throw new Error(`--sizes ${opts.sizes}${opts.quick ? ' with --quick' : ''}: no size left (whole MB from 1 to 50)`);
const MAIN = SIZES.includes(5) ? 5 : SIZES[SIZES.length - 1];
const DIST = path.resolve(opts.dist ?? path.join(ROOT, 'dist'));
const SERVE_JS = path.join(DIST, 'electron/serve.js');
const RENDERER_INDEX = path.join(DIST, 'renderer/index.html');
const OPENS = 3;

/** Runs one phase; a phase that fails is reported in the table, and the others still run. */
async function phase(name, failures, fn) {
  try {
    return await fn();
  } catch (error) {
    log(`${name} failed: ${error.message}`);
    failures.push(`${name}: ${error.message.split('\n')[0]}`);
    return null;
  }
}

/** The renderer's live JS heap after a garbage collection, in MB. */
async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** The browser host's resident memory, in MB (Linux: /proc/<pid>/status). */
async function rssMB(pid) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** One size: opens (with the baselines at the main size), creates, saves and memory. */
async function measureSize(context, tmp, mb, failures) {
  const main = mb === MAIN;
  const ws = await makeWorkspace(tmp, ARTICLE, mb);
  const server = await startServer(SERVE_JS, ROOT, ws.dir);
  log(`${mb} MB: browser host ${server.url.replace(/token=.*/, 'token=…')}`);
  const size = { mb, ws: ws.big, opens: [], baselines: null, big: null, serverSaves: null, heapMB: NaN, serverRssMB: NaN };
  const urls = main ? await serveBaselines(path.join(tmp, 'baselines'), ws.corpus.text, ws.corpus.spans) : null;
  if (urls) size.baselines = { bare: [], naive: [] };
  for (let i = 0; i < OPENS; i++) {
    if (urls) {
      for (const kind of ['bare', 'naive']) {
        const r = await phase(`${kind} baseline ${i + 1}`, failures, () => measureBaseline(context, urls[kind], `${kind} ${i + 1}`));
        if (r) {
          log(`${kind} baseline ${i + 1}: painted ${ms(r.painted)}, longest task ${taskMs(r.longestTask)}`);
          size.baselines[kind].push(r);
        }
      }
    }
    const open = await measureOpen(context, server.url, `${mb} MB open ${i + 1}`, ws.big.id, opts.profile && main && i === 0);
    log(`${mb} MB open ${i + 1}: painted ${ms(open.painted)}, longest task before paint ${taskMs(open.longestTask)}, after ${taskMs(open.longestTaskAfter)}`);
    size.opens.push(open);
    if (i < OPENS - 1) await open.page.close();
  }
  const page = size.opens[OPENS - 1].page;
  const label = `${mb} MB document`;
  size.big = await phase(`create/save (${mb} MB)`, failures, async () => {
    const r = await measureCreates(page, mb >= 20 ? Math.min(3, CREATES) : CREATES, label, opts.profile && main);
    log(`create (${mb} MB): painted ${r.creates.map((c) => Math.round(c.painted)).join(', ')} ms`);
    log(`save (${mb} MB): ${r.saves.map((s) => Math.round(s.total)).join(', ')} ms`);
    r.count = await checkSaved(ws.dir, ws.big, r.saves, r.creates.map((c) => c.word));
    return r;
  });
  size.heapMB = (await phase(`renderer heap (${mb} MB)`, failures, () => heapMB(page))) ?? NaN;
  const extra = {};
  if (main) {
    // Scroll: a fast continuous read, then jumps through the whole text.
    extra.reading = await phase('scroll (reading)', failures, () => measureScroll(page, 'reading'));
    if (extra.reading) log(`scroll (reading): p95 ${ms(extra.reading.p95)}, max ${ms(extra.reading.max)} over ${extra.reading.intervals.length} frames`);
    extra.jumps = await phase('scroll (jumps)', failures, () => measureScroll(page, 'jump'));
    if (extra.jumps) log(`scroll (jumps): p95 ${ms(extra.jumps.p95)}, max ${ms(extra.jumps.max)} over ${extra.jumps.intervals.length} frames`);
  }
  await page.close();
  if (main) {
    // A typical article, opened on load in a fresh page (the large document's memory is gone).
    extra.article = await phase('create/save (article)', failures, async () => {
      await server.call('applyChanges', { changes: [{ kind: 'setLastDocument', documentId: ws.article.id }] });
      const open = await measureOpen(context, server.url, 'open article', ws.article.id, false);
      log(`open article: painted ${ms(open.painted)}`);
      const r = await measureCreates(open.page, CREATES, 'article', false);
      log(`create (article): painted ${r.creates.map((c) => Math.round(c.painted)).join(', ')} ms`);
      log(`save (article): ${r.saves.map((s) => `${Math.round(s.total)} (network ${Math.round(s.network)})`).join(', ')} ms`);
      await checkSaved(ws.dir, ws.article, r.saves, r.creates.map((c) => c.word));
      await open.page.close();
      return { ...r, open };
    });
  }
  // The server alone, with no page doing anything: how much of a save is the store's own work.
  size.serverSaves = await phase(`server-only saves (${mb} MB)`, failures, async () => {
    const r = { article: main ? await measureServerSaves(server, ws.article) : [], big: await measureServerSaves(server, ws.big) };
    log(`server-only saves: ${main ? `article ${r.article.map((v) => v.toFixed(1)).join(', ')} ms; ` : ''}${mb} MB ${r.big.map((v) => v.toFixed(1)).join(', ')} ms`);
    return r;
  });
  size.serverRssMB = await rssMB(server.pid);
  log(`${mb} MB: renderer heap ${Math.round(size.heapMB)} MB, server RSS ${Math.round(size.serverRssMB)} MB`);
  await server.stop();
  return { size, ws, extra };
}

async function main() {
  if (!existsSync(SERVE_JS) || !existsSync(RENDERER_INDEX)) {
    throw new Error(`${path.relative(ROOT, DIST) || DIST} is not built: run \`npm run build\` (or \`npm run bench\`, which builds first).`);
  }
  const started = performance.now();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-bench-'));
  if (opts.keep) log(`keeping ${tmp}`);
  else onCleanup(() => fs.rm(tmp, { recursive: true, force: true }));

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: BENCH_ARGS,
    headless: true,
    // Our handlers close the browser, stop the servers and remove the workspaces, in that order.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => browser.close());
  const chromiumVersion = browser.version();
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(installProbes);
  const failures = [];

  const sizes = [];
  let mainRun = null;
  for (const mb of SIZES) {
    const run = await measureSize(context, tmp, mb, failures);
    sizes.push(run.size);
    if (mb === MAIN) mainRun = run;
    // The corpus is only needed while its size is measured.
    run.ws.corpus = null;
  }
  const { size: mainSize, ws, extra } = mainRun;
  const figures = collectFigures({
    sizes,
    main: mainSize,
    article: extra.article,
    reading: extra.reading,
    jumps: extra.jumps,
    serverSaves: mainSize.serverSaves,
    failures,
    chromiumVersion,
    viewport: VIEWPORT,
    started,
  });
  if (opts.json) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  const out = await report({
    figures,
    ws,
    opens: mainSize.opens,
    big: mainSize.big,
    reading: extra.reading,
    jumps: extra.jumps,
    article: extra.article,
    serverSaves: mainSize.serverSaves,
    failures,
    profile: opts.profile,
    dist: DIST,
  });
  console.log(out.join('\n'));
}

try {
  await main();
} catch (error) {
  console.error(`\nbench: could not finish: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
