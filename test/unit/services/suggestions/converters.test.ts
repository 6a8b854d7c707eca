// The PolNeAR and CLEF converters, run as commands on tiny made-up corpora in the same formats.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, useTempDirs } from '../../../helpers/temp-dirs.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const POLNEAR = path.join(ROOT, 'scripts/eval/polnear-to-gold.mjs');
const CLEF = path.join(ROOT, 'scripts/eval/clef-to-gold.mjs');
const tempDir = useTempDirs();

function runScript(script: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: ROOT }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

interface Quote {
  start: number;
  end: number;
  kind: string;
  speaker: { start: number; end: number } | null;
  speakerName: string | null;
}
const readJsonl = async <T>(file: string): Promise<T[]> => (await fs.readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as T);

interface Attribution {
  content: string[];
  cue: string;
  source?: string;
}

/** A brat .ann as PolNeAR writes it: offsets in code points, a span's fragments joined by a space. */
function brat(text: string, attributions: Attribution[]): string {
  const codePoints = (unit: number) => [...text.slice(0, unit)].length;
  const lines: string[] = [];
  let t = 0;
  const span = (type: string, phrases: string[]) => {
    const ranges = phrases.map((p) => {
      const start = text.indexOf(p);
      if (start < 0) throw new Error(`"${p}" is not in the text`);
      return `${codePoints(start)} ${codePoints(start + p.length)}`;
    });
    lines.push(`T${++t}\t${type} ${ranges.join(';')}\t${phrases.join(' ')}`);
    return `T${t}`;
  };
  attributions.forEach((a, i) => {
    const source = a.source ? span('Source', [a.source]) : null;
    const cue = span('Cue', [a.cue]);
    const content = span('Content', a.content);
    const trigger = span('Attribution', [a.cue]);
    lines.push(`E${i + 1}\t${source ? 'Attribution' : 'Attribution-no-source'}:${trigger} Content:${content} Cue:${cue}${source ? ` Source:${source}` : ''}`);
  });
  return `${lines.join('\n')}\n`;
}

const STORY_ONE = [
  '“We will reopen the bridge in May,” the mayor said.',
  '“Nobody was hurt,” said Chief Ana Ortiz.',
  'The council said it would vote on Tuesday.',
  '“Roads are safe,” she added, “and open.”',
  'Crews worked overnight.\nThey finished at dawn, a spokesman said.',
  'It was announced that the work would end in June.',
  "''We finished early,'' the foreman said.",
].join('\n\n');
const STORY_TWO = '🚧 Detour ahead. “Expect delays,” the police said.';

async function polnearFolder(): Promise<string> {
  const dir = await tempDir('polnear-');
  const text = path.join(dir, 'data/dev/text');
  const ann = path.join(dir, 'data/dev/attributions');
  await fs.mkdir(text, { recursive: true });
  await fs.mkdir(ann, { recursive: true });
  await fs.writeFile(path.join(text, 'story-one.txt'), STORY_ONE);
  await fs.writeFile(path.join(text, 'story-two.txt'), STORY_TWO);
  await fs.writeFile(path.join(text, 'story-three.txt'), 'Nobody annotated this one.');
  const one: Attribution[] = [
    { content: ['“We will reopen the bridge in May,”'], cue: 'said', source: 'the mayor' },
    // The quotation marks lie outside the annotated words.
    { content: ['Nobody was hurt'], cue: 'said Chief', source: 'Ana Ortiz' },
    { content: ['it would vote on Tuesday'], cue: 'council said', source: 'The council' },
    // Discontinuous: one quote from the first start to the last end.
    { content: ['“Roads are safe,”', '“and open.”'], cue: 'added', source: 'she' },
    // The content runs over a line break, so the .ann line does too.
    { content: ['Crews worked overnight.\nThey finished at dawn'], cue: 'spokesman said', source: 'a spokesman' },
    { content: ['the work would end in June'], cue: 'It was announced' },
    // Two apostrophes for quotation marks, as NYT archive text in PolNeAR has them.
    { content: ["''We finished early,''"], cue: 'foreman said', source: 'the foreman' },
  ];
  await fs.writeFile(path.join(ann, 'story-one_aa11.ann'), brat(STORY_ONE, one));
  // A second annotator of the same text: skipped.
  await fs.writeFile(path.join(ann, 'story-one_zz99.ann'), brat(STORY_ONE, [one[0]!]));
  await fs.writeFile(path.join(ann, 'story-two_aa11.ann'), brat(STORY_TWO, [{ content: ['“Expect delays,”'], cue: 'said', source: 'the police' }]));
  return dir;
}

