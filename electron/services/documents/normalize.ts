// The one normalization every offset refers to (newlines as \n, no BOM: see README), with a map
// from positions in the original text to positions in the normalized one.

export interface NormalizedText {
  text: string;
  /** A UTF-16 offset in the original text to one in the normalized text. */
  fromUtf16: (offset: number) => number | null;
  /** A code-point offset in the original (as Python tools count) to a UTF-16 one in the normalized text. */
  fromCodePoint: (codePoint: number) => number | null;
}

export function normalizeWithOffsets(original: string): NormalizedText {
  // Only two things are removed (a leading BOM, the \r of each \r\n); a lone \r becomes \n in
  // place. Keeping just the removed positions keeps a 50 MB text cheap to normalize.
  const removed: number[] = [];
  if (original.charCodeAt(0) === 0xfeff) removed.push(0);
  let text: string;
  if (original.includes('\r')) {
    for (let i = original.indexOf('\r'); i !== -1; i = original.indexOf('\r', i + 1)) {
      if (original.charCodeAt(i + 1) === 10) removed.push(i);
    }
    text = (removed[0] === 0 ? original.slice(1) : original).replace(/\r\n?/g, '\n');
  } else {
    text = removed.length ? original.slice(1) : original;
  }

  const fromUtf16 = (offset: number): number | null => {
    if (!Number.isInteger(offset) || offset < 0 || offset > original.length) return null;
    // Removed characters before the offset: binary search in the sorted list.
    let low = 0;
    let high = removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (removed[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset - low;
  };

  let codePointStarts: Uint32Array | null = null;
  const fromCodePoint = (codePoint: number): number | null => {
    if (!Number.isInteger(codePoint) || codePoint < 0) return null;
    // Built on first use: only importers of Python offsets need it.
    codePointStarts ??= utf16OffsetsOfCodePoints(original);
    if (codePoint >= codePointStarts.length) return null;
    return fromUtf16(codePointStarts[codePoint]!);
  };

  return { text, fromUtf16, fromCodePoint };
}

/** Newlines as \n and no BOM, as the workspace's offsets require (README, "The workspace"). */
export function normalizeText(text: string): string {
  return normalizeWithOffsets(text).text;
}

/** The UTF-16 offset where each code point starts, plus the text's length at the end. */
function utf16OffsetsOfCodePoints(text: string): Uint32Array {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  const starts = new Uint32Array(count + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    starts[k++] = i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  starts[k] = text.length;
  return starts;
}
