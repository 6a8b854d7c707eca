// The one seam between the UI and everything else, gathered in one place so an importer needs
// one path. Where each part lives:
//   methods.ts         the method list: every method's argument and result schemas
//   schemas/*.ts       the wire shapes by domain: annotations (and labels), speakers, documents,
//                      review (claims, the verdict scale), changes, exports, session
//   *-rules.ts         rules the window and the services both apply, with the same words
//   defaults.ts        what a new workspace starts with; keys.ts, the keys the window keeps
//   limits.ts          how much a stored value may hold (plain values, like the rules: no zod)
//   errors.ts          ApiError and its codes
export { ApiError, MAX_DOCUMENT_BYTES, MAX_FILE_PATH_LENGTH, MAX_NOTE_LENGTH, MAX_PAGES, MAX_SOURCE_URL_LENGTH, SPEAKER_LIMITS, type ApiErrorCode } from './errors.js';

export { annotatorApiSchema, apiErrorSchema, apiMethods, isApiMethod, parseArgs, type AnnotatorApi, type ApiArgs, type ApiMethod, type ApiResult } from './methods.js';

export {
  QUOTE_KINDS,
  annotationColumnsSchema,
  annotationSchema,
  curatedSourceSchema,
  labelSchema,
  type Annotation,
  type AnnotationColumns,
  type CuratedSource,
  type Label,
  type QuoteKind,
} from './schemas/annotations.js';
export { appearanceSchema, speakerSchema, type Appearance, type Speaker } from './schemas/speakers.js';
export {
  DOCUMENT_FORMATS,
  ENCODING_NAMES,
  TEXT_ENCODINGS,
  TRANSCRIPT_FORMATS,
  UNENCODED_FORMATS,
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
  type CompactionPlan,
  type DocumentFormat,
  type DocumentSummary,
  type OpenedDocument,
  type ReadOptions,
  type ReanchorReport,
  type RecentFile,
  type SourceState,
  type TextEncoding,
} from './schemas/documents.js';
export {
  CHECK_WORTHINESS,
  CLAIM_HISTORY_FIELDS,
  claimConflictSchema,
  claimFieldsSchema,
  claimHistoryEntrySchema,
  claimRowSchema,
  reviewSettingsSchema,
  sourceSchema,
  statusSchema,
  type CheckWorthiness,
  type ClaimConflict,
  type ClaimFields,
  type ClaimHistoryEntry,
  type ClaimRow,
  type ReviewSettings,
  type Source,
  type Status,
} from './schemas/review.js';
export { changeSchema, documentFieldsSchema, parseChange, type Change, type ChangeRefusal, type DocumentFields } from './schemas/changes.js';
export { DOCUMENT_FIELD_LIMITS, DOCUMENT_FIELD_NAMES, EDITABLE_DOCUMENT_FIELDS, documentFieldProblem, isCalendarDate, pastedTextProblem, publicationDateFrom, suggestedTitle, utf8Length, type EditableDocumentField } from './document-rules.js';
export { EXPORT_FORMATS, agreementReportSchema, annotatorCountSchema, byAnnotator, exportResultSchema, type AnnotatorCount, type ExportFormat, type ExportResultOnWire } from './schemas/exports.js';
export {
  DISAGREEMENT_KINDS,
  DISAGREEMENT_KIND_NAMES,
  DISAGREEMENT_LIMITS,
  disagreementReportSchema,
  type Disagreement,
  type DisagreementCounts,
  type DisagreementKind,
  type DisagreementReport,
  type DisagreementVersion,
} from './schemas/disagreements.js';
export { importConflictSchema, importReportSchema, type ImportConflict, type ImportReport } from './schemas/imports.js';
export { sessionSchema, type Session } from './schemas/session.js';
export {
  BLIND_AGREEMENT_NOTICE,
  DESK_REVIEW_FIELDS,
  EDITOR_VIEW_NOTICE,
  HIDDEN_HIGHLIGHT_PROBLEM,
  NO_PERSON_DONE_PROBLEM,
  blindViewOf,
  isDeskReview,
  isDoneBy,
  visibleTo,
  type BlindView,
  type DeskReviewField,
  type DoneMark,
} from './blind-rules.js';
export { NO_CALLER, callerSchema, madeBy, parseCaller, personSchema, type Caller, type Person } from './schemas/people.js';

export { factCheckAddressProblem, isFactCheckAddress, isWebLink } from './link-rules.js';
export {
  BUILT_IN_LABEL_IDS,
  isBuiltInLabel,
  labelColourProblem,
  labelDeletionProblem,
  labelKeyProblem,
  labelNameProblem,
  labelProblem,
  type LabelFields,
} from './label-rules.js';
export { SCALE_COUNT_PROBLEMS, isVerdict, scaleProblem, statusKeyProblem, statusNameProblem, statusesInUseProblem, verdictRating, type StatusFields } from './scale-rules.js';
export { VERSIONS_DISAGREE_REASON, claimVersionGroups, versionsDisagreeLine, type ClaimVersionGroup, type VersionedClaim } from './claim-versions.js';
export { CLAIM_LIMITS, MAX_ANNOTATOR_NAME_LENGTH, MAX_LABEL_NAME_LENGTH, REVIEW_SETTINGS_LIMITS, SCALE_LIMITS } from './limits.js';

export { DEFAULT_LABELS, DEFAULT_STATUSES, SCHEMA_VERSION } from './defaults.js';
export { RESERVED_KEYS, REVIEW_DESK_KEYS } from './keys.js';
export {
  SYNC_STATES,
  linkTeamArgsSchema,
  quarantinedDocumentSchema,
  syncConflictSchema,
  syncResultSchema,
  teamStatusSchema,
  type LinkTeamArgs,
  type QuarantinedDocument,
  type SyncConflict,
  type SyncResult,
  type SyncState,
  type TeamStatus,
} from './schemas/team.js';
