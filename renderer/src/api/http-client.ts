// The browser host's transport: POST /api/<method> with the per-run token from the URL.
import type { ApiMethod } from '../../../electron/contract/window-api';
import { PERSON_HEADER } from '../../../electron/contract/channels';
import { clientFromCaller, currentWindowPerson, type AnnotatorClient } from './client';

const withPerson = (headers: Record<string, string>, person: { id: string; name: string } | null) =>
  person ? { ...headers, [PERSON_HEADER]: encodeURIComponent(JSON.stringify(person)) } : headers;

const TOKEN_HEADER = 'x-annotator-token';

export function tokenFromLocation(location: Location): string | null {
  return new URLSearchParams(location.search).get('token');
}

export function createHttpClient(token: string, base = ''): AnnotatorClient {
  const headers = { 'Content-Type': 'application/json', [TOKEN_HEADER]: token };
  return clientFromCaller(
    async (method: ApiMethod, args: unknown, caller) => {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${method}`, { method: 'POST', headers: withPerson(headers, caller.person), body: JSON.stringify(args) });
      } catch {
        return { ok: false, error: { code: 'unreachable', message: 'The Newsroom Annotator server is not answering. Is `npm run serve` still running?' } };
      }
      if (!response.ok) {
        return { ok: false, error: { code: 'bad-request', message: (await response.text()) || `The server answered ${response.status}.` } };
      }
      return response.json();
    },
    {
      onHostEvent: () => () => undefined,
      sendOnUnload: (method, args) => {
        // keepalive lets this last send outlive the page, but Chromium caps such bodies at 64 KiB;
        // a larger one waits in the outbox for the next start instead.
        const body = JSON.stringify(args);
        if (new TextEncoder().encode(body).length < 60_000) {
          fetch(`${base}/api/${method}`, { method: 'POST', headers: withPerson(headers, currentWindowPerson()), body, keepalive: true }).catch(() => undefined);
        }
      },
    },
  );
}
