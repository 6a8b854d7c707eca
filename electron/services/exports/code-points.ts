// Offsets for Python tools. Our spans count UTF-16 code units (JavaScript's strings); Python's
// str counts code points, so an emoji before a quote would shift it by one in spaCy or doccano.

/** A converter from UTF-16 offsets in `text` to code-point offsets, fast for many spans. */
export function codePointOffsets(text: string): (utf16: number) => number {
  // Where each astral character (two code units, one code point) begins.
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  return (utf16) => {
    // Pairs wholly before the offset each count one unit too many.
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[mid]! + 1 < utf16) low = mid + 1;
      else high = mid;
    }
    return utf16 - low;
  };
}
