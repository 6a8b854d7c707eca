// The first reader (UTF-8 .txt and .md only), kept for callers not yet moved to
// documents/readDocument, which reads every format and encoding and is the one source of truth.
import { ApiError } from '../contract/api.js';
import { readTextDocument } from './documents/index.js';
import { baseNameOf, extensionOf } from './documents/checks.js';

export { checkDocumentSize, firstInvalidUtf8Offset, normalizeText } from './documents/index.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md'];

export interface ReadDocument {
  title: string;
  text: string;
}

export function readDocumentBytes(fileName: string, bytes: Uint8Array): ReadDocument {
  const baseName = baseNameOf(fileName);
  if (!SUPPORTED_EXTENSIONS.includes(extensionOf(baseName))) {
    throw new ApiError('unsupported', `"${baseName}" is not a text file this version can open. Open a .txt or .md file instead.`);
  }
  const { title, text } = readTextDocument(baseName, bytes, { encoding: 'utf-8' });
  return { title, text };
}
