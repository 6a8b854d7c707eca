// Every command of the window, each with its keys, where it applies and what the sheet says of
// it: the window's keys, the editor's keymap, the desk's keys, the desktop menu's events and the
// shortcut sheet all read this list, so a shortcut is written once. What a command does is
// bound where its context lives (see dispatch.ts); the compiler checks each place binds all of
// its commands.
import type { Label, Status } from '../../../electron/contract/window-api';
import type { HostEvent } from '../../../electron/contract/channels';
import type { KeyBinding } from './keys';

/**
 * Where a command's keys are read. `window`: anywhere, the document or the desk; `document`: the
 * document view; `from-desk`: the document view opened from the desk (before `document`);
 * `text`: in the document's text; `highlight-list`: the list with focus; `desk`: the desk's table.
 */
export type CommandContext = 'window' | 'document' | 'from-desk' | 'text' | 'highlight-list' | 'suggestion-list' | 'desk' | 'curation';

export type SheetGroup = 'Files' | 'Moving around' | 'Selecting text' | 'Labelling' | 'Highlights' | 'Suggestions' | 'Review desk' | 'Curation';

export type MenuCommand = Extract<HostEvent, { type: 'menu' }>['command'];

export interface Command {
  id: string;
  when: CommandContext;
  keys: readonly KeyBinding[];
  /** The keys as the sheet writes them; `mod` is "⌘" or "Ctrl+". */
  shown?: (mod: string) => string;
  /** What the sheet says it does. */
  label: string;
  group: SheetGroup;
  /** The desktop menu's item that sends it. */
  menu?: MenuCommand;
  /** Its keys work while typing in a field too. */
  whileTyping?: boolean;
  /**
   * Whose keys these are: `menu`, the desktop menu's accelerator only (the browser keeps them);
   * `menu-on-desktop`, the menu's in the desktop app and the window's in a browser;
   * `codemirror`, the editor's own keymap.
   */
  keysOwner?: 'menu' | 'menu-on-desktop' | 'codemirror';
  /** The key press keeps its default action (nothing else wants it). */
  keepDefault?: boolean;
}

const k = (key: string, more: Omit<KeyBinding, 'key'> = {}): KeyBinding => ({ key, ...more });
const text = (shown: string) => () => shown;
/** A key the text reads: the editor leaves every press with Ctrl, ⌘ or Alt to others. */
const plain = (key: string): KeyBinding => k(key, { mod: false, alt: false });

