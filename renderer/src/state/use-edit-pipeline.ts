// The edit pipeline: every edit is shown at once, queued for disk (change-queue.ts) and recorded
// for undo (history.ts). The window's edits and the review desk's all come through `perform`.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Change } from '../../../electron/contract/window-api';
import { ApiError } from '../../../electron/contract/errors';
import { ChangeQueue } from './change-queue';
import { History, type Step } from './history';
import { messageOf, type WorkspaceDeps } from './workspace-deps';
import { hydrateDocument } from './workspace-state';
import { afterPaint, catchUp } from './after-paint';
import { saveStatusStore } from './save-status-store';

const madeOnDesk = (step: Step) => step.desk === true;

/** A desk step is saved (or refused) as one batch: a bulk verdict is one change to the workspace. */
function sendAll(queue: ChangeQueue, step: Step, changes: readonly Change[]): void {
  if (step.desk || step.oneBatch) queue.pushAll(changes);
  else for (const change of changes) queue.push(change);
}

export function useEditPipeline({ client, state: readState, dispatch, report }: Omit<WorkspaceDeps, 'setBusy'>) {
  const saveStatus = useMemo(() => saveStatusStore(), []);
  // Read as the moved code always read it: the state as it is now.
  const stateRef = { get current() { return readState(); } };
  const unreachableShown = useRef(false);
  /** Undo history of the whole workspace (see history.ts). */
  const history = useMemo(() => new History(), []);
  const queueRef = useRef<ChangeQueue | null>(null);

  /** After a refusal, show what is really saved: reload the open document once the queue is idle. */
  const resync = useCallback(
    async (documentIds: Set<string>) => {
      // A refused highlight's own arrival in the window must come before the reload that drops it.
      catchUp();
      const queue = queueRef.current!;
      await queue.whenIdle();
      const current = stateRef.current.current;
      if (!current || !documentIds.has(current.document.id)) return queue.resynced();
      try {
        const opened = await client.openDocument({ documentId: current.document.id });
        // The user may have moved on while this was loading.
        if (stateRef.current.current?.document.id !== current.document.id) return;
        const selectedId = stateRef.current.selectedId;
        catchUp();
        dispatch({ type: 'document-opened', view: hydrateDocument(opened) });
        if (selectedId) dispatch({ type: 'select', annotationId: selectedId });
        queue.resynced();
      } catch (error) {
        report(error);
      }
    },
    [client, report],
  );

  const queue = useMemo(() => {
    const created = new ChangeQueue(client, {
      onStatus: (status) => {
        if (status === 'saved') unreachableShown.current = false;
        saveStatus.set(status);
      },
      onUnreachable: (error) => {
        // Said once, not at every retry; the changes wait in the outbox meanwhile.
        if (unreachableShown.current) return;
        unreachableShown.current = true;
        const notWritten = error instanceof ApiError && (error.code === 'disk-full' || error.code === 'write-failed');
        const kept = notWritten ? 'Your changes are kept in this window and saved as soon as they can be written.' : 'Your changes are kept and will be saved when it answers.';
        report(new Error(`${messageOf(error)} ${kept}`));
      },
      onRefused: (refused) => {
        const more = refused.length > 1 ? ` (and ${refused.length - 1} more change${refused.length > 2 ? 's' : ''} not saved)` : '';
        report(new Error(`${refused[0]!.message}${more}`));
        // Labels and speakers are the workspace's: show the ones really saved.
        if (refused.some(({ change }) => !('documentId' in change))) {
          void client.getSession({}).then(
            (session) => dispatch({ type: 'workspace-refreshed', session }),
            () => undefined,
          );
        }
        void resync(new Set(refused.map(({ change }) => ('documentId' in change ? change.documentId : ''))));
      },
    });
    queueRef.current = created;
    return created;
  }, [client, report, resync]);

  useEffect(() => {
    const flush = () => (catchUp(), queue.flushOnUnload());
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, [queue]);

  /**
   * Every edit goes through here: on screen at once, queued for disk, and undoable. `paintFirst`:
   * the editor has drawn it already, so the window's state follows after that frame is painted
   * (it is queued for disk and undo now either way).
   */
  const perform = useCallback(
    (step: Step, select?: string | null, options?: { paintFirst?: boolean }) => {
      catchUp();
      const show = () => dispatch({ type: 'ops', ops: step.forward, select });
      if (options?.paintFirst) afterPaint(show);
      else show();
      sendAll(queue, step, step.send);
      history.record(step);
    },
    [history, queue],
  );

  /**
   * Undo (or redo) the last change, on screen and on disk. False when there is none. `only`:
   * only if the last step is one of these (the desk undoes only what was done on the desk).
   */
  const undo = useCallback(
    (only?: (step: Step) => boolean) => {
      catchUp();
      const step = history.undo(only);
      if (!step) return false;
      dispatch({ type: 'ops', ops: step.backward });
      sendAll(queue, step, step.unsend);
      step.after?.undone?.();
      return true;
    },
    [history, queue],
  );

  const redo = useCallback(
    (only?: (step: Step) => boolean) => {
      catchUp();
      const step = history.redo(only);
      if (!step) return false;
      dispatch({ type: 'ops', ops: step.forward });
      sendAll(queue, step, step.send);
      step.after?.redone?.();
      return true;
    },
    [history, queue],
  );

  const undoAny = useCallback(() => undo(), [undo]);
  const redoAny = useCallback(() => redo(), [redo]);
  const undoOnDesk = useCallback(() => undo(madeOnDesk), [undo]);
  const redoOnDesk = useCallback(() => redo(madeOnDesk), [redo]);

  return { saveStatus, queue, history, perform, undo: undoAny, redo: redoAny, undoOnDesk, redoOnDesk };
}

export type EditPipeline = ReturnType<typeof useEditPipeline>;
