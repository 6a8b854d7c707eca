// The one Chromium behind every window: requests answered by the app's protocol handler (and
// nothing reaching a network), ipcRenderer.invoke bridged to ipcMain, popups asked about.
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';
import { appState, ipcHandlers } from './app.mjs';
import { report } from './control.mjs';
import { applyHeaderListeners, fromPageUrl, isProtocolUrl, protocolHandlers } from './protocol.mjs';
import { WebContents } from './windows.mjs';

const PAGE_SIDE = readFileSync(fileURLToPath(new URL('./page-side.js', import.meta.url)), 'utf8');

// ---------------------------------------------------------------------------------------------
// Chromium.

let contextPromise = null;
let cdpEndpoint = null;

export const getCdpEndpoint = () => cdpEndpoint;

/** Closes the browser, if one was started. */
export async function closeChromium() {
  if (contextPromise) await (await contextPromise).close();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function openChromium() {
  const port = await freePort();
  // A fresh Chromium profile per run: the app keeps nothing of its own in Chromium's storage.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'electron-stand-in-chromium-'));
  appState.chromiumProfile = profile;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'],
    viewport: null,
    acceptDownloads: false,
  });
  cdpEndpoint = `http://127.0.0.1:${port}`;

  // Every request: the app's own protocol is answered by main.js's handler; nothing else ever
  // reaches a network (there is none in tests, and a real window would have none to reach either).
  await context.route(
    () => true,
    (route) => answerRequest(route).catch(async (error) => {
      report({ type: 'stand-in-error', text: String(error?.stack ?? error) });
      await route.abort('failed').catch(() => undefined);
    }),
  );

  // ipcRenderer.invoke from any frame of any window: answered by ipcMain's handlers with an
  // event whose sender and senderFrame are the real calling page and frame.
  await context.exposeBinding('__electronStandInInvoke', async (source, channel, args) => {
    const contents = WebContents.forPage(source.page);
    const handler = ipcHandlers.get(channel);
    if (!handler) return { error: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'` };
    const event = { sender: contents, senderFrame: frameInfo(source.frame), frameId: 1, processId: 1 };
    try {
      return { value: await handler(event, ...(Array.isArray(args) ? args : [])) };
    } catch (error) {
      return { error: `Error invoking remote method '${channel}': ${error}` };
    }
  });
  await context.addInitScript({ content: PAGE_SIDE });

  context.on('page', async (popup) => {
    // A window.open popup: the window-open handler already answered (see answerRequest).
    const opener = await popup.opener().catch(() => null);
    if (opener) await popup.close().catch(() => undefined);
  });
  return context;
}

async function answerRequest(route) {
  const request = route.request();
  const url = request.url();
  let frame = null;
  try {
    frame = request.frame();
  } catch {
    // A popup's first request comes before its frame exists.
    frame = null;
  }
  if (request.isNavigationRequest() && !frame) {
    // window.open: Electron asks the opener's window-open handler before anything loads.
    const opener = [...WebContents.all].find((contents) => contents.windowOpenHandler);
    const decision = opener?.windowOpenHandler({ url: fromPageUrl(url), frameName: '', features: '', disposition: 'new-window' }) ?? { action: 'allow' };
    report({ type: 'window-open', url: fromPageUrl(url), action: decision.action });
    await route.abort('aborted');
    return;
  }
  const contents = frame ? WebContents.forPage(frame.page()) : null;
  if (request.isNavigationRequest() && contents && !contents.allowsNavigation(url, frame)) {
    // ERR_ABORTED: Chromium drops the navigation and keeps the page, as a prevented will-navigate does.
    await route.abort('aborted');
    return;
  }
  if (url.startsWith('file:')) {
    // Local files load as they do in Electron; whether the page may ask for one is the CSP's call.
    await route.continue();
    return;
  }
  if (!isProtocolUrl(url)) {
    // Nothing ever reaches a network: there is none in tests, and the CSP allows none anyway.
    await route.abort('internetdisconnected');
    return;
  }
  const electronUrl = fromPageUrl(url);
  const scheme = new URL(electronUrl).protocol.slice(0, -1);
  const handler = protocolHandlers.get(scheme);
  const response = await handler(new Request(electronUrl, { method: request.method(), headers: await request.allHeaders() }));
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name] = [value];
  });
  const finalHeaders = applyHeaderListeners(electronUrl, headers);
  const flat = {};
  for (const [name, value] of Object.entries(finalHeaders)) flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
  await route.fulfill({ status: response.status, headers: flat, body: Buffer.from(await response.arrayBuffer()) });
}

export function chromiumContext() {
  contextPromise ??= openChromium();
  return contextPromise;
}

export function frameInfo(frame) {
  if (!frame) return null;
  return {
    url: fromPageUrl(frame.url()),
    name: frame.name(),
    get parent() {
      return frameInfo(frame.parentFrame());
    },
    get top() {
      let top = frame;
      while (top.parentFrame()) top = top.parentFrame();
      return frameInfo(top);
    },
  };
}
