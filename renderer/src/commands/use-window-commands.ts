// The window's keys and the desktop menu's commands, routed through the command registry.
import { useEffect, useRef } from 'react';
import type { HostEvent } from '../../../electron/contract/channels';
import type { AnnotatorClient } from '../api/client';
import { handlerOf, runKey, type Handlers } from './dispatch';
import { DESK_REGIONS, DOCUMENT_REGIONS, focusFirstField, moveRegion } from './region-focus';
import { COMMANDS, commandOfMenu, type Command, type CommandContext, type MenuCommand } from './registry';

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable ? false : /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** The window reads the keys of these contexts, the first before the next (Esc from the desk first). */
const WINDOW_CONTEXTS: readonly CommandContext[] = ['window', 'from-desk', 'document'];
const WINDOW_COMMANDS: readonly Command[] = WINDOW_CONTEXTS.flatMap((when) => COMMANDS.filter((c) => c.when === when));

export type WindowKeyHandlers = Handlers<'window' | 'from-desk' | 'document', KeyboardEvent>;

export interface WindowCommands {
  client: AnnotatorClient;
  view: 'document' | 'desk';
  /** The desktop app: its menu owns some keys. */
  desktop: boolean;
  /** What each key does; read when the key comes, so it sees the window as it is then. */
  keys: WindowKeyHandlers;
  /** What each menu item does. */
  menu: Record<MenuCommand, () => void>;
  /** A file opened from outside the window (the command line, a second copy, the dock). */
  onDocumentOpened(documentId: string): void;
  /** The desktop menu's New from Clipboard, with the clipboard's text. */
  onClipboardText(text: string): void;
}

/** What the window's commands act on: the window as it is at this render. */
export interface WindowState {
  view: 'document' | 'desk';
  fromDesk: boolean;
  selectedId: string | null;
  /** The selected highlight's label name ("Quote"), for what a key says it cannot do. */
  selectedLabel: string | null;
  /** The speaker panel is shown over the highlight's. */
  speakerShown: boolean;
  /** Closes the speaker panel, on screen before this returns (a field behind it can take focus). */
  closeSpeaker(): void;
  /** Says in the status line what a key did, or why it could not. */
  say(text: string): void;
  /** The open document's editor, when there is one. */
  editor(): { openFind(): void } | null;
  /** Which sheets are open: one asked for again just stays. */
  open: { import: boolean; export: boolean; report: boolean; agreement: boolean; team?: boolean };
  openDocuments(): void;
  toggleDesk(): void;
  /** Into curation of the open document, or back out of it. */
  toggleCuration(): void;
  backToDesk(): void;
  toggleShortcuts(): void;
  /** Asks who works in this window from now on. */
  switchPerson(): void;
  /** The open document done for the window's person, or not yet; false with no document open. */
  toggleDone(): boolean;
  /** On the desk, the desk's own last edit. False when there is nothing to undo. */
  undo(): boolean;
  redo(): boolean;
  deleteHighlight(annotationId: string): void;
  select(annotationId: string | null): void;
  /** Suggests for the open document and shows the suggestions list. */
  suggest(): void;
  showImport(): void;
  showExport(): void;
  mergeWorkspace(): void;
  showReport(action: 'print' | 'pdf'): void;
  showAgreement(): void;
  newFromClipboard(): void;
  compactWorkspace(): void;
  showTeam(): void;
  report(error: unknown): void;
}

