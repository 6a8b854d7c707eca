// Both transports end here: arguments are parsed against the contract before any service
// sees them, and every failure becomes a message a person can act on.
import { ApiError, isApiMethod, parseArgs, type ApiErrorCode } from '../../contract/api.js';
import { StoreFileError, isDiskFull } from '../store/durable-json-file.js';
import type { createApiHandlers } from '../annotator-service.js';

export type ApiHandlerMap = ReturnType<typeof createApiHandlers>;

export type ApiResponse = { ok: true; result: unknown } | { ok: false; error: { code: ApiErrorCode; message: string } };

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

export async function dispatchApiCall(handlers: ApiHandlerMap, method: unknown, rawArgs: unknown): Promise<ApiResponse> {
  try {
    if (!isApiMethod(method)) throw new ApiError('bad-request', `There is no API method called ${JSON.stringify(method)}.`);
    const args = parseArgs(method, rawArgs);
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(args) };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') console.error(`[annotator] ${String(method)} failed:`, error);
    return { ok: false, error: apiError };
  }
}
