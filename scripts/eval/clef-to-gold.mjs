#!/usr/bin/env node
// `node scripts/eval/clef-to-gold.mjs --clef DIR --out FILE.jsonl`: CLEF CheckThat! 2019 Task 1
// debates (github.com/apepa/clef2019-factchecking-task1, data/training or data/test_annotated:
// one .tsv per debate, `line_number<TAB>speaker<TAB>text<TAB>label`, label 1 = check-worthy) to
// the suggestion gold format (electron/services/suggestions/gold.ts). A debate is one document:
// its lines joined by "\n", one sentence per line, "SPEAKER: " opening each line where the
// speaker changes, as a transcript reads. The data stays out of this project.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USAGE = 'usage: node scripts/eval/clef-to-gold.mjs --clef DIR --out FILE.jsonl';

class InputError extends Error {}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!['--clef', '--out'].includes(flag)) throw new InputError(`unknown option "${flag}"; ${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new InputError(`${flag} needs a value; ${USAGE}`);
    options[flag.slice(2)] = value;
  }
  for (const name of ['clef', 'out']) if (!options[name]) throw new InputError(`--${name} is missing; ${USAGE}`);
  return options;
}

function insideProject(file) {
  const relative = path.relative(ROOT, path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** One debate, or a reason to skip it (no labels: a test file without gold). */
function debateOf(file, content) {
  // test_annotated files end their lines with \r\n; training files with \n.
  const rows = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '');
  if (rows.length === 0) return { skip: 'empty' };
  const parts = rows.map(({ line }) => line.split('\t'));
  if (parts.every((p) => p.length === 3)) return { skip: 'no labels (a test file without gold labels?)' };
  const texts = [];
  const sentences = [];
  let offset = 0;
  let emptyLines = 0;
  let speakerBefore = null;
  rows.forEach(({ number }, i) => {
    const fields = parts[i];
    if (fields.length < 4) throw new InputError(`${file} line ${number}: expected line_number, speaker, text and label separated by tabs, found ${fields.length} fields`);
    const label = fields.at(-1).trim();
    if (label !== '0' && label !== '1') throw new InputError(`${file} line ${number}: label is "${label}"; CLEF labels are 1 (check-worthy) or 0`);
    const text = fields.slice(2, -1).join('\t');
    // As a transcript reads: "SPEAKER: " where the speaker changes; the sentence is the words after it.
    const speaker = fields[1].trim();
    const turn = speaker && speaker !== speakerBefore ? `${speaker}: ` : '';
    speakerBefore = speaker || speakerBefore;
    texts.push(turn + text);
    offset += turn.length;
    // An empty line keeps its place in the text but has nothing to rank.
    if (text.length > 0) sentences.push({ start: offset, end: offset + text.length, checkWorthy: label === '1' });
    else emptyLines += 1;
    offset += text.length + 1;
  });
  return { document: { id: file.replace(/\.tsv$/, ''), text: texts.join('\n'), sentences }, emptyLines };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (insideProject(options.out)) {
    throw new InputError(`refusing to write ${options.out} inside the project: the CLEF data stays out of the repository; write to a path outside it, e.g. /tmp/clef19.jsonl`);
  }
  let files;
  try {
    files = (await readdir(options.clef)).filter((name) => name.endsWith('.tsv')).sort();
  } catch {
    throw new InputError(`no folder ${options.clef}: --clef takes a folder of debate .tsv files, such as data/training of the CLEF 2019 Task 1 repository`);
  }
  if (files.length === 0) throw new InputError(`no .tsv files in ${options.clef}: --clef takes a folder of debate .tsv files, such as data/training`);
  const lines = [];
  const notes = [];
  let sentences = 0;
  let checkWorthy = 0;
  for (const file of files) {
    const result = debateOf(file, await readFile(path.join(options.clef, file), 'utf8'));
    if (result.skip) {
      notes.push(`${file}: ${result.skip}, skipped`);
      continue;
    }
    if (result.emptyLines) notes.push(`${file}: ${result.emptyLines} empty line(s) kept in the text but not ranked`);
    sentences += result.document.sentences.length;
    checkWorthy += result.document.sentences.filter((s) => s.checkWorthy).length;
    lines.push(JSON.stringify(result.document));
  }
  if (lines.length === 0) throw new InputError(`no labelled debates in ${options.clef}: ${notes.join('; ')}`);
  try {
    await writeFile(options.out, `${lines.join('\n')}\n`);
  } catch (error) {
    throw new InputError(`cannot write ${options.out}: ${error.code === 'ENOENT' ? 'its folder does not exist' : error.message}`);
  }
  const report = [`CLEF 2019 Task 1 → ${options.out}`, `${lines.length} documents, ${sentences} sentences, ${checkWorthy} check-worthy`, ...notes];
  process.stdout.write(`${report.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`clef-to-gold: ${String(error?.message ?? error).replace(/\s+/g, ' ')}\n`);
  process.exitCode = error instanceof InputError ? 2 : 1;
});
