// What the store files hold, and how files of every earlier schema are brought forward on open.
// Schema 0/none: the first release (no statuses, no annotator name, highlights without author,
// speakers with a name only). 1: statuses, annotator name, authors, speaker registry.
// 2: documents gained format, encoding, source URL, file path; annotation files gained orphans.
// Within 2, optional fields were added that older files simply lack: a claim's publicSummary, a
// status's noRating (see withUnratedUnverifiable), the review setting reviewerNotesInReport.
import path from 'node:path';
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
  type Label,
  type Speaker,
  type Status,
} from '../../contract/api.js';
import { StoreFileError } from './durable-json-file.js';

/** As the window sees it: the same fields, read back through documentSummarySchema. */
export type StoredDocument = DocumentSummary;

export interface WorkspaceFile {
  schemaVersion: number;
  labels: Label[];
  /** The scale a claim's status and verdict come from. */
  statuses: Status[];
  speakers: Speaker[];
  documents: StoredDocument[];
  /** Documents an undone import took out of the list, kept to come back by the same id (see WorkspaceStore.removeDocument). */
  removedDocuments?: StoredDocument[];
  /** Speakers merged away, each to the speaker it went into (team sync shares the merge as such). */
  mergedSpeakers?: Record<string, string>;
  settings: { lastDocumentId: string | null; annotatorName: string | null; organisation: string; claimReviewUrl: string; reviewerNotesInReport?: boolean; layer?: 'all' | 'curated'; blindAnnotation?: boolean };
}

export interface AnnotationsFile {
  schemaVersion: number;
  documentId: string;
  textHash: string;
  annotations: Annotation[];
  /** Highlights a changed text could not place; a person places them. */
  orphans: Annotation[];
  /** The last batch of the document's journal folded into this file (see annotations-journal.ts). */
  journalSeq?: number;
}

/** Scales from before statuses had keys get the default scale's keys, where free. */
function withDefaultKeys(statuses: Status[]): Status[] {
  const taken = new Set(statuses.flatMap((s) => (s.hotkey ? [s.hotkey] : [])));
  return statuses.map((status) => {
    const key = DEFAULT_STATUSES.find((d) => d.id === status.id)?.hotkey;
    if (status.hotkey || !key || taken.has(key)) return status;
    taken.add(key);
    return { ...status, hotkey: key };
  });
}

/**
 * Unverifiable had a place on the rating (1 of 7, worse than False) before a verdict could go
 * without one. Where the default's Unverifiable is as it came (id, name and kind) and nobody has
 * said whether it is rated (noRating absent: the scale dialog always writes it), it gets no
 * rating, as new workspaces' has. A renamed status, or one an editor chose to rate, is left alone.
 */
function withUnratedUnverifiable(statuses: Status[]): Status[] {
  const unverifiable = DEFAULT_STATUSES.find((s) => s.id === 'unverifiable')!;
  return statuses.map((status) =>
    status.id === unverifiable.id && status.name === unverifiable.name && status.kind === 'verdict' && status.noRating === undefined ? { ...status, noRating: true } : status,
  );
}

export function emptyWorkspace(): WorkspaceFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    labels: DEFAULT_LABELS.map((label) => ({ ...label })),
    statuses: DEFAULT_STATUSES.map((status) => ({ ...status })),
    speakers: [],
    documents: [],
    settings: { lastDocumentId: null, annotatorName: null, organisation: '', claimReviewUrl: '' },
  };
}

/** The schema a parsed file says it has; files from before schemaVersion existed count as 0. */
export function schemaVersionOf(raw: unknown): number {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  return typeof version === 'number' ? version : 0;
}

