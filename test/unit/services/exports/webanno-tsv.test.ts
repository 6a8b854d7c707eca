// WebAnno TSV 3.3 (INCEpTION's import format), checked two ways: a file written by hand from
// INCEpTION's user guide ("WebAnno TSV 3.3 File format", inception-io-webanno-tsv/src/main/
// resources/META-INF/asciidoc/user-guide/webannotsv.adoc) must be exactly what we write; and
// every file we write is read back by a parser written here from that guide alone (not from
// our writer), which rebuilds each highlight from its units and checks its text.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, DEFAULT_STATUSES, type Annotation, type Speaker } from '../../../../electron/contract/api.js';
import type { Dataset } from '../../../../electron/services/exports/dataset.js';
import { runExport } from '../../../../electron/services/exports/formats.js';
import { escapeText, escapeValue, toWebAnnoTsv, WEBANNO_FEATURES } from '../../../../electron/services/exports/webanno-tsv.js';
import type { StoredDocument } from '../../../../electron/services/store/workspace-store.js';
import { run } from '../../../helpers/run-cli.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

const SPEAKERS: Speaker[] = [{ id: 'spk-ana', name: 'Ana Lima', aliases: [], role: '', organisation: '', notes: '', createdAt: '' }];

function highlight(text: string, id: string, labelId: string, words: string, author: string, extra: Partial<Annotation> = {}, from = 0): Annotation {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  const end = start + words.length;
  return { id, documentId: 'd1', labelId, start, end, text: words, prefix: '', suffix: '', speakerId: null, note: '', author, createdAt: '', updatedAt: '', ...extra };
}

function dataset(documents: { fileName: string; text: string; annotations: Annotation[] }[]): Dataset {
  return {
    documents: documents.map(({ fileName, text, annotations }, i) => ({ document: { id: `d${i + 1}`, fileName, title: fileName } as StoredDocument, text, annotations })),
    labels: new Map(DEFAULT_LABELS.map((l) => [l.id, l])),
    speakers: new Map(SPEAKERS.map((s) => [s.id, s])),
    statuses: DEFAULT_STATUSES,
    reviewSettings: { organisation: '', claimReviewUrl: '' },
  } as Dataset;
}

// ---- A reader written from the guide, independently of the writer --------------------------

