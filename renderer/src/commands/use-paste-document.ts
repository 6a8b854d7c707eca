// Ctrl+V (⌘V) with no document open makes a document of the pasted text: the paste event
// carries the text, so no clipboard permission is needed. With a document open, or in a
// field, a paste is left alone.
import { useEffect, useRef } from 'react';
import { isTyping } from './use-window-commands';

export function usePasteDocument(options: { enabled: boolean; onText(text: string): void }): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (!latest.current.enabled || isTyping(event.target) || document.querySelector('.sheet[role=dialog]')) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      latest.current.onText(text);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
