// A document's source file, as opposed to its saved snapshot: checked for changes (while it is
// open, and between runs by its text's hash), relinked when it moved, re-read in another
// encoding. Whenever the text differs, every highlight is re-anchored; none is silently lost.
import { promises as fs } from 'node:fs';
import { ApiError, UNENCODED_FORMATS, type ReanchorReport, type SourceState, type TextEncoding } from '../../contract/api.js';
import { FORMAT_LABELS } from './reader.js';
import { reanchorAnnotations } from '../anchoring/reanchor.js';
import { baseNameOf } from './checks.js';
import { readDocument, type ReadDocument } from './index.js';
import { toApiError } from '../api-errors.js';
import { readUserFile } from './open-files.js';
import { sha256, type StoredDocument, type WorkspaceStore } from '../store/workspace-store.js';

/** What the sources need of the service: its store, its one-at-a-time queue, its read-only check. */
export interface SourceOwner {
  readonly store: WorkspaceStore;
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  requireWritable(): void;
}

export interface RereadResult {
  document: StoredDocument;
  report: ReanchorReport | null;
}

/** The pages follow the text: a new PDF's pages, none when the file is no longer paged. */
function setPageStarts(doc: StoredDocument, read: ReadDocument): void {
  if (read.pageStarts) doc.pageStarts = read.pageStarts;
  else delete doc.pageStarts;
}

/** The file's size and time as last read: an unchanged file is not read again. */
const fingerprint = (stat: { mtimeMs: number; size: number }) => `${stat.mtimeMs}:${stat.size}`;

export class DocumentSources {
  private readonly lastRead = new Map<string, string>();

  constructor(private readonly service: SourceOwner) {}

  /** Reads the linked file again if it changed since it was last read, and re-anchors. */
  check(doc: StoredDocument): Promise<SourceState> {
    return this.service.exclusive(async () => {
      if (!doc.filePath) return { state: 'unlinked', report: null, problem: null };
      // Loading the highlights first finds a damaged annotations file (read-only) before any work.
      await this.service.store.annotations(doc);
      let stat;
      try {
        stat = await fs.stat(doc.filePath);
      } catch {
        this.lastRead.delete(doc.id);
        return { state: 'missing', report: null, problem: null };
      }
      // Nothing can be saved while read-only, so a changed file waits until a backup is restored.
      if (this.service.store.readOnly || this.lastRead.get(doc.id) === fingerprint(stat)) return { state: 'linked', report: null, problem: null };
      let read: ReadDocument;
      try {
        read = await readDocument(doc.fileName, await readUserFile(doc.filePath), { encoding: doc.encodingDetected ? undefined : doc.encoding });
      } catch (error) {
        // Say it once per version of the file, not on every check.
        this.lastRead.set(doc.id, fingerprint(stat));
        const reason = toApiError(error).message;
        return { state: 'linked', report: null, problem: `${doc.fileName} changed on disk, but it cannot be read now: ${reason} The saved copy is shown.` };
      }
      this.lastRead.set(doc.id, fingerprint(stat));
      if (sha256(read.text) === doc.textHash) return { state: 'linked', report: null, problem: null };
      return { state: 'linked', report: await this.replaceText(doc, read), problem: null };
    });
  }

  /** Points the document at a file the user chose (dialog, upload) and takes its text. */
  relink(doc: StoredDocument, fileName: string, bytes: Uint8Array, filePath: string | null): Promise<RereadResult> {
    return this.service.exclusive(async () => {
      this.service.requireWritable();
      const read = await readDocument(fileName, bytes);
      const { format, encoding, encodingDetected } = read;
      Object.assign(doc, { fileName: baseNameOf(fileName), filePath, format, encoding, encodingDetected, sourceUrl: read.sourceUrl ?? doc.sourceUrl });
      setPageStarts(doc, read);
      if (filePath) {
        const stat = await fs.stat(filePath).catch(() => null);
        if (stat) this.lastRead.set(doc.id, fingerprint(stat));
      }
      const report = sha256(read.text) === doc.textHash ? null : await this.replaceText(doc, read);
      await this.service.store.saveWorkspace();
      return { document: doc, report };
    });
  }

  /** Reads the document again as `encoding`, from its file or from the bytes the window sent. */
  reread(doc: StoredDocument, encoding: TextEncoding, bytes?: Uint8Array): Promise<RereadResult> {
    return this.service.exclusive(async () => {
      this.service.requireWritable();
      if (UNENCODED_FORMATS.includes(doc.format)) {
        throw new ApiError('bad-request', `"${doc.fileName}" is a ${FORMAT_LABELS[doc.format]}: its text does not depend on an encoding, so there is none to choose. Use "Locate file…" to read the file again.`);
      }
      if (!bytes) {
        if (!doc.filePath) {
          throw new ApiError('not-found', `The window has to send "${doc.fileName}" again: this workspace does not know where the file is. Choose it when asked.`);
        }
        try {
          bytes = await readUserFile(doc.filePath);
        } catch {
          throw new ApiError('not-found', `${doc.filePath} is missing, so it cannot be read again. Use "Locate file…" to say where it is now.`);
        }
      }
      const read = await readDocument(doc.fileName, bytes, { encoding });
      Object.assign(doc, { encoding: read.encoding, encodingDetected: false });
      const report = sha256(read.text) === doc.textHash ? null : await this.replaceText(doc, read);
      await this.service.store.saveWorkspace();
      return { document: doc, report };
    });
  }

  /** Takes the new text and re-anchors every highlight, orphans included, against it. */
  private async replaceText(doc: StoredDocument, read: ReadDocument): Promise<ReanchorReport> {
    this.service.requireWritable();
    const store = this.service.store;
    if (doc.format !== read.format || (read.sourceUrl && doc.sourceUrl !== read.sourceUrl)) {
      Object.assign(doc, { format: read.format, sourceUrl: read.sourceUrl ?? doc.sourceUrl });
    }
    setPageStarts(doc, read);
    return takeNewText(store, doc, read.text);
  }
}

/** A document's text is now `text` (its file changed, or the team's copy did): every highlight, orphans included, re-anchored on it. */
export async function takeNewText(store: WorkspaceStore, doc: StoredDocument, text: string): Promise<ReanchorReport> {
  const [annotations, orphans] = await Promise.all([store.annotations(doc), store.orphans(doc)]);
  const outcome = reanchorAnnotations(text, [...annotations, ...orphans]);
  doc.annotationCount = outcome.annotations.length;
  await store.replaceText(doc, text, outcome);
  return outcome.report;
}
