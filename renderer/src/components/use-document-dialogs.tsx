// Which document sheet is open (remove, paste, compact) and what each does, so App only asks
// for one and renders `dialogs`. Pasting with no document open is use-paste-document.ts.
import { useCallback, useState, type ReactNode } from 'react';
import type { CompactionPlan, DocumentSummary } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';
import { CompactDialog, PasteDocumentDialog, RemoveDocumentDialog } from './DocumentDialogs';

interface Deps {
  client: AnnotatorClient;
  documents: DocumentSummary[];
  undoKey: string;
  removeDocument(documentId: string): void;
  addPastedDocument(title: string, text: string, sourceUrl: string | null): Promise<boolean>;
  planCompaction(): Promise<CompactionPlan | null>;
  compactWorkspace(): Promise<void>;
}

type Shown = null | { kind: 'remove'; documentId: string; claims: number | null } | { kind: 'paste'; text: string | null } | { kind: 'compact'; plan: CompactionPlan };

export function useDocumentDialogs(deps: Deps): { askRemove(documentId: string): void; paste(text: string | null): void; newFromClipboard(): void; askCompact(): void; dialogs: ReactNode } {
  const [shown, setShown] = useState<Shown>(null);
  const { client } = deps;
  const close = useCallback(() => setShown(null), []);

  const askRemove = useCallback(
    (documentId: string) => {
      setShown({ kind: 'remove', documentId, claims: null });
      // The claims among its highlights, as the desk lists them.
      void client.listClaims({}).then(
        (rows) => setShown((now) => (now?.kind === 'remove' && now.documentId === documentId ? { ...now, claims: rows.filter((row) => row.documentId === documentId).length } : now)),
        () => undefined,
      );
    },
    [client],
  );
  const paste = useCallback((text: string | null) => setShown({ kind: 'paste', text }), []);
  /** The clipboard's text where the window may read it; else the sheet's box to paste into. */
  const newFromClipboard = useCallback(() => {
    const reading = typeof navigator !== 'undefined' && navigator.clipboard?.readText ? navigator.clipboard.readText() : Promise.reject(new Error('no clipboard'));
    void reading.then(
      (text) => setShown({ kind: 'paste', text: text.trim() === '' ? '' : text }),
      () => setShown({ kind: 'paste', text: null }),
    );
  }, []);
  const { planCompaction } = deps;
  const askCompact = useCallback(() => {
    void planCompaction().then((plan) => plan && setShown({ kind: 'compact', plan }));
  }, [planCompaction]);

  let dialogs: ReactNode = null;
  if (shown?.kind === 'remove') {
    const doc = deps.documents.find((d) => d.id === shown.documentId);
    if (doc) {
      dialogs = (
        <RemoveDocumentDialog
          document={doc}
          claims={shown.claims}
          undoKey={deps.undoKey}
          onRemove={() => {
            close();
            deps.removeDocument(doc.id);
          }}
          onClose={close}
        />
      );
    }
  } else if (shown?.kind === 'paste') {
    dialogs = <PasteDocumentDialog text={shown.text} onAdd={deps.addPastedDocument} onClose={close} />;
  } else if (shown?.kind === 'compact') {
    dialogs = (
      <CompactDialog
        plan={shown.plan}
        onCompact={() => {
          close();
          void deps.compactWorkspace();
        }}
        onClose={close}
      />
    );
  }
  return { askRemove, paste, newFromClipboard, askCompact, dialogs };
}
