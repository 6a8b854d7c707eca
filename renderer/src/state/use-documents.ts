// Opening and bringing in documents: the document list, files opened, dropped or chosen, the
// recent list, another workspace merged in, and the first load (annotation files from other
// tools: use-annotation-import.ts).
import { useCallback, useEffect, useRef } from 'react';
import type { DocumentSummary, OpenedDocument } from '../../../electron/contract/window-api';
import { fromAnnotationColumns } from '../../../electron/contract/spans';
import { precheckFile, readAsBase64 } from '../files';
import { localStorageOutbox } from './change-queue';
import { FIRST_SCREENS, firstDocumentOf, type FirstLoad } from './first-load';
import type { EditPipeline } from './use-edit-pipeline';
import { describeReanchoring } from './use-document-source';
import type { WorkspaceDeps } from './workspace-deps';
import { hydrateDocument } from './workspace-state';
import { catchUp } from './after-paint';

export function useDocuments({ client, state: readState, dispatch, report, setBusy }: WorkspaceDeps, { queue, history }: EditPipeline, firstLoad?: FirstLoad) {
  // The state as it is now, for callbacks made earlier.
  const stateRef = { get current() { return readState(); } };
  /** Only the newest open counts: a slow answer for a document left behind is dropped. */
  const openSeq = useRef(0);

  const openDocument = useCallback(
    async (documentId: string, asked?: Promise<OpenedDocument>) => {
      const seq = ++openSeq.current;
      try {
        setBusy('Opening document…');
        const opened = await (asked ?? client.openDocument({ documentId, annotationsBefore: FIRST_SCREENS }));
        if (seq !== openSeq.current) return;
        // A highlight made in the frame before must reach the old view first, not land on this one.
        catchUp();
        dispatch({ type: 'document-opened', view: hydrateDocument(opened) });
        // The file changed since it was last read (maybe while the app was closed).
        if (opened.source.report) {
          history.clear();
          dispatch({ type: 'message', kind: 'info', text: describeReanchoring(opened.document.fileName, opened.source.report) });
        }
        if (opened.source.problem) report(new Error(opened.source.problem));
        // Nothing is saved while the workspace is read-only; asking would only add refusals.
        if (!stateRef.current.session?.storeProblem) queue.push({ kind: 'setLastDocument', documentId });
        if (!opened.annotationsComplete) {
          setBusy('Loading highlights…');
          // Let the first screens paint before the rest of a long transcript's highlights arrive.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const rest = await client.listAnnotations({ documentId, startingFrom: FIRST_SCREENS });
          if (seq !== openSeq.current) return;
          dispatch({ type: 'annotations-loaded', documentId, annotations: fromAnnotationColumns(rest, documentId, opened.text) });
        }
      } catch (error) {
        report(error);
      } finally {
        setBusy(null);
      }
    },
    [client, history, queue, report],
  );

  const refreshDocuments = useCallback(async () => {
    const session = await client.getSession({});
    dispatch({ type: 'documents-changed', documents: session.documents });
    // An import may bring speakers too (a transcript's).
    dispatch({ type: 'workspace-refreshed', session });
    return session;
  }, [client]);

  const afterImport = useCallback(
    async (imported: DocumentSummary[]) => {
      if (imported.length === 0) return;
      await refreshDocuments();
      await openDocument(imported[imported.length - 1]!.id);
    },
    [openDocument, refreshDocuments],
  );

  const importFiles = useCallback(
    async (files: File[]) => {
      const imported: DocumentSummary[] = [];
      for (const file of files) {
        const refusal = precheckFile(file);
        if (refusal) {
          report(new Error(refusal));
          continue;
        }
        try {
          setBusy(`Reading ${file.name}…`);
          imported.push(await client.importFile({ fileName: file.name, contentBase64: await readAsBase64(file) }));
        } catch (error) {
          report(error);
        } finally {
          setBusy(null);
        }
      }
      await afterImport(imported);
    },
    [afterImport, client, report],
  );

  /** Dropped files: by their place on disk where the host knows it (desktop), else as bytes. */
  const dropFiles = useCallback(
    async (files: File[]) => {
      if (!client.openDroppedFiles) return importFiles(files);
      let byPath: Awaited<ReturnType<NonNullable<typeof client.openDroppedFiles>>>;
      try {
        setBusy(files.length === 1 ? `Reading ${files[0]!.name}…` : `Reading ${files.length} files…`);
        byPath = await client.openDroppedFiles(files);
      } catch (error) {
        report(error);
        return;
      } finally {
        setBusy(null);
      }
      for (const failure of byPath.failures) report(new Error(failure));
      if (byPath.withoutPath.length > 0) await importFiles(byPath.withoutPath);
      await afterImport(byPath.documents);
    },
    [afterImport, client, importFiles, report],
  );

  const openWithDialog = useCallback(async () => {
    try {
      await afterImport(await client.openFilesWithDialog({}));
    } catch (error) {
      report(error);
    }
  }, [afterImport, client, report]);

  const openRecent = useCallback(
    async (recentId: string) => {
      try {
        await afterImport([await client.openRecentFile({ recentId })]);
      } catch (error) {
        report(error);
      }
    },
    [afterImport, client, report],
  );

  /** A source link: the desktop app opens the system browser; a browser opens a new tab. */
  const openLink = useCallback(
    async (url: string) => {
      try {
        const { opened } = await client.openExternalLink({ url });
        if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
      } catch (error) {
        report(error);
      }
    },
    [client, report],
  );

  const mergeWorkspace = useCallback(async () => {
    try {
      const merged = await client.mergeWorkspaceWithDialog({});
      if (!merged) return;
      // A merge cannot be undone, and steps before it may now undo a colleague's work too (an
      // import's speakers, the merged highlights use): the history starts afresh.
      history.clear();
      const session = await refreshDocuments();
      dispatch({ type: 'workspace-refreshed', session });
      const currentId = stateRef.current.current?.document.id;
      if (currentId) await openDocument(currentId);
      dispatch({
        type: 'message',
        kind: 'info',
        text: `Merged: ${merged.documentsAdded} documents added, ${merged.documentsMatched} matched; ${merged.highlightsAdded} highlights added, ${merged.highlightsAlreadyThere} already here.`,
      });
    } catch (error) {
      report(error);
    }
  }, [client, history, openDocument, refreshDocuments, report]);

  // First load: the workspace as it was left, with the last document open again.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const session = await (firstLoad?.session ?? client.getSession({}));
        if (cancelled) return;
        dispatch({ type: 'session-loaded', session });
        // Changes a reload or a closed window left unconfirmed are sent again first.
        if (typeof localStorage !== 'undefined') queue.attachOutbox(localStorageOutbox(`newsroom-annotator:outbox:${session.workspaceDir}`));
        const first = firstDocumentOf(session);
        // Asked for with the session (main.tsx), so it is often here already.
        const asked = await firstLoad?.document.catch(() => null);
        if (first) await openDocument(first, asked?.documentId === first ? asked.opened : undefined);
      } catch (error) {
        report(error);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, firstLoad, openDocument, queue, report]);

  return { openDocument, refreshDocuments, afterImport, importFiles, dropFiles, openWithDialog, openRecent, openLink, mergeWorkspace };
}
