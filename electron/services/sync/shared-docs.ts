// The shared documents a workspace puts in its team's CouchDB database, one per entity, each with
// `type` and `schemaVersion`. Their schemas are built from the contract's own (annotationSchema,
// speakerSchema, ...) so a new contract field is shared without a change here. What is never
// shared: the person's name and preferences, file paths, encodings, recent files, credentials.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  annotationSchema,
  claimHistoryEntrySchema,
  documentSummarySchema,
  labelSchema,
  reviewSettingsSchema,
  speakerSchema,
  statusSchema,
  type Annotation,
  type ClaimHistoryEntry,
  type Label,
  type Speaker,
  type Status,
} from '../../contract/api.js';
import { idSchema } from '../../contract/schemas/common.js';
import type { StoredDocument } from '../store/workspace-store.js';

export const SHARED_SCHEMA_VERSION = 1;

/** A document's own fields that travel: never filePath, encoding or its detection, counts. */
const documentFields = documentSummarySchema.pick({
  id: true,
  title: true,
  fileName: true,
  textHash: true,
  length: true,
  addedAt: true,
  format: true,
  sourceUrl: true,
  headline: true,
  outlet: true,
  byline: true,
  publishedOn: true,
  pageStarts: true,
  // Who marked it done (blind annotation) and the span groups the editor rejected (curation).
  doneBy: true,
  curationRejected: true,
});

const head = <T extends string>(type: T) => ({ type: z.literal(type), schemaVersion: z.literal(SHARED_SCHEMA_VERSION) });

export const sharedDocSchemas = {
  document: documentFields.extend({ ...head('document'), removed: z.boolean() }),
  text: z.object({ ...head('text'), textHash: z.string().regex(/^[0-9a-f]{64}$/), length: z.number().int().nonnegative() }),
  highlight: annotationSchema.extend(head('highlight')),
  speaker: speakerSchema.extend({ ...head('speaker'), mergedInto: idSchema.optional() }),
  label: labelSchema.extend(head('label')),
  scale: z.object({ ...head('scale'), statuses: z.array(statusSchema).min(1) }),
  review: reviewSettingsSchema.extend(head('review')),
  history: claimHistoryEntrySchema.extend(head('history')),
} as const;
export type SharedType = keyof typeof sharedDocSchemas;
export type SharedBody = { [K in SharedType]: z.infer<(typeof sharedDocSchemas)[K]> }[SharedType];
export type SharedOf<K extends SharedType> = z.infer<(typeof sharedDocSchemas)[K]>;

export const sharedId = {
  document: (documentId: string) => `document:${documentId}`,
  text: (textHash: string) => `text:${textHash}`,
  highlight: (documentId: string, annotationId: string) => `highlight:${documentId}:${annotationId}`,
  speaker: (speakerId: string) => `speaker:${speakerId}`,
  label: (labelId: string) => `label:${labelId}`,
  scale: () => 'settings:scale',
  review: () => 'settings:review',
  history: (entry: ClaimHistoryEntry) => `history:${entry.documentId}:${entry.annotationId}:${hashOf(sharedLine(entry)).slice(0, 24)}`,
};

