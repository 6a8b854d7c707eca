// Turns the bytes of a file the user chose into the normalized text every offset refers to,
// or refuses it with a message that says what is wrong and what to do.
import path from 'node:path';
import { ApiError, MAX_DOCUMENT_BYTES } from '../contract/api.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md'];

export interface ReadDocument {
  title: string;
  text: string;
}

/** Newlines as \n and no BOM, as the design's offsets require. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function formatBytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as the limit itself.
  return bytes >= 1024 * 1024 ? `${(Math.ceil(bytes / 104_857.6) / 10).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Binary files have NUL bytes or many control characters; text almost never does. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return control > sample.length * 0.1;
}

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

export function checkDocumentSize(fileName: string, size: number): void {
  if (size > MAX_DOCUMENT_BYTES) {
    throw new ApiError(
      'too-large',
      `"${fileName}" is ${formatBytes(size)}; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)}. ` +
        'Split it into smaller files and open those.',
    );
  }
}

export function readDocumentBytes(fileName: string, bytes: Uint8Array): ReadDocument {
  const baseName = path.basename(fileName.replace(/\\/g, '/'));
  const extension = path.extname(baseName).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(extension)) {
    throw new ApiError(
      'unsupported',
      `"${baseName}" is not a text file this version can open. Open a .txt or .md file instead.`,
    );
  }
  checkDocumentSize(baseName, bytes.length);
  if (bytes.length === 0) {
    throw new ApiError('empty-file', `"${baseName}" is empty, so there is nothing to annotate. Check that you chose the right file.`);
  }
  // UTF-16 text is full of NUL bytes; say what it is rather than calling it binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ApiError(
      'not-utf8',
      `"${baseName}" is UTF-16 text, which this version cannot read yet. Save it as UTF-8 in your text editor and open it again.`,
    );
  }
  if (looksBinary(bytes)) {
    throw new ApiError(
      'binary-file',
      `"${baseName}" looks like a binary file, not text. Open a plain-text (.txt) or Markdown (.md) file.`,
    );
  }
  const invalidAt = firstInvalidUtf8Offset(bytes);
  if (invalidAt >= 0) {
    throw new ApiError(
      'not-utf8',
      `"${baseName}" is not UTF-8 text (first invalid byte at position ${invalidAt}). ` +
        'Save it as UTF-8 in your text editor and open it again.',
    );
  }
  const text = normalizeText(new TextDecoder('utf-8').decode(bytes));
  if (text.trim().length === 0) {
    throw new ApiError('empty-file', `"${baseName}" holds only blank space, so there is nothing to annotate. Check that you chose the right file.`);
  }
  return { title: baseName.replace(/\.(txt|md)$/i, ''), text };
}
