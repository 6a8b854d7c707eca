// Who is annotating in this window: asked on first use (without blocking the work) and when
// switching person. People who worked on this computer are offered first; the workspace's
// old name is only a suggestion.
import { useState } from 'react';
import type { Person } from '../../../electron/contract/window-api';

interface Props {
  known: Person[];
  /** The name the workspace used to keep for everyone: offered when nobody is known yet. */
  suggestion: string | null;
  /** Switching from the header (someone is already chosen): the prompt can be cancelled. */
  switching: boolean;
  onChoose(who: Person | string): void;
  onCancel(): void;
}

export function PersonPrompt({ known, suggestion, switching, onChoose, onCancel }: Props) {
  const [draft, setDraft] = useState('');
  const offered: (Person | string)[] = known.length ? known : suggestion ? [suggestion] : [];
  return (
    <form
      className="annotator-form person-prompt"
      aria-label="Your name"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) onChoose(draft.trim());
      }}
      onKeyDown={(event) => switching && event.key === 'Escape' && (event.stopPropagation(), onCancel())}
    >
      {offered.length > 0 && (
        <div className="person-known" role="group" aria-label="Known people">
          {offered.map((who) => {
            const name = typeof who === 'string' ? who : who.name;
            return (
              <button key={typeof who === 'string' ? `name:${who}` : who.id} type="button" className="primary" onClick={() => onChoose(who)}>
                Continue as {name}
              </button>
            );
          })}
        </div>
      )}
      <label htmlFor="annotator-name-input">
        {offered.length ? 'Or someone else: ' : ''}Who is annotating? Your name is recorded on every highlight you make in this window.
      </label>
      <input id="annotator-name-input" value={draft} maxLength={200} autoFocus={switching} onChange={(event) => setDraft(event.target.value)} placeholder="Your name" />
      <button type="submit" disabled={!draft.trim()}>
        Save
      </button>
      {switching && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
