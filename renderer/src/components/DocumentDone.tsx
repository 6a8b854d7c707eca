// "Done" per person: in the "This document" panel and the document list. Under blind annotation a
// person sees the others' highlights on a document only once they mark it done.
import { useCallback, useState } from 'react';
import type { DocumentSummary } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';

/** Marks the document done (or not yet) for the window's person, then shows it as they now see it. */
export function useDocumentDone({
  client,
  whenSaved,
  refreshDocuments,
  reopen,
  report,
}: {
  client: AnnotatorClient;
  whenSaved(): Promise<void>;
  refreshDocuments(): Promise<unknown>;
  /** Opens the document again, when it is the open one: its highlights change under blind annotation. */
  reopen(documentId: string): Promise<void>;
  report(error: unknown): void;
}) {
  const [status, setStatus] = useState('');
  const markDone = useCallback(
    async (doc: DocumentSummary, done: boolean) => {
      try {
        // Edits made before the click are saved first: none is sent against a view that changed.
        await whenSaved();
        const { refused } = await client.applyChanges({ changes: [{ kind: 'markDocumentDone', documentId: doc.id, done }] });
        if (refused[0]) throw new Error(`Not marked: ${refused[0].message}`);
        await refreshDocuments();
        await reopen(doc.id);
        setStatus(done ? `“${doc.title}” is marked done.` : `“${doc.title}” is not done yet.`);
      } catch (error) {
        report(error);
      }
    },
    [client, whenSaved, refreshDocuments, reopen, report],
  );
  return { markDone, status };
}

export function DoneControl({ document: doc, blind, status, onMarkDone }: { document: DocumentSummary; blind: boolean; status: string; onMarkDone(done: boolean): void }) {
  const done = doc.doneByYou === true;
  const others = (doc.doneBy ?? []).length - (done ? 1 : 0);
  return (
    <section className="document-done" aria-label="Your progress on this document">
      <p>
        {done ? <strong className="done-badge">Done</strong> : 'Not marked done.'}
        {others > 0 && ` ${others === 1 ? 'One other person has' : `${others} other people have`} marked it done.`}
      </p>
      {blind && !done && <p className="empty-hint">Blind annotation is on: other people’s highlights stay hidden until you mark this document done.</p>}
      <button type="button" onClick={() => onMarkDone(!done)}>
        {done ? 'Not done yet' : 'Mark done'}
      </button>
      <span role="status" aria-live="polite" className="done-status">
        {status}
      </span>
    </section>
  );
}
