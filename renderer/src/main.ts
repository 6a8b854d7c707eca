// The page's entry: small on purpose. It picks the host's client and asks for the session and
// the document to open first, then loads the window's code (window.tsx, its own chunk), so the
// host reads the store while the browser loads and evaluates the rest.
import type { AnnotatorClient } from './api/client';
import { createElectronClient } from './api/electron-client';
import { createHttpClient, tokenFromLocation } from './api/http-client';
import { startFirstLoad } from './state/first-load';

function chooseClient(): AnnotatorClient | string {
  if (window.annotatorBridge) return createElectronClient(window.annotatorBridge);
  const token = tokenFromLocation(window.location);
  if (token) return createHttpClient(token);
  return 'This page needs its access token. Open the full address that `npm run serve` printed, including ?token=…';
}

const client = chooseClient();
const rootElement = document.getElementById('root')!;
if (typeof client === 'string') {
  // Said without React: the window's code is not needed to say it.
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.className = 'fatal';
  alert.textContent = client;
  rootElement.append(alert);
} else {
  const firstLoad = startFirstLoad(client);
  void import('./window').then(({ renderWindow }) => renderWindow(rootElement, client, firstLoad));
}
