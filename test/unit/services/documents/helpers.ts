// Shared by the document reader tests: byte builders and a refusal catcher.
import { expect } from 'vitest';
import { ApiError, type ApiErrorCode } from '../../../../electron/contract/api.js';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
export const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

/** A sentence telling the user what to do next. */
export const ACTION = /\b(Open|open|Save|Split|Check|Choose|choose)\b/;

export async function refusal(run: () => unknown): Promise<ApiError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a refusal, but the file was accepted');
}

export async function refused(run: () => unknown, code: ApiErrorCode): Promise<ApiError> {
  const error = await refusal(run);
  expect(error.code, error.message).toBe(code);
  return error;
}

/** Deterministic "random" bytes, so a failure can be reproduced. */
export function pseudoRandomBytes(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}
