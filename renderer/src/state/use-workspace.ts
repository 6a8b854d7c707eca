// Every user action as a function: update the screen at once, then queue the change for disk.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Annotation, Change, ClaimRow, DocumentSummary, Label, Session } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { newAnnotation, updatedAnnotation } from '../../../electron/contract/annotation-rules';
import { findSpeakerByName } from '../../../electron/contract/speaker-names';
import { fromAnnotationColumns } from '../../../electron/contract/spans';
import type { AnnotatorClient } from '../api/client';
import { precheckFile, readAsBase64 } from '../files';
import { ChangeQueue, localStorageOutbox, type SaveStatus } from './change-queue';
import { combine, createStep, deleteStep, History, mergeStep, speakerEditStep, speakerStep, updateStep, type SpeakerPatch, type Step } from './history';
import { describeReanchoring, useDocumentSource } from './use-document-source';
import type { AnnotationPatch } from './edits';
import { hydrateDocument, initialState, workspaceReducer } from './workspace-state';


const madeOnDesk = (step: Step) => step.desk === true;

/** A desk step is saved (or refused) as one batch: a bulk verdict is one change to the workspace. */
function sendAll(queue: ChangeQueue, step: Step, changes: readonly Change[]): void {
  if (step.desk) queue.pushAll(changes);
  else for (const change of changes) queue.push(change);
}

/** Highlights starting in the first this-many characters come with the text; the rest follow. */
const FIRST_SCREENS = 20_000;

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}

/**
 * `firstSession` is the session already asked for before React started (see main.tsx), which
 * saves the first render's time on opening a long transcript.
 */
