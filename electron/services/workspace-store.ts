// The workspace on disk: workspace.json (labels, speakers, documents, settings), one
// annotations file per document, and immutable text snapshots named by SHA-256.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import {
  DEFAULT_LABELS,
  DEFAULT_STATUSES,
  SCHEMA_VERSION,
  documentSummarySchema,
  labelSchema,
  speakerSchema,
  statusSchema,
  type Annotation,
  type DocumentSummary,
  type Status,
  type Label,
  type Speaker,
} from '../contract/api.js';
import { CoalescingWriter, DurableJSONFile, StoreFileError, writeFileDurably } from './durable-json-file.js';

/** As the window sees it: the same fields, read back through documentSummarySchema. */
export type StoredDocument = DocumentSummary;

export interface WorkspaceFile {
  schemaVersion: number;
  labels: Label[];
  /** The scale a claim's status and verdict come from. */
  statuses: Status[];
  speakers: Speaker[];
  documents: StoredDocument[];
  settings: { lastDocumentId: string | null; annotatorName: string | null };
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
    statuses: DEFAULT_STATUSES.map((status) => ({ ...status })),
    speakers: [],
    documents: [],
    settings: { lastDocumentId: null, annotatorName: null },
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

/** A part that is present but is not what it should be: saving over it would lose data. */
function refuseDamaged(filePath: string, what: string): never {
  throw new StoreFileError(
    filePath,
    `${path.basename(filePath)} is damaged: ${what}. It was left untouched; restore it from a backup or fix it by hand, then open the workspace again.`,
  );
}

const storedDocumentSchema = documentSummarySchema;
/**
 * Labels as stored: the rules for keys came later (one lower-case letter or digit, none of the
 * editor's own), so older files are read leniently, never refused; the dialog shows what to fix.
 */
const storedLabelSchema = z
  .object({ id: labelSchema.shape.id, name: z.string().min(1).max(60), color: labelSchema.shape.color, hotkey: z.string().length(1) })
  .transform((label) => ({ ...label, hotkey: label.hotkey.toLowerCase() }));

const workspaceParts = {
  labels: z.array(storedLabelSchema),
  statuses: z.array(statusSchema),
  speakers: z.array(speakerSchema),
  documents: z.array(storedDocumentSchema),
  settings: z.object({ lastDocumentId: z.string().nullable().optional(), annotatorName: z.string().nullable().optional() }).passthrough(),
};

function checkPart<T>(filePath: string, name: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return refuseDamaged(filePath, `"${name}${issue?.path.length ? '.' + issue.path.join('.') : ''}" ${issue?.message ?? 'is malformed'}`);
}

/** Older or partial files are brought forward (missing parts get defaults); damaged ones are refused. */
export function migrateWorkspaceFile(filePath: string, raw: unknown): WorkspaceFile {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new StoreFileError(filePath, `${path.basename(filePath)} does not hold a workspace object. It was left untouched.`);
  }
  const data = raw as Record<string, unknown>;
  refuseNewer(filePath, data.schemaVersion);
  const base = emptyWorkspace();
  const labels = data.labels === undefined ? base.labels : checkPart(filePath, 'labels', workspaceParts.labels, data.labels);
  return {
    schemaVersion: SCHEMA_VERSION,
    labels: labels.length > 0 ? labels : base.labels,
    statuses: (() => {
      const statuses = data.statuses === undefined ? base.statuses : checkPart(filePath, 'statuses', workspaceParts.statuses, data.statuses);
      return statuses.length > 0 ? statuses : base.statuses;
    })(),
    speakers: data.speakers === undefined ? [] : checkPart(filePath, 'speakers', workspaceParts.speakers, data.speakers),
    documents: data.documents === undefined ? [] : checkPart(filePath, 'documents', workspaceParts.documents, data.documents),
    settings: {
      ...base.settings,
      ...(data.settings === undefined ? {} : checkPart(filePath, 'settings', workspaceParts.settings, data.settings)),
    } as WorkspaceFile['settings'],
  };
}

/** A cheap check of every highlight (a transcript can hold 50,000): what the app relies on. */
function checkAnnotations(filePath: string, value: unknown): Annotation[] {
  if (!Array.isArray(value)) return refuseDamaged(filePath, '"annotations" is not a list');
  value.forEach((a: Partial<Annotation> | null, index) => {
    const ok =
      a !== null &&
      typeof a === 'object' &&
      typeof a.id === 'string' &&
      typeof a.labelId === 'string' &&
      Number.isInteger(a.start) &&
      Number.isInteger(a.end) &&
      a.start! >= 0 &&
      a.end! > a.start! &&
      typeof a.text === 'string';
    if (!ok) refuseDamaged(filePath, `highlight ${index + 1} lacks an id, a label, a valid start and end, or its text`);
  });
  // Highlights from before authors were recorded have none.
  for (const a of value as Annotation[]) if (typeof a.author !== 'string') a.author = '';
  return value as Annotation[];
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
    annotations: data.annotations === undefined ? [] : checkAnnotations(filePath, data.annotations),
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
    if (existing) {
      // Opening the original again restores a snapshot that went missing.
      const snapshotPath = path.join(this.dir, TEXTS_DIR, `${textHash}.txt`);
      if (!(await fs.access(snapshotPath).then(() => true, () => false))) await writeFileDurably(snapshotPath, text);
      return { document: existing, created: false };
    }
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
      format: 'text',
      encoding: 'utf-8',
      encodingDetected: false,
      sourceUrl: null,
      filePath: null,
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