/** JSON with keys sorted and CouchDB's own (_id, _rev, ...) left out: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .filter((k) => !k.startsWith('_') && (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

export const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** Leaves out absent optional fields (null and undefined), so lowdb's and the doc's forms agree. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const version = { schemaVersion: SHARED_SCHEMA_VERSION } as const;

export function documentDoc(doc: StoredDocument, removed: boolean): SharedOf<'document'> {
  const { id, title, fileName, textHash, length, addedAt, format, sourceUrl, headline, outlet, byline, publishedOn, pageStarts } = doc;
  // In one order on every machine, so equal marks make equal documents.
  const doneBy = doc.doneBy?.length ? [...doc.doneBy].sort((x, y) => (x.personId < y.personId ? -1 : x.personId > y.personId ? 1 : 0)) : undefined;
  const curationRejected = doc.curationRejected?.length ? [...doc.curationRejected].sort() : undefined;
  return compact({ type: 'document', ...version, id, title, fileName, textHash, length, addedAt, format, sourceUrl, headline, outlet, byline, publishedOn, pageStarts, doneBy, curationRejected, removed }) as SharedOf<'document'>;
}
export const textDoc = (textHash: string, length: number): SharedOf<'text'> => ({ type: 'text', ...version, textHash, length });
export const highlightDoc = (annotation: Annotation): SharedOf<'highlight'> => ({ ...annotation, type: 'highlight', ...version });
export const speakerDoc = (speaker: Speaker, mergedInto?: string): SharedOf<'speaker'> => compact({ ...speaker, type: 'speaker', ...version, mergedInto }) as SharedOf<'speaker'>;
export const labelDoc = (label: Label): SharedOf<'label'> => ({ ...label, type: 'label', ...version });
export const scaleDoc = (statuses: Status[]): SharedOf<'scale'> => ({ type: 'scale', ...version, statuses });
/** The team's review settings, blind annotation among them; the desk's layer is each editor's own view. */
export const reviewDoc = (settings: { organisation: string; claimReviewUrl: string; reviewerNotesInReport?: boolean; blindAnnotation?: boolean }): SharedOf<'review'> =>
  compact({
    type: 'review',
    ...version,
    organisation: settings.organisation,
    claimReviewUrl: settings.claimReviewUrl,
    reviewerNotesInReport: settings.reviewerNotesInReport,
    blindAnnotation: settings.blindAnnotation === true,
  }) as SharedOf<'review'>;
/** A history line as the team shares it: without what only this machine knows of it (synced). */
export function sharedLine(entry: ClaimHistoryEntry): ClaimHistoryEntry {
  const { synced: _synced, ...line } = entry;
  return line;
}
export const historyDoc = (entry: ClaimHistoryEntry): SharedOf<'history'> => ({ ...sharedLine(entry), type: 'history', ...version });

/** The body without its type and version: what lowdb holds of it. */
export function entityOf<K extends SharedType>(body: SharedOf<K>): Omit<SharedOf<K>, 'type' | 'schemaVersion'> {
  const { type: _type, schemaVersion: _version, ...rest } = body as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('_'))) as Omit<SharedOf<K>, 'type' | 'schemaVersion'>;
}

export type Checked = { ok: true; body: SharedBody } | { ok: false; reason: string };

const ID_TYPES: Record<string, SharedType[]> = { document: ['document'], text: ['text'], highlight: ['highlight'], speaker: ['speaker'], label: ['label'], settings: ['scale', 'review'], history: ['history'] };

/** Checks a document from the server before anything of it is applied; says why in words when it fails. */
export function checkSharedDoc(raw: Record<string, unknown>): Checked {
  const id = String(raw._id ?? '');
  const version = raw.schemaVersion;
  if (typeof version === 'number' && version > SHARED_SCHEMA_VERSION) {
    return { ok: false, reason: `From a newer version of Newsroom Annotator (schema ${version}; this one reads schema ${SHARED_SCHEMA_VERSION}): update the app on this machine to apply it.` };
  }
  if (version !== SHARED_SCHEMA_VERSION) return { ok: false, reason: `It has no schema version this app knows (${JSON.stringify(version) ?? 'none'}).` };
  const type = raw.type;
  if (typeof type !== 'string' || !(type in sharedDocSchemas)) return { ok: false, reason: `Its type ${JSON.stringify(type) ?? '(none)'} is not one Newsroom Annotator shares.` };
  if (!ID_TYPES[id.split(':')[0] ?? '']?.includes(type as SharedType)) return { ok: false, reason: `Its id ${id} does not fit its type ${type}.` };
  const body = Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('_')));
  const parsed = sharedDocSchemas[type as SharedType].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `It failed the contract's checks${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unknown shape'}.` };
  }
  const expected = expectedId(parsed.data as SharedBody);
  if (expected !== id) return { ok: false, reason: `Its id ${id} does not match what it holds (expected ${expected}).` };
  return { ok: true, body: parsed.data as SharedBody };
}

export function expectedId(body: SharedBody): string {
  switch (body.type) {
    case 'document':
      return sharedId.document(body.id);
    case 'text':
      return sharedId.text(body.textHash);
    case 'highlight':
      return sharedId.highlight(body.documentId, body.id);
    case 'speaker':
      return sharedId.speaker(body.id);
    case 'label':
      return sharedId.label(body.id);
    case 'scale':
      return sharedId.scale();
    case 'review':
      return sharedId.review();
    case 'history':
      return sharedId.history(entityOf<'history'>(body) as ClaimHistoryEntry);
  }
}