export function useWorkspace(client: AnnotatorClient, firstSession?: Promise<Session>) {
  const [state, dispatch] = useReducer(workspaceReducer, initialState);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('saved');
  const [busy, setBusy] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const report = useCallback((error: unknown) => dispatch({ type: 'message', kind: 'error', text: messageOf(error) }), []);

  const unreachableShown = useRef(false);
  /** Undo history of the whole workspace (see history.ts). */
  const history = useMemo(() => new History(), []);
  const queueRef = useRef<ChangeQueue | null>(null);

  /** After a refusal, show what is really saved: reload the open document once the queue is idle. */
  const resync = useCallback(
    async (documentIds: Set<string>) => {
      const queue = queueRef.current!;
      await queue.whenIdle();
      const current = stateRef.current.current;
      if (!current || !documentIds.has(current.document.id)) return queue.resynced();
      try {
        const opened = await client.openDocument({ documentId: current.document.id });
        // The user may have moved on while this was loading.
        if (stateRef.current.current?.document.id !== current.document.id) return;
        const selectedId = stateRef.current.selectedId;
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
        setSaveStatus(status);
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
    const flush = () => queue.flushOnUnload();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, [queue]);

  /** Only the newest open counts: a slow answer for a document left behind is dropped. */
  const openSeq = useRef(0);

  const openDocument = useCallback(
    async (documentId: string) => {
      const seq = ++openSeq.current;
      try {
        setBusy('Opening document…');
        const opened = await client.openDocument({ documentId, annotationsBefore: FIRST_SCREENS });
        if (seq !== openSeq.current) return;
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

  /** Every edit goes through here: on screen at once, queued for disk, and undoable. */
  const perform = useCallback(
    (step: Step, select?: string | null) => {
      dispatch({ type: 'ops', ops: step.forward, select });
      sendAll(queue, step, step.send);
      history.record(step);
    },
    [history, queue],
  );

  const firstStatus = () => stateRef.current.session?.statuses[0]?.id ?? 'unreviewed';
  const find = (annotationId: string) => stateRef.current.current?.annotations.find((a) => a.id === annotationId);

  const createAnnotation = useCallback(
    (labelId: string, start: number, end: number) => {
      const current = stateRef.current.current;
      if (!current) return;
      const now = new Date().toISOString();
      const text = current.text;
      // A name the registry already knows (by name or by another name) is linked at once;
      // anything else waits for the user to pick or create its speaker.
      const known = labelId === 'speaker' ? findSpeakerByName(stateRef.current.speakers, text.slice(start, end)) : undefined;
      const change = { kind: 'createAnnotation' as const, documentId: current.document.id, annotationId: newId('ann'), labelId, start, end, speakerId: known?.id ?? null };
      const annotation = newAnnotation(change, text, { author: stateRef.current.session?.annotatorName ?? '', now, firstStatusId: firstStatus() });
      perform(createStep(annotation), annotation.id);
    },
    [perform],
  );

  const updateStepFor = (annotationId: string, patch: AnnotationPatch): Step | null => {
    const before = find(annotationId);
    if (!before) return null;
    const change = { kind: 'updateAnnotation' as const, documentId: before.documentId, annotationId, ...patch };
    const by = stateRef.current.session?.annotatorName ?? '';
    return updateStep(before, updatedAnnotation(before, change, new Date().toISOString(), firstStatus(), stateRef.current.current?.text, by), patch);
  };

  const updateAnnotation = useCallback(
    (annotationId: string, patch: AnnotationPatch) => {
      const step = updateStepFor(annotationId, patch);
      if (step) perform(step);
    },
    [perform],
  );

  const deleteAnnotation = useCallback(
    (annotationId: string) => {
      const annotation = find(annotationId);
      if (!annotation) return;
      perform(deleteStep(annotation), null);
      dispatch({ type: 'message', kind: 'info', text: 'Highlight deleted. Press Ctrl+Z (⌘Z on a Mac) to undo.' });
    },
    [perform],
  );

  /**
   * Undo (or redo) the last change, on screen and on disk. False when there is none. `only`:
   * only if the last step is one of these (the desk undoes only what was done on the desk).
   */
  const undo = useCallback(
    (only?: (step: Step) => boolean) => {
      const step = history.undo(only);
      if (!step) return false;
      dispatch({ type: 'ops', ops: step.backward });
      sendAll(queue, step, step.unsend);
      return true;
    },
    [history, queue],
  );

  const redo = useCallback(
    (only?: (step: Step) => boolean) => {
      const step = history.redo(only);
      if (!step) return false;
      dispatch({ type: 'ops', ops: step.forward });
      sendAll(queue, step, step.send);
      return true;
    },
    [history, queue],
  );

  const undoAny = useCallback(() => undo(), [undo]);
  const redoAny = useCallback(() => redo(), [redo]);
  const undoOnDesk = useCallback(() => undo(madeOnDesk), [undo]);
  const redoOnDesk = useCallback(() => redo(madeOnDesk), [redo]);
  /** The desk's claims as the service lists them. */
  const loadClaims = useCallback((claims: ClaimRow[]) => dispatch({ type: 'claims-loaded', claims }), []);

  /** A new speaker, named by the user, linked to the highlight the picker belongs to. */
  const createSpeakerFor = useCallback(
    (name: string, annotation: Annotation) => {
      const speaker = { id: newId('spk'), name: name.trim(), aliases: [], role: '', organisation: '', notes: '', createdAt: new Date().toISOString() };
      const link = updateStepFor(annotation.id, { speakerId: speaker.id });
      perform(combine(link ? [speakerStep(speaker), link] : [speakerStep(speaker)]));
    },
    [perform],
  );

  const createSpeakerFromMention = useCallback(
    (mention: Annotation, attributeTo: Annotation | null) => {
      const name = mention.text.trim().replace(/\s+/g, ' ');
      const existing = findSpeakerByName(stateRef.current.speakers, name);
      const speaker = existing ?? { id: newId('spk'), name, aliases: [], role: '', organisation: '', notes: '', createdAt: new Date().toISOString() };
      // One step: undoing it takes back the attribution and the new speaker together.
      const steps: Step[] = existing ? [] : [speakerStep(speaker)];
      const onMention = updateStepFor(mention.id, { speakerId: speaker.id });
      if (onMention) steps.push(onMention);
      if (attributeTo) {
        const before = find(attributeTo.id);
        if (before) {
          const change = { kind: 'updateAnnotation' as const, documentId: before.documentId, annotationId: before.id, speakerId: speaker.id };
          steps.push(updateStep(before, updatedAnnotation(before, change, new Date().toISOString(), firstStatus()), { speakerId: speaker.id }));
        }
      }
      if (steps.length) perform(combine(steps));
    },
    [perform],
  );

  const saveLabel = useCallback(
    (label: Label) => {
      const labels = stateRef.current.labels;
      const next = labels.some((l) => l.id === label.id) ? labels.map((l) => (l.id === label.id ? label : l)) : [...labels, label];
      dispatch({ type: 'labels-changed', labels: next });
      queue.push({ kind: 'saveLabel', label });
    },
    [queue],
  );

  const deleteLabel = useCallback(
    (labelId: string) => {
      const inUse = stateRef.current.current?.annotations.filter((a) => a.labelId === labelId).length ?? 0;
      if (inUse > 0) {
        report(new Error(`${inUse} highlight${inUse === 1 ? ' uses' : 's use'} this label here; relabel or delete ${inUse === 1 ? 'it' : 'them'} first.`));
        return;
      }
      dispatch({ type: 'labels-changed', labels: stateRef.current.labels.filter((l) => l.id !== labelId) });
      queue.push({ kind: 'deleteLabel', labelId });
    },
    [queue, report],
  );

  const editSpeaker = useCallback(
    (speakerId: string, patch: SpeakerPatch) => {
      const before = stateRef.current.speakers.find((s) => s.id === speakerId);
      if (before) perform(speakerEditStep(before, patch));
    },
    [perform],
  );

  /** Everything of `mergedId`, in every document, follows `survivorId`; undoable as one step. */
  const mergeSpeakers = useCallback(
    async (survivorId: string, mergedId: string) => {
      if (survivorId === mergedId) return;
      try {
        setBusy('Merging speakers…');
        await queue.whenIdle();
        const elsewhere = await client.listSpeakerAppearances({ speakerId: mergedId });
        // Built from the state as it is now, not as it was before waiting: edits made
        // meanwhile must not be undone by the merge.
        const { speakers, current } = stateRef.current;
        const survivor = speakers.find((s) => s.id === survivorId);
        const merged = speakers.find((s) => s.id === mergedId);
        if (!survivor || !merged) return;
        perform(mergeStep(survivor, merged, elsewhere, current?.annotations ?? []));
        dispatch({ type: 'message', kind: 'info', text: `“${merged.name}” was merged into “${survivor.name}”. Press Ctrl+Z (⌘Z on a Mac) to undo.` });
      } catch (error) {
        report(error);
      } finally {
        setBusy(null);
      }
    },
    [client, perform, queue, report],
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

  /** Annotation files from other tools (and their documents), chosen or dropped in the window. */
  const importAnnotationFiles = useCallback(
    async (files: File[]) => {
      try {
        setBusy('Importing…');
        const payload = [];
        for (const file of files) {
          const refusal = precheckFile(file);
          if (refusal) throw new Error(refusal);
          payload.push({ fileName: file.name, contentBase64: await readAsBase64(file) });
        }
        const report = await client.importAnnotationFiles({ files: payload });
        const session = await refreshDocuments();
        dispatch({ type: 'workspace-refreshed', session });
        const currentId = stateRef.current.current?.document.id ?? session.documents[0]?.id;
        if (currentId) await openDocument(currentId);
        dispatch({
          type: 'message',
          kind: 'info',
          text: `Imported ${report.highlights} highlights in ${report.documents} documents${report.labelsAdded.length ? `; new labels: ${report.labelsAdded.join(', ')}` : ''}${report.speakersAdded.length ? `; new speakers: ${report.speakersAdded.join(', ')}` : ''}.`,
        });
      } catch (error) {
        report(error);
      } finally {
        setBusy(null);
      }
    },
    [client, openDocument, refreshDocuments, report],
  );

  const mergeWorkspace = useCallback(async () => {
    try {
      const merged = await client.mergeWorkspaceWithDialog({});
      if (!merged) return;
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
  }, [client, openDocument, refreshDocuments, report]);

  const setAnnotatorName = useCallback(
    (name: string) => {
      dispatch({ type: 'annotator-named', name });
      queue.push({ kind: 'setAnnotatorName', name });
    },
    [queue],
  );

  const select = useCallback((annotationId: string | null) => dispatch({ type: 'select', annotationId }), []);
  const dismiss = useCallback((messageId: number) => dispatch({ type: 'dismiss', messageId }), []);

  // First load: the workspace as it was left, with the last document open again.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const session = await (firstSession ?? client.getSession({}));
        if (cancelled) return;
        dispatch({ type: 'session-loaded', session });
        // Changes a reload or a closed window left unconfirmed are sent again first.
        if (typeof localStorage !== 'undefined') queue.attachOutbox(localStorageOutbox(`newsroom-annotator:outbox:${session.workspaceDir}`));
        const first = session.lastDocumentId ?? session.documents[0]?.id;
        if (first && session.documents.some((d) => d.id === first)) await openDocument(first);
      } catch (error) {
        report(error);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, firstSession, openDocument, queue, report]);

  const reloadSession = useCallback(async () => {
    dispatch({ type: 'session-loaded', session: await client.getSession({}) });
  }, [client]);

  const source = useDocumentSource({
    client,
    state: () => stateRef.current,
    dispatch,
    report,
    queue,
    history,
    openDocument,
    reloadSession,
    setBusy,
    visibleDocumentId: state.current?.document.id ?? null,
  });

  return {
    state,
    saveStatus,
    busy,
    queue,
    actions: {
      ...source,
      perform,
      loadClaims,
      openDocument,
      importFiles,
      dropFiles,
      openWithDialog,
      openRecent,
      refreshDocuments,
      afterImport,
      createAnnotation,
      updateAnnotation,
      deleteAnnotation,
      undo: undoAny,
      redo: redoAny,
      undoOnDesk,
      redoOnDesk,
      createSpeakerFromMention,
      select,
      dismiss,
      setAnnotatorName,
      openLink,
      importAnnotationFiles,
      mergeWorkspace,
      createSpeakerFor,
      editSpeaker,
      saveLabel,
      deleteLabel,
      mergeSpeakers,
      report,
    },
  };
}
