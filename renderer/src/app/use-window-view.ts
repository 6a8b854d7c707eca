// Which view the window shows: the document's three columns, the review desk in their place, or
// the open document in curation over them. `fromDesk` offers the way back to the desk's queue.
import { useCallback, useState, type RefObject } from 'react';
import type { ClaimRow } from '../../../electron/contract/window-api';
import type { ReviewDeskModel } from '../review/use-review-desk';
import { rowKey } from '../review/claim-table';
import type { ChangeQueue } from '../state/change-queue';
import type { DocumentView } from '../state/workspace-state';

interface Deps {
  desk: ReviewDeskModel;
  queue: ChangeQueue;
  current: DocumentView | null;
  /** The open document's id as it is now, not as it was at this render. */
  currentIdRef: RefObject<string | undefined>;
  openDocument(documentId: string): Promise<unknown>;
  /** The highlight's panel, and the text scrolled to it (use-side-panel.ts). */
  showInText(annotationId: string): void;
  say(text: string): void;
}

export function useWindowView({ desk, queue, current, currentIdRef, openDocument, showInText, say }: Deps) {
  const [view, setView] = useState<'document' | 'desk'>('document');
  const [fromDesk, setFromDesk] = useState(false);
  const [curating, setCurating] = useState(false);

  /**
   * Back to the document view. The desk's edits went through the same pipeline as the window's
   * (the open document shows them, the undo history has them), so nothing is read again.
   */
  const leaveDesk = useCallback(
    async (openId?: string) => {
      setView('document');
      if (openId && openId !== currentIdRef.current) {
        // The document must show what the desk saved in it.
        await queue.whenIdle();
        await openDocument(openId);
      }
    },
    [openDocument, queue, currentIdRef],
  );
  const openInContext = async (row: ClaimRow) => {
    setFromDesk(true);
    await leaveDesk(row.documentId);
    showInText(row.annotationId);
  };
  const showDesk = useCallback(() => {
    setView('desk');
    setFromDesk(false);
    void desk.refresh();
  }, [desk]);
  const toggleDesk = useCallback(() => (setCurating(false), view === 'desk' ? void leaveDesk() : showDesk()), [view, leaveDesk, showDesk]);
  const toggleCuration = () => {
    if (curating) return setCurating(false);
    if (!current) return say('Curation: open a document first.');
    if (view === 'desk') void leaveDesk();
    setCurating(true);
  };
  /** The document in view: the open one, or on the desk the focused claim's. */
  const documentInView = () => (view === 'desk' ? desk.visible.find((row) => rowKey(row) === desk.focusedKey)?.documentId ?? null : current?.document.id ?? null);

  return { view, fromDesk, curating, stopCurating: () => setCurating(false), openInContext, showDesk, toggleDesk, toggleCuration, documentInView };
}

export type WindowView = ReturnType<typeof useWindowView>;
