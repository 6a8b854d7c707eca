// A real browser host over a fresh temp workspace, for tests of the HTTP transport; each host
// is closed after its test.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser/server.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../electron/services/handlers/api-handlers.js';
import type { WorkspaceHarness } from './workspace.js';

/** Call at the top level of a test file, with that file's useWorkspaces(). */
export function useBrowserHosts(ws: WorkspaceHarness) {
  const hosts: BrowserHost[] = [];
  afterEach(async () => {
    // A test may have closed its host already (to see the window notice it is gone).
    await Promise.all(hosts.splice(0).map((host) => host.close().catch(() => undefined)));
  });
  return async function startHostOnTempWorkspace(prefix: string) {
    const workspace = await ws.tempDir(`${prefix}-ws-`);
    const rendererDir = await ws.tempDir(`${prefix}-site-`);
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const service = await ws.openService(workspace);
    const host = await startBrowserHost({ handlers: createApiHandlers(service, browserHostOnlyMethods), rendererDir });
    hosts.push(host);
    return { workspace, service, host, base: `http://127.0.0.1:${host.port}` };
  };
}
