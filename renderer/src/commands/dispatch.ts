// A key press to the command it names: the first command of the list whose key it is and whose
// handler takes it. A handler answers false when the command does not apply now (no highlight
// selected, say); the press then goes on to the next command with that key, or to the browser.
import { matchesKey, type KeyPress } from './keys';
import type { Command, CommandContext, CommandIdIn } from './registry';

export type KeyEvent = KeyPress & Pick<KeyboardEvent, 'preventDefault'>;

/** What each command of a context does; the compiler asks for every one of them. */
export type Handlers<C extends CommandContext, E extends KeyEvent = KeyEvent> = Record<CommandIdIn<C>, (event: E) => boolean>;

/** The command that took the press, or null. */
export function runKey<E extends KeyEvent>(commands: readonly Command[], event: E, handle: (command: Command, event: E) => boolean): Command | null {
  for (const command of commands) {
    if (!command.keys.some((binding) => matchesKey(binding, event))) continue;
    if (!handle(command, event)) continue;
    if (!command.keepDefault) event.preventDefault();
    return command;
  }
  return null;
}

/** The handler of a fixed command, or of a label's or a status's (their ids carry the label's or status's id). */
export function handlerOf<E extends KeyEvent>(
  handlers: { [id: string]: (event: E) => boolean },
  generated?: { prefix: string; run(id: string, event: E): boolean },
): (command: Command, event: E) => boolean {
  return (command, event) => {
    if (generated && command.id.startsWith(generated.prefix)) return generated.run(command.id.slice(generated.prefix.length), event);
    const handler = Object.hasOwn(handlers, command.id) ? handlers[command.id] : undefined;
    return handler ? handler(event) : false;
  };
}
