// What a person may set on a document (its title and what the story says of itself), and the
// words when a value will not do. Plain functions, so the edit form shows the service's words.
import { MAX_DOCUMENT_BYTES, MAX_SOURCE_URL_LENGTH } from './limits.js';
import { isWebLink } from './link-rules.js';

/** How much each editable field of a document may hold (documentSummarySchema reads these too). */
export const DOCUMENT_FIELD_LIMITS = { title: 300, headline: 1000, outlet: 300, byline: 500, sourceUrl: MAX_SOURCE_URL_LENGTH } as const;

/** The fields the document editor sets; null (or "") clears one, the title excepted. */
export const EDITABLE_DOCUMENT_FIELDS = ['title', 'headline', 'outlet', 'byline', 'sourceUrl', 'publishedOn'] as const;
export type EditableDocumentField = (typeof EDITABLE_DOCUMENT_FIELDS)[number];

export const DOCUMENT_FIELD_NAMES: Record<EditableDocumentField, string> = {
  title: 'Title',
  headline: 'Headline',
  outlet: 'Outlet',
  byline: 'Byline',
  sourceUrl: 'Source URL',
  publishedOn: 'Publication date',
};

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why `value` will not do for `field` (checked trimmed; "" clears it), or null. */
export function documentFieldProblem(field: EditableDocumentField, value: string): string | null {
  const trimmed = value.trim();
  if (field === 'title') {
    if (trimmed === '') return 'Give the document a title, so it can be found in the list.';
    if (trimmed.length > DOCUMENT_FIELD_LIMITS.title) return `A title can hold at most ${DOCUMENT_FIELD_LIMITS.title} characters; shorten it.`;
    return null;
  }
  if (trimmed === '') return null;
  if (field === 'publishedOn') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return `The publication date must be written YYYY-MM-DD, such as 2024-03-15 (not "${trimmed.slice(0, 40)}").`;
    if (!isCalendarDate(trimmed)) return `${trimmed} is not a date in the calendar; check the month and the day.`;
    return null;
  }
  const max = DOCUMENT_FIELD_LIMITS[field];
  if (trimmed.length > max) return `The ${DOCUMENT_FIELD_NAMES[field].toLowerCase()} can hold at most ${max.toLocaleString('en')} characters; shorten it.`;
  if (field === 'sourceUrl' && !(isWebLink(trimmed) && URL.canParse(trimmed))) {
    return 'The source URL must be a web address starting with http:// or https://, such as https://example.org/story.';
  }
  return null;
}

/** A date a page or file gave (an ISO timestamp, say) as YYYY-MM-DD, or null when it is none. */
export function publicationDateFrom(value: string | null | undefined): string | null {
  const day = value?.trim().slice(0, 10) ?? '';
  return isCalendarDate(day) ? day : null;
}

/** Pasted text's size in bytes as a file of it would be (UTF-8), without a TextEncoder. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Why pasted text cannot become a document, or null. */
export function pastedTextProblem(text: string): string | null {
  if (text.trim() === '') return 'There is no text to make a document of: paste some text first.';
  const bytes = utf8Length(text);
  if (bytes > MAX_DOCUMENT_BYTES) {
    return `The pasted text is ${(bytes / 1024 / 1024).toFixed(1)} MB; a document can be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB. Paste a shorter part.`;
  }
  return null;
}

/** The title a pasted text suggests: its first line with words, cut at a word near 80 characters. */
export function suggestedTitle(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
