// The one seam between the UI and everything else. Both hosts (Electron IPC and the browser
// host) parse arguments and results with these schemas, so a method exists only if it is here.
import { z } from 'zod';
import { API_METHOD_NAMES } from './channels.js';
import { ApiError, MAX_DOCUMENT_BYTES, MAX_FILE_PATH_LENGTH, MAX_NOTE_LENGTH, MAX_SOURCE_URL_LENGTH, SPEAKER_LIMITS, type ApiErrorCode } from './errors.js';

// The renderer imports these from errors.ts directly, so zod stays out of its bundle.
export { ApiError, MAX_DOCUMENT_BYTES, MAX_FILE_PATH_LENGTH, MAX_NOTE_LENGTH, MAX_SOURCE_URL_LENGTH, SPEAKER_LIMITS, type ApiErrorCode } from './errors.js';

/** 2: documents gained format, encoding, source URL and file path; annotation files gained orphans. */
export const SCHEMA_VERSION = 2;

/** What a document was read from; transcripts (srt, vtt, NAME: lines) name their speakers. */
export const DOCUMENT_FORMATS = ['text', 'markdown', 'html', 'docx', 'srt', 'vtt', 'transcript'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const TRANSCRIPT_FORMATS: readonly DocumentFormat[] = ['srt', 'vtt', 'transcript'];

/** Encodings a text file can be read as; the user may override the detected one. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
/** How people see the encodings, in messages and in the window. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
};


const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, _ and -');

const noteText = z.string().max(MAX_NOTE_LENGTH, `A note can hold at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters; shorten it.`);

/** Keys the editor uses for itself, so no label may take them. */
export const RESERVED_KEYS = ['e', 'a', 'n', '?', '[', ']', '"', ',', '.', '<', '>'];

export const labelSchema = z.object({
  id,
  name: z.string().trim().min(1, 'A label needs a name.').max(60, 'A label’s name can hold at most 60 characters.'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A label’s colour is written #rrggbb.'),
  hotkey: z
    .string()
    .length(1, 'A label’s key is one letter or digit.')
    .regex(/^[a-z0-9]$/, 'A label’s key is one lower-case letter or digit.')
    .refine((key) => !RESERVED_KEYS.includes(key), 'That key is taken by the editor (E, A and N are); choose another.'),
});
export type Label = z.infer<typeof labelSchema>;

const speakerText = (what: string, max: number) => z.string().max(max, `A speaker's ${what} can hold at most ${max.toLocaleString('en')} characters.`);

const speakerName = z
  .string()
  .trim()
  .min(1, 'A speaker needs a name.')
  .max(SPEAKER_LIMITS.name, `A speaker’s name can hold at most ${SPEAKER_LIMITS.name} characters.`);
const otherNames = z
  .array(z.string().trim().min(1).max(SPEAKER_LIMITS.otherName))
  .max(SPEAKER_LIMITS.otherNames, `A speaker can have at most ${SPEAKER_LIMITS.otherNames} other names.`);

/** A person, not a string: every mention, quote and claim points at one of these. */
export const speakerSchema = z.object({
  id,
  name: z.string().min(1).max(SPEAKER_LIMITS.name),
  /** Other names the same person goes by ("Wood" for "Robert Wood"). */
  aliases: otherNames.default([]),
  role: speakerText('title or role', SPEAKER_LIMITS.role).default(''),
  organisation: speakerText('organisation', SPEAKER_LIMITS.organisation).default(''),
  notes: speakerText('notes', SPEAKER_LIMITS.notes).default(''),
  createdAt: z.string(),
});
export type Speaker = z.infer<typeof speakerSchema>;

export const documentSummarySchema = z.object({
  id,
  title: z.string(),
  fileName: z.string(),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  length: z.number().int().nonnegative(),
  addedAt: z.string(),
  annotationCount: z.number().int().nonnegative(),
  format: z.enum(DOCUMENT_FORMATS).default('text'),
  encoding: z.enum(TEXT_ENCODINGS).default('utf-8'),
  /** False when the user chose the encoding (or the file said it, with a BOM). */
  encodingDetected: z.boolean().default(false),
  /** A web page's canonical URL, when known. */
  sourceUrl: z.string().max(MAX_SOURCE_URL_LENGTH).nullable().default(null),
  /** Where the text was read from, when the host knows a path (not for a browser upload). */
  filePath: z.string().max(MAX_FILE_PATH_LENGTH).nullable().default(null),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const QUOTE_KINDS = ['direct', 'partial', 'paraphrase'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];
export const CHECK_WORTHINESS = ['low', 'medium', 'high'] as const;
export type CheckWorthiness = (typeof CHECK_WORTHINESS)[number];

/** A link the app will store and offer to open: http(s) only. */
export const isWebLink = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

/** Where a published fact-check lives: a web link that still parses once {id} is filled in. */
export const isFactCheckAddress = (url: string) => isWebLink(url) && URL.canParse(url.replaceAll('{id}', 'x'));

export const sourceSchema = z.object({
  title: z.string().max(500, 'A source title can hold at most 500 characters.'),
  url: z
    .string()
    .max(2000, 'A source link can hold at most 2,000 characters.')
    .refine((url) => url === '' || isWebLink(url), 'A source link must start with http:// or https://.'),
  note: z.string().max(2000, 'A source note can hold at most 2,000 characters.'),
});
export type Source = z.infer<typeof sourceSchema>;

/** What a fact-check needs of a claim; the claimant is the claim's speakerId. */
export const claimFieldsSchema = z.object({
  checkWorthiness: z.enum(CHECK_WORTHINESS).nullable(),
  /** An id from the workspace's status scale; a new claim starts Unreviewed. */
  status: id,
  sources: z.array(sourceSchema).max(100),
  tags: z.array(z.string().trim().min(1).max(60, 'A topic tag can hold at most 60 characters.')).max(50),
  /** The editor's note on the verdict (the fact-checker's is the highlight's note). */
  reviewerNote: noteText.optional(),
  /** Who last set the status, and when: set by the service, never taken from a change. */
  reviewer: z.string().max(200).optional(),
  reviewedAt: z.string().max(40).optional(),
});
export type ClaimFields = z.infer<typeof claimFieldsSchema>;

export const statusSchema = z.object({
  id,
  name: z.string().trim().min(1, 'A status needs a name.').max(60, 'A status’s name can hold at most 60 characters.'),
  kind: z.enum(['working', 'verdict']),
  /** The one key that sets it in the review desk. */
  hotkey: z.string().regex(/^[a-z0-9]$/, 'A status’s key is one lower-case letter or digit.').optional(),
});
export type Status = z.infer<typeof statusSchema>;

/** Keys the review desk uses to move, select and write: no status may take them. */
export const REVIEW_DESK_KEYS = ['j', 'k', 'n', 'x'];

/** The default scale: working states, then verdicts from best to worst. */
export const DEFAULT_STATUSES: Status[] = [
  { id: 'unreviewed', name: 'Unreviewed', kind: 'working', hotkey: 'u' },
  { id: 'in-progress', name: 'In progress', kind: 'working', hotkey: 'p' },
  { id: 'second-review', name: 'Needs second review', kind: 'working', hotkey: 's' },
  { id: 'true', name: 'True', kind: 'verdict', hotkey: '1' },
  { id: 'mostly-true', name: 'Mostly true', kind: 'verdict', hotkey: '2' },
  { id: 'half-true', name: 'Half true', kind: 'verdict', hotkey: '3' },
  { id: 'mostly-false', name: 'Mostly false', kind: 'verdict', hotkey: '4' },
  { id: 'false', name: 'False', kind: 'verdict', hotkey: '5' },
  { id: 'misleading', name: 'Misleading', kind: 'verdict', hotkey: '6' },
  { id: 'unverifiable', name: 'Unverifiable', kind: 'verdict', hotkey: '7' },
];

/**
 * A verdict's numeric rating is its place on the scale: verdicts run best to worst, so the
 * first of n verdicts rates n and the last rates 1. Working states have no rating.
 */
export function verdictRating(statuses: readonly Status[], statusId: string): { ratingValue: number; bestRating: number; worstRating: number } | null {
  const verdicts = statuses.filter((s) => s.kind === 'verdict');
  const index = verdicts.findIndex((s) => s.id === statusId);
  if (index < 0) return null;
  return { ratingValue: verdicts.length - index, bestRating: verdicts.length, worstRating: 1 };
}

/** What the review desk's history keeps of each change to a claim. */
export const CLAIM_HISTORY_FIELDS = ['status', 'note', 'reviewerNote', 'sources', 'checkWorthiness'] as const;
export const claimHistoryEntrySchema = z.object({
  documentId: id,
  annotationId: id,
  /** When and by whom ('' where no name was set yet). */
  at: z.string(),
  by: z.string(),
  field: z.enum(CLAIM_HISTORY_FIELDS),
  from: z.unknown(),
  to: z.unknown(),
  /** Written after a kill parted the change from its line: the change was on disk, its line was not. */
  recovered: z.literal(true).optional(),
});
export type ClaimHistoryEntry = z.infer<typeof claimHistoryEntrySchema>;

/** One row of the review desk: a claim, where it is and how far its review has come. */
export const claimRowSchema = z.object({
  documentId: id,
  documentTitle: z.string(),
  annotationId: id,
  text: z.string(),
  start: z.number().int().nonnegative(),
  claimantId: id.nullable(),
  status: id,
  checkWorthiness: z.enum(CHECK_WORTHINESS).nullable(),
  tags: z.array(z.string()),
  note: z.string(),
  reviewerNote: z.string(),
  author: z.string(),
  reviewer: z.string(),
  updatedAt: z.string(),
});
export type ClaimRow = z.infer<typeof claimRowSchema>;

/** Who publishes the fact-checks (ClaimReview's author and url). */
export const reviewSettingsSchema = z.object({
  organisation: z.string().trim().max(200, 'An organisation’s name can hold at most 200 characters.'),
  /** Where a published fact-check lives; {id} stands for the claim's id. */
  claimReviewUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((url) => url === '' || isFactCheckAddress(url), 'The fact-check address must be a web address starting with http:// or https://, such as https://example.org/fact-checks/{id}.'),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const annotationSchema = z.object({
  id,
  documentId: id,
  labelId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** For a quote: who said it. For a Speaker mention: which speaker it names. */
  speakerId: id.nullable(),
  note: noteText,
  /** The annotator's name when it was made ('' where no name was set yet). */
  author: z.string().max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Quotes only. Absent fields keep a 50,000-highlight file small. */
  quoteKind: z.enum(QUOTE_KINDS).optional(),
  /** Claims only. */
  claim: claimFieldsSchema.optional(),
  /** Set when the text changed and this was re-anchored to a place a person should check. */
  anchor: z.literal('fuzzy').optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

/** How the highlights fared when a document's text changed (see services/anchoring). */
export const reanchorReportSchema = z.object({
  unchanged: z.number().int().nonnegative(),
  /** Found again, exactly, somewhere else: fixed quietly. */
  moved: z.number().int().nonnegative(),
  /** Placed on similar text and flagged for a person to check. */
  fuzzy: z.number().int().nonnegative(),
  /** Not found well enough to place: kept and listed, for a person to place. */
  orphaned: z.number().int().nonnegative(),
});
export type ReanchorReport = z.infer<typeof reanchorReportSchema>;

/** The document's source file as last checked. */
export const sourceStateSchema = z.object({
  /** unlinked: no path known (a browser upload); linked: the file is there; missing: it is gone. */
  state: z.enum(['unlinked', 'linked', 'missing']),
  /** Set when this check found a changed file and re-anchored the highlights. */
  report: reanchorReportSchema.nullable(),
  /** Why a changed file could not be read (the saved copy stays in use). */
  problem: z.string().nullable(),
});
export type SourceState = z.infer<typeof sourceStateSchema>;

/**
 * Opening sends highlights as columns, in text order (see compareSpans), without their text,
 * prefix and suffix: the receiver has the text and slices them itself. A 50,000-highlight
 * transcript's answer is then less than half the size, and arrays of plain values are quick
 * to write and to parse. fromAnnotationColumns (spans.ts) turns them back into annotations.
 */
export const annotationColumnsSchema = z
  .object({
    ids: z.array(id),
    labelIds: z.array(id),
    starts: z.array(z.number().int().nonnegative()),
    ends: z.array(z.number().int().positive()),
    speakerIds: z.array(id.nullable()),
    notes: z.array(z.string()),
    authors: z.array(z.string()),
    /** quoteKind and claim, where a highlight has them. */
    extras: z.array(
      z.object({ quoteKind: z.enum(QUOTE_KINDS).optional(), claim: claimFieldsSchema.optional(), anchor: z.literal('fuzzy').optional() }).nullable(),
    ),
    createdAt: z.array(z.string()),
    updatedAt: z.array(z.string()),
  })
  .refine((columns) => Object.values(columns).every((column) => column.length === columns.ids.length), 'columns differ in length');
export type AnnotationColumns = z.infer<typeof annotationColumnsSchema>;

export const openedDocumentSchema = z.object({
  document: documentSummarySchema,
  text: z.string(),
  annotations: annotationColumnsSchema,
  /** False when only the highlights starting before `annotationsBefore` were sent; listAnnotations has the rest. */
  annotationsComplete: z.boolean(),
  /** Highlights the last change of the text could not place; a person places them. */
  orphans: z.array(annotationSchema),
  source: sourceStateSchema,
});
export type OpenedDocument = z.infer<typeof openedDocumentSchema>;

export const sessionSchema = z.object({
  host: z.enum(['electron', 'browser', 'memory']),
  workspaceDir: z.string(),
  /** Native file dialogs and a recent list exist only in the desktop shell. */
  capabilities: z.object({ nativeOpenDialog: z.boolean(), recentFiles: z.boolean() }),
  labels: z.array(labelSchema),
  statuses: z.array(statusSchema),
  speakers: z.array(speakerSchema),
  documents: z.array(documentSummarySchema),
  lastDocumentId: id.nullable(),
  /** Who is annotating; null until the user has said (the window asks once). */
  annotatorName: z.string().nullable(),
  reviewSettings: reviewSettingsSchema,
  /** Set when a store file is damaged: the workspace is read-only until a backup is restored. */
  storeProblem: z
    .object({ message: z.string(), fileName: z.string(), backupTakenAt: z.string().nullable() })
    .nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const appearanceSchema = z.object({
  documentId: id,
  documentTitle: z.string(),
  annotationId: id,
  labelId: id,
  start: z.number().int(),
  /** The highlight's text, cut to a readable length. */
  excerpt: z.string(),
});
export type Appearance = z.infer<typeof appearanceSchema>;

/** Dataset formats NLP tools read (see electron/services/exports/). */
export const EXPORT_FORMATS = ['jsonl', 'spacy', 'conll', 'brat', 'labelstudio', 'w3c', 'csv', 'claimreview', 'claims-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportResultSchema = z.object({
  /** The files' contents, where the window itself must save them (the browser host). */
  files: z.array(z.object({ name: z.string(), content: z.string() })),
  /** Where the desktop app saved them, as the user chose in its dialog; null when cancelled or not saved. */
  savedTo: z.string().nullable(),
  /** CoNLL spans left out of the tags, with why. */
  warnings: z.array(z.object({ documentId: z.string(), annotationId: z.string(), label: z.string(), text: z.string(), reason: z.string() })),
});
export type ExportResultOnWire = z.infer<typeof exportResultSchema>;

const spanScoreSchema = z.object({ precision: z.number(), recall: z.number(), f1: z.number() }).nullable();
export const agreementReportSchema = z.object({
  annotators: z.array(z.string()),
  pairs: z.array(
    z.object({
      annotators: z.tuple([z.string(), z.string()]),
      documents: z.number(),
      byLabel: z.record(z.string(), z.object({ exact: spanScoreSchema, overlap: spanScoreSchema })),
      kappa: z.number().nullable(),
    }),
  ),
  alpha: z.number().nullable(),
});

export const recentFileSchema = z.object({ id, fileName: z.string(), openedAt: z.string() });
export type RecentFile = z.infer<typeof recentFileSchema>;

/** Every write the UI makes is one of these; a batch keeps them in order across reloads. */
export const changeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('createAnnotation'),
    documentId: id,
    annotationId: id,
    labelId: id,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    speakerId: id.nullable().optional(),
    note: noteText.optional(),
    // Given when a deleted highlight is brought back, so it returns as it was.
    quoteKind: z.enum(QUOTE_KINDS).optional(),
    claim: claimFieldsSchema.optional(),
    author: z.string().max(200).optional(),
    createdAt: z.string().max(40).optional(),
    updatedAt: z.string().max(40).optional(),
  }),
  z.object({
    kind: z.literal('updateAnnotation'),
    documentId: id,
    annotationId: id,
    /** A new start and end: the span is moved (its text, prefix and suffix follow). */
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
    labelId: id.optional(),
    speakerId: id.nullable().optional(),
    note: noteText.optional(),
    quoteKind: z.enum(QUOTE_KINDS).nullable().optional(),
    /** Only the claim fields given change. */
    claim: claimFieldsSchema.partial().optional(),
    /** A person checked a fuzzy re-anchoring and it is right. */
    confirmAnchor: z.literal(true).optional(),
  }),
  /** An orphaned highlight placed by a person on the text they selected. */
  z.object({
    kind: z.literal('placeOrphan'),
    documentId: id,
    annotationId: id,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('deleteAnnotation'), documentId: id, annotationId: id }),
  z.object({
    kind: z.literal('createSpeaker'),
    speakerId: id,
    name: speakerName,
    // Given when a deleted or merged speaker is brought back, so it returns as it was.
    aliases: otherNames.optional(),
    role: speakerText('title or role', SPEAKER_LIMITS.role).optional(),
    organisation: speakerText('organisation', SPEAKER_LIMITS.organisation).optional(),
    notes: speakerText('notes', SPEAKER_LIMITS.notes).optional(),
    createdAt: z.string().max(40).optional(),
  }),
  /** Adds a label to the workspace's set, or changes the one with that id. */
  z.object({ kind: z.literal('saveLabel'), label: labelSchema }),
  /** Removes a label no highlight uses. */
  z.object({ kind: z.literal('deleteLabel'), labelId: id }),
  /** Undoing the creation of a speaker. */
  z.object({ kind: z.literal('deleteSpeaker'), speakerId: id }),
  z.object({
    kind: z.literal('updateSpeaker'),
    speakerId: id,
    name: speakerName.optional(),
    aliases: otherNames.optional(),
    role: speakerText('title or role', SPEAKER_LIMITS.role).optional(),
    organisation: speakerText('organisation', SPEAKER_LIMITS.organisation).optional(),
    notes: speakerText('notes', SPEAKER_LIMITS.notes).optional(),
  }),
  /** Everything that points at `mergedId`, in every document, points at `survivorId` instead. */
  z.object({ kind: z.literal('mergeSpeakers'), survivorId: id, mergedId: id }),
  z.object({ kind: z.literal('setLastDocument'), documentId: id }),
  /** The workspace's status scale, edited as a whole (ids of statuses in use must stay). */
  z.object({ kind: z.literal('saveStatuses'), statuses: z.array(statusSchema).min(2).max(30) }),
  z.object({ kind: z.literal('setReviewSettings'), settings: reviewSettingsSchema }),
  z.object({
    kind: z.literal('setAnnotatorName'),
    name: z.string().trim().min(1, 'Give a name, so your annotations say who made them.').max(200, 'A name can hold at most 200 characters.'),
  }),
]);
export type Change = z.infer<typeof changeSchema>;

/** A-Z, a-z, 0-9, + and /; by code, since a 70 MB upload is checked one character at a time. */
function isBase64Digit(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47;
}
const AGAIN = 'Open the file again; if this keeps happening, reload the window';

function describeCharacter(char: string): string {
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === ' ') return 'a space';
  return JSON.stringify(char);
}

/** Why `text` is not strict, padded base64 (the only kind a window sends), or null when it is ("" is). */
export function base64Problem(text: string): string | null {
  // Buffer.from(x, 'base64') skips anything it does not know, so junk would quietly become other text.
  const last = text.length - 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isBase64Digit(code)) continue;
    // "=" pads only the end: one as the last character, or two as the last two.
    if (code === 61 && (i === last || (i === last - 1 && text[last] === '='))) continue;
    return `The file's content is not base64: ${describeCharacter(String.fromCodePoint(text.codePointAt(i)!))} at character ${i + 1}. ${AGAIN}`;
  }
  if (text.length % 4 !== 0) {
    return `The file's content is not base64: its length (${text.length} characters) is not a multiple of 4, so part of it is missing. ${AGAIN}`;
  }
  return null;
}

/**
 * The content of every upload: padded base64 with no junk, of at most MAX_DOCUMENT_BYTES. An empty
 * file is valid base64: the service refuses it itself, naming the file.
 */
export const base64ContentSchema = z
  .string()
  // A little over the limit, so the service can say "too big" itself with the file's size.
  .max(Math.ceil((MAX_DOCUMENT_BYTES + 1024) / 3) * 4)
  .superRefine((text, ctx) => {
    const problem = base64Problem(text);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

export const importFileSchema = z.object({
  fileName: z.string().min(1).max(1000),
  contentBase64: base64ContentSchema,
});

/** How to read a text file; without an encoding it is detected. */
export const readOptionsSchema = z.object({ encoding: z.enum(TEXT_ENCODINGS).optional() }).strict();
export type ReadOptions = z.infer<typeof readOptionsSchema>;

/** A document after its text was replaced (changed file, relinked file, other encoding). */
export const rereadResultSchema = z.object({ document: documentSummarySchema, report: reanchorReportSchema.nullable() });

const none = z.object({}).strict();

/** Method name -> argument and result schemas. */
export const annotatorApiSchema = {
  getSession: { args: none, result: sessionSchema },
  openDocument: {
    // A window can paint the first screens of a long transcript before the rest arrives.
    args: z.object({ documentId: id, annotationsBefore: z.number().int().positive().optional() }),
    result: openedDocumentSchema,
  },
  listAnnotations: {
    args: z.object({ documentId: id, startingFrom: z.number().int().nonnegative() }),
    result: annotationColumnsSchema,
  },
  importFile: { args: importFileSchema.extend({ options: readOptionsSchema.optional() }), result: documentSummarySchema },
  /** Looks at a document's source file; a changed file is read again and its highlights re-anchored. */
  checkDocumentSource: { args: z.object({ documentId: id }), result: sourceStateSchema },
  /** The desktop app asks where a missing or moved file is now; null when cancelled. */
  locateDocumentFile: { args: z.object({ documentId: id }), result: rereadResultSchema.nullable() },
  /** The same, with a file the window read (the browser host has no dialog). */
  relinkDocumentFile: { args: importFileSchema.extend({ documentId: id }), result: rereadResultSchema },
  /** Reads the document's file again in another encoding (from the file, or the bytes given). */
  rereadDocument: {
    args: z.object({ documentId: id, encoding: z.enum(TEXT_ENCODINGS), contentBase64: base64ContentSchema.optional() }),
    result: rereadResultSchema,
  },
  /** Tags each transcript turn as a Quote by its speaker (speakers were added on import). */
  tagTranscriptLines: { args: z.object({ documentId: id }), result: z.object({ tagged: z.number().int(), speakersAdded: z.array(z.string()) }) },
  /** Every claim in the workspace, for the review desk. */
  listClaims: { args: none, result: z.array(claimRowSchema) },
  /** What happened to one claim: status, notes and sources, who and when; never editable. */
  listClaimHistory: { args: z.object({ documentId: id, annotationId: id }), result: z.array(claimHistoryEntrySchema) },
  /** The desktop app saves the window's printed report as a PDF where the user chooses; null when cancelled. */
  saveReportPdf: { args: z.object({ suggestedName: z.string().min(1).max(200) }), result: z.object({ savedTo: z.string() }).nullable() },
  /** Puts the last good backup of the damaged store file back; the damaged file is kept aside. */
  restoreBackup: { args: none, result: z.object({ restored: z.string(), keptAs: z.string() }) },
  openFilesWithDialog: { args: none, result: z.array(documentSummarySchema) },
  listRecentFiles: { args: none, result: z.array(recentFileSchema) },
  openRecentFile: { args: z.object({ recentId: id }), result: documentSummarySchema },
  /** A dataset of all or some documents; the desktop app asks where to save it. */
  exportDataset: {
    args: z.object({
      format: z.enum(EXPORT_FORMATS),
      documentIds: z.array(id).max(100_000).optional(),
      /** Train, dev and test sets by document; the same seed gives the same split. */
      split: z.object({ ratios: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]), seed: z.number().int() }).optional(),
    }),
    result: exportResultSchema,
  },
  /** Annotation files (and their documents) from other tools; a malformed file imports nothing. */
  importAnnotationFiles: {
    args: z.object({ files: z.array(importFileSchema).min(1).max(500) }),
    result: z.object({ documents: z.number().int(), highlights: z.number().int(), labelsAdded: z.array(z.string()), speakersAdded: z.array(z.string()) }),
  },
  /** A colleague's workspace folder, chosen in the desktop app's dialog, merged into this one. */
  mergeWorkspaceWithDialog: {
    args: none,
    result: z
      .object({
        documentsAdded: z.number().int(),
        documentsMatched: z.number().int(),
        highlightsAdded: z.number().int(),
        highlightsAlreadyThere: z.number().int(),
        speakersAdded: z.number().int(),
        labelsAdded: z.number().int(),
      })
      .nullable(),
  },
  /** Agreement between annotators on the documents two or more of them annotated. */
  measureAgreement: { args: none, result: agreementReportSchema },
  /** Every mention, quote and claim of a speaker across the workspace. */
  listSpeakerAppearances: { args: z.object({ speakerId: id }), result: z.array(appearanceSchema) },
  /** A source link, in the system browser: the desktop app opens it; the browser host says it did not. */
  openExternalLink: { args: z.object({ url: z.string().max(2048) }), result: z.object({ opened: z.boolean() }) },
  applyChanges: {
    // Each change is checked on its own (see parseChange), so one bad change never sinks the rest.
    args: z.object({ changes: z.array(z.unknown()).min(1).max(5000) }),
    result: z.object({
      applied: z.number().int(),
      refused: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
    }),
  },
} as const;

export type ApiMethod = keyof typeof annotatorApiSchema;
export const apiMethods = Object.keys(annotatorApiSchema) as ApiMethod[];

// The preload's name list and this contract must name the same methods, checked both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<ApiMethod, (typeof API_METHOD_NAMES)[number]> = true;
void namesMatch;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof annotatorApiSchema)[M]['args']>;
export type ApiResult<M extends ApiMethod> = z.infer<(typeof annotatorApiSchema)[M]['result']>;

/** What the renderer holds: one async function per method. */
export type AnnotatorApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(annotatorApiSchema, name);
}

