// The window's first load, asked for before the rest of the window's code has even loaded (see
// main.tsx): the session, and the document it will open, so the host reads and sends them while
// the page evaluates its bundle instead of after.
import type { OpenedDocument, Session } from '../../../electron/contract/window-api';
import type { AnnotatorClient } from '../api/client';

/** The highlights sent with a document's text: its first screens (the rest follows after the first paint). */
export const FIRST_SCREENS = 20_000;

export interface FirstLoad {
  session: Promise<Session>;
  /** The document the session opens first, already asked for (null: none to open). */
  document: Promise<{ documentId: string; opened: Promise<OpenedDocument> } | null>;
}

/** The document a window opens on load: the one left open last, else the first in the list. */
export function firstDocumentOf(session: Session): string | null {
  const first = session.lastDocumentId ?? session.documents[0]?.id;
  return first && session.documents.some((d) => d.id === first) ? first : null;
}

export function startFirstLoad(client: AnnotatorClient): FirstLoad {
  const session = client.getSession({});
  const document = session.then((s) => {
    const documentId = firstDocumentOf(s);
    if (!documentId) return null;
    const opened = client.openDocument({ documentId, annotationsBefore: FIRST_SCREENS });
    // Whoever uses it reports a failure; an unused one must not trip the unhandled-rejection alarm.
    opened.catch(() => undefined);
    return { documentId, opened };
  });
  session.catch(() => undefined);
  document.catch(() => undefined);
  return { session, document };
}
