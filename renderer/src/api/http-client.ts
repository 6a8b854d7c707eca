// The browser host's transport: POST /api/<method> with the per-run token from the URL.
import type { ApiMethod } from '../../../electron/contract/api';
import { clientFromCaller, type AnnotatorClient } from './client';

const TOKEN_HEADER = 'x-annotator-token';

export function tokenFromLocation(location: Location): string | null {
  return new URLSearchParams(location.search).get('token');
}

export function createHttpClient(token: string, base = ''): AnnotatorClient {
  const headers = { 'Content-Type': 'application/json', [TOKEN_HEADER]: token };
  return clientFromCaller(
    async (method: ApiMethod, args: unknown) => {
      let response: Response;
      try {
        // keepalive lets a save that is under way finish even if the page is reloaded or closed.
        const body = JSON.stringify(args);
        response = await fetch(`${base}/api/${method}`, { method: 'POST', headers, body, keepalive: body.length < 60_000 });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The Newsroom Annotator server is not answering. Is `npm run serve` still running?' } };
      }
      if (!response.ok) {
        return { ok: false, error: { code: 'bad-request', message: (await response.text()) || `The server answered ${response.status}.` } };
      }
      return response.json();
    },
    {
      onHostEvent: () => () => undefined,
      sendOnUnload: (method, args) => {
        void fetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args), keepalive: true });
      },
    },
  );
}
