// Span rules both sides of the contract share, so the screen and the store always agree.
import type { Annotation, AnnotationColumns } from './api.js';

/** Characters of context kept on each side of a span so it can be found again later. */
export const CONTEXT_LENGTH = 32;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The text either side of a span, never cutting an emoji or other surrogate pair in half. */
export function spanContext(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  return { prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

interface OrderedSpan {
  id: string;
  start: number;
  end: number;
}

/** Text order: by start, then the longer (outer) span first, then by id so the order is total. */
export function compareSpans(a: OrderedSpan, b: OrderedSpan): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Index at which `span` belongs in a list kept in text order. */
export function sortedIndex(list: readonly OrderedSpan[], span: OrderedSpan): number {
  return firstIndexNotBefore(list.length, (i) => compareSpans(list[i]!, span) < 0);
}

/** Binary search over an ordered list of `length`: the first index that `isBefore` says is not before. */
export function firstIndexNotBefore(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isInTextOrder(list: readonly OrderedSpan[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareSpans(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

export function toAnnotationColumns(annotations: readonly Annotation[]): AnnotationColumns {
  const columns: AnnotationColumns = { ids: [], labelIds: [], starts: [], ends: [], speakerIds: [], notes: [], authors: [], authorIds: [], extras: [], createdAt: [], updatedAt: [] };
  for (const a of annotations) {
    columns.ids.push(a.id);
    columns.labelIds.push(a.labelId);
    columns.starts.push(a.start);
    columns.ends.push(a.end);
    columns.speakerIds.push(a.speakerId);
    columns.notes.push(a.note);
    columns.authors.push(a.author);
    columns.authorIds.push(a.authorId ?? null);
    columns.extras.push(
      a.quoteKind || a.claim || a.anchor || a.layer
        ? {
            ...(a.quoteKind && { quoteKind: a.quoteKind }),
            ...(a.claim && { claim: a.claim }),
            ...(a.anchor && { anchor: a.anchor }),
            ...(a.layer && { layer: a.layer }),
            ...(a.curatedFrom && { curatedFrom: a.curatedFrom }),
          }
        : null,
    );
    columns.createdAt.push(a.createdAt);
    columns.updatedAt.push(a.updatedAt);
  }
  return columns;
}

/** Annotations again, with text, prefix and suffix sliced from the document's text. */
export function fromAnnotationColumns(columns: AnnotationColumns, documentId: string, text: string): Annotation[] {
  const annotations: Annotation[] = new Array(columns.ids.length);
  for (let i = 0; i < columns.ids.length; i++) {
    const start = columns.starts[i]!;
    const end = columns.ends[i]!;
    annotations[i] = {
      id: columns.ids[i]!,
      documentId,
      labelId: columns.labelIds[i]!,
      start,
      end,
      text: text.slice(start, end),
      ...spanContext(text, start, end),
      speakerId: columns.speakerIds[i] ?? null,
      note: columns.notes[i] ?? '',
      author: columns.authors[i] ?? '',
      ...(columns.authorIds[i] && { authorId: columns.authorIds[i]! }),
      ...columns.extras[i],
      createdAt: columns.createdAt[i]!,
      updatedAt: columns.updatedAt[i]!,
    };
  }
  return annotations;
}
