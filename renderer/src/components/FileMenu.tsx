// File menu inside the window: the browser host has no native menu bar, and the desktop app
// shows the same commands in both places.
import { useEffect, useRef, useState } from 'react';
import type { RecentFile } from '../../../electron/contract/window-api';

interface Props {
  showRecent: boolean;
  loadRecent(): Promise<RecentFile[]>;
  onOpen(): void;
  onOpenRecent(recentId: string): void;
  onMerge(): void;
  onNewFromClipboard(): void;
  onCompact(): void;
  shortcut: string;
}

export function FileMenu({ showRecent, loadRecent, onOpen, onOpenRecent, onMerge, onNewFromClipboard, onCompact, shortcut }: Props) {
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    if (showRecent) void loadRecent().then(setRecent, () => setRecent([]));
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open, showRecent, loadRecent]);

  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };

  return (
    <div className="file-menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        File
      </button>
      {open && (
        <div
          className="menu"
          role="menu"
          ref={menuRef}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
              const index = items.indexOf(document.activeElement as HTMLElement);
              items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
              event.preventDefault();
            }
          }}
        >
          <button type="button" role="menuitem" onClick={() => choose(onOpen)}>
            Open… <kbd>{shortcut}</kbd>
          </button>
          <button type="button" role="menuitem" onClick={() => choose(onNewFromClipboard)}>
            New from clipboard…
          </button>
          <button type="button" role="menuitem" onClick={() => choose(onMerge)}>
            Merge a colleague’s workspace…
          </button>
          <button type="button" role="menuitem" onClick={() => choose(onCompact)}>
            Compact workspace…
          </button>
          {showRecent && (
            <>
              <div className="menu-heading" role="presentation">
                Recent files
              </div>
              {recent.length === 0 && <div className="menu-empty">None yet</div>}
              {recent.map((file) => (
                <button key={file.id} type="button" role="menuitem" onClick={() => choose(() => onOpenRecent(file.id))}>
                  {file.fileName}
                </button>
              ))}
            </>
          )}
        </div>
      )}
    </div>
  );
}
