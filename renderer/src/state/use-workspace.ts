// Every user action as a function: update the screen at once, then queue the change for disk.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Annotation, DocumentSummary, Session } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { withLabelFields } from '../../../electron/contract/annotation-rules';
import { fromAnnotationColumns, spanContext } from '../../../electron/contract/spans';
import type { AnnotatorClient } from '../api/client';
import { precheckFile, readAsBase64 } from '../files';
import { ChangeQueue, localStorageOutbox, type SaveStatus } from './change-queue';
import { hydrateDocument, initialState, workspaceReducer, type AnnotationPatch } from './workspace-state';


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
        report(new Error(`${messageOf(error)} Your changes are kept and will be saved when it answers.`));
      },
      onRefused: (refused) => {
        const more = refused.length > 1 ? ` (and ${refused.length - 1} more change${refused.length > 2 ? 's' : ''} not saved)` : '';
        report(new Error(`${refused[0]!.message}${more}`));
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
        queue.push({ kind: 'setLastDocument', documentId });
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
    [client, queue, report],
  );

  const refreshDocuments = useCallback(async () => {
    const session = await client.getSession({});
    dispatch({ type: 'documents-changed', documents: session.documents });
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

  const createAnnotation = useCallback(
    (labelId: string, start: number, end: number) => {
      const current = stateRef.current.current;
      if (!current) return;
      const now = new Date().toISOString();
      const text = current.text;
      const annotation: Annotation = withLabelFields(
        {
        id: newId('ann'),
        documentId: current.document.id,
        labelId,
        start,
        end,
        text: text.slice(start, end),
        ...spanContext(text, start, end),
        speakerId: null,
        note: '',
        author: stateRef.current.session?.annotatorName ?? '',
        createdAt: now,
        updatedAt: now,
      },
        stateRef.current.session?.statuses[0]?.id ?? 'unreviewed',
      );
      dispatch({ type: 'annotation-created', annotation });
      queue.push({ kind: 'createAnnotation', documentId: annotation.documentId, annotationId: annotation.id, labelId, start, end });
    },
    [queue],
  );

  const updateAnnotation = useCallback(
    (annotationId: string, patch: AnnotationPatch) => {
      const current = stateRef.current.current;
      if (!current) return;
      dispatch({ type: 'annotation-updated', annotationId, patch });
      queue.push({ kind: 'updateAnnotation', documentId: current.document.id, annotationId, ...patch });
    },
    [queue],
  );

  const deleteAnnotation = useCallback(
    (annotationId: string) => {
      const current = stateRef.current.current;
      if (!current) return;
      dispatch({ type: 'annotation-deleted', annotationId });
      queue.push({ kind: 'deleteAnnotation', documentId: current.document.id, annotationId });
      dispatch({ type: 'message', kind: 'info', text: 'Highlight deleted. Press Ctrl+Z (⌘Z on a Mac) to undo.' });
    },
    [queue],
  );

  const undoDelete = useCallback(() => {
    const restored = stateRef.current.deleted[stateRef.current.deleted.length - 1];
    if (!restored || !stateRef.current.current) return false;
    dispatch({ type: 'annotation-restored' });
    queue.push({
      kind: 'createAnnotation',
      documentId: restored.documentId,
      annotationId: restored.id,
      labelId: restored.labelId,
      start: restored.start,
      end: restored.end,
      speakerId: restored.speakerId,
      note: restored.note,
      ...(restored.quoteKind && { quoteKind: restored.quoteKind }),
      ...(restored.claim && { claim: restored.claim }),
    });
    return true;
  }, [queue]);

  const createSpeakerFromMention = useCallback(
    (mention: Annotation, attributeTo: Annotation | null) => {
      const name = mention.text.trim().replace(/\s+/g, ' ');
      const existing = stateRef.current.speakers.find((s) => s.name.toLowerCase() === name.toLowerCase());
      const speakerId = existing?.id ?? newId('spk');
      if (!existing) {
        dispatch({ type: 'speaker-created', speaker: { id: speakerId, name, createdAt: new Date().toISOString() } });
        queue.push({ kind: 'createSpeaker', speakerId, name });
      }
      updateAnnotation(mention.id, { speakerId });
      if (attributeTo) updateAnnotation(attributeTo.id, { speakerId });
    },
    [queue, updateAnnotation],
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

  return {
    state,
    saveStatus,
    busy,
    queue,
    actions: {
      openDocument,
      importFiles,
      openWithDialog,
      openRecent,
      refreshDocuments,
      afterImport,
      createAnnotation,
      updateAnnotation,
      deleteAnnotation,
      undoDelete,
      createSpeakerFromMention,
      select,
      dismiss,
      setAnnotatorName,
      openLink,
      report,
    },
  };
}
