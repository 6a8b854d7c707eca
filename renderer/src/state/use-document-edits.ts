// Removing a document (undoable while the window is open: its highlights stay on disk until the
// workspace is compacted), editing its title and story fields (undoable too), pasting text as a
// new document, and compacting the workspace.
import { useCallback } from 'react';
import type { Change, CompactionPlan, DocumentFields, DocumentSummary } from '../../../electron/contract/window-api';
import type { EditPipeline } from './use-edit-pipeline';
import type { Step } from './history';
import type { WorkspaceDeps } from './workspace-deps';
import { counted as plural } from '../../../electron/contract/counted';

type Documents = { refreshDocuments(): Promise<unknown>; openDocument(documentId: string): Promise<void>; afterImport(imported: DocumentSummary[]): Promise<void> };

/** The fields as the service keeps them: trimmed, "" as null (the title is never cleared). */
export function keptFields(fields: DocumentFields): Partial<DocumentSummary> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => [field, field === 'title' ? (value ?? '').trim() : value === null || value.trim() === '' ? null : value.trim()]),
  );
}

/** The fields that differ from the document's, as they are now (what undo puts back). */
export function changedFields(doc: DocumentSummary, fields: DocumentFields): { next: DocumentFields; before: DocumentFields } {
  const next: Record<string, string | null> = {};
  const before: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(keptFields(fields))) {
    const was = (doc[field as keyof DocumentSummary] as string | null | undefined) ?? null;
    if (was === value) continue;
    next[field] = value as string | null;
    before[field] = was;
  }
  return { next, before };
}

/** Removing a document as a step: undo brings it back, with every highlight its file holds. */
export function removeDocumentStep(documentId: string, hooks: { undone(): void; redone(): void }, at = Date.now()): Step {
  const remove: Change = { kind: 'removeDocument', documentId };
  const restore: Change = { kind: 'restoreDocument', documentId };
  return { forward: [], backward: [], send: [remove], unsend: [restore], oneBatch: true, after: hooks, at };
}

export function updateDocumentStep(documentId: string, next: DocumentFields, before: DocumentFields, show: (fields: DocumentFields) => void, at = Date.now()): Step {
  return {
    forward: [],
    backward: [],
    send: [{ kind: 'updateDocument', documentId, fields: next }],
    unsend: [{ kind: 'updateDocument', documentId, fields: before }],
    after: { undone: () => show(before), redone: () => show(next) },
    at,
  };
}


export function useDocumentEdits({ client, state, dispatch, report, setBusy }: WorkspaceDeps, { queue, perform }: EditPipeline, documents: Documents) {
  /** The list as the service has it, once the queue has sent what came before. */
  const listAgain = useCallback(async () => {
    await queue.whenIdle();
    await documents.refreshDocuments();
  }, [documents, queue]);

  const removeDocument = useCallback(
    (documentId: string) => {
      const doc = state().documents.find((d) => d.id === documentId);
      if (!doc) return;
      const takeOut = () => dispatch({ type: 'documents-changed', documents: state().documents.filter((d) => d.id !== documentId) });
      const step = removeDocumentStep(documentId, {
        undone: () =>
          void listAgain().then(
            () => documents.openDocument(documentId),
            (error: unknown) => report(error),
          ),
        redone: takeOut,
      });
      perform(step);
      takeOut();
      dispatch({ type: 'message', kind: 'info', text: `Removed “${doc.title}”. Undo brings it back with its highlights until the workspace is compacted.` });
    },
    [dispatch, documents, listAgain, perform, report, state],
  );

  const updateDocument = useCallback(
    (documentId: string, fields: DocumentFields) => {
      const doc = state().documents.find((d) => d.id === documentId);
      if (!doc) return;
      const { next, before } = changedFields(doc, fields);
      if (Object.keys(next).length === 0) return;
      const show = (shown: DocumentFields) => dispatch({ type: 'document-updated', documentId, fields: keptFields(shown) });
      perform(updateDocumentStep(documentId, next, before, show));
      show(next);
    },
    [dispatch, perform, state],
  );

  /** Pasted text joins the workspace and opens; the same text again opens the document it already is. */
  const addPastedDocument = useCallback(
    async (title: string, text: string, sourceUrl: string | null): Promise<boolean> => {
      const known = new Set(state().documents.map((d) => d.id));
      try {
        setBusy('Adding the pasted text…');
        const added = await client.addPastedDocument({ title, text, sourceUrl });
        await documents.afterImport([added]);
        if (known.has(added.id)) dispatch({ type: 'message', kind: 'info', text: `That text is already in the workspace as “${added.title}”; it is open now.` });
        return true;
      } catch (error) {
        report(error);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [client, dispatch, documents, report, setBusy, state],
  );

  const planCompaction = useCallback(async (): Promise<CompactionPlan | null> => {
    try {
      await queue.whenIdle();
      return await client.compactWorkspace({ dryRun: true });
    } catch (error) {
      report(error);
      return null;
    }
  }, [client, queue, report]);

  const compactWorkspace = useCallback(async () => {
    try {
      await queue.whenIdle();
      const done = await client.compactWorkspace({});
      dispatch({ type: 'message', kind: 'info', text: `Compacted: ${plural(done.documents.length, 'removed document')} deleted for good (${plural(done.files.length, 'file')}).` });
    } catch (error) {
      report(error);
    }
  }, [client, dispatch, queue, report]);

  return { removeDocument, updateDocument, addPastedDocument, planCompaction, compactWorkspace };
}
