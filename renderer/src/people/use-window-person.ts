// The window's person as React state: set on the client (setWindowPerson) before any write can
// be made, chosen on first use, renamed or switched from the header.
import { useCallback, useState } from 'react';
import type { Person } from '../../../electron/contract/window-api';
import { setWindowPerson } from '../api/client';
import { browserStorage, keepPerson, knownPeopleOf, newPerson, windowPersonOf, type PersonStorage } from './window-person';

export interface WindowPerson {
  /** Null until this window's person has said who they are. */
  person: Person | null;
  /** Who worked on this computer before, the latest first (for "Continue as …"). */
  known: Person[];
  /** The chooser is open (first use, or switching from the header). */
  choosing: boolean;
  /** Becomes `who`: a known person, or a new one by name (a known person's name is that person). */
  choose(who: Person | string): void;
  /** The same person (the same id) by another name, from now on. */
  rename(name: string): void;
  startSwitching(): void;
  stopSwitching(): void;
}

export function useWindowPerson(storage: PersonStorage = browserStorage()): WindowPerson {
  const [state, setState] = useState(() => {
    const person = windowPersonOf(storage);
    // Before the first render's effects: the window's first write already says who made it.
    setWindowPerson(person);
    return { person, known: knownPeopleOf(storage), switching: false };
  });

  const become = useCallback(
    (person: Person) => {
      setWindowPerson(person);
      setState({ person, known: keepPerson(storage, person), switching: false });
    },
    [storage],
  );
  const choose = useCallback(
    (who: Person | string) => {
      if (typeof who !== 'string') return become(who);
      const name = who.trim();
      if (!name) return;
      become(knownPeopleOf(storage).find((p) => p.name === name) ?? newPerson(name));
    },
    [become, storage],
  );
  const rename = useCallback(
    (name: string) => {
      const current = windowPersonOf(storage) ?? state.person;
      if (name.trim()) become(current ? { ...current, name: name.trim() } : newPerson(name));
    },
    [become, storage, state.person],
  );
  return {
    person: state.person,
    known: state.known,
    choosing: state.person === null || state.switching,
    choose,
    rename,
    startSwitching: useCallback(() => setState((s) => ({ ...s, switching: true, known: knownPeopleOf(storage) })), [storage]),
    stopSwitching: useCallback(() => setState((s) => ({ ...s, switching: false })), []),
  };
}
