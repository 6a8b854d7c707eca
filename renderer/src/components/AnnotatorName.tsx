// The window's person in the header: their name, and a way to correct it (the same person, the
// same id). Choosing who someone is happens in PersonPrompt.
import { useState } from 'react';

interface Props {
  name: string | null;
  onSave(name: string): void;
}

export function AnnotatorName({ name, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name ?? '');
  if (name && !editing) {
    return (
      <button type="button" className="annotator-name" title={`${name}: correct your name; your highlights from now on are recorded under it`} onClick={() => (setDraft(name), setEditing(true))}>
        <span className="annotator-label">Annotator: </span>
        <strong>{name}</strong>
      </button>
    );
  }
  return (
    <form
      className="annotator-form"
      aria-label="Your name"
      onSubmit={(event) => {
        event.preventDefault();
        if (!draft.trim()) return;
        onSave(draft.trim());
        setEditing(false);
      }}
    >
      <label htmlFor="annotator-name-input">{name ? 'Your name' : 'Who is annotating? Your name is recorded on every highlight you make.'}</label>
      <input id="annotator-name-input" value={draft} maxLength={200} autoFocus={Boolean(name)} onChange={(event) => setDraft(event.target.value)} placeholder="Your name" />
      <button type="submit" disabled={!draft.trim()}>
        Save
      </button>
      {name && (
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      )}
    </form>
  );
}
