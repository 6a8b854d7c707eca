// The round-trip matrix: every format we both export and import, on a workspace a trainer would
// move between tools (test/helpers/interchange-workspace.ts: several authors, the same span by
// two of them, overlapping and nested spans, emoji, 𠮷, combining accents, a source with a BOM and
// CRLF, speakers with other names, names in four scripts, quote kinds, claims with verdicts).
//
// For each format, as a trainer would try it, through the contract's own import:
//   export → a fresh workspace → import → export: the second export equals the first, byte for
//   byte, and the fresh workspace holds what the first did (authors, speakers with their other
//   names, quote kinds, claim fields and verdicts: all of them, as every format here has an
//   extension point to carry them);
//   the first export imported back into the workspace it came from adds nothing: every highlight
//   is already present, no speaker or label is new, and no verdict is in conflict; and the dry
//   run says so before anything is written; a verdict changed since the export comes back as
//   a conflict for the editor, never a silent pick.
// Every check is soft (expect.soft), so a failing case lists each thing that was lost, not only the first.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, byAnnotator, type ExportFormat, type ImportReport } from '../../../../electron/contract/api.js';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { exportDataset } from '../../../../electron/services/handlers/workspace-tasks.js';
import { INTERCHANGE_FILES, INTERCHANGE_HIGHLIGHTS, buildInterchangeWorkspace } from '../../../helpers/interchange-workspace.js';
import { useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

/**
 * Formats an import reads back. Prodigy, and any other the import learns, join the matrix by
 * being named here once they are export formats.
 */
const IMPORTABLE = ['jsonl', 'spacy', 'labelstudio', 'w3c', 'brat', 'prodigy'];
const FORMATS = (EXPORT_FORMATS as readonly string[]).filter((f) => IMPORTABLE.includes(f)) as ExportFormat[];

/** Formats of tokens: a highlight that starts or ends on a space cannot be token-aligned. */
const TOKEN_FORMATS: readonly string[] = ['prodigy'];

/** The highlights an export may leave out, said in its warnings: none, but in a token format those on a space's edge. */
async function mayLeaveOut(service: AnnotatorService, format: ExportFormat, leftOut: ReadonlySet<string>): Promise<string[]> {
  const texts = new Map<string, string>();
  for (const doc of service.store.data.documents) for (const a of await service.store.annotations(doc)) texts.set(a.id, a.text);
  return [...leftOut].filter((id) => !(TOKEN_FORMATS.includes(format) && /^\s|\s$/u.test(texts.get(id) ?? '')));
}

/** W3C annotations name their text by hash and cannot carry it: the documents go in with them. */
const BRINGS_ITS_TEXT = (format: ExportFormat) => format !== 'w3c';

/** A binary file (spaCy's DocBin) may bring its bytes apart from the text, or as base64. */
type File = { name: string; content: string | Uint8Array; encoding?: string; bytes?: Uint8Array };
const bytesOf = (file: File): Buffer =>
  file.bytes
    ? Buffer.from(file.bytes)
    : typeof file.content === 'string'
      ? Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8')
      : Buffer.from(file.content);

/** An export's files, in the form two exports are compared in: name and exact bytes (as text, for a readable diff). */
async function exported(service: AnnotatorService, format: ExportFormat): Promise<{ name: string; bytes: Buffer }[]> {
  return (await exportWithWarnings(service, format)).files;
}

/**
 * The same, with the highlights the export said it left out (a token format cannot hold a span
 * that starts or ends inside a token, or on a space): said, they are not lost silently, so the
 * matrix expects them neither in the fresh workspace nor among those already present.
 */
async function exportWithWarnings(service: AnnotatorService, format: ExportFormat) {
  const result = await exportDataset(service, format);
  return {
    files: (result.files as File[]).map((file) => ({ name: file.name, bytes: bytesOf(file) })),
    leftOut: new Set(result.warnings.map((w) => w.annotationId)),
  };
}
/**
 * The same, line by line for a readable diff (a JSON Lines record spread over lines of its own);
 * `sameBytes` then checks the bytes themselves.
 */
const shown = (files: { name: string; bytes: Buffer }[]) =>
  files.map((f) => {
    const text = f.bytes.toString('utf8');
    const lines = f.name.endsWith('.jsonl') ? text.split('\n').flatMap((line) => (line ? JSON.stringify(JSON.parse(line), null, 1).split('\n') : [''])) : text.split('\n');
    return { name: f.name, lines };
  });
const sameBytes = (a: { name: string; bytes: Buffer }[], b: { name: string; bytes: Buffer }[]) =>
  a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.bytes.equals(b[i]!.bytes));

/** Through the contract, as the window's Import… and `annotator import` do. */
async function importInto(service: AnnotatorService, files: { name: string; bytes: Buffer }[], dryRun?: boolean): Promise<ImportReport> {
  const handlers = createApiHandlers(service, browserHostOnlyMethods);
  return handlers.importAnnotationFiles({
    files: files.map((f) => ({ fileName: f.name, contentBase64: f.bytes.toString('base64') })),
    ...(dryRun !== undefined && { dryRun }),
  });
}

