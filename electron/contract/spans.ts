// Span rules both sides of the contract share, so the screen and the store always agree.

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
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareSpans(list[mid]!, span) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isInTextOrder(list: readonly OrderedSpan[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareSpans(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}
