// Annotation files from other tools, chosen or dropped in the window: first a dry run, shown in
// the preview dialog (nothing is written until the editor says Import), then the import, as one
// step of the history: one Ctrl+Z takes all of it back, a redo imports the files again.
import { useCallback, useState } from 'react';
import type { ImportReport, Session } from '../../../electron/contract/window-api';
import { isMac } from '../commands/keys';
import { precheckFile, readAsBase64 } from '../files';
import { conflictsOf, type ClaimConflict } from './claim-conflicts';
import { importedMessage, importStep, wroteAnything } from './import-step';
import type { EditPipeline } from './use-edit-pipeline';
import type { WorkspaceDeps } from './workspace-deps';

type Payload = { fileName: string; contentBase64: string }[];

/** The dry run's answer, waiting for Import or Cancel. */
export interface ImportPreview {
  report: ImportReport;
  fileNames: string[];
}

interface Screen {
  refreshDocuments(): Promise<Session>;
  openDocument(documentId: string): Promise<void>;
}

const UNDO_KEY = isMac ? '⌘Z' : 'Ctrl+Z';

export function useAnnotationImport({ client, state, dispatch, report, setBusy }: WorkspaceDeps, { queue, history }: EditPipeline, screen: Screen) {
  const [preview, setPreview] = useState<(ImportPreview & { payload: Payload }) | null>(null);

  /** The documents list, the open document, speakers, labels and the desk, as the workspace has them now. */
  const showWorkspace = useCallback(async () => {
    await queue.whenIdle();
    const session = await screen.refreshDocuments();
    const currentId = state().current?.document.id ?? session.documents[0]?.id;
    if (currentId && session.documents.some((d) => d.id === currentId)) await screen.openDocument(currentId);
    if (state().claimsLoaded) dispatch({ type: 'claims-loaded', claims: await client.listClaims({}) });
  }, [client, queue, screen.refreshDocuments, screen.openDocument]);

  /** Chosen or dropped: read, then counted by a dry run; the preview says what would happen. */
  const importAnnotationFiles = useCallback(
    async (files: File[]) => {
      try {
        setBusy('Reading the files…');
        const payload: Payload = [];
        for (const file of files) {
          const refusal = precheckFile(file);
          if (refusal) throw new Error(refusal);
          payload.push({ fileName: file.name, contentBase64: await readAsBase64(file) });
        }
        const counted = await client.importAnnotationFiles({ files: payload, dryRun: true });
        setPreview({ report: counted, fileNames: payload.map((f) => f.fileName), payload });
      } catch (error) {
        report(error);
      } finally {
        setBusy(null);
      }
    },
    [client, report],
  );

  const cancelImport = useCallback(() => setPreview(null), []);

  /** The import itself: written, shown, and recorded as one step that one undo takes back. */
  const confirmImport = useCallback(async () => {
    if (!preview) return;
    const { payload, report: counted } = preview;
    setPreview(null);
    try {
      setBusy('Importing…');
      // Edits still on their way are saved first: the import sees them, its undo comes after them.
      await queue.whenIdle();
      // Each claim the import gives a conflict keeps the ones it had, for the undo to put back.
      const conflictsBefore = new Map<string, ClaimConflict[]>();
      if (counted.conflicts.length > 0) {
        const wanted = new Set(counted.conflicts.map((c) => `${c.documentId}/${c.annotationId}`));
        for (const row of await client.listClaims({})) {
          const key = `${row.documentId}/${row.annotationId}`;
          if (wanted.has(key)) conflictsBefore.set(key, conflictsOf(row));
        }
      }
      const imported = await client.importAnnotationFiles({ files: payload });
      // Where the service says what each claim's conflicts were before it, that is what an undo puts back.
      for (const claim of (imported.undo as { claims?: { documentId: string; annotationId: string; conflicts: ClaimConflict[] }[] }).claims ?? []) {
        conflictsBefore.set(`${claim.documentId}/${claim.annotationId}`, claim.conflicts);
      }
      const reimport = async (): Promise<ImportReport | null> => {
        try {
          setBusy('Importing again…');
          await queue.whenIdle();
          const again = await client.importAnnotationFiles({ files: payload });
          await showWorkspace();
          dispatch({ type: 'message', kind: 'info', text: `Imported again — ${UNDO_KEY} undoes it.` });
          return again;
        } catch (error) {
          report(error);
          return null;
        } finally {
          setBusy(null);
        }
      };
      const undone = () =>
        void showWorkspace().then(
          () => dispatch({ type: 'message', kind: 'info', text: 'Import undone.' }),
          (error) => report(error),
        );
      if (wroteAnything(imported)) history.record(importStep(imported, conflictsBefore, { undone, reimport }));
      await showWorkspace();
      dispatch({ type: 'message', kind: 'info', text: wroteAnything(imported) ? importedMessage(imported, UNDO_KEY) : 'Everything in these files is already here.' });
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }, [client, history, preview, queue, report, showWorkspace]);

  return { importPreview: preview, importAnnotationFiles, confirmImport, cancelImport };
}
