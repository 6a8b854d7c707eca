// The window's keys and the desktop menu's commands, routed through the command registry.
import { useEffect, useRef } from 'react';
import type { HostEvent } from '../../../electron/contract/channels';
import type { AnnotatorClient } from '../api/client';
import { handlerOf, runKey, type Handlers } from './dispatch';
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
        const { view, menu, onDocumentOpened } = latest.current;
        if (event.type === 'documents-opened') return onDocumentOpened(event.documentId);
        // The desk shows no document: the menu's delete would act on one unseen.
        if (view === 'desk' && commandOfMenu(event.command).when !== 'window') return;
        menu[event.command]();
      }),
    [commands.client],
  );
}
