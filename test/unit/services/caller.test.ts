// The window's person travels beside each call's arguments and reaches the handler parsed.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/contract/api.js';
import { dispatchApiCall, type ApiHandlerMap } from '../../../electron/services/handlers/api-dispatcher.js';

function handlersSeeing(seen: Caller[]): ApiHandlerMap {
  return { listAnnotators: async (_args: unknown, caller: Caller) => (seen.push(caller), []) } as unknown as ApiHandlerMap;
}

describe('the caller beside the arguments', () => {
  it('hands the handler the window’s person, and no one when none was sent', async () => {
    const seen: Caller[] = [];
    const handlers = handlersSeeing(seen);
    expect((await dispatchApiCall(handlers, 'listAnnotators', {}, { person: { id: 'p-ana', name: ' Ana Ortiz ' } })).ok).toBe(true);
    expect((await dispatchApiCall(handlers, 'listAnnotators', {})).ok).toBe(true);
    expect(seen).toEqual([{ person: { id: 'p-ana', name: 'Ana Ortiz' } }, { person: null }]);
  });

  it('refuses a malformed person in words instead of guessing who it was', async () => {
    const seen: Caller[] = [];
    const answer = await dispatchApiCall(handlersSeeing(seen), 'listAnnotators', {}, { person: { id: '../etc', name: '' } });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/person is malformed/);
    expect(seen).toEqual([]);
  });
});

describe('madeBy', () => {
  it('knows a person’s highlights by id, and older ones (no id) by name', async () => {
    const { madeBy } = await import('../../../electron/contract/api.js');
    const ana = { id: 'p-ana', name: 'Ana' };
    expect(madeBy({ author: 'Ana', authorId: 'p-ana' }, ana)).toBe(true);
    expect(madeBy({ author: 'Ana', authorId: 'p-other-ana' }, ana)).toBe(false);
    expect(madeBy({ author: 'Ana' }, ana)).toBe(true);
    expect(madeBy({ author: '' }, { id: 'p-x', name: ' ' })).toBe(false);
    expect(madeBy({ author: 'Ana' }, null)).toBe(false);
  });
});
