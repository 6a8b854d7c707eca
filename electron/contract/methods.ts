// The method list: every AnnotatorApi method's argument and result schemas. Both hosts (Electron
// IPC and the browser host) parse with these, so a method exists only if it is here.
import { z } from 'zod';
import { API_METHOD_NAMES } from './channels.js';
import { ApiError } from './errors.js';
import { annotationColumnsSchema } from './schemas/annotations.js';
import { idSchema as id, isRuleIssue } from './schemas/common.js';
import {
  base64ContentSchema,
  compactionPlanSchema,
  documentSummarySchema,
  pastedDocumentSchema,
  importFileSchema,
  openedDocumentSchema,
  readOptionsSchema,
  recentFileSchema,
  rereadResultSchema,
  sourceStateSchema,
} from './schemas/documents.js';
import { importReportSchema } from './schemas/imports.js';
import { agreementReportSchema, annotatorCountSchema, exportResultSchema } from './schemas/exports.js';
import { EXPORT_FORMATS, TEXT_ENCODINGS } from './vocabulary.js';
import { disagreementReportSchema, listDisagreementsArgsSchema } from './schemas/disagreements.js';
import { MAX_ANNOTATOR_NAME_LENGTH } from './limits.js';
import { claimHistoryEntrySchema, claimRowSchema } from './schemas/review.js';
import { sessionSchema } from './schemas/session.js';
import { MAX_REJECTED_AT_ONCE, suggestionRunIdSchema, suggestionsResultSchema } from './schemas/suggestions.js';
import { appearanceSchema } from './schemas/speakers.js';
import { linkTeamArgsSchema, quarantinedDocumentSchema, syncConflictSchema, syncResultSchema, teamStatusSchema } from './schemas/team.js';

const none = z.object({}).strict();
/** Some annotators' highlights only ('' is the highlights with no author); see collectDataset. */
const authorsSchema = z.array(z.string().max(MAX_ANNOTATOR_NAME_LENGTH)).min(1, 'choose at least one annotator, or leave authors out for everyone').max(10_000);

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
  /**
   * Text pasted into the window becomes a 'text' document (the same size limit, and the same
   * text is one document, as for files).
   */
  addPastedDocument: { args: pastedDocumentSchema, result: documentSummarySchema },
  /** Deletes removed documents' snapshots and annotation files for good; dryRun says what it would delete. */
  compactWorkspace: { args: z.object({ dryRun: z.boolean().optional() }).strict(), result: compactionPlanSchema },
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
  /**
   * Quotes, speakers and claims proposed for the document, off the window's thread. fresh: run
   * the suggester now; otherwise only the pre-annotations saved for its text (none: empty).
   * Rejected ones and ones an existing highlight already covers are left out.
   */
  suggestAnnotations: { args: z.object({ documentId: id, fresh: z.boolean(), runId: suggestionRunIdSchema.optional() }), result: suggestionsResultSchema },
  /** Stops the run the window named (it opened another document): its worker ends, the request fails as 'cancelled'. */
  cancelSuggestions: { args: z.object({ runId: suggestionRunIdSchema }), result: z.object({ cancelled: z.boolean() }) },
  /** Suggestions rejected for the document's text: not proposed again for it. */
  rejectSuggestions: { args: z.object({ documentId: id, keys: z.array(z.string().min(1).max(200)).max(MAX_REJECTED_AT_ONCE) }), result: z.object({ rejected: z.number().int() }) },
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
      /**
       * Only the highlights by these annotators ('' is the highlights with no author); every one
       * when absent. A name that is not among the workspace's annotators is refused.
       */
      authors: authorsSchema.optional(),
      /** 'curated': only the curated layer's highlights (see curation.ts); 'all' (or absent): every layer. */
      layer: z.enum(['all', 'curated']).optional(),
      /** Train, dev and test sets by document; the same seed gives the same split. */
      split: z.object({ ratios: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]), seed: z.number().int() }).optional(),
    }),
    result: exportResultSchema,
  },
  /** Who made the workspace's highlights, with how many each ('' for highlights with no author): the Export dialog's choice. */
  listAnnotators: { args: none, result: z.array(annotatorCountSchema) },
  /** Annotation files (and their documents) from other tools; a malformed file imports nothing. */
  importAnnotationFiles: {
    /** dryRun: count what it would do (the window's preview) and write nothing. */
    args: z.object({ files: z.array(importFileSchema).min(1).max(500), dryRun: z.boolean().optional() }),
    result: importReportSchema,
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
  /** Agreement between annotators (these only, when named) on the documents two or more of them annotated. */
  measureAgreement: { args: z.object({ authors: authorsSchema.optional() }).strict(), result: agreementReportSchema },
  /** Where those annotators disagree, per document (counted by kind; the list capped at `limit`). */
  listDisagreements: { args: listDisagreementsArgsSchema, result: disagreementReportSchema },
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
  // Team sync (see services/sync/team-sync-api.ts). A host without it says so in words.
  /** The live status, and how this host keeps the password (null when unlinked or unknown). */
  // `changedAfter`: the version the window holds; the answer waits (up to ~20 s) for the next change, so the status is live without polling.
  getTeamStatus: {
    args: z.object({ changedAfter: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional() }).strict(),
    result: teamStatusSchema.extend({ passwordKept: z.string().max(300).nullable(), version: z.number().int().nonnegative() }),
  },
  /**
   * Team changes that reached this workspace after version `after` (none given: the version now),
   * answered when they arrive (or empty after ~20 s): the documents they touched, null for all.
   */
  waitTeamArrivals: {
    args: z.object({ after: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional() }).strict(),
    result: z.object({ version: z.number().int().nonnegative(), documentIds: z.array(z.string().max(200)).max(100_000).nullable() }),
  },
  /** Checks the server and the password before the link is saved; the password never comes back. */
  linkTeam: { args: linkTeamArgsSchema, result: teamStatusSchema },
  /** Forgets the link and the password; the workspace stays as it is. */
  unlinkTeam: { args: none, result: teamStatusSchema },
  syncTeamNow: { args: none, result: syncResultSchema },
  listSyncConflicts: { args: none, result: z.array(syncConflictSchema) },
  /** Keeps one version (by its revision) of a shared document in conflict, on every machine. */
  resolveSyncConflict: { args: z.object({ id: z.string().min(1).max(300), keepRev: z.string().min(1).max(200) }).strict(), result: teamStatusSchema },
  listQuarantined: { args: none, result: z.array(quarantinedDocumentSchema) },
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

/** Parse arguments for a method, turning zod's report into one readable sentence. */
export function parseArgs<M extends ApiMethod>(method: M, raw: unknown): z.infer<(typeof annotatorApiSchema)[M]['args']> {
  const parsed = annotatorApiSchema[method].args.safeParse(raw ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    // A contract rule's refusal keeps its own words (the window shows the same ones).
    if (isRuleIssue(first)) throw new ApiError('bad-request', first!.message);
    const where = first && first.path.length ? ` (at ${first.path.join('.')})` : '';
    throw new ApiError('bad-request', `Invalid arguments for ${method}${where}: ${first?.message ?? 'malformed'}.`);
  }
  return parsed.data as z.infer<(typeof annotatorApiSchema)[M]['args']>;
}
