import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithOffsets } from '../../../../electron/services/documents/normalize.js';
import { normalizeWithOffsets as importersNormalize } from '../../../../electron/services/imports/plan.js';

describe('normalizeWithOffsets', () => {
  it('is the one the importers use', () => {
    expect(importersNormalize).toBe(normalizeWithOffsets);
  });

  it('drops a leading BOM, turns CRLF and lone CR into \\n, and keeps a BOM inside the text', () => {
    const { text } = normalizeWithOffsets('\uFEFFone\r\ntwo\rthree\nfour\uFEFF');
    expect(text).toBe('one\ntwo\nthree\nfour\uFEFF');
    expect(normalizeText('\uFEFFa\r\n\r\nb')).toBe('a\n\nb');
  });

  it('leaves text that needs nothing as the very same string', () => {
    const text = 'Already normal.\nSecond line.';
    expect(normalizeText(text)).toBe(text);
  });

  it('maps UTF-16 offsets past a BOM and CRLFs to the same characters in the normalized text', () => {
    const original = '\uFEFFSaid:\r\n“We will win,”\r\nshe said.\rEnd';
    const { text, fromUtf16 } = normalizeWithOffsets(original);
    for (const word of ['Said', 'We will win', 'she said', 'End']) {
      const start = original.indexOf(word);
      const mapped = fromUtf16(start)!;
      expect(text.slice(mapped, fromUtf16(start + word.length)!)).toBe(word);
    }
    // Both halves of a CRLF map to where its \n now is.
    const crlf = original.indexOf('\r\n');
    expect(fromUtf16(crlf)).toBe(fromUtf16(crlf + 1));
    expect(text[fromUtf16(crlf)!]).toBe('\n');
    expect(fromUtf16(original.length)).toBe(text.length);
    expect(fromUtf16(original.length + 1)).toBeNull();
    expect(fromUtf16(-1)).toBeNull();
    expect(fromUtf16(1.5)).toBeNull();
  });

  it('maps code-point offsets (as Python counts) across emoji, a BOM and CRLF', () => {
    const original = '\uFEFF😀 Live\r\n🔴 “quote” end';
    const codePoints = [...original];
    const { text, fromCodePoint } = normalizeWithOffsets(original);
    const cpStart = codePoints.indexOf('“');
    const cpEnd = cpStart + [...'“quote”'].length;
    expect(text.slice(fromCodePoint(cpStart)!, fromCodePoint(cpEnd)!)).toBe('“quote”');
    expect(fromCodePoint(codePoints.length)).toBe(text.length);
    expect(fromCodePoint(codePoints.length + 1)).toBeNull();
    expect(fromCodePoint(-1)).toBeNull();
  });

  it('counts a lone surrogate as one code point, as Python does', () => {
    const original = 'a\uD800b';
    const { fromCodePoint } = normalizeWithOffsets(original);
    expect(fromCodePoint(2)).toBe(2);
    expect(fromCodePoint(3)).toBe(3);
  });
});
