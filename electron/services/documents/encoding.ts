// Bytes to text in one of the encodings the contract supports. Nothing is ever dropped or
// replaced: a byte that is not a character in the encoding is refused, with its position.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ApiError, ENCODING_NAMES, TEXT_ENCODINGS, type TextEncoding } from '../../contract/api.js';
import { bytesLookBinary, refuseBinary, refuseEmpty, textLooksBinary, checkDocumentSize } from './checks.js';

export interface DecodedText {
  /** Not yet normalized: a BOM may still lead it and newlines are as in the file. */
  text: string;
  encoding: TextEncoding;
  /** True when guessed from the bytes; false when the user chose it or the file declared it. */
  encodingDetected: boolean;
}


const SUPPORTED_LIST = 'UTF-8, UTF-16 (LE or BE), Windows-1252 and ISO-8859-1';

export const isTextEncoding = (name: string): name is TextEncoding => (TEXT_ENCODINGS as readonly string[]).includes(name);

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Byte offset of the first sequence that is not valid UTF-8, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The text, or null when the bytes are not UTF-8 (the native decoder is fast; we find where only when it fails). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the invalid sequence at `at` is a well-begun character that the end of the file cut short. */
function cutOffByEnd(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at]!;
  const need = lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xc2 && lead <= 0xdf ? 1 : 0;
  if (need === 0 || at + need < bytes.length) return false;
  for (let k = at + 1; k < bytes.length; k++) {
    const c = bytes[k]!;
    // The second byte's range depends on the lead (no overlongs, surrogates or > U+10FFFF).
    const [low, high] = k > at + 1 ? [0x80, 0xbf] : lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (c < low || c > high) return false;
  }
  return true;
}

function refuseTruncated(fileName: string, bytes: Uint8Array, at: number): never {
  const missing = bytes.length - at;
  throw new ApiError(
    'not-utf8',
    `"${fileName}" ends in the middle of a UTF-8 character: the last ${missing === 1 ? 'byte' : `${missing} bytes`}, from position ${at}, ` +
      'are the start of a character whose rest is missing, so the file was probably cut off while it was copied or downloaded. ' +
      'Check that the whole file was saved, then open it again.',
  );
}

function refuseNotUtf8(fileName: string, bytes: Uint8Array, at: number, why: string): never {
  throw new ApiError(
    'not-utf8',
    `"${fileName}" is not valid UTF-8${why}: the byte at position ${at} (${hex(bytes[at]!)}) is not part of a UTF-8 character. ` +
      `Save it as UTF-8 in your text editor and open it again, or choose another encoding (${hasC1Bytes(bytes) ? 'Windows-1252' : 'ISO-8859-1'} is common for older files).`,
  );
}

/** Bytes 0x80–0x9F: printable in Windows-1252 (curly quotes, €), control codes in ISO-8859-1. */
function hasC1Bytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true;
  return false;
}

const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function firstUndefinedIn1252(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (WINDOWS_1252_UNDEFINED.has(bytes[i]!)) return i;
  return -1;
}

/** The position of the first byte of a UTF-16 code unit that is half a surrogate pair, or -1. */
function firstUnpairedSurrogate(bytes: Uint8Array, bigEndian: boolean): number {
  const unit = (i: number) => (bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return -1;
}

function bomOf(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM, when its NULs say so. UTF-8 and one-byte text never hold NULs; Latin
 * text in UTF-16LE has one in most odd bytes and (almost) none in the even ones, BE the other
 * way round. Cyrillic or Greek UTF-16 has NULs only in its spaces and punctuation, the rest of
 * its high bytes being one script block (0x04 for Cyrillic): that counts too.
 */
export function utf16ByNulPattern(bytes: Uint8Array): TextEncoding | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024) & ~1);
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  const highBytes = [new Uint32Array(256), new Uint32Array(256)]; // by parity: [even, odd]
  for (let i = 0; i < sample.length; i += 2) {
    highBytes[0]![sample[i]!]!++;
    highBytes[1]![sample[i + 1]!]!++;
  }
  for (const [parity, encoding] of [[1, 'utf-16le'], [0, 'utf-16be']] as const) {
    const nuls = highBytes[parity]![0]!;
    const otherNuls = highBytes[1 - parity]![0]!;
    // A few NULs on the other side are allowed: an emoji's low surrogate can hold one.
    if (nuls === 0 || otherNuls * 8 > nuls) continue;
    if (nuls >= pairs * 0.3) return encoding;
    const commonBlock = Math.max(...highBytes[parity]!.subarray(1));
    if (nuls >= pairs * 0.05 && nuls + commonBlock >= pairs * 0.8) return encoding;
  }
  return null;
}

