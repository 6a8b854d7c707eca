// A .docx is a zip: before anything inflates it, what it expands to is held to the same limit as
// a plain text file, and to a ratio no real Word file reaches.
import { inflateRawSync } from 'node:zlib';
import { ApiError, MAX_DOCUMENT_BYTES } from '../../contract/api.js';
import { formatBytes } from './checks.js';

/**
 * Word's XML deflates 5 to 20 times, and pictures hardly at all; deflate itself cannot pass about
 * 1,030 to 1. Past 100 to 1 a file is built to expand, not written — but a small file may expand
 * as it likes, so the ratio only counts past RATIO_FLOOR_BYTES.
 */
export const MAX_EXPANSION_RATIO = 100;
const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

function refuseDamaged(fileName: string): never {
  throw new ApiError('unsupported', `"${fileName}" is not a Word document or is damaged; open it in Word and save it again as .docx.`);
}

/** The zip's central directory, read from its end record; null when the bytes are not a zip. */
function centralDirectory(bytes: Buffer): Entry[] | null {
  // The end record is 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Refuses a .docx whose parts, as its central directory declares them, pass MAX_DOCUMENT_BYTES or
 * MAX_EXPANSION_RATIO; then inflates each part capped at its declared size (and throws the output
 * away), so a directory that under-reports cannot slip a bigger part past the check.
 */
export function checkZipExpansion(fileName: string, bytes: Buffer): void {
  const entries = centralDirectory(bytes);
  if (!entries) return; // not a zip: the reader says it is damaged
  // 0xFFFFFFFF means "see the zip64 record": 4 GB or more, far past the limit anyway.
  const declared = entries.reduce((sum, entry) => sum + (entry.size === 0xffffffff ? Infinity : entry.size), 0);
  if (declared > MAX_DOCUMENT_BYTES) {
    const size = Number.isFinite(declared) ? formatBytes(declared) : 'more than 4 GB';
    throw new ApiError(
      'too-large',
      `"${fileName}" unzips to ${size} of text and markup; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)}, as for any document. ` +
        'Split it into smaller files and open those.',
    );
  }
  if (declared > RATIO_FLOOR_BYTES && declared > bytes.length * MAX_EXPANSION_RATIO) {
    throw new ApiError(
      'too-large',
      `"${fileName}" expands more than ${MAX_EXPANSION_RATIO} times when unzipped, which no real Word document does; it may be built to overload the computer. ` +
        'Open it in Word and save it again as .docx, or save it as text and open that.',
    );
  }
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) continue; // the reader refuses what it cannot unpack
    const header = entry.localHeader;
    if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== 0x04034b50) refuseDamaged(fileName);
    const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (data.length !== entry.size) refuseDamaged(fileName);
      continue;
    }
    try {
      // One byte over the declared size is enough to know the directory lies.
      inflateRawSync(data, { maxOutputLength: entry.size + 1, finishFlush: 2 /* Z_SYNC_FLUSH: a cut-off part still measures */ });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ApiError(
          'unsupported',
          `"${fileName}" is damaged or built to overload the computer: "${entry.name}" inside it unzips to more than the size it declares. ` +
            'Open it in Word and save it again as .docx.',
        );
      }
      // Other inflate errors: a damaged part, which the reader refuses in its own words.
    }
  }
}
