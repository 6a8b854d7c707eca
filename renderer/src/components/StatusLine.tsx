// The window's status line: what a key just did, or why it could not ("A: select a quote
// first"), undo and redo ("Undone: new Quote"), and highlights made and deleted. Shown for a
// few seconds and read out by screen readers (a polite live region).
import { useCallback, useEffect, useRef, useState } from 'react';
import './status-line.css';

export const STATUS_LINE_MS = 4000;

export type Say = (text: string) => void;

export function useStatusLine(): { say: Say; line: { text: string; seq: number } | null } {
  const [line, setLine] = useState<{ text: string; seq: number } | null>(null);
  const seq = useRef(0);
  const say = useCallback<Say>((text) => setLine({ text, seq: ++seq.current }), []);
  useEffect(() => {
    if (!line) return;
    const timer = setTimeout(() => setLine((shown) => (shown === line ? null : shown)), STATUS_LINE_MS);
    return () => clearTimeout(timer);
  }, [line]);
  return { say, line };
}

/** Always in the page (a live region must exist before its text changes); visible while it says something. */
export function StatusLine({ line }: { line: { text: string; seq: number } | null }) {
  return (
    <div className="status-line" role="status" aria-live="polite" aria-atomic="true" data-shown={line ? 'true' : undefined}>
      {/* A new key each time, so the same words said twice are read twice. */}
      {line && <span key={line.seq}>{line.text}</span>}
    </div>
  );
}
