// A new document joins the workspace: read from a file (a transcript brings its speakers) or
// pasted as text. A text already there is found again, not added twice.
import { promises as fs } from 'node:fs';
import { ApiError, TRANSCRIPT_FORMATS, type DocumentSummary } from '../../contract/api.js';
import type { TouchedEntities } from '../changes/change-batch.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { baseNameOf } from './checks.js';
import { normalizeText, type ReadDocument } from './index.js';
import { addTranscriptSpeakers } from './transcript-speakers.js';

/** What intake needs of the service: its store, its one-at-a-time queue, its checks and hooks. */
export interface IntakeOwner {
  readonly store: WorkspaceStore;
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  requireWritable(): void;
  notifyDurable(touched: TouchedEntities): void;
}

const fileExists = (filePath: string) => fs.stat(filePath).then(
  () => true,
  () => false,
);

export async function addReadDocument(owner: IntakeOwner, fileName: string, read: ReadDocument, filePath: string | null): Promise<DocumentSummary> {
  owner.requireWritable();
  const { store } = owner;
  const baseName = baseNameOf(fileName);
  const { document, created } = await store.addDocument(baseName, read.title, read.text, {
    format: read.format,
    encoding: read.encoding,
    encodingDetected: read.encodingDetected,
    sourceUrl: read.sourceUrl,
    filePath,
    pageStarts: read.pageStarts,
    headline: read.headline,
    outlet: read.outlet,
    byline: read.byline,
    publishedOn: read.publishedOn,
  });
  if (!created && filePath && document.filePath !== filePath && !(document.filePath && (await fileExists(document.filePath)))) {
    // The same text opened from a path links a document that had none, or whose file is gone;
    // a copy elsewhere does not take over a link that still works.
    const { format, encoding, encodingDetected, sourceUrl } = read;
    Object.assign(document, { filePath, fileName: baseName, format, encoding, encodingDetected, sourceUrl: sourceUrl ?? document.sourceUrl });
    await store.saveWorkspace();
  }
  if (TRANSCRIPT_FORMATS.includes(document.format)) await owner.exclusive(() => addTranscriptSpeakers(store, read.text));
  owner.notifyDurable({ documentIds: [document.id] });
  return { ...document };
}

/**
 * Pasted text becomes a 'text' document, normalized as a text file is (so pasting a file's
 * text finds that file's document). Its file name follows the title, for exports that name files.
 */
export async function addPastedDocument(owner: IntakeOwner, title: string, text: string, sourceUrl?: string | null): Promise<DocumentSummary> {
  owner.requireWritable();
  const normalized = normalizeText(text);
  if (normalized.trim() === '') throw new ApiError('empty-file', 'There is no text to make a document of: paste some text first.');
  const name = title.trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 100) || 'Pasted text';
  const { document } = await owner.store.addDocument(`${name}.txt`, title.trim(), normalized, {
    format: 'text',
    encoding: 'utf-8',
    encodingDetected: false,
    sourceUrl: sourceUrl?.trim() || null,
  });
  owner.notifyDurable({ documentIds: [document.id] });
  return { ...document };
}
