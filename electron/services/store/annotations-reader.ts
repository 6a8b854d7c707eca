// Reading a document's highlights as they are on disk: its annotations file, then its journal's
// batches after it (annotations-journal.ts). A file that fails to parse, or a journal that does
// not carry on from it, throws a StoreFileError, as a damaged store file does.
import { promises as fs } from 'node:fs';
import { journalFileOf, replayJournal, type JournalOnDisk } from './annotations-journal.js';
import { DurableJSONFile } from './durable-json-file.js';
import { migrateAnnotationsFile, type AnnotationsFile } from './store-migrations.js';
import { SCHEMA_VERSION } from '../../contract/api.js';

export async function readAnnotations(
  filePath: string,
  /** Its textHash is read after beforeMigrate, which may change it. */
  doc: { id: string; textHash: string },
  /** Called with the parsed file before it is migrated (the document may follow its text hash). */
  beforeMigrate?: (raw: unknown) => Promise<void>,
): Promise<{ raw: unknown; data: AnnotationsFile | null; journal: JournalOnDisk }> {
  const raw = await new DurableJSONFile<AnnotationsFile>(filePath).read();
  if (raw !== null) await beforeMigrate?.(raw);
  let data = raw === null ? null : migrateAnnotationsFile(filePath, raw, doc.id, doc.textHash);
  const journalFile = journalFileOf(filePath);
  let text: string;
  try {
    text = await fs.readFile(journalFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { raw, data, journal: { seq: data?.journalSeq ?? 0, lines: 0, bytes: 0 } };
    throw error;
  }
  data ??= { schemaVersion: SCHEMA_VERSION, documentId: doc.id, textHash: doc.textHash, annotations: [], orphans: [] };
  // Lines name the text the file was on when they were saved, whatever the document names now.
  const fileHash = (raw as { textHash?: unknown } | null)?.textHash;
  const { seq, lines } = replayJournal(journalFile, text, data, typeof fileHash === 'string' ? fileHash : data.textHash);
  return { raw, data, journal: { seq, lines, bytes: Buffer.byteLength(text) } };
}
