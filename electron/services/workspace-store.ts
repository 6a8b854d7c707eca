// The workspace on disk: workspace.json (labels, speakers, documents, settings), one
// annotations file per document, and immutable text snapshots named by SHA-256.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { DEFAULT_LABELS, SCHEMA_VERSION, type Annotation, type Label, type Speaker } from '../contract/api.js';
import { CoalescingWriter, DurableJSONFile, StoreFileError, writeFileDurably } from './durable-json-file.js';

export interface StoredDocument {
  id: string;
  title: string;
  fileName: string;
  textHash: string;
  length: number;
  addedAt: string;
  annotationCount: number;
}

export interface WorkspaceFile {
  schemaVersion: number;
  labels: Label[];
  speakers: Speaker[];
  documents: StoredDocument[];
  settings: { lastDocumentId: string | null };
}

export interface AnnotationsFile {
  schemaVersion: number;
  documentId: string;
  textHash: string;
  annotations: Annotation[];
}

export const WORKSPACE_FILE = 'workspace.json';
export const ANNOTATIONS_DIR = 'annotations';
export const TEXTS_DIR = 'texts';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A document's id follows from its text, so the same text opened twice is one document. */
export function documentIdFor(textHash: string): string {
  return `doc-${textHash.slice(0, 16)}`;
}

function emptyWorkspace(): WorkspaceFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    labels: DEFAULT_LABELS.map((label) => ({ ...label })),
    speakers: [],
    documents: [],
    settings: { lastDocumentId: null },
  };
}

function refuseNewer(filePath: string, version: unknown): void {
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new StoreFileError(
      filePath,
      `${path.basename(filePath)} was written by a newer Newsroom Annotator (schema ${version}; this one reads up to ${SCHEMA_VERSION}). ` +
        'It was left untouched; update the app to open this workspace.',
    );
  }
}

/** Older or partial files are brought forward, never rejected. */
export function migrateWorkspaceFile(filePath: string, raw: unknown): WorkspaceFile {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new StoreFileError(filePath, `${path.basename(filePath)} does not hold a workspace object. It was left untouched.`);
  }
  const data = raw as Partial<WorkspaceFile>;
  refuseNewer(filePath, data.schemaVersion);
  const base = emptyWorkspace();
  return {
    schemaVersion: SCHEMA_VERSION,
    labels: Array.isArray(data.labels) && data.labels.length > 0 ? data.labels : base.labels,
    speakers: Array.isArray(data.speakers) ? data.speakers : [],
    documents: Array.isArray(data.documents) ? data.documents : [],
    settings: { ...base.settings, ...(data.settings ?? {}) },
  };
}

function migrateAnnotationsFile(filePath: string, raw: unknown, documentId: string, textHash: string): AnnotationsFile {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new StoreFileError(filePath, `${path.basename(filePath)} does not hold an annotations object. It was left untouched.`);
  }
  const data = raw as Partial<AnnotationsFile>;
  refuseNewer(filePath, data.schemaVersion);
  return {
    schemaVersion: SCHEMA_VERSION,
    documentId,
    textHash,
    annotations: Array.isArray(data.annotations) ? data.annotations : [],
  };
}

/**
 * Each highlight's JSON, kept from its last write. Highlights are never changed in place (the
 * service replaces the object), so a save re-serializes only what changed: saving one edit in a
 * 50,000-highlight transcript costs a join, not a full JSON.stringify on the main thread.
 */
const annotationJson = new WeakMap<Annotation, string>();

/** One highlight per line: cheap to write, and easy to read and diff. */
export function serializeAnnotationsFile(data: AnnotationsFile): string {
  const lines = data.annotations.map((annotation) => {
    let json = annotationJson.get(annotation);
    if (json === undefined) {
      json = JSON.stringify(annotation);
      annotationJson.set(annotation, json);
    }
    return json;
  });
  const header =
    `{\n  "schemaVersion": ${JSON.stringify(data.schemaVersion)},\n  "documentId": ${JSON.stringify(data.documentId)},\n` +
    `  "textHash": ${JSON.stringify(data.textHash)},\n  "annotations": [`;
  return lines.length ? `${header}\n    ${lines.join(',\n    ')}\n  ]\n}\n` : `${header}]\n}\n`;
}

export class WorkspaceStore {
  private readonly annotationDbs = new Map<string, Promise<Low<AnnotationsFile>>>();
  private readonly annotationWriters = new Map<string, CoalescingWriter>();
  private readonly textCache = new Map<string, string>();
  /** Imports under way, by text hash: the same text opened twice at once is still one document. */
  private readonly adding = new Map<string, Promise<{ document: StoredDocument; created: boolean }>>();
  private readonly workspaceWriter: CoalescingWriter;