export const COMMANDS = [
  // Files
  { id: 'open', when: 'window', group: 'Files', keys: [k('o', { mod: true, shift: false, anyCase: true })], shown: (mod) => `${mod}O`, label: 'Open documents (text, Markdown, web pages, Word, PDF, subtitles)', menu: 'open', whileTyping: true },
  { id: 'print-report', when: 'window', group: 'Files', keys: [k('p', { mod: true, shift: false, anyCase: true })], shown: (mod) => `${mod}P`, label: 'Print the report of the open document’s claims', menu: 'print-report', keysOwner: 'menu' },
  // Find works from anywhere in the window, not only from inside the text.
  { id: 'find', when: 'window', group: 'Files', keys: [k('f', { mod: true, shift: false, anyCase: true })], shown: (mod) => `${mod}F`, label: 'Find in the document (every match is marked)', whileTyping: true },
  { id: 'shortcuts', when: 'window', group: 'Files', keys: [k('?', { mod: false })], shown: text('?'), label: 'This sheet' },
  { id: 'switch-person', when: 'window', group: 'Files', keys: [k('p', { mod: true, shift: true, anyCase: true })], shown: (mod) => `${mod}Shift+P`, label: 'Switch person: who works in this window from now on', whileTyping: true },
  // The paste event carries the text (use-paste-document.ts): no key handler of its own.
  { id: 'paste-document', when: 'window', group: 'Files', keys: [k('v', { mod: true, shift: false, anyCase: true })], shown: (mod) => `${mod}V`, label: 'With no document open: make a document of the pasted text' },
  // Blind annotation: done reveals the others' highlights on the document (see DocumentDone.tsx).
  { id: 'mark-done', when: 'document', group: 'Files', keys: [k('d', { mod: true, shift: true, anyCase: true })], shown: (mod) => `${mod}Shift+D`, label: 'Mark the open document done (again: not done yet)' },
  // Moving around: region by region, as desktop apps do, instead of Tab by Tab.
  { id: 'next-region', when: 'window', group: 'Moving around', keys: [k('F6', { shift: false, mod: false, alt: false })], shown: text('F6'), label: 'Next region: text, side panel, highlight list, documents, speakers (on the desk: claims, focused claim, filters, tools)', whileTyping: true },
  { id: 'previous-region', when: 'window', group: 'Moving around', keys: [k('F6', { shift: true, mod: false, alt: false })], shown: text('Shift+F6'), label: 'Previous region', whileTyping: true },
  { id: 'first-field', when: 'document', group: 'Moving around', keys: [k('F2', { shift: false, mod: false, alt: false })], shown: text('F2'), label: 'To the selected highlight’s first field (Shift+F6: back to the text)', whileTyping: true },
  // Selecting text: CodeMirror's own keys, and ours.
  { id: 'extend-by-character', when: 'text', group: 'Selecting text', keys: [k('ArrowLeft', { shift: true, mod: false }), k('ArrowRight', { shift: true, mod: false })], shown: text('Shift+← →'), label: 'Extend the selection by a character', keysOwner: 'codemirror' },
  { id: 'extend-by-word', when: 'text', group: 'Selecting text', keys: [k('ArrowLeft', { shift: true, mod: true }), k('ArrowRight', { shift: true, mod: true })], shown: (mod) => `${mod === '⌘' ? '⌥' : 'Ctrl+'}Shift+← →`, label: 'Extend the selection by a word', keysOwner: 'codemirror' },
  { id: 'sentence', when: 'text', group: 'Selecting text', keys: [k('ArrowDown', { alt: true }), k('ArrowUp', { alt: true })], shown: text('Alt+↓ / Alt+↑'), label: 'Move to the next / previous sentence (with Shift: extend)', keysOwner: 'codemirror' },
  { id: 'grow-to-sentence', when: 'text', group: 'Selecting text', keys: [k('e', { mod: false, alt: false, anyCase: true })], shown: text('E'), label: 'Grow the selection to the whole sentence (again: the next one too)' },
  { id: 'grow-to-quotation', when: 'text', group: 'Selecting text', keys: [plain('"')], shown: text('"'), label: 'Grow the selection to the surrounding quotation (again: with the marks)' },
  // Highlights
  { id: 'step-highlight', when: 'text', group: 'Highlights', keys: [plain(']'), plain('[')], shown: text('] / ['), label: 'Next / previous highlight' },
  { id: 'pick-at-caret', when: 'text', group: 'Highlights', keys: [plain('Enter')], shown: text('Enter'), label: 'Select the highlight at the caret' },
  { id: 'move-end', when: 'text', group: 'Highlights', keys: [plain(','), plain('.')], shown: text(', / .'), label: 'Move the selected highlight’s end back / on by a word' },
  { id: 'move-start', when: 'text', group: 'Highlights', keys: [plain('<'), plain('>')], shown: text('< / >'), label: 'Move its start back / on by a word' },
  { id: 'pick-speaker', when: 'document', group: 'Highlights', keys: [k('a', { mod: false, alt: false, anyCase: true })], shown: text('A'), label: 'Pick who said it (the speaker or claimant list)' },
  { id: 'write-note', when: 'document', group: 'Highlights', keys: [k('n', { mod: false, alt: false, anyCase: true })], shown: text('N'), label: 'Write in the note' },
  { id: 'delete', when: 'document', group: 'Highlights', keys: [k('Delete'), k('Backspace')], shown: text('Delete or Backspace'), label: 'Delete the selected highlight', menu: 'delete' },
  // On the desk, undo and redo take back the desk's own edits only.
  { id: 'undo', when: 'window', group: 'Highlights', keys: [k('z', { mod: true, shift: false, anyCase: true })], shown: (mod) => `${mod}Z`, label: 'Undo the last change', menu: 'undo' },
  { id: 'redo', when: 'window', group: 'Highlights', keys: [k('z', { mod: true, shift: true, anyCase: true }), k('y', { mod: true, anyCase: true })], shown: (mod) => `Shift+${mod}Z or ${mod}Y`, label: 'Redo', menu: 'redo' },
  { id: 'clear-selection', when: 'document', group: 'Highlights', keys: [k('Escape')], shown: text('Esc'), label: 'Close the speaker panel, or clear the selection', keepDefault: true },
  { id: 'walk-list', when: 'highlight-list', group: 'Highlights', keys: [k('ArrowUp'), k('ArrowDown'), k('Home'), k('End')], shown: text('↑ ↓ Home End'), label: 'Walk the highlight list (when it has focus)' },
  // Suggestions (renderer/src/suggestions): proposed quotes and claims, not highlights until accepted.
  { id: 'suggest', when: 'document', group: 'Suggestions', keys: [k('s', { alt: true, mod: false, shift: false, anyCase: true, code: 'KeyS' })], shown: (mod) => (mod === '⌘' ? '⌥S' : 'Alt+S'), label: 'Suggest quotes, speakers and claims for the open document, and go to the list' },
  { id: 'suggestion-accept', when: 'suggestion-list', group: 'Suggestions', keys: [k('Enter', { mod: false, shift: false }), k('y', { mod: false, anyCase: true, shift: false })], shown: text('Enter or Y'), label: 'Accept the suggestion: it becomes a highlight (Ctrl+Z takes it back)' },
  { id: 'suggestion-edit', when: 'suggestion-list', group: 'Suggestions', keys: [k('e', { mod: false, anyCase: true })], shown: text('E'), label: 'Edit before accepting: its words are selected in the text; adjust them, then press the label’s key' },
  { id: 'suggestion-reject', when: 'suggestion-list', group: 'Suggestions', keys: [k('Delete'), k('Backspace'), k('x', { mod: false, anyCase: true })], shown: text('Delete or X'), label: 'Reject the suggestion: never suggested again for this text' },
  { id: 'suggestion-accept-speaker', when: 'suggestion-list', group: 'Suggestions', keys: [k('Enter', { mod: false, shift: true })], shown: text('Shift+Enter'), label: 'Accept every suggested quote by the same speaker' },
  { id: 'suggestion-accept-all', when: 'suggestion-list', group: 'Suggestions', keys: [k('Enter', { mod: true })], shown: (mod) => `${mod}Enter`, label: 'Accept every suggestion in the list' },
  { id: 'walk-suggestions', when: 'suggestion-list', group: 'Suggestions', keys: [k('ArrowUp'), k('ArrowDown'), k('Home'), k('End')], shown: text('↑ ↓ Home End'), label: 'Walk the suggestions, each shown in the text' },
  // Review desk
  // The desktop app's menu owns Shift+Ctrl+R (View › Review Desk): toggling in the page too would undo it.
  { id: 'review-desk', when: 'window', group: 'Review desk', keys: [k('r', { mod: true, shift: true, anyCase: true })], shown: (mod) => `${mod}Shift+R`, label: 'Open the review desk (again: back to the document)', menu: 'review-desk', whileTyping: true, keysOwner: 'menu-on-desktop' },
  { id: 'desk-move', when: 'desk', group: 'Review desk', keys: [k('ArrowDown', { shift: false }), k('ArrowUp', { shift: false }), k('j', { shift: false }), k('k', { shift: false })], shown: text('↑ ↓ or J K'), label: 'Move through the claims' },
  { id: 'desk-jump', when: 'desk', group: 'Review desk', keys: [k('Home'), k('End'), k('PageDown'), k('PageUp')], shown: text('Home End PageUp PageDown'), label: 'To the first or last claim, or ten on (with Shift: extend the selection)' },
  { id: 'desk-select', when: 'desk', group: 'Review desk', keys: [k(' '), k('x')], shown: text('Space or X'), label: 'Select or unselect the claim (then a status key sets every selected one)' },
  { id: 'desk-extend', when: 'desk', group: 'Review desk', keys: [k('ArrowDown', { shift: true }), k('ArrowUp', { shift: true }), k('J'), k('K')], shown: text('Shift+↑ ↓'), label: 'Extend the selection' },
  { id: 'desk-note', when: 'desk', group: 'Review desk', keys: [k('n')], shown: text('N'), label: 'Write the reviewer note (Esc: back to the table)' },
  { id: 'desk-open', when: 'desk', group: 'Review desk', keys: [plain('Enter')], shown: text('Enter'), label: 'Open the claim in its document' },
  { id: 'desk-clear-selection', when: 'desk', group: 'Review desk', keys: [k('Escape')], shown: text('Esc'), label: 'On the desk: clear the selected claims' },
  // Came from the desk: Esc goes back to the queue, where it was left.
  { id: 'back-to-queue', when: 'from-desk', group: 'Review desk', keys: [k('Escape', { mod: false })], shown: text('Esc'), label: 'In the document: back to the queue, where you left it' },
  // Curation (renderer/src/curation): an editor turns people's versions into the curated layer.
  { id: 'curation', when: 'window', group: 'Curation', keys: [k('u', { mod: true, shift: true, anyCase: true })], shown: (mod) => `${mod}Shift+U`, label: 'Curate the open document (again: back to the document)', whileTyping: true },
  { id: 'curation-move', when: 'curation', group: 'Curation', keys: [k('j', { mod: false }), k('k', { mod: false }), k('ArrowDown', { mod: false }), k('ArrowUp', { mod: false })], shown: text('J K or ↓ ↑'), label: 'Next / previous span group' },
  { id: 'curation-accept-person', when: 'curation', group: 'Curation', keys: [...'123456789'].map((d) => k(d, { mod: false, alt: false })), shown: text('1 … 9'), label: 'Accept that person’s version of the group into the curated layer' },
  { id: 'curation-accept-agreed', when: 'curation', group: 'Curation', keys: [k('a', { mod: false, alt: false, anyCase: true })], shown: text('A'), label: 'Accept the version everyone agrees on' },
  { id: 'curation-reject', when: 'curation', group: 'Curation', keys: [k('r', { mod: false, alt: false, anyCase: true })], shown: text('R'), label: 'Reject the group: no curated highlight for it' },
  { id: 'curation-edit', when: 'curation', group: 'Curation', keys: [k('e', { mod: false, alt: false, anyCase: true })], shown: text('E'), label: 'Edit the curated highlight’s label' },
  { id: 'curation-close', when: 'curation', group: 'Curation', keys: [k('Escape')], shown: text('Esc'), label: 'Leave curation, back to the document' },
  // The desktop menu's commands without keys.
  { id: 'import-annotations', when: 'window', group: 'Files', keys: [], label: 'Import annotations', menu: 'import-annotations' },
  { id: 'export-dataset', when: 'window', group: 'Files', keys: [], label: 'Export a dataset', menu: 'export-dataset' },
  { id: 'merge-workspace', when: 'window', group: 'Files', keys: [], label: 'Merge another workspace', menu: 'merge-workspace' },
  { id: 'save-report-pdf', when: 'window', group: 'Files', keys: [], label: 'Save the report as PDF', menu: 'save-report-pdf' },
  { id: 'agreement', when: 'window', group: 'Files', keys: [], label: 'How well annotators agree', menu: 'agreement' },
  { id: 'new-from-clipboard', when: 'window', group: 'Files', keys: [], label: 'New document from the clipboard', menu: 'new-from-clipboard' },
  { id: 'compact-workspace', when: 'window', group: 'Files', keys: [], label: 'Compact the workspace (delete removed documents for good)', menu: 'compact-workspace' },
  { id: 'team', when: 'window', group: 'Files', keys: [], label: 'Team: link the workspace to the team’s database, and its sync status', menu: 'team' },
] as const satisfies readonly Command[];

