// Every shortcut on one sheet, opened with "?": read from the command registry, so it lists
// what the keys really do.
import type { Label, Status } from '../../../electron/contract/window-api';
import { Dialog } from './Dialog';
import { allCommands, type Command, type SheetGroup } from '../commands/registry';

const GROUPS: readonly SheetGroup[] = ['Files', 'Moving around', 'Selecting text', 'Labelling', 'Highlights', 'Suggestions', 'Review desk', 'Curation'];

/** The commands the sheet lists: every one with keys, those of the desktop menu only there. */
export function sheetCommands(labels: readonly Label[], statuses: readonly Status[] = [], desktop = false): Command[] {
  return allCommands(labels, statuses).filter((c) => c.shown && c.keys.length > 0 && (desktop || c.keysOwner !== 'menu'));
}

/** `desktop`: the desktop app's menu adds keys the browser keeps for itself (Ctrl+P prints the page there). */
export function shortcutGroups(labels: Label[], mod: string, statuses: Status[] = [], desktop = false): { title: string; keys: [string, string][] }[] {
  const listed = sheetCommands(labels, statuses, desktop);
  return GROUPS.map((title) => ({ title, keys: listed.filter((c) => c.group === title).map((c): [string, string] => [c.shown!(mod), c.label]) }));
}

export function ShortcutSheet({ labels, statuses, mod, desktop, onClose }: { labels: Label[]; statuses?: Status[]; mod: string; desktop?: boolean; onClose(): void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === '?') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="sheet-groups">
        {shortcutGroups(labels, mod, statuses, desktop).map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.keys.map(([keys, what]) => (
                <div key={keys + what} className="sheet-row">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
