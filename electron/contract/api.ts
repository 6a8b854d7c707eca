// The one seam between the UI and everything else, gathered in one place so an importer needs
// one path: the window's part of the contract (window-api.ts: the types, rules and words) and
// the zod schemas the hosts and services parse with. The window imports window-api.ts only.
export * from './window-api.js';

export { annotatorApiSchema, apiErrorSchema, apiMethods, isApiMethod, parseArgs } from './methods.js';
export { annotationColumnsSchema, annotationSchema, curatedSourceSchema, labelSchema } from './schemas/annotations.js';
export { appearanceSchema, speakerSchema } from './schemas/speakers.js';
export {
  base64ContentSchema,
  base64Problem,
  compactionPlanSchema,
  documentSummarySchema,
  pastedDocumentSchema,
  importFileSchema,
  openedDocumentSchema,
  pageAt,
  readOptionsSchema,
  reanchorReportSchema,
  recentFileSchema,
  rereadResultSchema,
  sourceStateSchema,
} from './schemas/documents.js';
export { CLAIM_HISTORY_FIELDS, claimConflictSchema, claimFieldsSchema, claimHistoryEntrySchema, claimRowSchema, reviewSettingsSchema, sourceSchema, statusSchema } from './schemas/review.js';
export { changeSchema, documentFieldsSchema, parseChange } from './schemas/changes.js';
export { agreementReportSchema, annotatorCountSchema, byAnnotator, exportResultSchema } from './schemas/exports.js';
export { DISAGREEMENT_LIMITS, disagreementReportSchema } from './schemas/disagreements.js';
export { importConflictSchema, importReportSchema } from './schemas/imports.js';
export { sessionSchema } from './schemas/session.js';
export { NO_CALLER, callerSchema, parseCaller, personSchema } from './schemas/people.js';
export { SYNC_STATES, linkTeamArgsSchema, quarantinedDocumentSchema, syncConflictSchema, syncResultSchema, teamStatusSchema } from './schemas/team.js';
