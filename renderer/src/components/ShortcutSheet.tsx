// Every shortcut on one sheet, opened with "?".
import type { Label, Status } from '../../../electron/contract/api';
import { Dialog } from './Dialog';

/** `desktop`: the desktop app's menu adds keys the browser keeps for itself (Ctrl+P prints the page there). */
export function shortcutGroups(labels: Label[], mod: string, statuses: Status[] = [], desktop = false): { title: string; keys: [string, string][] }[] {
  return [
    {
      title: 'Files',
      keys: [
        [`${mod}O`, 'Open documents (text, Markdown, web pages, Word, subtitles)'],
        ...(desktop ? ([[`${mod}P`, 'Print the report of the open document’s claims']] as [string, string][]) : []),
        [`${mod}F`, 'Find in the document (every match is marked)'],
        ['?', 'This sheet'],
      ],
    },
    {
      title: 'Selecting text',
      keys: [
        ['Shift+← →', 'Extend the selection by a character'],
        [`${mod === '⌘' ? '⌥' : 'Ctrl+'}Shift+← →`, 'Extend the selection by a word'],
        ['Alt+↓ / Alt+↑', 'Move to the next / previous sentence (with Shift: extend)'],
        ['E', 'Grow the selection to the whole sentence (again: the next one too)'],
        ['"', 'Grow the selection to the surrounding quotation (again: with the marks)'],
      ],
    },
    {
      title: 'Labelling',
      keys: labels.map((label) => [label.hotkey.toUpperCase(), `Label the selection as ${label.name}`] as [string, string]),
    },
    {
      title: 'Highlights',
      keys: [
        ['] / [', 'Next / previous highlight'],
        ['Enter', 'Select the highlight at the caret'],
        [', / .', 'Move the selected highlight’s end back / on by a word'],
        ['< / >', 'Move its start back / on by a word'],
        ['A', 'Pick who said it (the speaker or claimant list)'],
        ['N', 'Write in the note'],
        ['Delete or Backspace', 'Delete the selected highlight'],
        [`${mod}Z`, 'Undo the last change'],
        [`Shift+${mod}Z or ${mod}Y`, 'Redo'],
        ['Esc', 'Clear the selection'],
        ['↑ ↓ Home End', 'Walk the highlight list (when it has focus)'],
      ],
    },
    {
      title: 'Review desk',
      keys: [
        [`${mod}Shift+R`, 'Open the review desk (again: back to the document)'],
        ['↑ ↓ or J K', 'Move through the claims'],
        ...statuses.filter((s) => s.hotkey).map((s) => [s.hotkey!.toUpperCase(), `Set the status to ${s.name}`] as [string, string]),
        ['Space or X', 'Select or unselect the claim (then a status key sets every selected one)'],
        ['Shift+↑ ↓', 'Extend the selection'],
        ['N', 'Write the reviewer note (Esc: back to the table)'],
        ['Enter', 'Open the claim in its document'],
        ['Esc', 'In the document: back to the queue, where you left it'],
      ],
    },
  ];
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
