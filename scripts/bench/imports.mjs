// The import side of npm run bench:exports: each importable format's export is imported into a
// fresh workspace by the real command line, previewed first (--dry-run), then exported again and
// compared with the first export. Prints one table row per format.
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** The import reads a file by its ending: the export (written with none) is copied to one. */
const named = (ending) => async (out) => {
  const file = `${out}${ending}`;
  await copyFile(out, file);
  return [file];
};

/** Formats `annotator import` reads, and the files of an export it takes. */
const IMPORTABLE = {
  jsonl: named('.jsonl'),
  spacy: named('.jsonl'),
  labelstudio: named('.json'),
  // Each .ann brings its .txt (the command line finds it beside it).
  brat: async (out) => (await readdir(out)).filter((f) => f.endsWith('.ann')).map((f) => path.join(out, f)),
  // The annotations do not hold the texts: brat's .txt files are imported with them.
  w3c: async (out, outs) => [...(await readdir(outs.brat)).filter((f) => f.endsWith('.txt')).map((f) => path.join(outs.brat, f)), ...(await named('.jsonld')(out))],
};

/** Every file of an export (a file, or brat's folder), by name, for comparing two exports. */
async function contents(out) {
  try {
    const names = (await readdir(out)).sort();
    return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(out, name))])));
  } catch (error) {
    if (error.code !== 'ENOTDIR') throw error;
    return new Map([['', await readFile(out)]]);
  }
}

async function sameExport(a, b) {
  const [first, second] = [await contents(a), await contents(b)];
  if (first.size !== second.size) return `${first.size} files, then ${second.size}`;
  for (const [name, bytes] of first) if (!second.get(name)?.equals(bytes)) return `differs${name ? ` (${name})` : ''}`;
  return null;
}

/**
 * `outs` maps each format to its first export; `cli` runs the command line and returns
 * { status, stdout, stderr, seconds }. Prints a row per importable format.
 */
export async function benchImports({ tmp, outs, cli }) {
  console.log('\n| format | preview (--dry-run) | import | export again | second export |');
  console.log('|---|---|---|---|---|');
  for (const [format, filesOf] of Object.entries(IMPORTABLE)) {
    if (!outs[format] || (format === 'w3c' && !outs.brat)) continue;
    const files = await filesOf(outs[format], outs);
    const store = path.join(tmp, `import-${format}`);
    const preview = cli(['import', ...files, '--store', store, '--dry-run']);
    const imported = cli(['import', ...files, '--store', store]);
    const again = path.join(tmp, `again-${format}`);
    const exported = cli(['export', '--store', store, '--format', format, '--out', again]);
    const failed = [preview, imported, exported].find((run) => run.status !== 0);
    if (failed) {
      console.log(`| ${format} | failed (exit ${failed.status}): ${failed.stderr.trim().split('\n').at(-1)} | | | |`);
      continue;
    }
    const counts = imported.stdout.split('\n').find((line) => line.startsWith('Imported')) ?? '';
    const difference = await sameExport(outs[format], again);
    console.log(
      `| ${format} | ${preview.seconds.toFixed(2)} s | ${imported.seconds.toFixed(2)} s (${counts.replace(/^Imported /, '').replace(/\.$/, '')}) | ${exported.seconds.toFixed(2)} s | ${difference ? `❌ ${difference}` : '✅ the same bytes'} |`,
    );
  }
}

export function cliRunner(cliPath) {
  return (args) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000 };
  };
}
