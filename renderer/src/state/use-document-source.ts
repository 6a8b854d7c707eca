// The open document's source file and the store's health: a changed file is noticed (checked
// every few seconds while the window is visible, and when it gets focus), relinked, re-read in
// another encoding; orphans are placed by hand; a damaged store's backup is restored.
import { useCallback, useEffect, useRef } from 'react';
import type { Annotation, ReanchorReport, TextEncoding } from '../../../electron/contract/window-api';
import { spanContext } from '../../../electron/contract/spans';
import type { AnnotatorClient } from '../api/client';
import { readAsBase64 } from '../files';
import type { ChangeQueue } from './change-queue';
import type { History } from './history';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';
import { counted as plural } from '../../../electron/contract/counted';

/** How often the open document's file is looked at. */
export const SOURCE_CHECK_MS = 2000;


/** The short report a person reads after the text changed under their highlights. */
export function describeReanchoring(fileName: string, report: ReanchorReport): string {
  const parts = [
    report.unchanged && `${plural(report.unchanged, 'highlight', 'highlights')} unchanged`,
    report.moved && `${plural(report.moved, 'highlight', 'highlights')} moved with the text`,
    report.fuzzy && `${plural(report.fuzzy, 'highlight needs', 'highlights need')} a check (dashed outline)`,
    report.orphaned && `${plural(report.orphaned, 'highlight', 'highlights')} could not be placed (see "Not placed")`,
  ].filter(Boolean);
  return `${fileName} changed: ${parts.length ? parts.join(', ') : 'it had no highlights'}.`;
}

interface Deps {
  client: AnnotatorClient;
  state: () => WorkspaceState;
  dispatch: (action: WorkspaceAction) => void;
  report: (error: unknown) => void;
  queue: ChangeQueue;
  history: History;
  openDocument: (documentId: string) => Promise<void>;
  reloadSession: () => Promise<void>;
  setBusy: (busy: string | null) => void;
  visibleDocumentId: string | null;
}

