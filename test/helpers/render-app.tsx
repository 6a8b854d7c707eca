// The whole window, rendered into the page for a component test, and taken away after it.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { AnnotatorClient } from '../../renderer/src/api/client.js';
import { App } from '../../renderer/src/App.js';
import { settle } from './react.js';

export interface MountedApp {
  host: HTMLElement;
  unmount(): void;
}

export async function mountApp(client: AnnotatorClient): Promise<MountedApp> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<App client={client} />));
  await settle();
  return {
    host,
    unmount: () => {
      act(() => root.unmount());
      host.remove();
    },
  };
}