const sourceFiles = () => INTERCHANGE_FILES.map((f) => ({ name: f.name, bytes: Buffer.from(f.text, 'utf8') }));

/**
 * What a workspace holds that a trainer would miss if it were lost, independent of ids and
 * order: each highlight by its document's text, span, label, author, speaker (name and other
 * names), quote kind, note and claim fields; and the speakers.
 */
async function contentOf(service: AnnotatorService, except: ReadonlySet<string> = new Set()) {
  const { store } = service;
  const speakers = new Map(store.data.speakers.map((s) => [s.id, s]));
  const labels = new Map(store.data.labels.map((l) => [l.id, l.name]));
  const highlights: string[] = [];
  for (const doc of store.data.documents) {
    for (const a of await store.annotations(doc)) {
      if (except.has(a.id)) continue;
      const speaker = a.speakerId ? speakers.get(a.speakerId) : undefined;
      const claim = a.claim && {
        status: a.claim.status,
        checkWorthiness: a.claim.checkWorthiness,
        tags: a.claim.tags,
        sources: a.claim.sources,
        conflicts: a.claim.conflicts ?? [],
      };
      highlights.push(
        JSON.stringify({
          text: doc.textHash,
          start: a.start,
          end: a.end,
          label: labels.get(a.labelId) ?? a.labelId,
          author: a.author,
          speaker: speaker ? { name: speaker.name, otherNames: [...speaker.aliases].sort() } : null,
          quoteKind: a.quoteKind ?? null,
          note: a.note,
          claim: claim ?? null,
        }),
      );
    }
  }
  return {
    highlights: highlights.sort(),
    speakers: store.data.speakers.map((s) => ({ name: s.name, otherNames: [...s.aliases].sort() })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    annotators: annotatorsOf(highlights),
  };
}

/** Who made the highlights counted, and how many each (listAnnotators' order). */
function annotatorsOf(highlights: string[]) {
  const counts = new Map<string, number>();
  for (const h of highlights) {
    const { author } = JSON.parse(h) as { author: string };
    counts.set(author, (counts.get(author) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => ({ name, highlights: n })).sort(byAnnotator);
}

describe('the round-trip matrix', () => {
  it('covers the formats we export and import', () => {
    expect(FORMATS).toEqual(expect.arrayContaining(['jsonl', 'spacy', 'labelstudio', 'w3c', 'brat']));
  });

  describe.each(FORMATS.map((f) => [f]))('%s', (format) => {
    it('export → fresh workspace → import → export: the second export equals the first, and nothing was lost', async () => {
      const first = await ws.openService();
      await buildInterchangeWorkspace(first);
      const { files: firstExport, leftOut } = await exportWithWarnings(first, format);
      expect.soft(await mayLeaveOut(first, format, leftOut), 'highlights the export left out that it could have held').toEqual([]);

      const fresh = await ws.openService();
      const report = await importInto(fresh, [...(BRINGS_ITS_TEXT(format) ? [] : sourceFiles()), ...firstExport]);
      // Two authors' identical spans stay two highlights: none collapsed, none doubled.
      expect.soft(report.highlights).toBe(INTERCHANGE_HIGHLIGHTS - leftOut.size);
      expect.soft(report.conflicts).toEqual([]);
      await fresh.store.flush();

      const secondExport = await exported(fresh, format);
      expect.soft(shown(secondExport)).toEqual(shown(firstExport));
      expect.soft(sameBytes(secondExport, firstExport), 'the second export has the same bytes as the first').toBe(true);
      // What the format carries came through, not just what it prints.
      expect.soft(await contentOf(fresh)).toEqual(await contentOf(first, leftOut));
    });

    it('the export imported back into its own workspace adds nothing, and the dry run says so first', async () => {
      const service = await ws.openService();
      await buildInterchangeWorkspace(service);
      const before = await contentOf(service);
      const { files, leftOut } = await exportWithWarnings(service, format);
      const present = INTERCHANGE_HIGHLIGHTS - leftOut.size;

      const preview = await importInto(service, files, true);
      expect.soft(preview).toMatchObject({ written: false, highlights: 0, alreadyPresent: present, conflicts: [], labelsAdded: [], speakersAdded: [], documentsAdded: 0 });
      const report = await importInto(service, files);
      expect.soft(report).toMatchObject({ written: true, highlights: 0, alreadyPresent: present, conflicts: [], labelsAdded: [], speakersAdded: [], documentsAdded: 0 });
      await service.store.flush();
      expect.soft(await contentOf(service)).toEqual(before);
      const again = await exported(service, format);
      expect.soft(shown(again)).toEqual(shown(files));
      expect.soft(sameBytes(again, files), 'the export after the re-import has the same bytes').toBe(true);
    });

    it('a verdict changed since the export comes back as a conflict for the editor, never a silent pick', async () => {
      const service = await ws.openService();
      const [council] = await buildInterchangeWorkspace(service);
      const files = await exported(service, format);
      // hl-09 is Ana Reyes's claim "Exports rose 40 percent last year", exported as False.
      const { refused } = await service.applyChanges([{ kind: 'updateAnnotation', documentId: council!, annotationId: 'hl-09', claim: { status: 'true' } }]);
      expect(refused).toEqual([]);
      const report = await importInto(service, files);
      expect.soft(report.highlights).toBe(0);
      expect.soft(report.conflicts).toEqual([expect.objectContaining({ documentId: council, annotationId: 'hl-09', here: 'true', incoming: 'false' })]);
      await service.store.flush();
      const claim = (await service.store.annotations(service.requireDocument(council!))).find((a) => a.id === 'hl-09')?.claim;
      expect.soft(claim?.status, 'the workspace keeps its own verdict').toBe('true');
      expect.soft(claim?.conflicts?.map((c) => c.status), 'the file’s verdict waits beside it for the editor').toEqual(['false']);
    });

    it('a second import into the fresh workspace adds nothing more', async () => {
      const first = await ws.openService();
      await buildInterchangeWorkspace(first);
      const { files: exportedFiles, leftOut } = await exportWithWarnings(first, format);
      const files = [...(BRINGS_ITS_TEXT(format) ? [] : sourceFiles()), ...exportedFiles];
      const fresh = await ws.openService();
      await importInto(fresh, files);
      const once = await contentOf(fresh);
      const again = await importInto(fresh, files);
      expect.soft(again).toMatchObject({ highlights: 0, alreadyPresent: INTERCHANGE_HIGHLIGHTS - leftOut.size, speakersAdded: [], labelsAdded: [] });
      expect.soft(await contentOf(fresh)).toEqual(once);
    });
  });
});

describe('a web page round-trips with its address', () => {
  // A page with a canonical link: the formats that hold a document's web address (doccano's and
  // spaCy's "url", Prodigy's meta.url, Label Studio's data.url, W3C's target.source) bring it back.
  const PAGE =
    '<html><head><title>Rates</title><link rel="canonical" href="https://news.example/rates"></head>' +
    '<body><article><p>The bank said rates would rise. “We will act,” said Ana Lima.</p></article></body></html>';
  const CARRIES_URL = FORMATS.filter((f) => f !== 'brat');

  it.each(CARRIES_URL.map((f) => [f]))('%s', async (format) => {
    const first = await ws.openService();
    const page = await first.importBytes('rates.html', new TextEncoder().encode(PAGE));
    const text = (await first.openDocument(page.id)).text;
    const words = 'We will act';
    const { refused } = await first.applyChanges([
      { kind: 'createAnnotation', documentId: page.id, annotationId: 'q-1', labelId: 'quote', start: text.indexOf(words), end: text.indexOf(words) + words.length, author: 'Ana Reyes' },
    ]);
    expect(refused).toEqual([]);
    await first.store.flush();
    const firstExport = await exported(first, format);

    const fresh = await ws.openService();
    const pageFile = { name: 'rates.html', bytes: Buffer.from(PAGE, 'utf8') };
    await importInto(fresh, [...(BRINGS_ITS_TEXT(format) ? [] : [pageFile]), ...firstExport]);
    await fresh.store.flush();
    expect(fresh.store.data.documents.map((d) => d.sourceUrl)).toEqual(['https://news.example/rates']);
    const secondExport = await exported(fresh, format);
    expect(shown(secondExport)).toEqual(shown(firstExport));
  });
});

describe('a document’s story fields round-trip', () => {
  // Headline, outlet, byline and publication date: JSONL's top-level fields (Prodigy's meta),
  // Label Studio's task data, W3C's source described with Dublin Core terms.
  const CARRIES_STORY = FORMATS.filter((f) => f !== 'brat');
  const STORY = { headline: 'Bank to raise rates, Lima says', outlet: 'The Courier', byline: 'Ana Reyes and Ben Okafor', publishedOn: '2024-03-15' };

  it.each(CARRIES_STORY.map((f) => [f]))('%s', async (format) => {
    const first = await ws.openService();
    const text = 'The bank said rates would rise. “We will act,” said Ana Lima.';
    const doc = await first.importBytes('rates.txt', new TextEncoder().encode(text));
    const words = 'We will act';
    const { refused } = await first.applyChanges([
      { kind: 'updateDocument', documentId: doc.id, fields: STORY },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'q-1', labelId: 'quote', start: text.indexOf(words), end: text.indexOf(words) + words.length, author: 'Ana Reyes' },
    ]);
    expect(refused).toEqual([]);
    await first.store.flush();
    const firstExport = await exported(first, format);
    expect(firstExport.map((f) => f.bytes.toString('utf8')).join('')).toContain('The Courier');

    const fresh = await ws.openService();
    const textFile = { name: 'rates.txt', bytes: Buffer.from(text, 'utf8') };
    await importInto(fresh, [...(BRINGS_ITS_TEXT(format) ? [] : [textFile]), ...firstExport]);
    await fresh.store.flush();
    expect(fresh.store.data.documents).toEqual([expect.objectContaining(STORY)]);
    const secondExport = await exported(fresh, format);
    expect(shown(secondExport)).toEqual(shown(firstExport));
  });
});