export type FixedCommand = (typeof COMMANDS)[number];
export type CommandId = FixedCommand['id'];
/** Commands whose keys the page reads itself (not the menu's accelerators, not CodeMirror's keymap). */
type KeyedCommand = Exclude<FixedCommand, { keys: readonly [] } | { keysOwner: 'menu' | 'codemirror' }>;
/** The ids of the commands whose keys are read in a context: each needs a handler there. */
export type CommandIdIn<C extends CommandContext> = Extract<KeyedCommand, { when: C }>['id'];

/** A label's key labels the selection in the text; the labels are the workspace's. */
export function labelCommands(labels: readonly Label[]): Command[] {
  return labels.map((label) => ({
    id: `label:${label.id}`,
    when: 'text',
    group: 'Labelling',
    keys: [k(label.hotkey, { mod: false, alt: false, code: /^[0-9]$/.test(label.hotkey) ? `Digit${label.hotkey}` : `Key${label.hotkey.toUpperCase()}` })],
    shown: text(label.hotkey.toUpperCase()),
    label: `Label the selection as ${label.name}`,
  }));
}

/** A status's key sets it on the desk; the statuses are the workspace's verdict scale. */
export function statusCommands(statuses: readonly Status[]): Command[] {
  return statuses
    .filter((status) => status.hotkey)
    .map((status) => ({
      id: `status:${status.id}`,
      when: 'desk',
      group: 'Review desk',
      keys: [k(status.hotkey!, { anyCase: true, mod: false, alt: false })],
      shown: text(status.hotkey!.toUpperCase()),
      label: `Set the status to ${status.name}`,
    }));
}

