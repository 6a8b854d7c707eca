// The desktop window loads the renderer from app://annotator/, not file://. A custom protocol
// lets every response carry the Content-Security-Policy as a header (Electron security
// checklist, item 18), and the page can reach nothing on disk but the built renderer.
// Plain Node (fetch's Request and Response), so it is tested without Electron.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'annotator';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The only page the app's windows may show. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before 'ready'. Standard: relative URLs and
 * origins work as on the web. Secure: a secure context, as https would be. Fetch: the page may
 * fetch its own assets. Code cache: see below. No CORS, no service workers, no bypassing the CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // codeCache: V8 keeps the compiled bundle between launches (custom schemes need it said), so a
  // start after the first skips most of the bundle's compile time.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file inside rendererDir that an app:// URL names, or null for anything else. */
export function rendererFileFor(rawUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  // An encoded ../ or a backslash must not climb out of the renderer folder.
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** Answers one request of the app:// protocol from the built renderer. */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'The app serves its own files only.');
  const file = rendererFileFor(request.url, rendererDir);
  if (!file) return plain(404, 'Not part of the app.');
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return plain(404, 'Not part of the app.');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}
