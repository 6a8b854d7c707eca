// The desk's table as pure functions: which claims show, in what order. Kept apart from React
// so sorting 10,000 rows is tested without a window.
import type { ClaimRow, Person, Speaker, Status } from '../../../electron/contract/window-api';
import { passesAnnotator } from '../../../electron/contract/annotator-filter';
import { conflictsOf } from '../state/claim-conflicts';

export const COLUMNS = [
  { key: 'text', name: 'Claim' },
  { key: 'claimant', name: 'Claimant' },
  { key: 'document', name: 'Document' },
  { key: 'status', name: 'Status / verdict' },
  { key: 'checkWorthiness', name: 'Check-worthy' },
  { key: 'author', name: 'Annotator' },
  // The editor of the last desk decision on its status; a status set in the side panel is nobody's.
  { key: 'reviewer', name: 'Verdict by' },
  { key: 'updatedAt', name: 'Last change' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export interface Sort {
  column: ColumnKey;
  direction: 'ascending' | 'descending';
}

export interface DeskFilter {
  status: string;
  speakerId: string;
  documentId: string;
  /** '' everyone, "only mine", or one person (see contract/annotator-filter.ts). */
  author: string;
  tag: string;
  search: string;
  /** Only claims whose verdict is in conflict (see claim-conflicts.ts). */
  inConflict?: boolean;
}
export const NO_DESK_FILTER: DeskFilter = { status: '', speakerId: '', documentId: '', author: '', tag: '', search: '', inConflict: false };

const WORTHINESS_ORDER = { high: 3, medium: 2, low: 1 } as const;

/** A row's key in one column: the scale's order for statuses, names for people, text otherwise. */
function sortValue(row: ClaimRow, column: ColumnKey, speakerNames: Map<string, string>, statusOrder: Map<string, number>): string | number {
  switch (column) {
    case 'text':
      return row.text.toLowerCase();
    case 'claimant':
      return (row.claimantId ? speakerNames.get(row.claimantId) ?? '' : '').toLowerCase();
    case 'document':
      return row.documentTitle.toLowerCase();
    case 'status':
      return statusOrder.get(row.status) ?? Number.MAX_SAFE_INTEGER;
    case 'checkWorthiness':
      return row.checkWorthiness ? WORTHINESS_ORDER[row.checkWorthiness] : 0;
    case 'author':
      return row.author.toLowerCase();
    case 'reviewer':
      return row.reviewer.toLowerCase();
    case 'updatedAt':
      return row.updatedAt;
  }
}

/** A claim's searched fields, lowercased once per row object: a keystroke then lowercases nothing. */
interface SearchFields {
  text: string;
  note: string;
  reviewerNote: string;
}
const searchFieldsOf = new WeakMap<ClaimRow, SearchFields>();
function searchFields(row: ClaimRow): SearchFields {
  let fields = searchFieldsOf.get(row);
  // Rows are replaced, never edited in place (an edit makes a new row), so the cache stays true.
  if (!fields) {
    fields = { text: row.text.toLowerCase(), note: row.note.toLowerCase(), reviewerNote: row.reviewerNote.toLowerCase() };
    searchFieldsOf.set(row, fields);
  }
  return fields;
}

export function filterClaims(rows: readonly ClaimRow[], filter: DeskFilter, speakerNames: Map<string, string>, person: Person | null = null): ClaimRow[] {
  const search = filter.search.trim().toLowerCase();
  // Each claimant's name lowercased once per search, not once per row.
  const lowerNames = new Map<string, string>();
  const claimantMatches = (id: string): boolean => {
    let name = lowerNames.get(id);
    if (name === undefined) lowerNames.set(id, (name = (speakerNames.get(id) ?? '').toLowerCase()));
    return name.includes(search);
  };
  const matchesSearch = (row: ClaimRow): boolean => {
    const fields = searchFields(row);
    return fields.text.includes(search) || fields.note.includes(search) || fields.reviewerNote.includes(search) || (row.claimantId !== null && claimantMatches(row.claimantId));
  };
  return rows.filter(
    (row) =>
      (!filter.status || row.status === filter.status) &&
      (!filter.speakerId || (filter.speakerId === '-' ? !row.claimantId : row.claimantId === filter.speakerId)) &&
      (!filter.documentId || row.documentId === filter.documentId) &&
      passesAnnotator(row, filter.author, person) &&
      (!filter.tag || row.tags.includes(filter.tag)) &&
      (!filter.inConflict || conflictsOf(row).length > 0) &&
      (!search || matchesSearch(row)),
  );
}

/** A stable sort: equal keys keep the document order the service gave (document, then text position). */
export function sortClaims(rows: readonly ClaimRow[], sort: Sort | null, speakers: readonly Speaker[], statuses: readonly Status[]): ClaimRow[] {
  if (!sort) return [...rows];
  const speakerNames = new Map(speakers.map((s) => [s.id, s.name]));
  const statusOrder = new Map(statuses.map((s, i) => [s.id, i]));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: sortValue(row, sort.column, speakerNames, statusOrder) }));
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.index - b.index));
  return keyed.map((k) => k.row);
}

/** Click a header: sort by it; again: the other way; a third time: back to document order. */
export function nextSort(current: Sort | null, column: ColumnKey): Sort | null {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}

/** A row's identity across refreshes (an annotation id is unique only within its document). */
export function rowKey(row: Pick<ClaimRow, 'documentId' | 'annotationId'>): string {
  // Asked thousands of times per render of 10,000 rows; a row's identity never changes, so once per row.
  let key = rowKeys.get(row);
  if (key === undefined) rowKeys.set(row, (key = `${row.documentId}/${row.annotationId}`));
  return key;
}
const rowKeys = new WeakMap<object, string>();

/** Each shown row's place, so finding the focused one is a lookup, not a scan of 10,000 keys. */
export function indexByKey(rows: readonly ClaimRow[]): Map<string, number> {
  return new Map(rows.map((row, index) => [rowKey(row), index]));
}

/** The values a filter can take, from the rows themselves. */
export function filterChoices(rows: readonly ClaimRow[]): { authors: string[]; tags: string[]; documents: { id: string; title: string }[] } {
  const authors = new Set<string>();
  const tags = new Set<string>();
  const documents = new Map<string, string>();
  for (const row of rows) {
    authors.add(row.author);
    for (const tag of row.tags) tags.add(tag);
    documents.set(row.documentId, row.documentTitle);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    authors: [...authors].sort(byName),
    tags: [...tags].sort(byName),
    documents: [...documents].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** "2026-11-28 10:02" in local time: short, sortable by eye, the same in every locale. */
export function shortTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** For a narrow column: "11-28 10:02" this year, "2025-11-28" before it. */
export function compactTime(iso: string, now = new Date()): string {
  const full = shortTime(iso);
  if (!full) return '';
  return new Date(iso).getFullYear() === now.getFullYear() ? full.slice(5) : full.slice(0, 10);
}

/** Which status a key sets, if any. */
export function statusForKey(statuses: readonly Status[], key: string): Status | undefined {
  const lower = key.toLowerCase();
  return statuses.find((s) => s.hotkey === lower);
}
