// What a refused write means to the caller: the disk is full or the folder cannot be written,
// nothing was saved, and the same changes sent again will be saved.
import { ApiError } from '../../contract/api.js';
import { StoreFileError, isDiskFull } from './durable-json-file.js';

/**
 * A write the disk refused, as the API reports it: 'disk-full' or 'write-failed', both meaning
 * nothing was saved and sending the same changes again will save them. Other errors pass as they are.
 */
export function writeFailure(error: unknown): unknown {
  if (error instanceof ApiError || error instanceof StoreFileError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  if (isDiskFull(error)) {
    return new ApiError('disk-full', 'The disk holding the workspace is full, so the last changes were not saved. Free some space on it; sent again, they are saved.');
  }
  return new ApiError(
    'write-failed',
    `The workspace folder could not be written (${code}: ${(error as Error).message}), so the last changes were not saved; sent again once it can be written, they are saved.`,
  );
}

export function isWriteFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'disk-full' || error.code === 'write-failed');
}

/** Resolves the promise handled, so a caller that never awaits it does not crash Node. */
export function refusal(error: unknown): Promise<never> {
  const promise = Promise.reject(error);
  promise.catch(() => undefined);
  return promise;
}

