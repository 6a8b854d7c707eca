// Files named on a command line: read here, in Node, from paths the user typed themselves.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError, type Change, type DocumentSummary, type ReadOptions } from '../../contract/api.js';
import { toApiError } from '../api-errors.js';
import { checkDocumentSize } from './index.js';

export interface OpenFileOutcome {
  filePath: string;
  document?: DocumentSummary;
  error?: string;
}

/** `limit`: MAX_DOCUMENT_BYTES for a document; an annotation file may be larger (limits.ts). */
export async function readUserFile(filePath: string, limit?: number): Promise<Uint8Array> {
  const stat = await fs.stat(filePath);
  if (!stat.isFile()) throw new ApiError('unsupported', `${path.basename(filePath)} is a folder, not a file. Open a document file instead.`);
  // Refuse a huge file before reading it all into memory.
  checkDocumentSize(path.basename(filePath), stat.size, limit);
  return fs.readFile(filePath);
}

/** What opening files needs of the service. */
export interface FileOpener {
  importBytes(fileName: string, bytes: Uint8Array, options: ReadOptions & { filePath?: string | null }): Promise<DocumentSummary>;
  applyChanges(changes: readonly Change[]): Promise<unknown>;
}

export async function openFilesFromPaths(service: FileOpener, filePaths: string[]): Promise<OpenFileOutcome[]> {
  const outcomes: OpenFileOutcome[] = [];
  for (const filePath of filePaths) {
    try {
      const bytes = await readUserFile(filePath);
      outcomes.push({ filePath, document: await service.importBytes(path.basename(filePath), bytes, { filePath: path.resolve(filePath) }) });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${filePath} does not exist.` : toApiError(error).message;
      outcomes.push({ filePath, error: reason });
    }
  }
  const last = [...outcomes].reverse().find((outcome) => outcome.document);
  if (last?.document) await service.applyChanges([{ kind: 'setLastDocument', documentId: last.document.id }]);
  return outcomes;
}
