// The sheets that manage documents: removing one (asked first, saying what it holds), making
// one of pasted text, and compacting the workspace (saying what it deletes for good).
import { useEffect, useRef, useState } from 'react';
import { pastedTextProblem, suggestedTitle, utf8Length } from '../../../electron/contract/document-rules';
import { documentFieldProblem, type CompactionPlan, type DocumentSummary } from '../../../electron/contract/window-api';
import { Dialog } from './Dialog';
import { counted as plural } from '../../../electron/contract/counted';


export function formatBytes(bytes: number): string {
  if (bytes < 1000) return plural(bytes, 'byte');
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

interface RemoveProps {
  document: DocumentSummary;
  /** Claims among its highlights; null while they are counted. */
  claims: number | null;
  undoKey: string;
  onRemove(): void;
  onClose(): void;
}

export function RemoveDocumentDialog({ document: doc, claims, undoKey, onRemove, onClose }: RemoveProps) {
  const removeRef = useRef<HTMLButtonElement>(null);
  const holds =
    doc.annotationCount === 0
      ? 'It holds no highlights.'
      : `It holds ${plural(doc.annotationCount, 'highlight')}${claims === null ? '' : claims > 0 ? `, ${plural(claims, 'claim')} among them` : ', none of them a claim'}.`;
  return (
    <Dialog title="Remove document" onClose={onClose} initialFocus={removeRef}>
      <p>
        Remove <strong>“{doc.title}”</strong> from the workspace? {holds}
      </p>
      <p className="empty-hint">
        It leaves the list, the review desk and every export. {undoKey} brings it back with every highlight while this window is open; its saved text and highlights stay on disk
        until the workspace is compacted (File › Compact workspace…).
      </p>
      <div className="sheet-actions">
        <button type="button" className="danger" ref={removeRef} onClick={onRemove}>
          Remove “{doc.title.length > 40 ? `${doc.title.slice(0, 38)}…` : doc.title}”
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Keep it
        </button>
      </div>
    </Dialog>
  );
}

interface PasteProps {
  /** The clipboard's text, or null when it could not be read (the sheet offers a box to paste into). */
  text: string | null;
  onAdd(title: string, text: string, sourceUrl: string | null): Promise<boolean>;
  onClose(): void;
}

export function PasteDocumentDialog({ text: given, onAdd, onClose }: PasteProps) {
  const [text, setText] = useState(given ?? '');
  const [title, setTitle] = useState(suggestedTitle(given ?? ''));
  const [titleTouched, setTitleTouched] = useState(false);
  const [sourceUrl, setSourceUrl] = useState('');
  const [tried, setTried] = useState(false);
  const [adding, setAdding] = useState(false);
  const firstRef = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  // A title follows the pasted text until the person writes one.
  useEffect(() => {
    if (!titleTouched) setTitle(suggestedTitle(text));
  }, [text, titleTouched]);
  const problems = {
    text: pastedTextProblem(text),
    title: documentFieldProblem('title', title),
    sourceUrl: documentFieldProblem('sourceUrl', sourceUrl),
  };
  const add = async () => {
    setTried(true);
    if (problems.text || problems.title || problems.sourceUrl || adding) return;
    setAdding(true);
    const added = await onAdd(title.trim(), text, sourceUrl.trim() || null);
    setAdding(false);
    if (added) onClose();
  };
  const characters = [...text].length;
  return (
    <Dialog title="New document from pasted text" onClose={onClose} initialFocus={firstRef}>
      <form
        className="paste-document"
        // The contract's words, not the browser's, say what is wrong with a link.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        {given === null && <p className="empty-hint">The clipboard could not be read here (the browser did not allow it). Paste the text into the box below ({navigator.platform.includes('Mac') ? '⌘' : 'Ctrl+'}V).</p>}
        {given === null || given === '' ? (
          <label>
            Text
            <textarea ref={firstRef} value={text} rows={8} onChange={(event) => setText(event.target.value)} aria-invalid={tried && !!problems.text} />
          </label>
        ) : (
          <blockquote className="paste-preview" aria-label="Pasted text (beginning)">
            {text.slice(0, 400)}
            {text.length > 400 ? '…' : ''}
          </blockquote>
        )}
        <p className="paste-length" role="status">
          {plural(characters, 'character')}, {formatBytes(utf8Length(text))}
        </p>
        {tried && problems.text && <p className="field-error">{problems.text}</p>}
        <label>
          Title
          <input
            ref={given ? firstRef : undefined}
            value={title}
            onChange={(event) => {
              setTitleTouched(true);
              setTitle(event.target.value);
            }}
            aria-invalid={tried && !!problems.title}
          />
        </label>
        {tried && problems.title && <p className="field-error">{problems.title}</p>}
        <label>
          Source URL (optional)
          <input type="url" value={sourceUrl} placeholder="https://" onChange={(event) => setSourceUrl(event.target.value)} aria-invalid={tried && !!problems.sourceUrl} />
        </label>
        {tried && problems.sourceUrl && <p className="field-error">{problems.sourceUrl}</p>}
        <div className="sheet-actions">
          <button type="submit" className="primary" disabled={adding}>
            Add document
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface CompactProps {
  plan: CompactionPlan;
  onCompact(): void;
  onClose(): void;
}

export function CompactDialog({ plan, onCompact, onClose }: CompactProps) {
  const compactRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const nothing = plan.documents.length === 0 && plan.files.length === 0;
  return (
    <Dialog title="Compact workspace" onClose={onClose} initialFocus={nothing ? cancelRef : compactRef}>
      {nothing ? (
        <p>There is nothing to compact: no removed document is kept in this workspace.</p>
      ) : (
        <>
          <p>
            Delete {plan.documents.length === 1 ? 'the removed document' : `${plural(plan.documents.length, 'removed document')}`} for good? This deletes {plural(plan.files.length, 'file')} (
            {formatBytes(plan.bytes)}): their saved texts and highlights. It cannot be undone.
          </p>
          <ul className="compact-list" aria-label="Removed documents to delete">
            {plan.documents.slice(0, 20).map((doc) => (
              <li key={doc.id}>{doc.title}</li>
            ))}
            {plan.documents.length > 20 && <li>and {plural(plan.documents.length - 20, 'more')}</li>}
          </ul>
        </>
      )}
      <div className="sheet-actions">
        {!nothing && (
          <button type="button" className="danger" ref={compactRef} onClick={onCompact}>
            Delete for good
          </button>
        )}
        <button type="button" className="secondary" ref={cancelRef} onClick={onClose}>
          {nothing ? 'Close' : 'Cancel'}
        </button>
      </div>
    </Dialog>
  );
}
