// The workspace as the window holds it: one reducer (workspace-state.ts), one edit pipeline
// (use-edit-pipeline.ts), and the hooks by feature that act on them: edits (use-edits.ts),
// documents opened and brought in (use-documents.ts), annotation files imported
// (use-annotation-import.ts), the source file and the store's health
// (use-document-source.ts).
import { useCallback, useReducer, useRef, useState } from 'react';
import type { ClaimRow, Session } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';
import { useDocumentSource } from './use-document-source';
import { useAnnotationImport } from './use-annotation-import';
import { useDocumentEdits } from './use-document-edits';
import { useDocuments } from './use-documents';
import { useEditPipeline } from './use-edit-pipeline';
import { useEdits } from './use-edits';
import { messageOf, type WorkspaceDeps } from './workspace-deps';
import { initialState, workspaceReducer } from './workspace-state';
import type { FirstLoad } from './first-load';

/**
 * `firstLoad` is the session and first document already asked for before the window's code
 * loaded (see main.tsx and first-load.ts): the host reads them while the page starts.
 */
export function useWorkspace(client: AnnotatorClient, firstLoad?: FirstLoad) {
  const [state, dispatch] = useReducer(workspaceReducer, initialState);
  const [busy, setBusy] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const report = useCallback((error: unknown) => dispatch({ type: 'message', kind: 'error', text: messageOf(error) }), []);
  const getState = useCallback(() => stateRef.current, []);
  const deps: WorkspaceDeps = { client, state: getState, dispatch, report, setBusy };

  const pipeline = useEditPipeline(deps);
  const edits = useEdits(deps, pipeline);
  const documents = useDocuments(deps, pipeline, firstLoad);
  const documentEdits = useDocumentEdits(deps, pipeline, documents);
  const { importPreview, ...annotationImport } = useAnnotationImport(deps, pipeline, documents);
  const { queue, history, saveStatus } = pipeline;

  const select = useCallback((annotationId: string | null) => dispatch({ type: 'select', annotationId }), []);
  const dismiss = useCallback((messageId: number) => dispatch({ type: 'dismiss', messageId }), []);
  /** The desk's claims as the service lists them. */
  const loadClaims = useCallback((claims: ClaimRow[]) => dispatch({ type: 'claims-loaded', claims }), []);

  const reloadSession = useCallback(async () => {
    dispatch({ type: 'session-loaded', session: await client.getSession({}) });
  }, [client]);

  const source = useDocumentSource({
    client,
    state: getState,
    dispatch,
    report,
    queue,
    history,
    openDocument: documents.openDocument,
    reloadSession,
    setBusy,
    visibleDocumentId: state.current?.document.id ?? null,
  });

  return {
    state,
    saveStatus,
    busy,
    queue,
    /** The undo history, read to say what an undo took back. */
    history,
    importPreview,
    actions: {
      ...source,
      ...documents,
      ...documentEdits,
      ...annotationImport,
      ...edits,
      perform: pipeline.perform,
      undo: pipeline.undo,
      redo: pipeline.redo,
      undoOnDesk: pipeline.undoOnDesk,
      redoOnDesk: pipeline.redoOnDesk,
      loadClaims,
      select,
      dismiss,
      report,
    },
  };
}

export type WorkspaceModel = ReturnType<typeof useWorkspace>;
export type WorkspaceActions = WorkspaceModel['actions'];
