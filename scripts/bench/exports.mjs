// npm run bench:exports — 100,000 highlights over 1,000 documents, exported in every format by
// the real command line; prints the time for each (target: within 2 s per format, issue 16). Then the
// import side, for each format the import reads: that export imported into a fresh workspace,
// previewed first (`annotator import --dry-run`) and then for real, exported again, and the
// second export compared with the first, byte for byte ("same", or what differs).
//
// BENCH_DOCS and BENCH_HIGHLIGHTS (in all) make a smaller run, e.g.
//   BENCH_DOCS=50 BENCH_HIGHLIGHTS=5000 npm run bench:exports
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.mjs';
import { importTypeScript } from './load-ts.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = path.join(ROOT, 'dist/electron/cli.js');
const DOCUMENTS = positive('BENCH_DOCS', 1000);
const HIGHLIGHTS = positive('BENCH_HIGHLIGHTS', DOCUMENTS * 100);
const PER_DOCUMENT = Math.max(1, Math.round(HIGHLIGHTS / DOCUMENTS));
/** The review desk's formats need verdicts, which this workspace has none of. */
const FOR_EDITORS = ['claimreview', 'claims-csv'];
/** Formats `annotator import` reads back; one the build does not export yet is left out. */
const IMPORTABLE = ['jsonl', 'spacy', 'labelstudio', 'w3c', 'brat', 'prodigy'];
/** W3C annotations name their text by hash: the documents go in with them. */
const NEEDS_TEXTS = ['w3c'];

function positive(name, fallback) {
  const value = process.env[name] === undefined ? fallback : Number(process.env[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${process.env[name]}".`);
  return value;
}

/** The command line as a trainer runs it; the time includes starting Node and reading the workspace. */
function annotator(args, cwd = ROOT) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, INIT_CWD: cwd }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

const lastLine = (text) => text.trim().split('\n').at(-1) ?? '';

/**
 * `annotator import`, its report read from --json where the build has it (else from the line it
 * prints): what it added, what was already there, the conflicts.
 */
function importing(inputs, store, cwd, dryRun) {
  const args = ['import', ...inputs, '--store', store, ...(dryRun ? ['--dry-run'] : [])];
  let run = annotator([...args, '--json'], cwd);
  if (run.status === 2 && /--json/.test(run.stderr)) run = annotator(args, cwd);
  if (run.status !== 0) return { run, report: null };
  const json = run.stdout.indexOf('{');
  if (json >= 0) {
    try {
      return { run, report: JSON.parse(run.stdout.slice(json)) };
    } catch {
      // Not the report: read the line instead.
    }
  }
  const added = /Imported \d+ documents and (\d+) highlights/.exec(run.stdout)?.[1];
  return { run, report: added === undefined ? null : { highlights: Number(added) } };
}

/** What an import report says, in a table cell. */
function said(report) {
  if (!report) return '?';
  const parts = [`${report.highlights.toLocaleString('en')} new`];
  if (report.alreadyPresent !== undefined) parts.push(`${report.alreadyPresent.toLocaleString('en')} present`);
  if (report.conflicts) parts.push(`${report.conflicts.length} conflicts`);
  return parts.join(', ');
}
const seconds = (s) => `${s.toFixed(2)} s`;

/** Every file of an export (one file, or a folder's), by its path inside the export. */
async function filesOf(out) {
  if (!(await stat(out)).isDirectory()) return new Map([[path.basename(out), await readFile(out)]]);
  const files = new Map();
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(path.relative(out, full), await readFile(full));
    }
  };
  await walk(out);
  return files;
}

