// The save status as a store of its own, read by the header alone: a keypress's save starts at
// once, and saying "Saving…" then re-renders the header, not the whole window before the paint.
import { useSyncExternalStore } from 'react';
import type { SaveStatus } from './change-queue';

export interface SaveStatusStore {
  get(): SaveStatus;
  set(status: SaveStatus): void;
  subscribe(listener: () => void): () => void;
}

export function saveStatusStore(initial: SaveStatus = 'saved'): SaveStatusStore {
  let status = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    set(next) {
      if (next === status) return;
      status = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const useSaveStatus = (store: SaveStatusStore): SaveStatus => useSyncExternalStore(store.subscribe, store.get);