/** Every command of a workspace with these labels and statuses, in the sheet's order. */
export function allCommands(labels: readonly Label[], statuses: readonly Status[] = []): Command[] {
  const fixed: readonly Command[] = COMMANDS;
  const labelling = labelCommands(labels);
  const desk = statusCommands(statuses);
  // Labels after the selecting keys; statuses after the desk's moves.
  const at = (id: string) => fixed.findIndex((command) => command.id === id) + 1;
  sayBothPlaces(labelling, desk);
  return [...fixed.slice(0, at('grow-to-quotation')), ...labelling, ...fixed.slice(at('grow-to-quotation'), at('desk-move')), ...desk, ...fixed.slice(at('desk-move'))];
}

/**
 * A key that labels in the text and sets a status on the desk (S: Speaker, and Needs second
 * review) says both meanings, each by its place, so the sheet is not read as a clash.
 */
function sayBothPlaces(labelling: Command[], desk: Command[]): void {
  for (const label of labelling) {
    const status = desk.find((d) => d.keys[0]!.key.toLowerCase() === label.keys[0]!.key.toLowerCase());
    if (!status) continue;
    const key = label.keys[0]!.key.toUpperCase();
    const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
    const labelling = label.label;
    label.label += ` (on the review desk, ${key} means: ${lower(status.label)})`;
    status.label += ` (in a document’s text, ${key} means: ${lower(labelling)})`;
  }
}

export function commandOfMenu(menu: MenuCommand): FixedCommand {
  return COMMANDS.find((command) => 'menu' in command && command.menu === menu)!;
}

export function command(id: CommandId): Command {
  return COMMANDS.find((c) => c.id === id)!;
}