describe('polnear-to-gold', () => {
  it('turns each attribution into a gold quote, with its source as the speaker', async () => {
    const dir = await polnearFolder();
    const out = path.join(await tempDir(), 'dev.jsonl');
    const result = await runScript(POLNEAR, ['--polnear', dir, '--split', 'dev', '--out', out]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('2 documents; 1 further annotator files of the same texts skipped');
    expect(result.out).toContain('1 texts without annotation skipped');
    // The quote divided by "she added" is two gold quotes, as two highlights would hold it.
    expect(result.out).toContain('9 gold quotes: 6 direct, 3 indirect; 1 without a source');
    expect(result.out).toMatch(/offsets: 15 spans checked against the text, 0 mismatches; 1 texts have characters outside the BMP/);

    const docs = await readJsonl<{ id: string; text: string; quotes: Quote[] }>(out);
    expect(docs.map((d) => d.id)).toEqual(['story-one', 'story-two']);
    expect(docs[0]!.text).toBe(STORY_ONE);
    const seen = (d: { text: string; quotes: Quote[] }) =>
      d.quotes.map((q) => [d.text.slice(q.start, q.end), q.kind, q.speaker && d.text.slice(q.speaker.start, q.speaker.end), q.speakerName]);
    expect(seen(docs[0]!)).toEqual([
      ['“We will reopen the bridge in May,”', 'direct', 'the mayor', 'the mayor'],
      ['Nobody was hurt', 'direct', 'Ana Ortiz', 'Ana Ortiz'],
      ['it would vote on Tuesday', 'indirect', 'The council', 'The council'],
      ['“Roads are safe,”', 'direct', 'she', 'she'],
      ['“and open.”', 'direct', 'she', 'she'],
      ['Crews worked overnight.\nThey finished at dawn', 'indirect', 'a spokesman', 'a spokesman'],
      ['the work would end in June', 'indirect', null, null],
      ["''We finished early,''", 'direct', 'the foreman', 'the foreman'],
    ]);
    // brat counted the emoji as one character; the gold counts it as two UTF-16 units.
    expect(seen(docs[1]!)).toEqual([['“Expect delays,”', 'direct', 'the police', 'the police']]);
    expect(docs[1]!.quotes[0]!.start).toBe(STORY_TWO.indexOf('“'));
  });

  it('keeps a divided quote whole, first start to last end, with --fragments join', async () => {
    const dir = await polnearFolder();
    const out = path.join(await tempDir(), 'dev.jsonl');
    const result = await runScript(POLNEAR, ['--polnear', dir, '--split', 'dev', '--out', out, '--fragments', 'join']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('8 gold quotes: 5 direct, 3 indirect; 1 without a source');
    const [first] = await readJsonl<{ text: string; quotes: Quote[] }>(out);
    expect(first!.quotes.map((q) => first!.text.slice(q.start, q.end))).toContain('“Roads are safe,” she added, “and open.”');
    expect((await runScript(POLNEAR, ['--polnear', dir, '--split', 'dev', '--out', out, '--fragments', 'glue'])).code).toBe(2);
  });

  it('counts offsets that do not match the text, and takes UTF-16 offsets where only they fit', async () => {
    const dir = await polnearFolder();
    const ann = path.join(dir, 'data/dev/attributions/story-two_aa11.ann');
    const original = await fs.readFile(ann, 'utf8');
    const shifted = (by: number) => original.replace(/ (\d+) (\d+)\t/g, (_, s: string, e: string) => ` ${Number(s) + by} ${Number(e) + by}\t`);
    const out = path.join(await tempDir(), 'dev.jsonl');
    // One more than the code points is the UTF-16 offset past the emoji: accepted as such.
    await fs.writeFile(ann, shifted(1));
    const units = await runScript(POLNEAR, ['--polnear', dir, '--split', 'dev', '--out', out]);
    expect(units.out).toContain('15 spans checked against the text, 0 mismatches; 1 texts have characters outside the BMP');
    expect(units.out).toContain('2 matched only as UTF-16 units');
    const [, two] = await readJsonl<{ text: string; quotes: Quote[] }>(out);
    expect(two!.text.slice(two!.quotes[0]!.start, two!.quotes[0]!.end)).toBe('“Expect delays,”');
    // Two more: the spans hold other words than the .ann repeats.
    await fs.writeFile(ann, shifted(2));
    const result = await runScript(POLNEAR, ['--polnear', dir, '--split', 'dev', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/15 spans checked against the text, 2 mismatches;.*\(e\.g\. story-two_aa11\.ann T3, story-two_aa11\.ann T1\)/);
  });

  it('refuses to write inside the project, and says what is wrong in one line', async () => {
    const dir = await polnearFolder();
    const inside = path.join(ROOT, '.tmp', `polnear-test-${process.pid}.jsonl`);
    try {
      const result = await runScript(POLNEAR, ['--polnear', dir, '--split', 'dev', '--out', inside]);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^polnear-to-gold: refusing to write .* inside the project: PolNeAR states no licence.*\n$/);
      expect(await exists(inside)).toBe(false);
    } finally {
      await fs.rm(inside, { force: true });
    }
    expect(await runScript(POLNEAR, ['--polnear', dir, '--split', 'validation', '--out', '/tmp/x.jsonl'])).toMatchObject({ code: 2, err: 'polnear-to-gold: --split is "validation"; PolNeAR has dev, test and train\n' });
    const missing = await runScript(POLNEAR, ['--polnear', path.join(dir, 'nowhere'), '--split', 'dev', '--out', path.join(await tempDir(), 'x.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^polnear-to-gold: no folder .*nowhere.data.dev.text: --polnear takes the top of a PolNeAR clone/);
  });
});

describe('clef-to-gold', () => {
  it('makes each labelled debate one transcript, one sentence per line with the speaker where the turn changes, and skips files without labels', async () => {
    const dir = await tempDir('clef-');
    const rows = [
      ['1', 'MODERATOR', 'Good evening.', '0'],
      ['2', 'SMITH', 'Unemployment fell to 4 percent last year.', '1'],
      ['3', 'SMITH', 'Thank you.', '0'],
    ];
    await fs.writeFile(path.join(dir, 'debate-a.tsv'), rows.map((r) => `${r.join('\t')}\r\n`).join(''));
    await fs.writeFile(path.join(dir, 'debate-b.tsv'), '1\tJONES\tWe cut taxes.\n2\tJONES\tGood night.\n');
    await fs.writeFile(path.join(dir, 'README.md'), 'not a debate');
    const out = path.join(await tempDir(), 'clef.jsonl');
    const result = await runScript(CLEF, ['--clef', dir, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('1 documents, 3 sentences, 1 check-worthy');
    expect(result.out).toContain('debate-b.tsv: no labels (a test file without gold labels?), skipped');
    const docs = await readJsonl<{ id: string; text: string; sentences: Array<{ start: number; end: number; checkWorthy: boolean }> }>(out);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.id).toBe('debate-a');
    // As a transcript reads, so the suggester can tell who speaks (the name is not part of the sentence).
    expect(docs[0]!.text).toBe('MODERATOR: Good evening.\nSMITH: Unemployment fell to 4 percent last year.\nThank you.');
    expect(docs[0]!.sentences.map((s) => [docs[0]!.text.slice(s.start, s.end), s.checkWorthy])).toEqual([
      ['Good evening.', false],
      ['Unemployment fell to 4 percent last year.', true],
      ['Thank you.', false],
    ]);
  });

  it('names the file and line of a bad label, and refuses to write inside the project', async () => {
    const dir = await tempDir('clef-');
    await fs.writeFile(path.join(dir, 'bad.tsv'), '1\tA\tHello.\t0\n2\tA\tTaxes rose.\tyes\n');
    const bad = await runScript(CLEF, ['--clef', dir, '--out', path.join(await tempDir(), 'x.jsonl')]);
    expect(bad).toMatchObject({ code: 2, err: 'clef-to-gold: bad.tsv line 2: label is "yes"; CLEF labels are 1 (check-worthy) or 0\n' });
    const inside = path.join(ROOT, '.tmp', `clef-test-${process.pid}.jsonl`);
    try {
      const result = await runScript(CLEF, ['--clef', dir, '--out', inside]);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^clef-to-gold: refusing to write .* inside the project/);
      expect(await exists(inside)).toBe(false);
    } finally {
      await fs.rm(inside, { force: true });
    }
    expect(await runScript(CLEF, ['--out', '/tmp/x.jsonl'])).toMatchObject({ code: 2, err: expect.stringMatching(/^clef-to-gold: --clef is missing; usage:/) });
  });
});
