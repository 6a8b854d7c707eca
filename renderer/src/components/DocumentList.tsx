// The workspace's documents; switching keeps everything, because everything is already saved.
import type { DocumentSummary } from '../../../electron/contract/api';

interface Props {
  documents: DocumentSummary[];
  currentId: string | null;
  onOpen(documentId: string): void;
}

export function DocumentList({ documents, currentId, onOpen }: Props) {
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
            title={doc.fileName}
          >
            <span className="document-title">{doc.title}</span>
            <span className="document-count" aria-label={`${doc.annotationCount} highlights`}>
              {doc.annotationCount}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
