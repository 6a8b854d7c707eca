// A text field saved once per edit: on Enter or on leaving it, not at every key (one edit, one
// line in a claim's history). What the field is saved as comes back from `value` (undo, redo).
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onCommit(value: string): void;
  /** A draft that may not be saved yet (a half-typed link) stays in the field, unsaved. */
  canSave?(draft: string): boolean;
  /** Every key typed, for hints beside the field. */
  onDraft?(draft: string): void;
};

export function DraftInput({ value, onCommit, canSave = () => true, onDraft, onKeyDown, onBlur, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const latest = useRef({ draft, value, onCommit, canSave });
  latest.current = { draft, value, onCommit, canSave };
  // The saved value changed (undo, redo, a reload): show it, unless a draft it cannot hold is kept.
  useEffect(() => setDraft((shown) => (canSave(shown) ? value : shown)), [value]);
  const commit = () => {
    const { draft: typed, value: saved, onCommit: save, canSave: ok } = latest.current;
    if (typed !== saved && ok(typed)) save(typed);
  };
  // Typed and then another highlight selected: what was typed is still saved.
  useEffect(() => () => commit(), []);
  return (
    <input
      {...rest}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        onDraft?.(event.target.value);
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.key === 'Enter') commit();
      }}
      onBlur={(event) => {
        onBlur?.(event);
        commit();
      }}
    />
  );
}
