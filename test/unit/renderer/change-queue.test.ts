import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Change } from '../../../electron/contract/api.js';
import { ChangeQueue, RETRY_MS, type Outbox, type RefusedChange, type SaveStatus } from '../../../renderer/src/state/change-queue.js';
import { fakeClient, settle } from '../../helpers/fake-client.js';

const create = (id: string, start = 0): Change => ({ kind: 'createAnnotation', documentId: 'doc-1', annotationId: id, labelId: 'quote', start, end: start + 3 });
const note = (id: string, text: string, documentId = 'doc-1'): Change => ({ kind: 'updateAnnotation', documentId, annotationId: id, note: text });

function setup(options?: { withUnload?: boolean }) {
  const fake = fakeClient(options);
  const statuses: SaveStatus[] = [];
  const errors: unknown[] = [];
  const refusals: RefusedChange[][] = [];
  const queue = new ChangeQueue(fake.client, {
    onStatus: (status) => statuses.push(status),
    onUnreachable: (error) => errors.push(error),
    onRefused: (refused) => refusals.push(refused),
  });
  return { ...fake, queue, statuses, errors, refusals };
}

function memoryOutbox(initial: Change[] = []): Outbox & { stored: Change[] } {
  const outbox = {
    stored: structuredClone(initial),
    load: () => structuredClone(outbox.stored),
    save: (changes: readonly Change[]) => void (outbox.stored = structuredClone([...changes])),
  };
  return outbox;
}