/** "Reserved Characters": \ [ ] | _ -> ; \t \n * are escaped with a backslash in values. */
function unescapeValue(value: string): string {
  return value.replace(/\\(->|[\\[\]|_;*tn])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
}
/** `#Text=` lines: \t \n \f \r \b and \\ are named escapes; other control characters follow a backslash. */
function unescapeText(line: string): string {
  return line.replace(/\\([tnfrb\\]|[\x00-\x07\x0e-\x1f])/g, (_, c: string) => ({ t: '\t', n: '\n', f: '\f', r: '\r', b: '\b', '\\': '\\' })[c] ?? c);
}
/** Splits on `sep` where it is not escaped. */
const splitUnescaped = (value: string, sep: string) => value.split(new RegExp(`(?<!\\\\)\\${sep}`));

interface ReadSpan { begin: number; end: number; values: (string | null)[] }

function readTsv(file: string, text: string) {
  const lines = file.split('\n');
  expect(lines[0]).toBe('#FORMAT=WebAnno TSV 3.3'); // "File Header"
  let i = 1;
  const columns: string[] = [];
  for (; lines[i]!.startsWith('#T_SP='); i++) columns.push(...lines[i]!.slice('#T_SP='.length).split('|').slice(1));
  // "After the header, there must be two empty lines before the body".
  expect([lines[i], lines[i + 1]]).toEqual(['', '']);
  i += 1;
  const spans: ReadSpan[] = [];
  const byId = new Map<string, ReadSpan>();
  const sentences: { text: string; begin: number }[] = [];
  const unitIds = new Set<string>();
  while (i < lines.length && lines[i] === '') {
    i++;
    if (i >= lines.length || lines[i] === '') break;
    // "Sentence Representation": #Text= lines, then tokens ("sentence-token", "begin-end", token).
    const sentenceLines: string[] = [];
    for (; lines[i]!.startsWith('#Text='); i++) sentenceLines.push(unescapeText(lines[i]!.slice('#Text='.length)));
    let first: number | null = null;
    for (; i < lines.length && lines[i] !== ''; i++) {
      const fields = lines[i]!.split('\t');
      const [id, offsets, token] = fields;
      expect(id).toMatch(/^\d+-\d+(\.\d+)?$/);
      expect(unitIds.has(id!), `unit ${id} twice`).toBe(false);
      unitIds.add(id!);
      const [begin, end] = offsets!.split('-').map(Number) as [number, number];
      expect(token, `the token at ${offsets}`).toBe(text.slice(begin, end)); // UTF-16 offsets, as Java counts
      first ??= begin;
      expect(fields.length).toBeGreaterThanOrEqual(3 + columns.length);
      // "Span Annotations" and "Disambiguation IDs": `_` none, `*` empty, `|` stacks, `[n]` ties units.
      const stacks = columns.map((_, c) => (fields[3 + c] === '_' ? [] : splitUnescaped(fields[3 + c]!, '|')));
      expect(new Set(stacks.map((s) => s.length)).size, `every column of ${id} stacks alike`).toBe(1);
      stacks[0]!.forEach((_, k) => {
        const parsed = stacks.map((s) => {
          const m = /^(.*?)(?:\[(\d+)\])?$/s.exec(s[k]!)!;
          const raw = m[1]!.endsWith('\\') ? s[k]! : m[1]!;
          return { value: raw === '*' ? null : unescapeValue(raw), id: m[1]!.endsWith('\\') ? undefined : m[2] };
        });
        const ref = parsed[0]!.id;
        expect(parsed.every((p) => p.id === ref), `one id across columns at ${id}`).toBe(true);
        const known = ref === undefined ? undefined : byId.get(ref);
        if (known) {
          expect(known.end).toBeLessThanOrEqual(begin);
          known.end = end;
          expect(parsed.map((p) => p.value)).toEqual(known.values);
        } else {
          const span = { begin, end, values: parsed.map((p) => p.value) };
          spans.push(span);
          if (ref !== undefined) byId.set(ref, span);
        }
      });
    }
    // "The begin offset of the first token in a sentence must coincide with" where its text starts.
    sentences.push({ text: sentenceLines.join('\n'), begin: first! });
  }
  for (const s of sentences) expect(text.slice(s.begin, s.begin + s.text.length)).toBe(s.text);
  return { columns, spans, sentences };
}

/** What a highlight should read back as: its exact span and its feature values. */
function expected(ds: Dataset, a: Annotation) {
  const speaker = a.speakerId ? ds.speakers.get(a.speakerId)!.name : null;
  return { begin: a.start, end: a.end, values: [ds.labels.get(a.labelId)!.name, speaker, a.quoteKind ?? null, a.claim?.status ?? null, a.note || null] };
}

// ---- The tests -------------------------------------------------------------------------------

const STORY = 'Ana Lima plays 😊 well.\nShe left.';

describe('WebAnno TSV 3.3', () => {
  it('writes the file the guide describes, by hand: header, sentences, stacks, ids, sub-tokens, UTF-16', () => {
    const annotations = [
      highlight(STORY, 'h1', 'speaker', 'Ana Lima', 'Ana', { speakerId: 'spk-ana', note: 'a|b_c [x]' }),
      highlight(STORY, 'h2', 'quote', 'Ana', 'Ana', { quoteKind: 'direct' }),
      highlight(STORY, 'h3', 'quote', 'play', 'Ana'),
      highlight(STORY, 'h4', 'quote', '😊 well', 'Ana'),
      highlight(STORY, 'h5', 'claim', 'left', 'Ana', { claim: { status: 'unreviewed', checkWorthiness: null, sources: [], tags: [] } }),
    ];
    const { files, warnings } = toWebAnnoTsv(dataset([{ fileName: 'story.txt', text: STORY, annotations }]));
    expect(warnings).toEqual([]);
    expect(files.map((f) => f.name)).toEqual(['story.Ana.tsv']);
    // h1 spans two tokens and h2 is stacked on its first: both carry ids, h1 first (it starts
    // first and is longer); "play" is a sub-token of "plays"; 😊 counts two (UTF-16); every
    // column is followed by a tab, as INCEpTION's writer prints it.
    const row = (id: string, offsets: string, token: string, ...cols: string[]) => `${id}\t${offsets}\t${token}\t${cols.map((c) => `${c}\t`).join('')}`;
    const none = ['_', '_', '_', '_', '_'];
    expect(files[0]!.content).toBe(
      [
        '#FORMAT=WebAnno TSV 3.3',
        '#T_SP=webanno.custom.Newsroom|label|speaker|quoteKind|claimStatus|note',
        '',
        '',
        '#Text=Ana Lima plays 😊 well.',
        row('1-1', '0-3', 'Ana', 'Speaker[1]|Quote[2]', 'Ana Lima[1]|*[2]', '*[1]|direct[2]', '*[1]|*[2]', 'a\\|b\\_c \\[x\\][1]|*[2]'),
        row('1-2', '4-8', 'Lima', 'Speaker[1]', 'Ana Lima[1]', '*[1]', '*[1]', 'a\\|b\\_c \\[x\\][1]'),
        row('1-3', '9-14', 'plays', ...none),
        row('1-3.1', '9-13', 'play', 'Quote', '*', '*', '*', '*'),
        row('1-4', '15-17', '😊', 'Quote[3]', '*[3]', '*[3]', '*[3]', '*[3]'),
        row('1-5', '18-22', 'well', 'Quote[3]', '*[3]', '*[3]', '*[3]', '*[3]'),
        row('1-6', '22-23', '.', ...none),
        '',
        '#Text=She left.',
        row('2-1', '24-27', 'She', ...none),
        row('2-2', '28-32', 'left', 'Claim', '*', '*', 'unreviewed', '*'),
        row('2-3', '32-33', '.', ...none),
        '',
      ].join('\n'),
    );
  });

  it('reads the guide\'s own examples with the test\'s reader (the reader is right)', () => {
    // "Disambiguation IDs" example, on the text it stands for; and the emoji example's offsets.
    const text = 'Ms. Haag I like it 😊 .';
    const file = [
      '#FORMAT=WebAnno TSV 3.3',
      '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value',
      '',
      '',
      '#Text=Ms. Haag I like it 😊 .',
      '1-1\t0-3\tMs.\tPER[1]|PERpart[2]',
      '1-2\t4-8\tHaag\tPER[1]',
      '1-3\t9-10\tI\t_',
      '1-4\t11-15\tlike\t_',
      '1-5\t16-18\tit\t_',
      '1-6\t19-21\t😊\t*',
      '1-7\t22-23\t.\t_',
      '',
    ].join('\n');
    expect(readTsv(file, text).spans).toEqual([
      { begin: 0, end: 8, values: ['PER'] },
      { begin: 0, end: 3, values: ['PERpart'] },
      { begin: 19, end: 21, values: [null] },
    ]);
  });

  it('escapes values and sentence text as the guide and INCEpTION\'s Escaping do', () => {
    expect(escapeValue('a\\b[c]|d_e->f;g\th\ni*')).toBe('a\\\\b\\[c\\]\\|d\\_e\\->f\\;g\\th\\ni\\*');
    expect(unescapeValue(escapeValue('a\\b[c]|d_e->f;g\th\ni*'))).toBe('a\\b[c]|d_e->f;g\th\ni*');
    expect(escapeText('a\tb\\c\rd\fe\bf\x01g\vh')).toBe('a\\tb\\\\c\\rd\\fe\\bf\\\x01g\vh');
  });

  it('writes one file per document and annotator; every highlight reads back with its text and fields', () => {
    const text = "\ufeffX «\u00a0C'est très sérieux\u00a0» 👩🏽‍💻 𠮷野家's a\\b.\r\nThe  yen\tfell. Cafe\u0301 au lait. 田中花子は「円安は続く」と述べた。";
    const cjk = text.indexOf('円安');
    const annotations = [
      highlight(text, 'q-ana', 'quote', "C'est très sérieux", 'Ana', { speakerId: 'spk-ana', quoteKind: 'partial', note: 'tab\there; semi; star*\r\nline' }),
      highlight(text, 'q-bo', 'quote', "C'est très sérieux", 'Bo', { speakerId: 'spk-ana' }), // the same span, another annotator
      highlight(text, 'n-ana', 'claim', 'très', 'Ana'), // nested
      highlight(text, 'n2-ana', 'claim', 'très', 'Ana'), // the same span twice by one annotator: stacked
      highlight(text, 'o-ana', 'quote', "«\u00a0C'est", 'Ana'), // overlapping
      highlight(text, 'e-bo', 'claim', '👩🏽‍💻', 'Bo'),
      highlight(text, 'k-tanaka', 'quote', "𠮷野家's a\\b", '田中花子'),
      highlight(text, 'crlf-ana', 'quote', 'b.\r\nThe  yen', 'Ana'), // across sentences
      highlight(text, 'part-bo', 'quote', 'fe\u0301 au la', 'Bo'), // starts and ends inside tokens
      highlight(text, 'cjk', 'quote', '円安は続', ''), // inside an unspaced CJK run; no annotator name
      { ...highlight(text, 'x', 'speaker', 'X', 'Ana'), start: 0, end: 2, text: '\ufeffX' }, // starts in white space (the BOM)
    ];
    expect(cjk).toBeGreaterThan(0);
    const ds = dataset([
      { fileName: 'paris.txt', text, annotations },
      { fileName: 'plain.txt', text: 'Nothing here.', annotations: [] },
    ]);
    const result = runExport('webanno', ds);
    expect(result.folder).toBe(true);
    expect(result.files.map((f) => f.name).sort()).toEqual(['paris.(unnamed).tsv', 'paris.Ana.tsv', 'paris.Bo.tsv', 'paris.田中花子.tsv', 'plain.(unnamed).tsv']);
    const authorOf = (name: string) => name.slice('paris.'.length, -'.tsv'.length).replace('(unnamed)', '');
    for (const file of result.files.filter((f) => f.name.startsWith('paris.'))) {
      const read = readTsv(file.content, text);
      expect(read.columns).toEqual([...WEBANNO_FEATURES]);
      const mine = annotations.filter((a) => a.author === authorOf(file.name));
      const want = mine.map((a) => expected(ds, a)).map((e) => (e.values[4] ? { ...e, values: [...e.values.slice(0, 4), String(e.values[4]).replace(/\r\n/g, '\n')] } : e));
      // The one starting in white space is shortened to its token, and said so.
      const x = want.findIndex((w) => w.begin === 0);
      if (x >= 0) want[x] = { ...want[x]!, begin: 1 };
      const sort = (s: ReadSpan[]) => [...s].sort((a, b) => a.begin - b.begin || b.end - a.end || JSON.stringify(a.values).localeCompare(JSON.stringify(b.values)));
      expect(sort(read.spans), file.name).toEqual(sort(want));
      for (const span of read.spans) expect(text.slice(span.begin, span.end).length).toBe(span.end - span.begin);
    }
    expect(result.warnings.map((w) => w.annotationId)).toEqual(['x']);
    expect(readTsv(result.files.find((f) => f.name === 'plain.(unnamed).tsv')!.content, 'Nothing here.').spans).toEqual([]);
  });

  it('is a folder of DOCUMENT.ANNOTATOR.tsv from `annotator export --format webanno`', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const text = 'Ana Lima said: “We will win.” Critics disagreed.';
    const doc = await importText(service, 'story.txt', text);
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const { refused } = await service.applyChanges([
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q1', labelId: 'quote', ...at('We will win'), author: 'Ana' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q2', labelId: 'quote', ...at('We will win'), author: 'Bo' },
    ]);
    expect(refused).toEqual([]);
    await service.store.flush();
    const out = path.join(dir, '..', `webanno-${Date.now()}`);
    const result = await run(['export', '--store', dir, '--format', 'webanno', '--out', out], '/');
    expect(result.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['story.Ana.tsv', 'story.Bo.tsv']);
    for (const author of ['Ana', 'Bo']) {
      const read = readTsv(await fs.readFile(path.join(out, `story.${author}.tsv`), 'utf8'), text);
      expect(read.spans.map((s) => [text.slice(s.begin, s.end), s.values[0]])).toEqual([['We will win', 'Quote']]);
    }
    await fs.rm(out, { recursive: true });
  });
});
