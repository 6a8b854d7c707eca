// The browser host: the built renderer and the same services behind the same contract, on
// 127.0.0.1 only. API calls need the per-run token; a foreign Host header is refused so a web
// page cannot reach us through DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../contract/api.js';
import { PERSON_HEADER as PERSON_HEADER_NAME } from '../../contract/channels.js';
import { dispatchApiCall, type ApiHandlerMap } from '../../services/handlers/api-dispatcher.js';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy.js';

export const TOKEN_HEADER = 'x-annotator-token';
const PERSON_HEADER = PERSON_HEADER_NAME;

/** A 50 MB file in base64 plus the JSON around it. */
const MAX_BODY_BYTES = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BrowserHostOptions {
  handlers: ApiHandlerMap;
  rendererDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random secret otherwise. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, text: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  // Encode once: a 17 MB answer is costly to measure and then encode again.
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** The body, or null when it is over the limit (then the rest is drained, not buffered). */
async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
  for await (const chunk of req) {
    if (tooLarge) continue;
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
      chunks.length = 0;
    } else {
      chunks.push(chunk as Buffer);
    }
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts: string[] = [];

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return send(res, 400, 'Bad path.');
    }
    const filePath = path.resolve(rendererDir, relative);
    if (!filePath.startsWith(rendererDir + path.sep)) return send(res, 404, 'Not found');
    let body: Buffer;
    try {
      body = await fs.readFile(filePath);
    } catch {
      return send(res, 404, 'Not found');
    }
    const type = CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return send(res, 403, 'This server only answers requests addressed to 127.0.0.1 or localhost.');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'API calls use POST.');
      if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return send(res, 401, 'Missing or wrong access token. Open the address printed by `npm run serve`.');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'API calls send application/json.');
      }
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'That request is too large: files over 50 MB cannot be opened.');
      let args: unknown;
      try {
        args = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, 'The request body is not valid JSON.');
      }
      let caller: unknown;
      const person = req.headers[PERSON_HEADER];
      if (typeof person === 'string' && person) {
        try {
          caller = { person: JSON.parse(decodeURIComponent(person)) };
        } catch {
          return send(res, 400, 'The window’s person header is not valid JSON.');
        }
      }
      const response = await dispatchApiCall(options.handlers, url.pathname.slice('/api/'.length), args, caller);
      return send(res, 200, JSON.stringify(response), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    return serveStatic(req, res, url.pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[annotator] request failed:', error);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