export const apiErrorSchema = z.object({ code: z.string(), message: z.string() });

export type ChangeRefusal = { index: number; code: string; message: string };

/** One change from an applyChanges batch, or a refusal in words. */
export function parseChange(raw: unknown): Change {
  const parsed = changeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first && first.path.length ? ` (at ${first.path.join('.')})` : '';
  // Limits carry their own sentence; anything else is a malformed change, named by its field.
  const worded = first && (first.code === 'too_big' || first.code === 'too_small') && !first.message.startsWith('Too ');
  throw new ApiError('bad-request', worded ? first.message : `That change is malformed${where}: ${first?.message ?? 'unknown shape'}.`);
}

/** Parse arguments for a method, turning zod's report into one readable sentence. */
export function parseArgs<M extends ApiMethod>(method: M, raw: unknown): z.infer<(typeof annotatorApiSchema)[M]['args']> {
  const parsed = annotatorApiSchema[method].args.safeParse(raw ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length ? ` (at ${first.path.join('.')})` : '';
    throw new ApiError('bad-request', `Invalid arguments for ${method}${where}: ${first?.message ?? 'malformed'}.`);
  }
  return parsed.data as z.infer<(typeof annotatorApiSchema)[M]['args']>;
}

export const DEFAULT_LABELS: Label[] = [
  { id: 'quote', name: 'Quote', color: '#f2b134', hotkey: 'q' },
  { id: 'speaker', name: 'Speaker', color: '#4aa3df', hotkey: 's' },
  { id: 'claim', name: 'Claim', color: '#e0607e', hotkey: 'c' },
];