  private constructor(
    readonly dir: string,
    private readonly db: Low<WorkspaceFile>,
  ) {
    this.workspaceWriter = new CoalescingWriter(() => this.db.write());
  }

  static async open(dir: string): Promise<WorkspaceStore> {
    const resolved = path.resolve(dir);
    await fs.mkdir(path.join(resolved, ANNOTATIONS_DIR), { recursive: true });
    await fs.mkdir(path.join(resolved, TEXTS_DIR), { recursive: true });
    const filePath = path.join(resolved, WORKSPACE_FILE);
    const adapter = new DurableJSONFile<WorkspaceFile>(filePath);
    // lowdb keeps its default data when the file is missing, so ask the disk, not lowdb.
    const existed = await fs.access(filePath).then(
      () => true,
      () => false,
    );
    const raw = await adapter.read();
    const db = new Low<WorkspaceFile>(adapter, migrateWorkspaceFile(filePath, existed ? raw : emptyWorkspace()));
    const store = new WorkspaceStore(resolved, db);
    if (!existed) await store.saveWorkspace();
    return store;
  }

  get data(): WorkspaceFile {
    return this.db.data;
  }

  findDocument(documentId: string): StoredDocument | undefined {
    return this.db.data.documents.find((doc) => doc.id === documentId);
  }

  saveWorkspace(): Promise<void> {
    return this.workspaceWriter.schedule();
  }

  async readText(doc: StoredDocument): Promise<string> {
    const cached = this.textCache.get(doc.textHash);
    if (cached !== undefined) return cached;
    const text = await fs.readFile(path.join(this.dir, TEXTS_DIR, `${doc.textHash}.txt`), 'utf8');
    // Keep a few texts: switching between open stories should not reread them.
    if (this.textCache.size >= 8) this.textCache.delete(this.textCache.keys().next().value!);
    this.textCache.set(doc.textHash, text);
    return text;
  }

  /** Adds a document (or finds the one with the same text) and keeps its text snapshot. */
  async addDocument(fileName: string, title: string, text: string): Promise<{ document: StoredDocument; created: boolean }> {
    const textHash = sha256(text);
    const existing = this.db.data.documents.find((doc) => doc.textHash === textHash);
    if (existing) return { document: existing, created: false };
    const underWay = this.adding.get(textHash);
    if (underWay) return { document: (await underWay).document, created: false };
    const adding = this.writeNewDocument(fileName, title, text, textHash);
    this.adding.set(textHash, adding);
    try {
      return await adding;
    } finally {
      this.adding.delete(textHash);
    }
  }

  private async writeNewDocument(fileName: string, title: string, text: string, textHash: string): Promise<{ document: StoredDocument; created: boolean }> {
    const snapshotPath = path.join(this.dir, TEXTS_DIR, `${textHash}.txt`);
    await writeFileDurably(snapshotPath, text);
    this.textCache.set(textHash, text);
    const document: StoredDocument = {
      id: documentIdFor(textHash),
      title,
      fileName,
      textHash,
      length: text.length,
      addedAt: new Date().toISOString(),
      annotationCount: 0,
    };
    this.db.data.documents.push(document);
    await this.saveWorkspace();
    return { document, created: true };
  }

  private annotationsDb(doc: StoredDocument): Promise<Low<AnnotationsFile>> {
    let pending = this.annotationDbs.get(doc.id);
    if (!pending) {
      const filePath = path.join(this.dir, ANNOTATIONS_DIR, `${doc.id}.json`);
      const empty: AnnotationsFile = { schemaVersion: SCHEMA_VERSION, documentId: doc.id, textHash: doc.textHash, annotations: [] };
      const db = new Low<AnnotationsFile>(new DurableJSONFile<AnnotationsFile>(filePath, serializeAnnotationsFile), empty);
      pending = db.read().then(() => {
        db.data = migrateAnnotationsFile(filePath, db.data ?? empty, doc.id, doc.textHash);
        return db;
      });
      // A failed read must be retried next time, not remembered.
      pending.catch(() => this.annotationDbs.delete(doc.id));
      this.annotationDbs.set(doc.id, pending);
      this.annotationWriters.set(doc.id, new CoalescingWriter(async () => (await pending!).write()));
    }
    return pending;
  }

  async annotations(doc: StoredDocument): Promise<Annotation[]> {
    return (await this.annotationsDb(doc)).data.annotations;
  }

  saveAnnotations(doc: StoredDocument): Promise<void> {
    const writer = this.annotationWriters.get(doc.id);
    if (!writer) throw new Error(`annotations of ${doc.id} were saved before they were loaded`);
    return writer.schedule();
  }

  /** Waits until every scheduled write is on disk (used before quitting). */
  async flush(): Promise<void> {
    await this.workspaceWriter.idle();
    await Promise.all([...this.annotationWriters.values()].map((writer) => writer.idle()));
  }
}
