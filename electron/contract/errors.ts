// The contract's plain values, kept apart from the zod schemas so the renderer can use them
// without bundling zod.

/** The largest file the app will open; bigger ones get a clear refusal, not a frozen window. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** The longest note a highlight keeps; the note box stops there too. */
export const MAX_NOTE_LENGTH = 20_000;

/**
 * Limits a stored value must keep: loading refuses a workspace.json that breaks them, so every
 * write path checks against these same numbers before it is accepted.
 */
export const SPEAKER_LIMITS = { name: 300, otherName: 300, otherNames: 50, role: 300, organisation: 300, notes: 5000 } as const;
/** A canonical URL longer than this is no usable link; an import keeps the page without it. */
export const MAX_SOURCE_URL_LENGTH = 2000;
export const MAX_FILE_PATH_LENGTH = 4096;

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
