// The workspace's documents; switching keeps everything, because everything is already saved.
import type { DocumentSummary } from '../../../electron/contract/window-api';

interface Props {
  documents: DocumentSummary[];
  currentId: string | null;
  onOpen(documentId: string): void;
  /** Delete on a row, or its context menu: asks first (see RemoveDocumentDialog). */
  onRemove?(documentId: string): void;
}

export function DocumentList({ documents, currentId, onOpen, onRemove }: Props) {
  if (documents.length === 0) return <p className="empty-hint">No documents yet. Open a document (text, web page, Word or subtitles), or drop one here.</p>;
  return (
    <ul className="document-list" aria-label="Documents in this workspace">
      {documents.map((doc) => (
        <li key={doc.id}>
          <button
            type="button"
            className="document-item"
            aria-current={doc.id === currentId ? 'page' : undefined}
            onClick={() => onOpen(doc.id)}
            onKeyDown={(event) => {
              if (!onRemove || (event.key !== 'Delete' && event.key !== 'Backspace') || event.ctrlKey || event.metaKey || event.altKey) return;
              // The row's own key: not the window's Delete, which deletes the selected highlight.
              event.preventDefault();
              event.stopPropagation();
              onRemove(doc.id);
            }}
            onContextMenu={(event) => {
              if (!onRemove) return;
              event.preventDefault();
              onRemove(doc.id);
            }}
            title={onRemove ? `${doc.fileName} — Delete or right-click to remove it from the workspace` : doc.fileName}
          >
            <span className="document-title">{doc.title}</span>
            {/* Marked in "This document" (or Ctrl+Shift+D): one button, not one per row. */}
            {doc.doneByYou && <span className="done-badge">Done</span>}
            <span className="document-count" aria-label={`${doc.annotationCount} highlights`}>
              {doc.annotationCount}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
