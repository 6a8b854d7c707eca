// The contract as the window takes it: every type, and the plain values (rules, words, limits),
// never a schema. The hosts parse with zod at the boundary; the window does not, so zod (half of
// the window's bundle) stays out of it. api.ts is this plus the schemas, for the hosts and services.
// Where each part lives:
//   methods.ts         the method list: every method's argument and result schemas
//   schemas/*.ts       the wire shapes by domain: annotations (and labels), speakers, documents,
//                      review (claims, the verdict scale), changes, exports, session, people, team
//   *-rules.ts         rules the window and the services both apply, with the same words
//   vocabulary.ts      the kinds and formats the schemas' enums are built from
//   defaults.ts        what a new workspace starts with; keys.ts, the keys the window keeps
//   limits.ts          how much a stored value may hold
//   errors.ts          ApiError and its codes
export { ApiError, MAX_DOCUMENT_BYTES, MAX_FILE_PATH_LENGTH, MAX_NOTE_LENGTH, MAX_PAGES, MAX_SOURCE_URL_LENGTH, SPEAKER_LIMITS, type ApiErrorCode } from './errors.js';

export type { AnnotatorApi, ApiArgs, ApiMethod, ApiResult } from './methods.js';
export type { Annotation, AnnotationColumns, CuratedSource, Label } from './schemas/annotations.js';
export type { Appearance, Speaker } from './schemas/speakers.js';
export type { CompactionPlan, DocumentSummary, OpenedDocument, ReadOptions, ReanchorReport, RecentFile, SourceState } from './schemas/documents.js';
export type { ClaimConflict, ClaimFields, ClaimHistoryEntry, ClaimRow, ReviewSettings, Source, Status } from './schemas/review.js';
export type { Change, ChangeRefusal, DocumentFields } from './schemas/changes.js';
export type { AnnotatorCount, ExportResultOnWire } from './schemas/exports.js';
export type { Disagreement, DisagreementCounts, DisagreementReport, DisagreementVersion } from './schemas/disagreements.js';
export type { ImportConflict, ImportReport } from './schemas/imports.js';
export type { Session } from './schemas/session.js';
export type { Suggestion, SuggestionsResult } from './schemas/suggestions.js';
export type { Caller } from './schemas/people.js';
export type { LinkTeamArgs, QuarantinedDocument, SyncConflict, SyncResult, SyncState, TeamStatus } from './schemas/team.js';

export {
  CHECK_WORTHINESS,
  DISAGREEMENT_KINDS,
  DISAGREEMENT_KIND_NAMES,
  DOCUMENT_FORMATS,
  ENCODING_NAMES,
  EXPORT_FORMATS,
  QUOTE_KINDS,
  TEXT_ENCODINGS,
  TRANSCRIPT_FORMATS,
  UNENCODED_FORMATS,
  type CheckWorthiness,
  type DisagreementKind,
  type DocumentFormat,
  type ExportFormat,
  type QuoteKind,
  type TextEncoding,
} from './vocabulary.js';
export { DOCUMENT_FIELD_LIMITS, DOCUMENT_FIELD_NAMES, EDITABLE_DOCUMENT_FIELDS, documentFieldProblem, isCalendarDate, pastedTextProblem, publicationDateFrom, suggestedTitle, utf8Length, type EditableDocumentField } from './document-rules.js';
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
export { isId, madeBy, personOf, type Person } from './people-rules.js';
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
export { CLAIM_LIMITS, ID_PATTERN, MAX_ANNOTATOR_NAME_LENGTH, MAX_ID_LENGTH, MAX_LABEL_NAME_LENGTH, REVIEW_SETTINGS_LIMITS, SCALE_LIMITS } from './limits.js';
export { DEFAULT_LABELS, DEFAULT_STATUSES, SCHEMA_VERSION } from './defaults.js';
export { RESERVED_KEYS, REVIEW_DESK_KEYS } from './keys.js';
