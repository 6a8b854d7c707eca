// Every failure as a message a person can act on: the hosts send it to the window, and the
// services use it where one file's failure is reported and the rest go on. Imports no service.
import { ApiError, type ApiErrorCode } from '../contract/api.js';
import { StoreFileError, isDiskFull } from './store/durable-json-file.js';

export function toApiError(error: unknown): { code: ApiErrorCode; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof StoreFileError) return { code: 'store-error', message: error.message };
  // A full disk met outside the store's writers (an import's text snapshot, an export's files).
  if (isDiskFull(error)) {
    return { code: 'disk-full', message: 'The disk is full, so this could not be finished. Everything saved before is still on disk; free some space and try again.' };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong: ${reason}. Everything saved before this is still on disk.`,
  };
}
