// ApiError and its codes. Plain values, kept apart from the zod schemas so the renderer can use
// them without bundling zod.

// The limits live in limits.ts; the renderer has long read these from here.
export { MAX_DOCUMENT_BYTES, MAX_FILE_PATH_LENGTH, MAX_NOTE_LENGTH, MAX_PAGES, MAX_SOURCE_URL_LENGTH, SPEAKER_LIMITS } from './limits.js';

/** Error codes the UI can act on; the message is always written for a person. */
export type ApiErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'empty-file'
  | 'binary-file'
  | 'not-utf8'
  /** Not text in the encoding chosen or declared, or in one this version reads. */
  | 'bad-encoding'
  | 'too-large'
  | 'unsupported'
  | 'store-error'
  /** The disk is full: nothing was saved; the same changes sent again are saved once space is freed. */
  | 'disk-full'
  /** The disk refused a write (an I/O or permission error): nothing was saved; sending again retries it. */
  | 'write-failed'
  /** A store file is damaged: nothing is written until a backup is restored. */
  | 'read-only'
  /** Another Newsroom Annotator is writing this workspace. */
  | 'workspace-in-use'
  | 'internal'
  /** The window called the request off (cancelSuggestions): nothing to show or report. */
  | 'cancelled'
  /** The host did not answer at all (set by a transport, never by a service). */
  | 'unreachable';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
