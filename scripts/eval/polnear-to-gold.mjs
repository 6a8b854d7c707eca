#!/usr/bin/env node
// `node scripts/eval/polnear-to-gold.mjs --polnear DIR --split dev|test|train --out FILE.jsonl`:
// PolNeAR (brat standoff, github.com/networkdynamics/PolNeAR) to the suggestion gold format
// (electron/services/suggestions/gold.ts). Each Attribution event is one gold quote: its Content
// span, its Source as the speaker. PolNeAR states no licence, so its text (and anything made
// from it) never goes inside this project: the output must be outside it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USAGE = 'usage: node scripts/eval/polnear-to-gold.mjs --polnear DIR --split dev|test|train --out FILE.jsonl [--fragments split|join]';
const OPENING = '“"‘«';
const CLOSING = '”"’»';

class InputError extends Error {}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!['--polnear', '--split', '--out', '--fragments'].includes(flag)) throw new InputError(`unknown option "${flag}"; ${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new InputError(`${flag} needs a value; ${USAGE}`);
    options[flag.slice(2)] = value;
  }
  for (const name of ['polnear', 'split', 'out']) if (!options[name]) throw new InputError(`--${name} is missing; ${USAGE}`);
  if (!['dev', 'test', 'train'].includes(options.split)) throw new InputError(`--split is "${options.split}"; PolNeAR has dev, test and train`);
  options.fragments ??= 'split';
  if (!['split', 'join'].includes(options.fragments)) throw new InputError(`--fragments is "${options.fragments}": split (each piece of a divided quote its own gold quote, the default) or join`);
  return options;
}

/** The output may not land in the project, where it could be committed. */
function insideProject(file) {
  const relative = path.relative(ROOT, path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** brat's .ann: text-bound spans (T) with their fragments and text, and events (E). */
function parseAnn(content) {
  const spans = new Map();
  const events = [];
  let last = null;
  // The file's own last newline ends a line; it is not an empty continuation.
  for (const line of content.replace(/\r/g, '').replace(/\n$/, '').split('\n')) {
    const fields = line.split('\t');
    if (/^T\d+$/.test(fields[0]) && fields.length >= 3) {
      const [type, ...ranges] = fields[1].split(' ');
      const fragments = ranges.join(' ').split(';').map((r) => r.trim().split(/\s+/).map(Number));
      last = { id: fields[0], type, fragments, text: fields.slice(2).join('\t') };
      spans.set(last.id, last);
    } else if (/^E\d+$/.test(fields[0]) && fields.length >= 2) {
      const [trigger, ...args] = fields[1].split(' ').filter(Boolean);
      events.push({ id: fields[0], type: trigger.split(':')[0], args: args.map((a) => a.split(':')).map(([role, target]) => ({ role, target })) });
      last = null;
    } else if (/^([A-Z]\d+|#\d*|\*)\t/.test(line)) last = null;
    // A span's text that held a newline runs on over the next lines of the .ann.
    else if (last) last.text += `\n${line}`;
  }
  return { spans, events };
}

/** brat counts code points; JavaScript strings, UTF-16 units. Identity when nothing is astral. */
function codePointToUnit(text, tally) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  tally.astralTexts += 1;
  const units = [0];
  for (const char of text) units.push(units.at(-1) + char.length);
  return units;
}

/** The span's fragments in UTF-16 units, checked against the text the .ann repeats. */
function locate(span, text, units, tally) {
  const read = (map) => span.fragments.map(([s, e]) => [map(s), map(e)]);
  const same = (fragments) => fragments.every(([s, e]) => s !== undefined && e !== undefined) && fragments.map(([s, e]) => text.slice(s, e)).join(' ') === span.text;
  const asCodePoints = read((o) => (units ? units[o] : o));
  tally.spans += 1;
  if (same(asCodePoints)) return asCodePoints;
  const asUnits = read((o) => o);
  if (units && same(asUnits)) {
    tally.unitSpans += 1;
    return asUnits;
  }
  tally.mismatches += 1;
  if (tally.examples.length < 5) tally.examples.push(`${tally.file} ${span.id}`);
  return asCodePoints;
}

const outer = (fragmentLists) => {
  const all = fragmentLists.flat();
  return { start: Math.min(...all.map(([s]) => s)), end: Math.max(...all.map(([, e]) => e)) };
};

/** Direct when the words are bounded by quotation marks, inside the span or just outside it. */
function quoteKind(text, start, end) {
  const inner = text.slice(start, end).trimStart().replace(/[\s.,;:]+$/, '');
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  let after = end;
  while (after < text.length && /[\s.,;:]/.test(text[after])) after++;
  // Two apostrophes stand for quotation marks in some archives' text (''It doesn't…'').
  const opens = OPENING.includes(inner[0] ?? '\0') || inner.startsWith("''") || (before >= 0 && (OPENING.includes(text[before]) || text.slice(before - 1, before + 1) === "''"));
  const closes = CLOSING.includes(inner.at(-1) ?? '\0') || inner.endsWith("''") || (after < text.length && (CLOSING.includes(text[after]) || text.slice(after, after + 2) === "''"));
  return opens && closes ? 'direct' : 'indirect';
}

function quotesOf(ann, text, tally) {
  const units = codePointToUnit(text, tally);
  const quotes = [];
  for (const event of ann.events.filter((e) => e.type.startsWith('Attribution'))) {
    const argsOf = (role) => event.args.filter((a) => new RegExp(`^${role}\\d*$`).test(a.role)).map((a) => ann.spans.get(a.target)).filter(Boolean);
    const contents = argsOf('Content');
    if (contents.length === 0) {
      tally.withoutContent += 1;
      continue;
    }
    const located = contents.map((s) => locate(s, text, units, tally));
    // A highlight is one run of text: each piece of a quote split by "he said" is a quote of its own,
    // unless --fragments join asks for the first start to the last end.
    const pieces = tally.join ? [outer(located)] : located.flat().map(([start, end]) => ({ start, end }));
    if (pieces.some((p) => p.start >= p.end || p.end > text.length)) {
      tally.badSpans += 1;
      continue;
    }
    const sources = argsOf('Source');
    const speaker = sources.length > 0 ? outer(sources.map((s) => locate(s, text, units, tally))) : null;
    const speakerName = sources.length > 0 ? sources.map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' ') : null;
    const usable = speaker && speaker.start < speaker.end && speaker.end <= text.length;
    for (const content of pieces) quotes.push({ ...content, kind: quoteKind(text, content.start, content.end), speaker: usable ? speaker : null, speakerName });
  }
  return quotes.sort((a, b) => a.start - b.start || a.end - b.end);
}

async function listFiles(dir, ext) {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(ext)).sort();
  } catch {
    throw new InputError(`no folder ${dir}: --polnear takes the top of a PolNeAR clone (the folder that holds data/)`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (insideProject(options.out)) {
    throw new InputError(`refusing to write ${options.out} inside the project: PolNeAR states no licence, so its text stays out of the repository; write to a path outside it, e.g. /tmp/polnear-${options.split}.jsonl`);
  }
  const splitDir = path.join(options.polnear, 'data', options.split);
  const texts = await listFiles(path.join(splitDir, 'text'), '.txt');
  const anns = await listFiles(path.join(splitDir, 'attributions'), '.ann');
  // `<textname>_<annotator>.ann`: the annotator is after the last underscore.
  const annotatorFiles = new Map();
  for (const ann of anns) {
    const name = ann.slice(0, ann.lastIndexOf('_'));
    annotatorFiles.set(name, [...(annotatorFiles.get(name) ?? []), ann]);
  }
  const tally = { astralTexts: 0, spans: 0, unitSpans: 0, mismatches: 0, examples: [], withoutContent: 0, badSpans: 0, file: '', join: options.fragments === 'join' };
  const lines = [];
  let skippedAnnotators = 0;
  let withoutAnnotation = 0;
  let direct = 0;
  let indirect = 0;
  let withoutSource = 0;
  for (const file of texts) {
    const id = file.slice(0, -'.txt'.length);
    const candidates = annotatorFiles.get(id) ?? [];
    annotatorFiles.delete(id);
    if (candidates.length === 0) {
      withoutAnnotation += 1;
      continue;
    }
    skippedAnnotators += candidates.length - 1;
    const text = await readFile(path.join(splitDir, 'text', file), 'utf8');
    tally.file = candidates[0];
    const quotes = quotesOf(parseAnn(await readFile(path.join(splitDir, 'attributions', candidates[0]), 'utf8')), text, tally);
    for (const q of quotes) {
      if (q.kind === 'direct') direct += 1;
      else indirect += 1;
      if (!q.speaker) withoutSource += 1;
    }
    lines.push(JSON.stringify({ id, text, quotes }));
  }
  if (lines.length === 0) throw new InputError(`no annotated texts in ${splitDir}: expected text/*.txt with attributions/<name>_<annotator>.ann`);
  try {
    await writeFile(options.out, `${lines.join('\n')}\n`);
  } catch (error) {
    throw new InputError(`cannot write ${options.out}: ${error.code === 'ENOENT' ? 'its folder does not exist' : error.message}`);
  }
  const orphans = [...annotatorFiles.values()].flat().length;
  const report = [
    `PolNeAR ${options.split} → ${options.out}`,
    `${lines.length} documents; ${skippedAnnotators} further annotator files of the same texts skipped (the first in name order is kept)` +
      (withoutAnnotation ? `; ${withoutAnnotation} texts without annotation skipped` : '') +
      (orphans ? `; ${orphans} annotation files without their text ignored` : ''),
    `${direct + indirect} gold quotes: ${direct} direct, ${indirect} indirect; ${withoutSource} without a source` +
      (tally.withoutContent ? `; ${tally.withoutContent} attribution(s) without content skipped` : '') +
      (tally.badSpans ? `; ${tally.badSpans} with a content span outside the text skipped` : ''),
    `offsets: ${tally.spans} spans checked against the text, ${tally.mismatches} mismatches; ` +
      `${tally.astralTexts} texts have characters outside the BMP (brat's code point offsets converted to UTF-16 there)` +
      (tally.unitSpans ? `, ${tally.unitSpans} matched only as UTF-16 units` : '') +
      (tally.examples.length ? ` (e.g. ${tally.examples.join(', ')})` : ''),
  ];
  process.stdout.write(`${report.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`polnear-to-gold: ${String(error?.message ?? error).replace(/\s+/g, ' ')}\n`);
  process.exitCode = error instanceof InputError ? 2 : 1;
});