/** The UTF-16 byte order a BOM or the NUL pattern suggests, if the bytes then read as text. */
function readableUtf16(bytes: Uint8Array): TextEncoding | null {
  const bom = bomOf(bytes);
  const guess = bom === 'utf-16le' || bom === 'utf-16be' ? bom : utf16ByNulPattern(bytes);
  if (!guess || bytes.length % 2 === 1 || firstUnpairedSurrogate(bytes, guess === 'utf-16be') >= 0) return null;
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 128 * 1024));
  return textLooksBinary(iconv.decode(sample, guess)) ? null : guess;
}

/** Decodes exactly as asked, or refuses with the position of the first byte that does not fit. */
function decodeAs(fileName: string, bytes: Uint8Array, encoding: TextEncoding, why: string): string {
  const name = ENCODING_NAMES[encoding];
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (bytes.length % 2 === 1) {
      throw new ApiError(
        'bad-encoding',
        `"${fileName}" is not ${name} text${why}: it has an odd number of bytes (${bytes.length}), so the last byte, at position ${bytes.length - 1}, is half a character. ` +
          'Choose another encoding, such as UTF-8.',
      );
    }
    const unpaired = firstUnpairedSurrogate(bytes, encoding === 'utf-16be');
    if (unpaired >= 0) {
      throw new ApiError(
        'bad-encoding',
        `"${fileName}" is not ${name} text${why}: the two bytes at position ${unpaired} are half of a character (an unpaired surrogate). ` +
          `Choose another encoding, such as ${encoding === 'utf-16le' ? 'UTF-16BE' : 'UTF-16LE'} or UTF-8.`,
      );
    }
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
    if (textLooksBinary(text)) refuseBinary(fileName);
    return text;
  }
  // UTF-16 read as a one-byte encoding would be all NULs: say what it really is.
  const utf16 = readableUtf16(bytes);
  if (utf16) {
    throw new ApiError(
      'bad-encoding',
      `"${fileName}" is ${ENCODING_NAMES[utf16]} text, not ${name} (${bomOf(bytes) ? 'it starts with a UTF-16 byte order mark' : 'the NUL bytes between its letters say so'}). Choose ${ENCODING_NAMES[utf16]} instead.`,
    );
  }
  if (bytesLookBinary(bytes)) refuseBinary(fileName);
  if (encoding === 'utf-8') {
    const text = strictUtf8(bytes);
    if (text !== null) return text;
    const invalid = firstInvalidUtf8Offset(bytes);
    if (cutOffByEnd(bytes, invalid)) refuseTruncated(fileName, bytes, invalid);
    refuseNotUtf8(fileName, bytes, invalid, why);
  }
  if (encoding === 'windows-1252') {
    const undefinedAt = firstUndefinedIn1252(bytes);
    if (undefinedAt >= 0) {
      throw new ApiError(
        'bad-encoding',
        `"${fileName}" is not Windows-1252 text${why}: the byte at position ${undefinedAt} (${hex(bytes[undefinedAt]!)}) is not a character in Windows-1252. ` +
          'Choose another encoding, such as ISO-8859-1 or UTF-8.',
      );
    }
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

// Detector answers that are text we read as Windows-1252 / ISO-8859-1: for Western text the
// detector often names a neighbouring Latin code page (1250, 8859-2, ...) with a near score.
const LATIN_GUESS = /^(ASCII|UTF-8|ISO-8859-(1|2|3|4|9|10|13|14|15|16)|windows-125[02478])$/i;

/**
 * The detector's best guess when it is a script we cannot read (Cyrillic, Japanese, ...), else
 * null. The detector alone mistakes short Western text for Shift_JIS, so it is believed only
 * when the bytes look like such a script too: many high bytes, making up much of the letters
 * (accents in Western languages are a few letters in a hundred).
 */
function unsupportedGuess(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 256 * 1024);
  let high = 0;
  let asciiLetters = 0;
  for (const b of sample) {
    if (b >= 0x80) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++;
  }
  if (high < 16 || high < (high + asciiLetters) * 0.3) return null;
  const guesses = chardet.analyse(sample);
  const top = guesses[0];
  if (!top || LATIN_GUESS.test(top.name)) return null;
  const bestLatin = guesses.find((g) => LATIN_GUESS.test(g.name));
  return !bestLatin || top.confidence > bestLatin.confidence ? top.name : null;
}

