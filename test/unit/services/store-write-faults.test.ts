// A full disk (or any write error) must never leave an acknowledged change only in memory.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/contract/api.js';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../../electron/services/store/workspace-store.js';
import { FAULT_CODES, WRITE_STEPS, injectWriteFault } from '../../helpers/io-faults.js';
import { annotationsOnDisk, createChange, importText, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();
let clearFault: (() => void) | null = null;
afterEach(() => clearFault?.());

const STORY = 'The mayor said “we will build it” on Monday. ' + 'More text. '.repeat(5);

const cases = WRITE_STEPS.flatMap((step) => FAULT_CODES.map((code) => ({ step, code })));

describe('applyChanges when a write fails', () => {
  it.each(cases)('$code at $step: refused, then saved when sent again, and there after a reopen', async ({ step, code }) => {
    const dir = await ws.tempDir('annotator-faults-');
    const service = await ws.openService(dir);
    const doc = await importText(service, 'story.txt', STORY);
    const batch = [createChange(doc.id, 'ann-1', 4, 9)];

    clearFault = await injectWriteFault(step, code, path.join(dir, 'probe'));
    const failed = await service.applyChanges(batch).then(
      () => null,
      (error: unknown) => error,
    );
    // Every write of that batch has failed by now, not only the first to answer.
    await service.store.flush();
    clearFault();
    clearFault = null;
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe(code === 'ENOSPC' ? 'disk-full' : 'write-failed');

    // The outbox sends the very same batch again once the fault is gone.
    expect(await service.applyChanges(batch)).toEqual({ applied: 1, refused: [] });
    expect((await annotationsOnDisk(dir, doc.id)).annotations.map((a) => a.id)).toEqual(['ann-1']);
    expect((await workspaceOnDisk(dir)).documents[0]!.annotationCount).toBe(1);

    await service.store.flush();
    const reopened = new AnnotatorService(await WorkspaceStore.open(dir), 'browser');
    const opened = await reopened.openDocument(doc.id);
    expect(opened.annotations.ids).toEqual(['ann-1']);
  });

  it('a change that waits for its own write (the status scale) fails the batch too, never as a refusal', async () => {
    const dir = await ws.tempDir('annotator-faults-');
    const service = await ws.openService(dir);
    const statuses = service.store.data.statuses.map((s, i) => (i === 0 ? { ...s, name: 'To check' } : s));
    const batch = [{ kind: 'saveStatuses' as const, statuses }];

    // One failure only: the batch must fail even though the retry before answering succeeds.
    clearFault = await injectWriteFault('write', 'ENOSPC', path.join(dir, 'probe'), 1);
    await expect(service.applyChanges(batch)).rejects.toMatchObject({ code: 'disk-full' });
    await service.store.flush();
    clearFault();
    clearFault = null;

    expect(await service.applyChanges(batch)).toEqual({ applied: 1, refused: [] });
    expect((await workspaceOnDisk(dir)).statuses[0]!.name).toBe('To check');
  });
});
