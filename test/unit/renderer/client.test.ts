import { describe, expect, it } from 'vitest';
import { ApiError, apiMethods, type ApiMethod } from '../../../electron/contract/api.js';
import { clientFromCaller, unwrap } from '../../../renderer/src/api/client.js';

type Envelope = Parameters<typeof unwrap>[0];

describe('unwrap', () => {
  it('returns the result of an ok envelope', () => {
    expect(unwrap<{ applied: number }>({ ok: true, result: { applied: 3 } })).toEqual({ applied: 3 });
  });

  it('throws an ApiError with the code and message of an error envelope', () => {
    let caught: unknown;
    try {
      unwrap({ ok: false, error: { code: 'not-utf8', message: 'Save it as UTF-8.' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as ApiError).code).toBe('not-utf8');
    expect((caught as ApiError).message).toBe('Save it as UTF-8.');
    expect((caught as ApiError).name).toBe('ApiError');
  });
});

describe('clientFromCaller', () => {
  function recording(answer: (method: ApiMethod, args: unknown) => Envelope) {
    const calls: { method: ApiMethod; args: unknown }[] = [];
    const client = clientFromCaller(
      async (method, args) => {
        calls.push({ method, args });
        return answer(method, args);
      },
      { onHostEvent: () => () => undefined },
    );
    return { client, calls };
  }

  it('has one function per contract method, each calling through with its own name', async () => {
    const { client, calls } = recording((method) => ({ ok: true, result: `answer of ${method}` }));
    for (const method of apiMethods) {
      const fn = client[method] as (args: unknown) => Promise<unknown>;
      expect(await fn({ marker: method })).toBe(`answer of ${method}`);
    }
    expect(calls.map((call) => call.method)).toEqual(apiMethods);
    expect(calls.map((call) => (call.args as { marker: string }).marker)).toEqual(apiMethods);
  });

  it('sends {} when called without arguments', async () => {
    const { client, calls } = recording(() => ({ ok: true, result: null }));
    await (client.getSession as (args?: unknown) => Promise<unknown>)();
    expect(calls).toEqual([{ method: 'getSession', args: {} }]);
  });

  it('rejects with an ApiError carrying the code and message of an error envelope', async () => {
    const { client } = recording(() => ({ ok: false, error: { code: 'too-large', message: '"a.txt" is 60.0 MB. Split it.' } }));
    const error = await client.importFile({ fileName: 'a.txt', contentBase64: '' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'too-large', message: '"a.txt" is 60.0 MB. Split it.' });
  });

  it('passes a transport failure through', async () => {
    const client = clientFromCaller(
      async () => {
        throw new Error('channel closed');
      },
      { onHostEvent: () => () => undefined },
    );
    await expect(client.getSession({})).rejects.toThrow('channel closed');
  });

  it('keeps the extras it was given', () => {
    const sent: unknown[] = [];
    const unsubscribe = () => undefined;
    const client = clientFromCaller(async () => ({ ok: true, result: null }), {
      onHostEvent: () => unsubscribe,
      sendOnUnload: (_method, args) => void sent.push(args),
    });
    expect(client.onHostEvent(() => undefined)).toBe(unsubscribe);
    client.sendOnUnload?.('applyChanges', { changes: [] });
    expect(sent).toEqual([{ changes: [] }]);
  });
});