function refuseNewer(filePath: string, version: unknown): void {
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new StoreFileError(
      filePath,
      `${path.basename(filePath)} was written by a newer Newsroom Annotator (schema ${version}; this one reads up to ${SCHEMA_VERSION}). ` +
        'It was left untouched; update the app to open this workspace.',
      'newer',
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
  // Schema 1 documents lack format, encoding, source URL and path: the schema's defaults fill them.
  documents: z.array(documentSummarySchema),
  removedDocuments: z.array(documentSummarySchema),
  mergedSpeakers: z.record(z.string().min(1).max(200), z.string().min(1).max(200)),
  settings: z
    .object({
      lastDocumentId: z.string().nullable().optional(),
      annotatorName: z.string().nullable().optional(),
      organisation: z.string().optional(),
      claimReviewUrl: z.string().optional(),
      reviewerNotesInReport: z.boolean().optional(),
      layer: z.enum(['all', 'curated']).optional(),
      blindAnnotation: z.boolean().optional(),
    })
    .passthrough(),
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
    refuseDamaged(filePath, 'it does not hold a workspace object');
  }
  const data = raw as Record<string, unknown>;
  refuseNewer(filePath, data.schemaVersion);
  const base = emptyWorkspace();
  const labels = data.labels === undefined ? base.labels : checkPart(filePath, 'labels', workspaceParts.labels, data.labels);
  const statuses = data.statuses === undefined ? base.statuses : checkPart(filePath, 'statuses', workspaceParts.statuses, data.statuses);
  return {
    schemaVersion: SCHEMA_VERSION,
    labels: labels.length > 0 ? labels : base.labels,
    statuses: statuses.length > 0 ? withUnratedUnverifiable(withDefaultKeys(statuses)) : base.statuses,
    speakers: data.speakers === undefined ? [] : checkPart(filePath, 'speakers', workspaceParts.speakers, data.speakers),
    documents: data.documents === undefined ? [] : checkPart(filePath, 'documents', workspaceParts.documents, data.documents),
    ...(Array.isArray(data.removedDocuments) && data.removedDocuments.length > 0 && { removedDocuments: checkPart(filePath, 'removedDocuments', workspaceParts.removedDocuments, data.removedDocuments) }),
    ...(data.mergedSpeakers !== undefined && { mergedSpeakers: checkPart(filePath, 'mergedSpeakers', workspaceParts.mergedSpeakers, data.mergedSpeakers) }),
    settings: {
      ...base.settings,
      ...(data.settings === undefined ? {} : checkPart(filePath, 'settings', workspaceParts.settings, data.settings)),
    } as WorkspaceFile['settings'],
  };
}

/** A cheap check of one highlight (a transcript can hold 50,000): what the app relies on. */
export function isStoredHighlight(value: unknown): value is Annotation {
  const a = value as Partial<Annotation> | null;
  return (
    a !== null &&
    typeof a === 'object' &&
    typeof a.id === 'string' &&
    typeof a.labelId === 'string' &&
    Number.isInteger(a.start) &&
    Number.isInteger(a.end) &&
    a.start! >= 0 &&
    a.end! > a.start! &&
    typeof a.text === 'string'
  );
}

function checkAnnotations(filePath: string, name: string, value: unknown): Annotation[] {
  if (!Array.isArray(value)) return refuseDamaged(filePath, `"${name}" is not a list`);
  value.forEach((a: unknown, index) => {
    if (!isStoredHighlight(a)) refuseDamaged(filePath, `${name === 'orphans' ? 'orphan' : 'highlight'} ${index + 1} lacks an id, a label, a valid start and end, or its text`);
  });
  // Highlights from before authors were recorded (the first release) have none.
  for (const a of value as Annotation[]) if (typeof a.author !== 'string') a.author = '';
  return value as Annotation[];
}

export function migrateAnnotationsFile(filePath: string, raw: unknown, documentId: string, textHash: string): AnnotationsFile {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    refuseDamaged(filePath, 'it does not hold an annotations object');
  }
  const data = raw as Partial<AnnotationsFile>;
  refuseNewer(filePath, data.schemaVersion);
  return {
    schemaVersion: SCHEMA_VERSION,
    documentId,
    textHash,
    annotations: data.annotations === undefined ? [] : checkAnnotations(filePath, 'annotations', data.annotations),
    orphans: data.orphans === undefined ? [] : checkAnnotations(filePath, 'orphans', data.orphans),
    ...(Number.isInteger(data.journalSeq) && data.journalSeq! > 0 && { journalSeq: data.journalSeq }),
  };
}

/**
 * Each highlight's JSON, kept from its last write. Highlights are never changed in place (the
 * service replaces the object), so a save re-serializes only what changed: saving one edit in a
 * 50,000-highlight transcript costs a join, not a full JSON.stringify on the main thread.
 */
const annotationJson = new WeakMap<Annotation, string>();

function highlightLines(list: Annotation[]): string {
  if (list.length === 0) return '[]';
  const lines = list.map((annotation) => {
    let json = annotationJson.get(annotation);
    if (json === undefined) {
      json = JSON.stringify(annotation);
      annotationJson.set(annotation, json);
    }
    return json;
  });
  return `[\n    ${lines.join(',\n    ')}\n  ]`;
}

/** One highlight per line: cheap to write, and easy to read and diff. */
export function serializeAnnotationsFile(data: AnnotationsFile): string {
  return (
    `{\n  "schemaVersion": ${JSON.stringify(data.schemaVersion)},\n  "documentId": ${JSON.stringify(data.documentId)},\n` +
    `  "textHash": ${JSON.stringify(data.textHash)},\n  "annotations": ${highlightLines(data.annotations)},\n` +
    `  "orphans": ${highlightLines(data.orphans ?? [])}` +
    (data.journalSeq ? `,\n  "journalSeq": ${JSON.stringify(data.journalSeq)}\n}\n` : '\n}\n')
  );
}
