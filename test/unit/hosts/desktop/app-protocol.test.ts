// The app:// protocol the desktop window loads the renderer from: only the renderer's own
// files, each with the CSP as a header.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/hosts/content-security-policy.js';
import { APP_PAGE_URL, rendererFileFor, serveAppRequest } from '../../../../electron/hosts/desktop/app-protocol.js';

let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-app-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  await fs.writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await fs.writeFile(path.join(root, 'secret.txt'), 'not for the page');
});

afterAll(() => fs.rm(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), rendererDir);

describe('the app:// protocol', () => {
  it('serves the page and its scripts with their types and the CSP as a header', async () => {
    const page = await get(APP_PAGE_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>app</title>');
    const script = await get('app://annotator/assets/index-abc.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers a missing file, another host or a write with an error that still carries the CSP', async () => {
    for (const [url, method, status] of [
      ['app://annotator/missing.js', 'GET', 404],
      ['app://other/index.html', 'GET', 404],
      [APP_PAGE_URL, 'POST', 405],
    ] as const) {
      const response = await get(url, method);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never climbs out of the renderer folder', async () => {
    for (const url of ['app://annotator/%2e%2e/secret.txt', 'app://annotator/..%2fsecret.txt', 'app://annotator/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://annotator/%00.js']) {
      const file = rendererFileFor(url, rendererDir);
      // Either refused, or (after the URL parser's own clean-up) a name inside the renderer folder.
      if (file !== null) expect(file.startsWith(rendererDir + path.sep)).toBe(true);
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    }
    expect(rendererFileFor('app://annotator/..%2fsecret.txt', rendererDir)).toBeNull();
    expect(rendererFileFor('file:///etc/passwd', rendererDir)).toBeNull();
    expect(rendererFileFor('app://annotator/', rendererDir)).toBe(path.join(rendererDir, 'index.html'));
  });
});