/** Each command of the window bound to what it does there. */
export function windowBindings(w: WindowState): Pick<WindowCommands, 'keys' | 'menu'> {
  // No sheet over another: one asked for again just stays; over a different one, the window says which to close.
  const sheetInTheWay = (askedForIsOpen: boolean) => {
    const shown = document.querySelector('.sheet[role=dialog]')?.getAttribute('aria-label');
    if (!shown || askedForIsOpen) return false;
    w.report(new Error(`“${shown}” is open: close it first.`));
    return true;
  };
  // An edit behind a modal sheet (an import's preview) would change what the sheet is about.
  const behindSheet = () => document.querySelector('.sheet[aria-modal=true]') !== null;
  /** A and N: the selected highlight's field; when it cannot, the status line says why. */
  const focusField = (id: string, key: string, what: string) => {
    if (behindSheet()) return false;
    if (!w.selectedId) {
      w.say(`${key}: select a highlight first (click it, or press ] or [ in the text), then ${key} goes to its ${what}.`);
      return true;
    }
    if (w.speakerShown) w.closeSpeaker();
    const field = document.getElementById(id);
    if (field) field.focus();
    else w.say(`${key}: a ${w.selectedLabel ?? 'highlight'} highlight has no ${what}.`);
    return true;
  };
  return {
    keys: {
      open: () => (w.openDocuments(), true),
      find: () => {
        const editor = w.editor();
        return !!editor && (editor.openFind(), true);
      },
      'review-desk': () => (w.toggleDesk(), true),
      curation: () => (w.toggleCuration(), true),
      shortcuts: () => (w.toggleShortcuts(), true),
      'switch-person': () => (w.switchPerson(), true),
      'mark-done': () => {
        if (behindSheet()) return false;
        if (!w.toggleDone()) w.say('Mark done: open a document first.');
        return true;
      },
      // Esc first closes a speaker panel opened over the document (see clear-selection).
      'back-to-queue': () => w.fromDesk && !w.speakerShown && (w.backToDesk(), true),
      'next-region': () => !behindSheet() && (moveRegion(w.view === 'desk' ? DESK_REGIONS : DOCUMENT_REGIONS, true), true),
      'previous-region': () => !behindSheet() && (moveRegion(w.view === 'desk' ? DESK_REGIONS : DOCUMENT_REGIONS, false), true),
      'first-field': () => {
        if (behindSheet()) return false;
        if (w.selectedId && w.speakerShown) w.closeSpeaker();
        if (!focusFirstField()) w.say('F2: select a highlight first, then F2 goes to its first field.');
        return true;
      },
      // With a highlight selected, A and N go straight to its speaker and its note.
      'pick-speaker': () => focusField('annotation-speaker', 'A', 'speaker'),
      'write-note': () => focusField('annotation-note', 'N', 'note'),
      undo: () => !behindSheet() && w.undo(),
      redo: () => !behindSheet() && w.redo(),
      delete: () => {
        if (behindSheet()) return false;
        if (w.selectedId) w.deleteHighlight(w.selectedId);
        else w.say('Delete: select a highlight first.');
        return true;
      },
      suggest: () => !behindSheet() && (w.suggest(), true),
      'clear-selection': () => (w.speakerShown ? (w.closeSpeaker(), true) : !!w.selectedId && (w.select(null), true)),
      // The paste event that follows carries the text (see use-paste-document.ts).
      'paste-document': () => false,
    },
    menu: {
      open: w.openDocuments,
      // The desktop menu owns Ctrl/Cmd+Z; inside a text field it means the field's own undo.
      undo: () => void (isTyping(document.activeElement) ? document.execCommand('undo') : behindSheet() || w.undo()),
      redo: () => void (isTyping(document.activeElement) ? document.execCommand('redo') : behindSheet() || w.redo()),
      delete: () => void (w.selectedId && !behindSheet() && w.deleteHighlight(w.selectedId)),
      'review-desk': w.toggleDesk,
      'import-annotations': () => void (sheetInTheWay(w.open.import) || w.showImport()),
      'export-dataset': () => void (sheetInTheWay(w.open.export) || w.showExport()),
      'merge-workspace': () => void (sheetInTheWay(false) || w.mergeWorkspace()),
      'print-report': () => void (sheetInTheWay(w.open.report) || w.showReport('print')),
      'save-report-pdf': () => void (sheetInTheWay(w.open.report) || w.showReport('pdf')),
      agreement: () => void (sheetInTheWay(w.open.agreement) || w.showAgreement()),
      'new-from-clipboard': () => void (sheetInTheWay(false) || w.newFromClipboard()),
      'compact-workspace': () => void (sheetInTheWay(false) || w.compactWorkspace()),
      team: () => void (sheetInTheWay(w.open.team ?? false) || w.showTeam()),
    },
  };
}

export function useWindowCommands(commands: WindowCommands): void {
  const latest = useRef(commands);
  latest.current = commands;

  // Shortcuts that work anywhere in the window; subscribed once.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { view, desktop, keys } = latest.current;
      const typing = isTyping(event.target);
      const live = WINDOW_COMMANDS.filter(
        (c) =>
          (c.whileTyping || !typing) &&
          // The desk answers its own keys; the document's (Delete…) must not act on a hidden text.
          (view === 'document' || c.when === 'window') &&
          (!('keysOwner' in c) || c.keysOwner === undefined || (c.keysOwner === 'menu-on-desktop' && !desktop)),
      );
      runKey(live, event, handlerOf(keys));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Desktop menu commands and files opened from outside the window, subscribed once.
  useEffect(
    () =>
      commands.client.onHostEvent((event: HostEvent) => {
        const { view, menu, onDocumentOpened, onClipboardText } = latest.current;
        if (event.type === 'documents-opened') return onDocumentOpened(event.documentId);
        if (event.type === 'clipboard-text') return onClipboardText(event.text);
        // The desk shows no document: the menu's delete would act on one unseen.
        if (view === 'desk' && commandOfMenu(event.command).when !== 'window') return;
        menu[event.command]();
      }),
    [commands.client],
  );
}
