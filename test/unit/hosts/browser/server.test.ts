import { promises as fs } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/hosts/content-security-policy.js';
import { TOKEN_HEADER, startBrowserHost, type BrowserHost } from '../../../../electron/hosts/browser/server.js';
import type { Session } from '../../../../electron/contract/api.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import type { ApiHandlerMap, ApiResponse } from '../../../../electron/services/handlers/api-dispatcher.js';
import { rawRequest, type RawResponse } from '../../../helpers/http.js';
import { snapshotDir } from '../../../helpers/temp-dirs.js';
import { useWorkspaces, workspaceOnDisk } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const hosts: BrowserHost[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

const INDEX_HTML = '<!doctype html><html><head><title>Newsroom Annotator</title></head><body><div id="root"></div></body></html>';
const SECRET = 'TOP-SECRET-CONTENT-5f1c';

async function start() {
  const workspace = await ws.tempDir('annotator-host-ws-');
  const site = await ws.tempDir('annotator-host-site-');
  const rendererDir = path.join(site, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  // Files beside (not inside) the renderer folder, which must never be served.
  await fs.writeFile(path.join(site, 'secret.txt'), SECRET);
  await fs.writeFile(path.join(site, 'package.json'), JSON.stringify({ secret: SECRET }));
  await fs.mkdir(path.join(site, 'renderer-private'));
  await fs.writeFile(path.join(site, 'renderer-private', 'key.txt'), SECRET);

  const service = await ws.openService(workspace);
  const real = createApiHandlers(service, browserHostOnlyMethods);
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    Object.entries(real).map(([name, handler]) => [
      name,
      async (args: unknown) => {
        calls.push(name);
        return (handler as (args: unknown) => Promise<unknown>)(args);
      },
    ]),
  ) as unknown as ApiHandlerMap;
  const host = await startBrowserHost({ handlers, rendererDir });
  hosts.push(host);
  const api = (method: string, args: unknown, options: { token?: string | null; contentType?: string | null; hostHeader?: string } = {}) => {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? host.token : options.token;
    if (token !== null) headers[TOKEN_HEADER] = token;
    const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
    if (options.hostHeader) headers.host = options.hostHeader;
    return rawRequest({ port: host.port, method: 'POST', path: `/api/${method}`, headers, body: typeof args === 'string' ? args : JSON.stringify(args) });
  };
  const get = (urlPath: string, hostHeader?: string) => rawRequest({ port: host.port, path: urlPath, headers: hostHeader ? { host: hostHeader } : undefined });
  return { workspace, site, rendererDir, service, host, calls, api, get };
}

const createSpeaker = { changes: [{ kind: 'createSpeaker', speakerId: 'spk-intruder', name: 'Intruder' }] };

function envelope(response: RawResponse): ApiResponse {
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(response.body) as ApiResponse;
}

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('static files', () => {
  it('serves index.html at / with a strict Content-Security-Policy', async () => {
    const { get } = await start();
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = response.headers['content-security-policy'];
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content types, and HEAD without a body', async () => {
    const { host, get } = await start();
    const script = await get('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log("app");');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    // A query string (the token rides in it) does not change the file.
    expect((await get(`/?token=${host.token}`)).body).toBe(INDEX_HTML);
    const head = await rawRequest({ port: host.port, method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(INDEX_HTML));
  });

  it('answers 404 for a missing file and for a folder', async () => {
    const { get } = await start();
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/secret.txt',
    '/%2e%2e/package.json',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E%2Fpackage.json',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2frenderer-private%2fkey.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5csecret.txt',
    `/%2F${'..%2F'.repeat(12)}etc%2Fpasswd`,
    '/secret.txt%00.html',
  ])('refuses path traversal %s with 404', async (urlPath) => {
    const { get } = await start();
    const response = await get(urlPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
  });

  it('treats //name as the site root, not as a file beside it', async () => {
    const { get } = await start();
    const response = await get('//secret.txt');
    expect(response.body).not.toContain(SECRET);
    expect([200, 404]).toContain(response.status);
  });

  it('answers a malformed percent-escape as a bad or missing path, not a server error', async () => {
    const { get } = await start();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await get('/%E0%A4%A');
    expect([400, 404]).toContain(response.status);
  });

  it('refuses methods other than GET and HEAD for files', async () => {
    const { host } = await start();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      expect((await rawRequest({ port: host.port, method, path: '/' })).status, method).toBe(405);
    }
  });
});

describe('the API', () => {
  it('answers a call with the right token: 200 and {ok: true, result}', async () => {
    const { api, workspace, calls } = await start();
    const session = envelope(await api('getSession', {}));
    expect(session.ok).toBe(true);
    if (!session.ok) throw new Error('unreachable');
    expect((session.result as Session).host).toBe('browser');
    expect((session.result as Session).workspaceDir).toBe(workspace);

    const applied = envelope(await api('applyChanges', createSpeaker));
    expect(applied).toEqual({ ok: true, result: { applied: 1, refused: [] } });
    expect((await workspaceOnDisk(workspace)).speakers.map((s) => s.name)).toEqual(['Intruder']);
    expect(calls).toEqual(['getSession', 'applyChanges']);
  });

  it('imports a file sent as base64 and opens it again', async () => {
    const { api } = await start();
    const text = 'Héllo “world” 😀\r\nSecond line';
    const imported = envelope(await api('importFile', { fileName: 'hello.txt', contentBase64: Buffer.from(text).toString('base64') }));
    if (!imported.ok) throw new Error(imported.error.message);
    const id = (imported.result as { id: string }).id;
    const opened = envelope(await api('openDocument', { documentId: id }));
    if (!opened.ok) throw new Error(opened.error.message);
    expect((opened.result as { text: string }).text).toBe('Héllo “world” 😀\nSecond line');
  });

  it('reports refusals inside a 200 envelope with the code and message', async () => {
    const { api } = await start();
    const refused = envelope(await api('importFile', { fileName: 'photo.png', contentBase64: 'iVBORw0KGgo=' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(envelope(await api('dropDatabase', {}))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(envelope(await api('openDocument', { documentId: '../../etc/passwd' }))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('treats an empty body as no arguments', async () => {
    const { api } = await start();
    expect(envelope(await api('getSession', '')).ok).toBe(true);
  });

  it('answers 400 for a body that is not JSON, without calling the service', async () => {
    const { api, calls } = await start();
    const response = await api('applyChanges', '{"changes": [');
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/not valid JSON/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['no token', null],
    ['an empty token', ''],
    ['a wrong token of the same length', 'x'],
    ['a wrong, short token', 'guess'],
    ['a very long token', 'a'.repeat(10_000)],
  ])('answers 401 to %s, without calling the service or touching the store', async (_what, token) => {
    const s = await start();
    const before = await snapshotDir(s.workspace);
    const badToken = token === 'x' ? s.host.token.replace(/^./, (c) => (c === 'x' ? 'y' : 'x')) : token;
    const response = await s.api('applyChanges', createSpeaker, { token: badToken });
    expect(response.status).toBe(401);
    expect(response.body).toMatch(/token/);
    expect(s.calls).toEqual([]);
    await s.service.store.flush();
    expect(await snapshotDir(s.workspace)).toEqual(before);
  });

  it('does not accept the token in the query string instead of the header', async () => {
    const s = await start();
    const response = await rawRequest({
      port: s.host.port,
      method: 'POST',
      path: `/api/getSession?token=${s.host.token}`,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(s.calls).toEqual([]);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no content type', null],
  ])('answers 415 to %s', async (_what, contentType) => {
    const s = await start();
    const response = await s.api('applyChanges', createSpeaker, { contentType });
    expect(response.status).toBe(415);
    expect(s.calls).toEqual([]);
  });

  it('accepts application/json with a charset', async () => {
    const { api } = await start();
    expect(envelope(await api('getSession', {}, { contentType: 'application/json; charset=utf-8' })).ok).toBe(true);
  });

  it('answers 405 to GET and other methods on /api/..., without calling the service', async () => {
    const s = await start();
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await rawRequest({ port: s.host.port, method, path: '/api/getSession', headers: { [TOKEN_HEADER]: s.host.token } });
      expect(response.status, method).toBe(405);
    }
    expect(s.calls).toEqual([]);
  });

  // The server answers 413 after reading about 71 MB, but it also drops the connection, so
  // whether the client still reads that 413 depends on timing (EPIPE under load). The test
  // therefore accepts either; see the report for the fix (check Content-Length, drain, then 413).
  it('refuses a body over the limit (about 71 MB, streamed from one reused 1 MB buffer) without calling the service', async () => {
    const s = await start();
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const outcome = await new Promise<string>((resolve) => {
      let done = false;
      const finish = (result: string) => {
        if (done) return;
        done = true;
        resolve(result);
        req.destroy();
      };
      const req = http.request(
        {
          host: '127.0.0.1',
          port: s.host.port,
          method: 'POST',
          path: '/api/getSession',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.host.token },
          agent: false,
        },
        (res) => {
          res.resume();
          finish(`status ${res.statusCode}`);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => finish(`error ${error.code}`));
      let sent = 0;
      const pump = (): void => {
        while (sent < 80 && !done) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!done) req.end();
      };
      pump();
    });
    expect(['status 413', 'error EPIPE', 'error ECONNRESET']).toContain(outcome);
    expect(s.calls).toEqual([]);
    // The server is still there for the next request.
    expect(envelope(await s.api('getSession', {})).ok).toBe(true);
  });
});

describe('Host header and binding', () => {
  it.each([
    ['evil.example:PORT', (port: number) => `evil.example:${port}`],
    ['evil.example', () => 'evil.example'],
    ['127.0.0.1.evil.example', () => '127.0.0.1.evil.example'],
    ['127.0.0.1.evil.example:PORT', (port: number) => `127.0.0.1.evil.example:${port}`],
    ['localhost.evil.example:PORT', (port: number) => `localhost.evil.example:${port}`],
    ['127.0.0.1 with another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['127.0.0.1 without a port', () => '127.0.0.1'],
    ['[::1]:PORT', (port: number) => `[::1]:${port}`],
    ['0.0.0.0:PORT', (port: number) => `0.0.0.0:${port}`],
  ])('answers 403 to Host %s, for files and for API calls', async (_what, hostFor) => {
    const s = await start();
    const hostHeader = hostFor(s.host.port);
    const before = await snapshotDir(s.workspace);
    const page = await s.get('/', hostHeader);
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Newsroom Annotator</title>');
    const call = await s.api('applyChanges', createSpeaker, { hostHeader });
    expect(call.status).toBe(403);
    expect(s.calls).toEqual([]);
    await s.service.store.flush();
    expect(await snapshotDir(s.workspace)).toEqual(before);
  });

  it('refuses a request with no Host header at all (Node answers 400 before we see it)', async () => {
    const s = await start();
    const page = await rawRequest({ port: s.host.port, path: '/', setHost: false });
    expect([400, 403]).toContain(page.status);
    expect(page.body).not.toContain('Newsroom Annotator</title>');
    const call = await rawRequest({
      port: s.host.port,
      method: 'POST',
      path: '/api/applyChanges',
      setHost: false,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.host.token },
      body: JSON.stringify(createSpeaker),
    });
    expect([400, 403]).toContain(call.status);
    expect(s.calls).toEqual([]);
  });

  it('accepts Host 127.0.0.1:PORT and localhost:PORT', async () => {
    const s = await start();
    expect((await s.get('/', `127.0.0.1:${s.host.port}`)).status).toBe(200);
    expect((await s.get('/', `localhost:${s.host.port}`)).status).toBe(200);
    expect(envelope(await s.api('getSession', {}, { hostHeader: `localhost:${s.host.port}` })).ok).toBe(true);
  });

  it('listens on 127.0.0.1 only and prints a 127.0.0.1 address with the token', async () => {
    const { host } = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.port).toBeGreaterThan(0);
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
    // Any other local address must refuse the connection.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((info) => info && info.family === 'IPv4' && !info.internal)
      .map((info) => info!.address);
    if (process.platform === 'linux') others.push('127.0.0.2');
    for (const address of others) expect(await canConnect(address, host.port), address).toBe(false);
  });

  it('makes a fresh, long random token for every run', async () => {
    const a = await start();
    const b = await start();
    expect(a.host.token).not.toBe(b.host.token);
    expect(a.host.token.length).toBeGreaterThanOrEqual(32);
    expect(a.host.token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('stops answering after close()', async () => {
    const s = await start();
    await s.host.close();
    hosts.splice(hosts.indexOf(s.host), 1);
    expect(await canConnect('127.0.0.1', s.host.port)).toBe(false);
  });

  it('uses a fixed token when one is given (tests only)', async () => {
    const dir = await ws.tempDir();
    const host = await startBrowserHost({ handlers: createApiHandlers(await ws.openService(), browserHostOnlyMethods), rendererDir: dir, token: 'fixed-token-for-tests' });
    hosts.push(host);
    expect(host.token).toBe('fixed-token-for-tests');
    const response = await rawRequest({ port: host.port, method: 'POST', path: '/api/getSession', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'fixed-token-for-tests' }, body: '{}' });
    expect(envelope(response).ok).toBe(true);
  });
});
