// A key as a command names it, and whether a key press is that key.

/** Left out (undefined): that modifier may be up or down. */
export interface KeyBinding {
  /** `KeyboardEvent.key`, compared as written unless `anyCase`. */
  key: string;
  /** The platform's command key: ⌘ on a Mac, Ctrl elsewhere. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  anyCase?: boolean;
  /**
   * A label's key also answers at its place on the keyboard (`KeyQ`, `Digit1`) where the layout
   * types no Latin letter or digit there: the character typed decides whenever it is one.
   */
  code?: string;
}

export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
/** The modifier as the window's words write it: "Ctrl+Z", "⌘Z". */
export const MOD = isMac ? '⌘' : 'Ctrl+';

export function matchesKey(binding: KeyBinding, event: KeyPress, mac = isMac): boolean {
  if (binding.code !== undefined) {
    const typed = event.key.toLowerCase();
    if (/^[a-z0-9]$/.test(typed) ? typed !== binding.key : event.code !== binding.code) return false;
  } else if (binding.anyCase ? event.key.toLowerCase() !== binding.key : event.key !== binding.key) {
    return false;
  }
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (binding.mod !== undefined && binding.mod !== mod) return false;
  if (binding.shift !== undefined && binding.shift !== event.shiftKey) return false;
  if (binding.alt !== undefined && binding.alt !== event.altKey) return false;
  return true;
}

/** CodeMirror's name for a key ("Alt-ArrowDown"), for the keymap the editor hands it. */
export function codeMirrorKey(binding: KeyBinding): string {
  return `${binding.mod ? 'Mod-' : ''}${binding.alt ? 'Alt-' : ''}${binding.key}`;
}

/**
 * Whether two bindings can answer the same key press: the same key, and no modifier that one
 * needs down and the other up.
 */
export function bindingsOverlap(a: KeyBinding, b: KeyBinding): boolean {
  const keyOf = (k: KeyBinding) => (k.anyCase || k.code ? k.key.toLowerCase() : k.key);
  if (keyOf(a) !== keyOf(b)) {
    // A case-blind binding also answers the upper-case letter another names exactly.
    const loose = a.anyCase || a.code ? a : b.anyCase || b.code ? b : null;
    const exact = loose === a ? b : a;
    if (!loose || exact.key.toLowerCase() !== keyOf(loose)) return false;
  }
  const clash = (x?: boolean, y?: boolean) => x !== undefined && y !== undefined && x !== y;
  return !clash(a.mod, b.mod) && !clash(a.shift, b.shift) && !clash(a.alt, b.alt);
}
