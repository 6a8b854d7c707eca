#!/usr/bin/env node
// `npm run eval:suggestions -- --gold FILE.jsonl [--errors N] [--json]`: how well the offline
// suggester finds quotes, speakers and check-worthy claims in a gold file (format:
// electron/services/suggestions/gold.ts; figures: metrics.ts). Plain `node` cannot import the
// app's TypeScript, so the modules are bundled with esbuild under .tmp/ (scripts/bench/
// load-ts.mjs) and imported. Bad input: one line on stderr, exit 2; a failing suggester: exit 1.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importBundled } from '../bench/load-ts.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SUGGESTIONS = path.join(ROOT, 'electron/services/suggestions');
const USAGE = 'usage: npm run eval:suggestions -- --gold FILE.jsonl [--errors N] [--json]';

class InputError extends Error {}

function parseArgs(argv) {
  const options = { gold: null, errors: 0, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new InputError(`${arg} needs a value; ${USAGE}`);
      return next;
    };
    if (arg === '--gold') options.gold = value();
    else if (arg === '--json') options.json = true;
    else if (arg === '--errors') {
      const text = value();
      if (!/^\d+$/.test(text)) throw new InputError(`--errors takes a whole number of examples, not "${text}"`);
      options.errors = Number(text);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new InputError(`unknown option "${arg}"; ${USAGE}`);
  }
  if (!options.gold) throw new InputError(`--gold is missing: give the gold JSONL file to measure against; ${USAGE}`);
  return options;
}

/** Bundles the given modules of electron/services/suggestions and imports them. */
const importSuggestions = (names) =>
  importBundled({ stdin: { contents: names.map((n) => `export * from './${n}.ts';`).join('\n'), resolveDir: SUGGESTIONS, loader: 'ts' }, logLevel: 'silent' }, 'eval-');

/** esbuild's first error, in one line. */
const buildMessage = (error) => {
  const first = error?.errors?.[0];
  return first ? `${first.text}${first.location ? ` (${first.location.file}:${first.location.line})` : ''}` : String(error?.message ?? error);
};

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let jsonl;
  try {
    jsonl = await readFile(options.gold, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the gold file ${options.gold}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  const { parseGold, evaluate, errors, formatReport, runSuggester } = await importSuggestions(['gold', 'evaluate']);
  let gold;
  try {
    gold = parseGold(jsonl);
  } catch (error) {
    throw new InputError(`${path.basename(options.gold)} ${error.message}`);
  }
  let suggester;
  try {
    suggester = await importSuggestions(['suggest']);
  } catch (error) {
    throw new Error(`the suggester (electron/services/suggestions/suggest.ts) does not build: ${buildMessage(error)}`);
  }
  let runs;
  try {
    runs = runSuggester(gold, { suggest: (text) => suggester.suggest(text), scoreClaimSentences: (text, spans) => suggester.scoreClaimSentences(text, spans) });
  } catch (error) {
    throw new Error(`the suggester failed: ${error.message}`);
  }
  const result = evaluate(gold, runs);
  const examples = options.errors > 0 ? errors(gold, runs, options.errors) : undefined;
  const goldName = path.basename(options.gold);
  const date = new Date().toISOString();
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ gold: goldName, date, ...result, ...(examples ? { errors: examples } : {}) }, null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(result, { gold: goldName, date, errors: examples }));
  }
}

main().catch((error) => {
  process.stderr.write(`eval:suggestions: ${oneLine(error?.message ?? String(error))}\n`);
  process.exitCode = error instanceof InputError ? 2 : 1;
});

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}
