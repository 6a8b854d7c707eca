// Renaming a document and setting what the story says of itself (headline, outlet, byline,
// source URL, publication date), in the "This document" panel. Enter saves, Esc cancels; each
// field says what is wrong in the contract's words, the ones the service would refuse with.
import { useRef, useState } from 'react';
import { DOCUMENT_FIELD_NAMES, EDITABLE_DOCUMENT_FIELDS, documentFieldProblem, type DocumentFields, type DocumentSummary, type EditableDocumentField } from '../../../electron/contract/window-api';

interface Props {
  document: DocumentSummary;
  onSave(fields: DocumentFields): void;
  /** Asks first (see RemoveDocumentDialog). */
  onRemove(): void;
}

const HINTS: Partial<Record<EditableDocumentField, string>> = { publishedOn: 'YYYY-MM-DD', sourceUrl: 'https://' };

function draftOf(doc: DocumentSummary): Record<EditableDocumentField, string> {
  return Object.fromEntries(EDITABLE_DOCUMENT_FIELDS.map((field) => [field, (doc[field] as string | null | undefined) ?? ''])) as Record<EditableDocumentField, string>;
}

export function DocumentEditForm({ document: doc, onSave, onRemove }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(doc));
  const [tried, setTried] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const problems = Object.fromEntries(EDITABLE_DOCUMENT_FIELDS.map((field) => [field, documentFieldProblem(field, draft[field])])) as Record<EditableDocumentField, string | null>;
  const close = () => {
    setEditing(false);
    setTried(false);
    // Back where the edit began, for the keyboard.
    setTimeout(() => editRef.current?.focus(), 0);
  };
  if (!editing) {
    return (
      <div className="document-actions document-manage">
        <button
          type="button"
          ref={editRef}
          onClick={() => {
            setDraft(draftOf(doc));
            setEditing(true);
          }}
        >
          Edit details…
        </button>
        <button type="button" className="danger" onClick={onRemove} title="Take this document out of the workspace (you will be asked first)">
          Remove…
        </button>
      </div>
    );
  }
  return (
    <form
      className="document-edit"
      aria-label="Edit document details"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (EDITABLE_DOCUMENT_FIELDS.some((field) => problems[field])) return;
        onSave(Object.fromEntries(EDITABLE_DOCUMENT_FIELDS.map((field) => [field, field === 'title' ? draft[field] : draft[field].trim() || null])));
        close();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The window's own Esc (clear the selection, back to the queue) is not meant.
        event.preventDefault();
        event.stopPropagation();
        close();
      }}
    >
      {EDITABLE_DOCUMENT_FIELDS.map((field, index) => {
        const problem = tried ? problems[field] : null;
        return (
          <div className="document-edit-field" key={field}>
            <label htmlFor={`document-edit-${field}`}>{DOCUMENT_FIELD_NAMES[field]}</label>
            <input
              id={`document-edit-${field}`}
              value={draft[field]}
              autoFocus={index === 0}
              placeholder={HINTS[field]}
              inputMode={field === 'sourceUrl' ? 'url' : undefined}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `document-edit-${field}-problem` : undefined}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            />
            {problem && (
              <p className="field-error" id={`document-edit-${field}-problem`} role="alert">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <div className="sheet-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" className="secondary" onClick={close}>
          Cancel
        </button>
      </div>
      <p className="empty-hint">Enter saves, Esc cancels.</p>
    </form>
  );
}
