// The window itself (React, the editor, every view), loaded as its own chunk: main.tsx has
// already asked the host for the session and the first document by the time this runs.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { AnnotatorClient } from './api/client';
import type { FirstLoad } from './state/first-load';
import './styles.css';

export function renderWindow(rootElement: HTMLElement, client: AnnotatorClient, firstLoad: FirstLoad): void {
  createRoot(rootElement).render(
    <StrictMode>
      <App client={client} firstLoad={firstLoad} />
    </StrictMode>,
  );
}
