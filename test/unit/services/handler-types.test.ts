// The handlers are typed against the contract: a handler whose arguments or result differ from
// its method's is a compile error (npm run typecheck runs over this file too).
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../electron/services/handlers/api-handlers.js';

describe('the handlers against the contract', () => {
  it('refuses, at compile time, a handler with the wrong result or arguments', () => {
    // @ts-expect-error listRecentFiles answers a list of recent files, not a number
    const wrongResult: ApiHandlers['listRecentFiles'] = async () => 5;
    // @ts-expect-error listAnnotations is given documentId and startingFrom, never a page
    const wrongArgs: ApiHandlers['listAnnotations'] = async (args: { page: number }) => ({ ids: [args.page] });
    const right: ApiHandlers['openExternalLink'] = async (args) => ({ opened: args.url.startsWith('https:') });
    expect([typeof wrongResult, typeof wrongArgs, typeof right]).toEqual(['function', 'function', 'function']);
  });
});
