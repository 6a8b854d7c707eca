import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { AnnotatorClient } from './api/client';
import { createElectronClient } from './api/electron-client';
import { createHttpClient, tokenFromLocation } from './api/http-client';
import './styles.css';

function chooseClient(): AnnotatorClient | string {
  if (window.annotatorBridge) return createElectronClient(window.annotatorBridge);
  const token = tokenFromLocation(window.location);
  if (token) return createHttpClient(token);
  return 'This page needs its access token. Open the full address that `npm run serve` printed, including ?token=…';
}

const client = chooseClient();
const root = createRoot(document.getElementById('root')!);
if (typeof client === 'string') {
  root.render(
    <p role="alert" className="fatal">
      {client}
    </p>,
  );
} else {
  // Asked before React renders anything: the answer is often back by the time it is needed.
  const firstSession = client.getSession({});
  firstSession.catch(() => undefined);
  root.render(
    <StrictMode>
      <App client={client} firstSession={firstSession} />
    </StrictMode>,
  );
}