/** "same", or how the second export differs from the first: files, then the first line that differs. */
async function compare(firstOut, secondOut) {
  const [a, b] = [await filesOf(firstOut), await filesOf(secondOut)];
  const missing = [...a.keys()].filter((name) => !b.has(name));
  const extra = [...b.keys()].filter((name) => !a.has(name));
  const differing = [...a.keys()].filter((name) => b.has(name) && !a.get(name).equals(b.get(name)));
  if (!missing.length && !extra.length && !differing.length) return 'same';
  const parts = [];
  if (missing.length) parts.push(`${missing.length} of ${a.size} files missing (${missing[0]}…)`);
  if (extra.length) parts.push(`${extra.length} files more (${extra[0]}…)`);
  if (differing.length) {
    const name = differing[0];
    const [left, right] = [a.get(name).toString('utf8').split('\n'), b.get(name).toString('utf8').split('\n')];
    let line = 0;
    while (line < left.length && left[line] === right[line]) line++;
    const linesDiffer = left.filter((l, i) => l !== right[i]).length;
    // Where in the line: from a little before the first character that differs.
    const [l, r] = [left[line] ?? '', right[line] ?? ''];
    let at = 0;
    while (at < l.length && l[at] === r[at]) at++;
    const from = Math.max(0, at - 30);
    const clip = (s, present) => (present ? JSON.stringify(`${from ? '…' : ''}${s.slice(from, at + 50)}${s.length > at + 50 ? '…' : ''}`) : '(no line)');
    parts.push(
      `${differing.length} of ${a.size} files differ; ${name}: ${linesDiffer} of ${left.length} lines (${left.length} → ${right.length} lines), first at line ${line + 1}: ${clip(l, line < left.length)} → ${clip(r, line < right.length)}`,
    );
  }
  return `differs: ${parts.join('; ')}`;
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-exports-'));
try {
  const t0 = performance.now();
  const { writeWorkspace } = await importTypeScript('workspace-writer.ts');
  const { EXPORT_FORMATS, EXPORT_FILE_NAMES } = await importTypeScript('../../electron/services/exports/formats.ts');
  const FORMATS = EXPORT_FORMATS.filter((f) => !FOR_EDITORS.includes(f));
  const docs = [];
  let speakers = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    // About 12 KB of text and 100 highlights each (at the default size).
    const corpus = generateCorpus({ seed: 1000 + i, targetChars: Math.max(4_000, PER_DOCUMENT * 125), annotationCount: PER_DOCUMENT });
    docs.push({ fileName: `story-${i}.txt`, title: `story-${i}`, text: corpus.text, spans: corpus.spans });
    if (i === 0) speakers = corpus.speakers;
  }
  const workspace = path.join(tmp, 'workspace');
  const { written } = await writeWorkspace(workspace, docs, speakers);
  const highlights = written.reduce((sum, doc) => sum + doc.annotations.length, 0);
  // The documents as files, for the formats whose import needs them beside the annotations.
  const texts = path.join(tmp, 'texts');
  await mkdir(texts);
  for (const doc of docs) await writeFile(path.join(texts, doc.fileName), doc.text);
  console.log(`workspace: ${DOCUMENTS} documents, ${highlights} highlights (made in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);

  // Named as the app names them: the import knows a format by the file's ending.
  const outFor = (dir, format) => path.join(tmp, dir, format === 'brat' ? 'brat' : EXPORT_FILE_NAMES[format]);
  const firstExport = new Map();
  console.log('| format | time | output | target |');
  console.log('|---|---|---|---|');
  for (const format of FORMATS) {
    const out = outFor('first', format);
    const run = annotator(['export', '--store', workspace, '--format', format, '--out', out]);
    if (run.status !== 0) {
      console.log(`| ${format} | failed (exit ${run.status}): ${lastLine(run.stderr)} | | |`);
      continue;
    }
    firstExport.set(format, { out, seconds: run.seconds });
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning:')).length;
    const files = await filesOf(out);
    const size = [...files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
    const note = warnings ? ` (${warnings} overlapping or misaligned spans listed)` : '';
    const output = files.size > 1 ? `${files.size.toLocaleString('en')} files, ${(size / 1e6).toFixed(1)} MB` : `${(size / 1e6).toFixed(1)} MB`;
    console.log(`| ${format} | ${seconds(run.seconds)} | ${output}${note} | ${run.seconds <= 2 ? '✅ within 2 s' : '❌ over 2 s'} |`);
  }

  console.log(`\nImport side: each export into a fresh workspace (a dry run first), then exported again.\n`);
  console.log('| format | export | preview (dry run) | import | highlights | re-export | second export |');
  console.log('|---|---|---|---|---|---|---|');
  for (const format of FORMATS.filter((f) => IMPORTABLE.includes(f) && firstExport.has(f))) {
    const { out, seconds: exportSeconds } = firstExport.get(format);
    const fresh = path.join(tmp, `fresh-${format}`);
    // Names relative to the export's folder keep 2,000 brat files well inside a command line.
    const folder = (await stat(out)).isDirectory();
    const cwd = folder ? out : path.dirname(out);
    const inputs = folder ? [...(await filesOf(out)).keys()] : [path.basename(out)];
    if (NEEDS_TEXTS.includes(format)) inputs.push(...docs.map((doc) => path.join(texts, doc.fileName)));
    const row = [format, seconds(exportSeconds)];

    const preview = importing(inputs, fresh, cwd, true);
    if (preview.run.status === 0) row.push(`${seconds(preview.run.seconds)} (${said(preview.report)})`);
    else if (/dry-run/.test(preview.run.stderr)) row.push('n/a (this build has no --dry-run)');
    else row.push(`failed (exit ${preview.run.status}): ${lastLine(preview.run.stderr)}`);
    // A dry run writes nothing: the real import still starts from an empty folder.
    await rm(fresh, { recursive: true, force: true });

    const imported = importing(inputs, fresh, cwd, false);
    if (imported.run.status !== 0) {
      console.log(`| ${[...row, `failed (exit ${imported.run.status}): ${lastLine(imported.run.stderr)}`, '', '', ''].join(' | ')} |`);
      continue;
    }
    row.push(seconds(imported.run.seconds), `${said(imported.report)} (of ${highlights.toLocaleString('en')})`);

    const second = outFor(`second-${format}`, format);
    const again = annotator(['export', '--store', fresh, '--format', format, '--out', second]);
    if (again.status !== 0) {
      console.log(`| ${[...row, `failed (exit ${again.status}): ${lastLine(again.stderr)}`, ''].join(' | ')} |`);
      continue;
    }
    row.push(seconds(again.seconds), (await compare(out, second)).replaceAll('|', '\\|'));
    console.log(`| ${row.join(' | ')} |`);
    await rm(fresh, { recursive: true, force: true });
  }
  console.log(`\nEach time includes starting Node and reading the workspace. Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} threads).`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