export function useDocumentSource(deps: Deps) {
  const depsRef = useRef(deps);
  depsRef.current = deps;

  const info = (text: string) => depsRef.current.dispatch({ type: 'message', kind: 'info', text });

  /** After the text changed: undo steps refer to the old text, so they go; the new text is shown. */
  const showNewText = useCallback(async (documentId: string, fileName: string, report: ReanchorReport | null) => {
    const { history, openDocument } = depsRef.current;
    history.clear();
    await openDocument(documentId);
    if (report) info(describeReanchoring(fileName, report));
  }, []);

  const checking = useRef(false);
  const checkSource = useCallback(async () => {
    const { client, state, queue, dispatch } = depsRef.current;
    const current = state().current;
    // Changes still on their way carry offsets into the text on screen: let them land first.
    if (!current || checking.current || queue.pending > 0 || state().session?.storeProblem) return;
    checking.current = true;
    // A changed 5 MB transcript takes a moment to read and re-anchor: say so if it does.
    let saidBusy = false;
    const slow = window.setTimeout(() => {
      saidBusy = true;
      depsRef.current.setBusy(`${current.document.fileName} changed: re-anchoring its highlights…`);
    }, 300);
    try {
      const source = await client.checkDocumentSource({ documentId: current.document.id });
      window.clearTimeout(slow);
      if (state().current?.document.id !== current.document.id) return;
      if (source.report) await showNewText(current.document.id, current.document.fileName, source.report);
      else if (source.state !== current.source.state || source.problem) dispatch({ type: 'source-checked', documentId: current.document.id, source });
      if (source.problem) depsRef.current.report(new Error(source.problem));
    } catch {
      // A host that does not answer is reported by the save queue; checking tries again soon.
    } finally {
      window.clearTimeout(slow);
      if (saidBusy) depsRef.current.setBusy(null);
      checking.current = false;
    }
  }, [showNewText]);

  useEffect(() => {
    if (!deps.visibleDocumentId) return;
    const tick = () => {
      if (document.visibilityState === 'visible') void checkSource();
    };
    const timer = window.setInterval(tick, SOURCE_CHECK_MS);
    window.addEventListener('focus', tick);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', tick);
    };
  }, [checkSource, deps.visibleDocumentId]);

  /** Desktop: the app asks where the file is. Browser: the window passes the file the user picked. */
  const locateFile = useCallback(async (file?: File) => {
    const { client, state, report, setBusy } = depsRef.current;
    const current = state().current;
    if (!current) return;
    try {
      setBusy(`Reading ${file?.name ?? current.document.fileName}…`);
      const result = file
        ? await client.relinkDocumentFile({ documentId: current.document.id, fileName: file.name, contentBase64: await readAsBase64(file) })
        : await client.locateDocumentFile({ documentId: current.document.id });
      if (!result) return;
      await showNewText(current.document.id, result.document.fileName, result.report);
      if (!result.report) info(`${result.document.fileName} is linked again; its text is the same as the saved copy.`);
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }, [showNewText]);

  /** Reads the document again as `encoding` (the browser passes the file, having no path). */
  const rereadAs = useCallback(async (encoding: TextEncoding, file?: File) => {
    const { client, state, report, setBusy } = depsRef.current;
    const current = state().current;
    if (!current) return;
    try {
      setBusy(`Reading ${current.document.fileName} as ${encoding}…`);
      const result = await client.rereadDocument({
        documentId: current.document.id,
        encoding,
        ...(file && { contentBase64: await readAsBase64(file) }),
      });
      await showNewText(current.document.id, result.document.fileName, result.report);
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }, [showNewText]);

  const tagTranscriptLines = useCallback(async () => {
    const { client, state, report, setBusy, queue, reloadSession } = depsRef.current;
    const current = state().current;
    if (!current) return;
    try {
      setBusy('Tagging the transcript’s lines…');
      await queue.whenIdle();
      const { tagged, speakersAdded } = await client.tagTranscriptLines({ documentId: current.document.id });
      await reloadSession();
      await showNewText(current.document.id, current.document.fileName, null);
      const added = speakersAdded.length ? ` and added ${plural(speakersAdded.length, 'speaker', 'speakers')}` : '';
      info(`Tagged ${plural(tagged, 'line', 'lines')} as quotes by their speakers${added}.`);
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }, [showNewText]);

  /** An orphan placed on the selected text; it becomes an ordinary highlight there. */
  const placeOrphan = useCallback((orphan: Annotation, range: { from: number; to: number }) => {
    const { state, dispatch, queue } = depsRef.current;
    const current = state().current;
    if (!current) return;
    const { anchor: _anchor, ...rest } = orphan;
    const placed: Annotation = {
      ...rest,
      start: range.from,
      end: range.to,
      text: current.text.slice(range.from, range.to),
      ...spanContext(current.text, range.from, range.to),
      updatedAt: new Date().toISOString(),
    };
    dispatch({ type: 'orphan-placed', annotation: placed });
    queue.push({ kind: 'placeOrphan', documentId: orphan.documentId, annotationId: orphan.id, start: range.from, end: range.to });
  }, []);

  const discardOrphan = useCallback((orphan: Annotation) => {
    const { dispatch, queue } = depsRef.current;
    if (!window.confirm(`Discard the unplaced highlight “${orphan.text.slice(0, 80)}”? This cannot be undone.`)) return;
    dispatch({ type: 'orphan-discarded', annotationId: orphan.id });
    queue.push({ kind: 'deleteAnnotation', documentId: orphan.documentId, annotationId: orphan.id });
    info('The unplaced highlight was discarded.');
  }, []);

  /** A person looked at a fuzzy placement and it is right: the flag goes. */
  const confirmAnchor = useCallback((annotation: Annotation) => {
    const { dispatch, queue } = depsRef.current;
    const { anchor: _anchor, ...confirmed } = annotation;
    dispatch({ type: 'ops', ops: [{ kind: 'put', annotation: confirmed }] });
    queue.push({ kind: 'updateAnnotation', documentId: annotation.documentId, annotationId: annotation.id, confirmAnchor: true });
  }, []);

  const restoreBackup = useCallback(async () => {
    const { client, report, reloadSession, state, openDocument } = depsRef.current;
    try {
      const { restored, keptAs } = await client.restoreBackup({});
      await reloadSession();
      const current = state().current ?? null;
      const first = state().session?.lastDocumentId ?? state().documents[0]?.id;
      if (current || first) await openDocument(current?.document.id ?? first!);
      info(`Restored ${restored} from its last good backup. The damaged file is kept as ${keptAs}.`);
    } catch (error) {
      report(error);
    }
  }, []);

  return { checkSource, locateFile, rereadAs, tagTranscriptLines, placeOrphan, discardOrphan, confirmAnchor, restoreBackup };
}
