// Who works in this window: kept per window (sessionStorage: a reload keeps it, a new window
// asks), and remembered on this computer (localStorage) so the next window can offer
// "Continue as …". Never stored in the workspace: a person belongs to a window.
import { personOf, type Person } from '../../../electron/contract/window-api';

const WINDOW_KEY = 'newsroom-annotator:person';
const KNOWN_KEY = 'newsroom-annotator:people';
/** Enough to offer the people of one newsroom desk, few enough to read at a glance. */
const MAX_KNOWN = 8;

export interface PersonStorage {
  window: Pick<Storage, 'getItem' | 'setItem'> | null;
  known: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function browserStorage(): PersonStorage {
  // Storage can be refused (privacy settings); the window then asks each time.
  const get = (name: 'sessionStorage' | 'localStorage') => {
    try {
      return typeof window === 'undefined' ? null : window[name];
    } catch {
      return null;
    }
  };
  return { window: get('sessionStorage'), known: get('localStorage') };
}

function read<T>(storage: Pick<Storage, 'getItem'> | null, key: string, parse: (raw: unknown) => T, fallback: T): T {
  try {
    const raw = storage?.getItem(key);
    return raw ? parse(JSON.parse(raw)) : fallback;
  } catch {
    // A damaged entry is forgotten, never shown.
    return fallback;
  }
}

function write(storage: Pick<Storage, 'setItem'> | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or refused: the person still works in this window.
  }
}

/** This window's person, if it chose one already (before a reload). */
export const windowPersonOf = (storage: PersonStorage): Person | null => read(storage.window, WINDOW_KEY, personOf, null);

/** People who worked on this computer, the latest first. */
export const knownPeopleOf = (storage: PersonStorage): Person[] =>
  read(storage.known, KNOWN_KEY, (raw) => (Array.isArray(raw) ? raw.map(personOf).filter((p): p is Person => p !== null) : []), []);

/** This window is `person`'s from now on, and the next window offers them first. */
export function keepPerson(storage: PersonStorage, person: Person): Person[] {
  write(storage.window, WINDOW_KEY, person);
  const known = [person, ...knownPeopleOf(storage).filter((p) => p.id !== person.id)].slice(0, MAX_KNOWN);
  write(storage.known, KNOWN_KEY, known);
  return known;
}

/** A new person: the id is made once and stays through renames. */
export function newPerson(name: string): Person {
  return { id: `p-${crypto.randomUUID()}`, name: name.trim() };
}
