// A drop-down where choosing is not setting: walking the options with the keyboard (arrows,
// Home/End, type-ahead) only shows them; the final choice is committed once, on Enter, on
// leaving the field or after a short pause. A mouse choice is committed at once.
import { useEffect, useRef, useState, type ReactNode, type SelectHTMLAttributes } from 'react';

/** How long a keyboard walk may rest on an option before it counts as chosen. */
export const COMMIT_PAUSE_MS = 1000;

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string;
  onCommit(value: string): void;
  children: ReactNode;
};

export function CommitSelect({ value, onCommit, children, onKeyDown, onBlur, ...rest }: Props) {
  /** The option shown while a keyboard walk has not been committed yet. */
  const [draft, setDraft] = useState<string | null>(null);
  const byKeyboard = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, value, onCommit });
  latest.current = { draft, value, onCommit };

  const commit = (chosen: string | null = latest.current.draft) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setDraft(null);
    // Walking back to where it started changes nothing, so nothing is saved.
    if (chosen !== null && chosen !== latest.current.value) latest.current.onCommit(chosen);
  };
  // A walk left mid-way when the field goes (another highlight selected) still counts.
  useEffect(() => () => commit(), []);

  return (
    <select
      {...rest}
      value={draft ?? value}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.key === 'Enter') return commit();
        // Keys that walk the options; a change right after one of them is a walk, not a choice.
        byKeyboard.current = !event.ctrlKey && !event.metaKey && (/^(Arrow|Home$|End$|Page)/.test(event.key) || event.key.length === 1);
      }}
      onPointerDown={() => (byKeyboard.current = false)}
      onChange={(event) => {
        const chosen = event.target.value;
        if (!byKeyboard.current) return commit(chosen);
        byKeyboard.current = false;
        setDraft(chosen);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(), COMMIT_PAUSE_MS);
      }}
      onBlur={(event) => {
        onBlur?.(event);
        byKeyboard.current = false;
        commit();
      }}
    >
      {children}
    </select>
  );
}
