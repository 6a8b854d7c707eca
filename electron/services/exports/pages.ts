// The page a highlight is on, for documents read from a paged file (a PDF's pageStarts), in
// each format that can carry it beside the span. Pages count from 1, as PDF readers show them
// (the n-th page of the file, not a printed page label). Documents without pages get no field.
//
// Where each format carries it, and on what authority:
// - W3C Web Annotation: a FragmentSelector {"conformsTo": "http://tools.ietf.org/rfc/rfc3778",
//   "value": "page=N"} beside the TextQuote/TextPosition selectors. The model's "Fragment
//   Selector" table names RFC 3778 for PDF, whose fragment identifier "page=pagenum" is kept by
//   RFC 8118 §3 (the current application/pdf registration, "#page=" from 1). A target may list
//   several selectors for one segment (a refinement-free list, "Multiple Selectors"); other tools
//   use the ones they know, and our importer reads the TextPosition one.
// - JSONL (doccano, spaCy): "page" (and "pageEnd" when the span runs onto a later page) on the
//   span's record in "newsroom": {"spans": [...]}; the tools' own span fields stay exactly
//   start, end and label (see jsonl.ts).
// - Label Studio: "page" (and "pageEnd") in the region's "meta", which the server stores as given
//   (see label-studio.ts).
// - CSV: a "page" column, empty for documents without pages.
// The importers ignore these fields: a page follows from the document's own text, not the file.
import { pageAt, type Annotation, type DocumentSummary } from '../../contract/api.js';

export interface SpanPages {
  page: number;
  /** Set only when the span ends on a later page than it starts. */
  pageEnd?: number;
}

export function spanPages(document: Pick<DocumentSummary, 'pageStarts'>, span: Pick<Annotation, 'start' | 'end'>): SpanPages | undefined {
  const page = pageAt(document.pageStarts, span.start);
  if (page === null) return undefined;
  const last = pageAt(document.pageStarts, Math.max(span.start, span.end - 1))!;
  return last > page ? { page, pageEnd: last } : { page };
}

/** RFC 3778 / RFC 8118's PDF fragment ("page=N"), as a Web Annotation FragmentSelector. */
export function pageFragmentSelector(pages: SpanPages | undefined): Record<string, string>[] {
  return pages ? [{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${pages.page}` }] : [];
}
