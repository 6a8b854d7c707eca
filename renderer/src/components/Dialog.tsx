// A modal sheet over the window: titled, closed by its button, a click outside, or Esc
// wherever the focus is (a deleted row's button can take the focus with it).
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  title: string;
  onClose(): void;
  /** Keys the sheet answers itself, besides Esc. */
  onKeyDown?(event: React.KeyboardEvent): void;
  /** Where the focus starts (the sheet's main button); the close button when not given. */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

export function Dialog({ title, onClose, onKeyDown, initialFocus, children }: Props) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => (initialFocus?.current ?? closeRef.current)?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div className="sheet" role="dialog" aria-modal="true" aria-label={title} onClick={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
        <header>
          <h2>{title}</h2>
          <button type="button" ref={closeRef} onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
