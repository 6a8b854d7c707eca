// Host events for a component test: the test sends what the desktop menu would.
import { act } from 'react';
import type { HostEvent } from '../../electron/contract/channels.js';
import type { AnnotatorClient } from '../../renderer/src/api/client.js';

/** Makes `client` deliver the events `emit` is given to whoever listens (the window). */
export function withHostEvents(client: AnnotatorClient): (event: HostEvent) => void {
  const listeners = new Set<(event: HostEvent) => void>();
  client.onHostEvent = (listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return (event) => act(() => listeners.forEach((listener) => listener(event)));
}
