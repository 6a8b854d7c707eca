// Refusals shared by every format: too large, empty, blank, binary.
import { ApiError, MAX_DOCUMENT_BYTES } from '../../contract/api.js';

/** The file's name without its folder (either slash: names may come from Windows). */
export const baseNameOf = (fileName: string): string => fileName.replace(/^.*[\\/]/, '');

/** The ending that decides the format, lower-case with its dot ('' when there is none). */
export const extensionOf = (fileName: string): string => {
  const name = baseNameOf(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

export function formatBytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as the limit itself.
  return bytes >= 1024 * 1024 ? `${(Math.ceil(bytes / 104_857.6) / 10).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function checkDocumentSize(fileName: string, size: number, limit = MAX_DOCUMENT_BYTES): void {
  if (size > limit) {
    throw new ApiError(
      'too-large',
      `"${fileName}" is ${formatBytes(size)}; the limit is ${formatBytes(limit)}. ` +
        'Split it into smaller files and open those.',
    );
  }
}

export function refuseEmpty(fileName: string): never {
  throw new ApiError('empty-file', `"${fileName}" is empty, so there is nothing to annotate. Check that you chose the right file.`);
}

export function refuseBlank(fileName: string): never {
  throw new ApiError('empty-file', `"${fileName}" holds only blank space, so there is nothing to annotate. Check that you chose the right file.`);
}

export function refuseBinary(fileName: string): never {
  throw new ApiError(
    'binary-file',
    `"${fileName}" looks like a binary file, not text. Open a text, Markdown, web page (.html), Word (.docx), PDF (.pdf) or subtitle (.srt, .vtt) file.`,
  );
}

const isControl = (c: number) => c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12;

/** Binary files have NUL bytes or many control characters; single-byte and UTF-8 text almost never does. */
export function bytesLookBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isControl(byte)) control++;
  }
  return control > sample.length * 0.1;
}

/** The same test on decoded text, for UTF-16 (whose bytes are full of NULs when it is text). */
export function textLooksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (isControl(c)) control++;
  }
  return control > sample.length * 0.1;
}