describe('ChangeQueue', () => {
  it('sends the first change at once, alone', () => {
    const { queue, batches, statuses } = setup();
    queue.push(create('a'));
    expect(batches.map((b) => b.changes)).toEqual([[create('a')]]);
    expect(statuses).toEqual(['saving']);
    expect(queue.pending).toBe(1);
  });

  it('sends one batch at a time, in order; changes made meanwhile go in the next batch', async () => {
    const { queue, batches, statuses } = setup();
    queue.push(create('a'));
    queue.push(create('b'));
    queue.push(create('c'));
    expect(batches).toHaveLength(1);
    expect(queue.pending).toBe(3);
    batches[0]!.resolve();
    await settle();
    expect(batches).toHaveLength(2);
    expect(batches[1]!.changes).toEqual([create('b'), create('c')]);
    queue.push(create('d'));
    await settle();
    expect(batches).toHaveLength(2);
    batches[1]!.resolve();
    await settle();
    expect(batches[2]!.changes).toEqual([create('d')]);
    batches[2]!.resolve();
    await settle();
    expect(batches).toHaveLength(3);
    expect(statuses.at(-1)).toBe('saved');
    expect(queue.pending).toBe(0);
  });

  it('folds consecutive note updates of one annotation into the newest', async () => {
    const { queue, batches } = setup();
    queue.push(create('a'));
    for (const text of ['W', 'We', 'We w', 'We will']) queue.push(note('a', text));
    batches[0]!.resolve();
    await settle();
    expect(batches[1]!.changes).toEqual([note('a', 'We will')]);
  });

  it('keeps every field when a label change and a note change of one annotation are folded', async () => {
    const { queue, batches } = setup();
    queue.push(create('a'));
    queue.push({ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a', labelId: 'claim' });
    queue.push({ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a', speakerId: 'spk-1' });
    queue.push(note('a', 'checked'));
    batches[0]!.resolve();
    await settle();
    expect(batches[1]!.changes).toEqual([{ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a', labelId: 'claim', speakerId: 'spk-1', note: 'checked' }]);
  });

  it('merges claim fields when folding two updates of one claim', async () => {
    const { queue, batches } = setup();
    queue.push(create('a'));
    queue.push({ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a', claim: { tags: ['budget'] } });
    queue.push({ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a', claim: { status: 'false' } });
    batches[0]!.resolve();
    await settle();
    expect(batches[1]!.changes).toEqual([{ kind: 'updateAnnotation', documentId: 'doc-1', annotationId: 'a', claim: { tags: ['budget'], status: 'false' } }]);
  });

  it('does not fold updates of different annotations, or across another change, or into a batch already sent', async () => {
    const { queue, batches } = setup();
    queue.push(note('a', 'sent'));
    queue.push(note('a', 'one'));
    queue.push(note('b', 'two'));
    queue.push(note('a', 'three'));
    queue.push({ kind: 'deleteAnnotation', documentId: 'doc-1', annotationId: 'a' });
    queue.push(note('a', 'four'));
    queue.push(note('a', 'four', 'doc-2'));
    expect(batches[0]!.changes).toEqual([note('a', 'sent')]);
    batches[0]!.resolve();
    await settle();
    expect(batches[1]!.changes).toEqual([
      note('a', 'one'),
      note('b', 'two'),
      note('a', 'three'),
      { kind: 'deleteAnnotation', documentId: 'doc-1', annotationId: 'a' },
      note('a', 'four'),
      note('a', 'four', 'doc-2'),
    ]);
  });

  it('splits a long backlog into batches of at most 5000 (the contract’s limit)', async () => {
    const { queue, batches } = setup();
    queue.push(create('first'));
    for (let i = 0; i < 6001; i++) queue.push(create(`c${i}`, i));
    batches[0]!.resolve();
    await settle();
    expect(batches[1]!.changes).toHaveLength(5000);
    expect(batches[1]!.changes[0]).toEqual(create('c0', 0));
    batches[1]!.resolve();
    await settle();
    expect(batches[2]!.changes).toHaveLength(1001);
    expect(batches[2]!.changes.at(-1)).toEqual(create('c6000', 6000));
  });

  it('flushOnUnload hands the waiting changes to sendOnUnload, once', async () => {
    const { queue, batches, unloads } = setup();
    queue.push(create('a'));
    queue.push(create('b'));
    queue.push(note('b', 'x'));
    queue.flushOnUnload();
    expect(unloads).toEqual([{ method: 'applyChanges', args: { changes: [create('b'), note('b', 'x')] } }]);
    // They are not sent a second time when the batch in flight is answered.
    batches[0]!.resolve();
    await settle();
    expect(batches).toHaveLength(1);
    queue.flushOnUnload();
    expect(unloads).toHaveLength(1);
  });

  it('flushOnUnload with nothing waiting sends nothing', () => {
    const { queue, unloads } = setup();
    queue.flushOnUnload();
    queue.push(create('a'));
    queue.flushOnUnload();
    expect(unloads).toEqual([]);
  });

  it('flushOnUnload without an unload path does not throw', () => {
    const { queue } = setup({ withUnload: false });
    queue.push(create('a'));
    queue.push(create('b'));
    expect(() => queue.flushOnUnload()).not.toThrow();
  });

  it('reports changes the host refused, keeps "failed" until the screen is reloaded, and carries on', async () => {
    const { queue, batches, statuses, refusals } = setup();
    queue.push(create('a'));
    queue.push(create('b'));
    queue.push(create('c'));
    batches[0]!.resolve();
    await settle();
    batches[1]!.resolve([{ index: 0, code: 'bad-request', message: 'The range 0–3 is outside "story".' }]);
    await settle();
    expect(refusals).toEqual([[{ index: 0, code: 'bad-request', message: 'The range 0–3 is outside "story".', change: create('b') }]]);
    expect(statuses.at(-1)).toBe('failed');
    queue.push(create('d'));
    batches[2]!.resolve();
    await settle();
    // Still failed: what is on screen is not what was saved, until it is reloaded.
    expect(statuses.at(-1)).toBe('failed');
    queue.resynced();
    expect(statuses.at(-1)).toBe('saved');
  });

  it('treats a batch the host answered with an error as refused in whole, not as a reason to retry', async () => {
    const { queue, batches, refusals, errors } = setup();
    queue.push(create('a'));
    batches[0]!.reject(new ApiError('bad-request', 'Invalid arguments for applyChanges.'));
    await settle();
    expect(refusals[0]!.map((r) => [r.change, r.message])).toEqual([[create('a'), 'Invalid arguments for applyChanges.']]);
    expect(errors).toEqual([]);
    expect(queue.pending).toBe(0);
  });

  it('keeps a batch the host did not answer, says so once, and sends it again', async () => {
    vi.useFakeTimers();
    try {
      const { queue, batches, statuses, errors } = setup();
      queue.push(create('a'));
      batches[0]!.reject(new ApiError('unreachable', 'The server is not answering.'));
      await vi.advanceTimersByTimeAsync(0);
      expect(errors).toHaveLength(1);
      expect(statuses.at(-1)).toBe('failed');
      queue.push(create('b'));
      expect(batches).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(RETRY_MS);
      expect(batches[1]!.changes).toEqual([create('a'), create('b')]);
      batches[1]!.resolve();
      await vi.advanceTimersByTimeAsync(0);
      expect(statuses.at(-1)).toBe('saved');
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['disk-full', 'The disk holding the workspace is full, so the last changes were not saved.', 'disk-full'],
    ['write-failed', 'The workspace folder could not be written (EIO).', 'failed'],
  ] as const)('keeps a batch the host could not write (%s) in the outbox, says so, and saves it once it can', async (code, message, status) => {
    vi.useFakeTimers();
    try {
      const { queue, batches, statuses, errors, refusals } = setup();
      const outbox = memoryOutbox();
      queue.attachOutbox(outbox);
      queue.push(create('a'));
      batches[0]!.reject(new ApiError(code, message));
      await vi.advanceTimersByTimeAsync(0);
      expect(refusals).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(statuses.at(-1)).toBe(status);
      expect(outbox.stored).toEqual([create('a')]);
      // Still no space at the next try: kept again.
      await vi.advanceTimersByTimeAsync(RETRY_MS);
      expect(batches[1]!.changes).toEqual([create('a')]);
      batches[1]!.reject(new ApiError(code, message));
      await vi.advanceTimersByTimeAsync(0);
      expect(outbox.stored).toEqual([create('a')]);
      expect(statuses.at(-1)).toBe(status);
      // Space freed: the same batch is saved.
      await vi.advanceTimersByTimeAsync(RETRY_MS);
      expect(batches[2]!.changes).toEqual([create('a')]);
      batches[2]!.resolve();
      await vi.advanceTimersByTimeAsync(0);
      expect(outbox.stored).toEqual([]);
      expect(statuses.at(-1)).toBe('saved');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps unconfirmed changes in the outbox until the host confirms them', async () => {
    const { queue, batches } = setup();
    const outbox = memoryOutbox();
    queue.attachOutbox(outbox);
    queue.push(create('a'));
    queue.push(create('b'));
    expect(outbox.stored).toEqual([create('a'), create('b')]);
    batches[0]!.resolve();
    await settle();
    expect(outbox.stored).toEqual([create('b')]);
    batches[1]!.resolve();
    await settle();
    expect(outbox.stored).toEqual([]);
    // A reload while a change waits: the unload send goes out, and the outbox still holds it.
    queue.push(create('c'));
    queue.push(create('d'));
    queue.flushOnUnload();
    expect(outbox.stored).toEqual([create('c'), create('d')]);
  });

  it('sends what an earlier session left in the outbox first, and stays quiet about its refusals', async () => {
    const { queue, batches, refusals } = setup();
    queue.push(create('new'));
    const outbox = memoryOutbox([create('left-1'), note('gone', 'old note')]);
    queue.attachOutbox(outbox);
    batches[0]!.resolve();
    await settle();
    expect(batches[1]!.changes).toEqual([create('left-1'), note('gone', 'old note')]);
    batches[1]!.resolve([{ index: 1, code: 'not-found', message: 'That highlight no longer exists.' }]);
    await settle();
    expect(refusals).toEqual([]);
    expect(outbox.stored).toEqual([]);
  });

  it('whenIdle resolves at once when idle, and otherwise only after every change is answered', async () => {
    const { queue, batches } = setup();
    await queue.whenIdle();
    queue.push(create('a'));
    queue.push(create('b'));
    const order: string[] = [];
    const idle = queue.whenIdle().then(() => order.push('idle'));
    await settle();
    expect(order).toEqual([]);
    batches[0]!.resolve();
    await settle();
    expect(order).toEqual([]);
    batches[1]!.resolve();
    await idle;
    expect(order).toEqual(['idle']);
    expect(queue.pending).toBe(0);
  });

  it('whenIdle also resolves when the last batch is refused', async () => {
    const { queue, batches } = setup();
    queue.push(create('a'));
    const idle = vi.fn();
    const waiting = queue.whenIdle().then(idle);
    batches[0]!.reject(new ApiError('bad-request', 'no'));
    await waiting;
    expect(idle).toHaveBeenCalledTimes(1);
  });

  it('refuses a batch whose send throws at once, and still sends the changes after it', async () => {
    const { client, batches } = fakeClient();
    const refusals: RefusedChange[][] = [];
    const send = client.applyChanges;
    let calls = 0;
    client.applyChanges = (args) => {
      if (++calls === 1) throw new ApiError('bad-request', 'That change could not be sent.');
      return send(args);
    };
    const queue = new ChangeQueue(client, { onStatus: () => undefined, onUnreachable: () => undefined, onRefused: (refused) => refusals.push(refused) });
    expect(() => queue.push(create('a'))).not.toThrow();
    await settle();
    expect(refusals.map((list) => list.map((r) => r.change))).toEqual([[create('a')]]);
    queue.push(create('b'));
    expect(batches.map((b) => b.changes)).toEqual([[create('b')]]);
    batches[0]!.resolve();
    await queue.whenIdle();
    expect(queue.pending).toBe(0);
  });

  it('goes on sending when its listeners throw', async () => {
    const { client, batches } = fakeClient();
    const broken = () => {
      throw new Error('the message bar is gone');
    };
    const queue = new ChangeQueue(client, { onStatus: broken, onUnreachable: broken, onRefused: broken });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.useFakeTimers();
    try {
      queue.push(create('a'));
      queue.push(create('b'));
      batches[0]!.resolve([{ index: 0, code: 'store-error', message: 'annotations/doc-1.json was written by a newer Newsroom Annotator.' }]);
      await vi.advanceTimersByTimeAsync(0);
      expect(batches.map((b) => b.changes)).toEqual([[create('a')], [create('b')]]);
      batches[1]!.reject(new ApiError('unreachable', 'The server is not answering.'));
      await vi.advanceTimersByTimeAsync(RETRY_MS);
      expect(batches[2]!.changes).toEqual([create('b')]);
      batches[2]!.resolve();
      await vi.advanceTimersByTimeAsync(0);
      await queue.whenIdle();
      expect(queue.pending).toBe(0);
      expect(logged).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
      logged.mockRestore();
    }
  });
});