/** A charset label a web page declares, as one of ours; undefined when we cannot read it. */
export function encodingForLabel(label: string, bytes: Uint8Array): TextEncoding | undefined {
  const name = label.trim().toLowerCase();
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'].includes(name)) return 'utf-8';
  // A page that can declare UTF-16 in ASCII is not UTF-16; browsers read it as UTF-8 too.
  if (['utf-16', 'utf-16le', 'utf-16be', 'unicode', 'ucs-2'].includes(name)) return 'utf-8';
  if (['windows-1252', 'cp1252', 'x-cp1252'].includes(name)) return 'windows-1252';
  // Browsers read pages labelled Latin-1 or ASCII as Windows-1252; both agree outside 0x80–0x9F.
  if (['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso_8859-1:1987', 'latin1', 'l1', 'cp819', 'ibm819', 'csisolatin1', 'iso-ir-100', 'us-ascii', 'ascii', 'ansi_x3.4-1968'].includes(name)) {
    return hasC1Bytes(bytes) ? 'windows-1252' : 'iso-8859-1';
  }
  return undefined;
}

export interface DecodeOptions {
  /** The user's choice; decodes as asked or refuses. */
  encoding?: TextEncoding;
  /** A charset the file declares in itself (a web page's <meta charset>), used when there is no BOM. */
  declared?: string | null;
  /** What to call the declaration in messages. */
  declaredWhere?: string;
}

export function decodeDocumentBytes(fileName: string, bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  checkDocumentSize(fileName, bytes.length);
  if (bytes.length === 0) refuseEmpty(fileName);
  if (options.encoding) {
    return { text: decodeAs(fileName, bytes, options.encoding, ''), encoding: options.encoding, encodingDetected: false };
  }
  const bom = bomOf(bytes);
  if (bom) return { text: decodeAs(fileName, bytes, bom, `, although it starts with a ${ENCODING_NAMES[bom]} byte order mark`), encoding: bom, encodingDetected: false };
  if (options.declared) {
    const declared = encodingForLabel(options.declared, bytes);
    if (!declared) {
      throw new ApiError(
        'bad-encoding',
        `"${fileName}" says it is in ${options.declared} (${options.declaredWhere ?? 'its own declaration'}), which this version cannot read; it reads ${SUPPORTED_LIST}. ` +
          'Save it as UTF-8 and open it again, or choose one of those encodings if you know it is one.',
      );
    }
    return { text: decodeAs(fileName, bytes, declared, `, although ${options.declaredWhere ?? 'it'} says it is ${options.declared}`), encoding: declared, encodingDetected: false };
  }
  const utf16 = readableUtf16(bytes);
  if (utf16) return { text: decodeAs(fileName, bytes, utf16, ''), encoding: utf16, encodingDetected: true };
  if (bytesLookBinary(bytes)) refuseBinary(fileName);

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', encodingDetected: true };
  const invalid = firstInvalidUtf8Offset(bytes);
  // A cut-off character at the very end is truncated UTF-8 when something says it is UTF-8:
  // an earlier multi-byte character, or continuation bytes after the cut lead byte. A lone é
  // (0xE9) ending a Latin-1 file is just that.
  if (cutOffByEnd(bytes, invalid) && (invalid < bytes.length - 1 || bytes.subarray(0, invalid).some((b) => b >= 0x80))) {
    refuseTruncated(fileName, bytes, invalid);
  }
  // Everything before the first bad byte is valid UTF-8; if it holds UTF-8 characters, this is a
  // UTF-8 file with a damaged byte, and reading it all as Latin-1 would garble every accent.
  if (bytes.subarray(0, invalid).some((b) => b >= 0x80)) {
    throw new ApiError(
      'not-utf8',
      `"${fileName}" is UTF-8 text with a damaged byte: the byte at position ${invalid} (${hex(bytes[invalid]!)}) is not part of a UTF-8 character. ` +
        'Open it in a text editor, fix or retype the text around that place, and save it as UTF-8 again.',
    );
  }
  const guess = unsupportedGuess(bytes);
  if (guess) {
    throw new ApiError(
      'bad-encoding',
      `"${fileName}" looks like ${guess} text, which this version cannot read (the first byte that is not UTF-8 is at position ${invalid}). ` +
        `It reads ${SUPPORTED_LIST}. Save it as UTF-8 in your text editor and open it again, or choose one of those encodings if you know it is one.`,
    );
  }
  const latin: TextEncoding = hasC1Bytes(bytes) ? 'windows-1252' : 'iso-8859-1';
  const undefinedAt = latin === 'windows-1252' ? firstUndefinedIn1252(bytes) : -1;
  if (undefinedAt >= 0) {
    throw new ApiError(
      'bad-encoding',
      `"${fileName}" is neither UTF-8 (the first byte that is not UTF-8 is at position ${invalid}) nor Windows-1252 (the byte at position ${undefinedAt}, ${hex(bytes[undefinedAt]!)}, is not a character in it). ` +
        `It reads ${SUPPORTED_LIST}. Choose the encoding it was saved in, or save it as UTF-8 in your text editor and open it again.`,
    );
  }
  return { text: decodeAs(fileName, bytes, latin, ''), encoding: latin, encodingDetected: true };
}
