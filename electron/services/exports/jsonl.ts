// JSON Lines datasets, one document a line, with code-point offsets as Python tools count them.
//   doccano: {"id", "text", "label": [[start, end, "Label"], ...], "title", "newsroom": {...}}
//   spaCy:   {"id", "text", "spans": [{"start", "end", "label"}, ...], "title", "newsroom": {...}}
//
// The fields those tools read ("text", and "label" or "spans") are exactly as they were. What our
// workspace knows besides (each span's id, author, speaker {id, name, otherNames}, quote kind,
// claim, note and times; the document's title, source URL, headline, outlet, byline and
// publication date, see story-fields.ts) rides in fields of their own:
// - doccano keeps every key of an imported line but "text" (and the label column) as the
//   example's metadata (doccano's USAGE.md, "Import Data": "columns that are not `text` would be
//   uploaded as metadata"), and writes that metadata back in its export; so a trainer can take a
//   file through doccano and back and lose none of it. Sure of the import; the export writes the
//   metadata at the top level or under "meta" by version, and our importer reads both.
// - spaCy reads no JSONL of its own: a trainer's script reads "text" and "spans" (for
//   Doc.char_span(start, end, label)); a span entry is left with exactly those three keys, so
//   `doc.char_span(**span)` still works, and the rest is in "newsroom".
// "newsroom": {"spans": [{start, end, label, id, author, ...}]} lists each highlight again with
// its offsets and label, so the importer pairs a record with its span by them, not by position.
// A PDF's spans add their page there (pages.ts).
import { codePointOffsets } from './code-points.js';
import { labelName, type Dataset } from './dataset.js';
import { spanPages } from './pages.js';
import { spanRecord } from './span-fields.js';
import { storyFields } from './story-fields.js';

type Row = (offsets: { start: number; end: number; label: string }[]) => Record<string, unknown>;

function lines(dataset: Dataset, spans: Row): string {
  return dataset.documents
    .map(({ document, text, annotations }) => {
      const cp = codePointOffsets(text);
      const offsets = annotations.map((a) => ({ start: cp(a.start), end: cp(a.end), label: labelName(dataset, a.labelId) }));
      const newsroom = { spans: annotations.map((a, k) => ({ ...offsets[k]!, ...spanRecord(dataset, a), ...spanPages(document, a) })) };
      return JSON.stringify({ id: document.id, text, ...spans(offsets), title: document.title, ...(document.sourceUrl && { url: document.sourceUrl }), ...storyFields(document), newsroom });
    })
    .map((line) => `${line}\n`)
    .join('');
}

export function toDoccanoJsonl(dataset: Dataset): string {
  return lines(dataset, (offsets) => ({ label: offsets.map((o) => [o.start, o.end, o.label]) }));
}

export function toSpacyJsonl(dataset: Dataset): string {
  return lines(dataset, (offsets) => ({ spans: offsets }));
}
