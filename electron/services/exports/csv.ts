// One row per highlight, for spreadsheets and scripts. New dependency: csv-stringify, a
// well-kept writer that gets quoting, line breaks inside fields and formula-safe output right.
import { stringify } from 'csv-stringify/sync';
import { codePointOffsets } from './code-points.js';
import { labelName, type Dataset } from './dataset.js';
import { spanPages } from './pages.js';

export const CSV_COLUMNS = [
  'document_id',
  'document_title',
  'annotation_id',
  'label',
  'start',
  'end',
  'start_code_point',
  'end_code_point',
  // A PDF's page (pages.ts); empty for documents without pages.
  'page',
  'text',
  'speaker',
  'quote_kind',
  'claim_status',
  'check_worthiness',
  'tags',
  'sources',
  'note',
  'author',
  'created_at',
  'updated_at',
  // The document's story fields, last so scripts reading the columns above by place still work.
  'document_headline',
  'document_outlet',
  'document_byline',
  'document_published',
  'document_url',
] as const;

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe: those starting with
 * =, +, @, a tab or a carriage return, and a '-' that does not start a number ("-5% growth"
 * stays as written). The words are otherwise kept exactly.
 */
export function spreadsheetSafe(cell: string): string {
  if (/^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && !/^-\d[\d.,]*%?(\s|$)/.test(cell))) return `'${cell}`;
  return cell;
}

export function toCsv(dataset: Dataset): string {
  const rows: string[][] = [];
  for (const { document, text, annotations } of dataset.documents) {
    const cp = codePointOffsets(text);
    for (const a of annotations) {
      rows.push([
        document.id,
        document.title,
        a.id,
        labelName(dataset, a.labelId),
        String(a.start),
        String(a.end),
        String(cp(a.start)),
        String(cp(a.end)),
        String(spanPages(document, a)?.page ?? ''),
        a.text,
        a.speakerId ? (dataset.speakers.get(a.speakerId)?.name ?? a.speakerId) : '',
        a.quoteKind ?? '',
        a.claim ? (a.claim.status ?? '') : '',
        a.claim?.checkWorthiness ?? '',
        a.claim?.tags.join('; ') ?? '',
        a.claim?.sources.map((s) => [s.title, s.url].filter(Boolean).join(' ')).join('; ') ?? '',
        a.note,
        a.author,
        a.createdAt,
        a.updatedAt,
        document.headline ?? '',
        document.outlet ?? '',
        document.byline ?? '',
        document.publishedOn ?? '',
        document.sourceUrl ?? '',
      ]);
    }
  }
  // A leading BOM lets spreadsheet programs read UTF-8 (names with accents, curly quotes).
  // Cells are the words as written ("-5% growth" stays so); only a cell that would run as a
  // formula when opened ("=…") gets a leading apostrophe.
  const safe = rows.map((row) => row.map(spreadsheetSafe));
  return '\uFEFF' + stringify(safe, { header: true, columns: [...CSV_COLUMNS], quoted_match: /[\r\n]/ });
}
