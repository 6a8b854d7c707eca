// Both transports end here: arguments are parsed against the contract before any service
// sees them, and every failure becomes a message a person can act on.
import { ApiError, isApiMethod, parseArgs, parseCaller, type ApiErrorCode, type Caller } from '../../contract/api.js';
import { toApiError } from '../api-errors.js';
import type { ApiHandlers } from './api-handlers.js';

export type ApiHandlerMap = ApiHandlers;

export type ApiResponse = { ok: true; result: unknown } | { ok: false; error: { code: ApiErrorCode; message: string } };


/** `rawCaller` is what the transport brought beside the arguments: the window's person (see people.ts). */
export async function dispatchApiCall(handlers: ApiHandlerMap, method: unknown, rawArgs: unknown, rawCaller?: unknown): Promise<ApiResponse> {
  try {
    if (!isApiMethod(method)) throw new ApiError('bad-request', `There is no API method called ${JSON.stringify(method)}.`);
    const args = parseArgs(method, rawArgs);
    const caller = parseCaller(rawCaller);
    const handler = handlers[method] as (args: unknown, caller: Caller) => Promise<unknown>;
    return { ok: true, result: await handler(args, caller) };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') console.error(`[annotator] ${String(method)} failed:`, error);
    return { ok: false, error: apiError };
  }
}
