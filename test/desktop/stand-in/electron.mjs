// The Electron stand-in: the parts of the `electron` module our shell uses, backed by a real
// Chromium page through playwright-core. The BUILT dist/electron/main.js runs unchanged in plain
// Node with `import 'electron'` resolved here (register.mjs); preload.cjs runs in the page with a
// page-side ipcRenderer/contextBridge/webUtils (page-side.js). Test-only: it never ships.
//
// What it proves: our main process, preload and renderer wired together, with real Chromium,
// real IPC round trips through ipcMain.handle, the app:// protocol, dialogs, menus and quitting.
// What it cannot prove: Electron's own sandbox and context isolation (the preload shares the
// page's world here), native menus and dialogs, and the OS's single-instance lock.
//
// A test drives it over the fork() IPC channel (see test/e2e/desktop-harness.ts) and drives the
// window itself over the Chrome DevTools Protocol.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

const PAGE_SIDE = readFileSync(fileURLToPath(new URL('./page-side.js', import.meta.url)), 'utf8');

// ---------------------------------------------------------------------------------------------
// Talking to the test.

/** @param {Record<string, unknown>} message */
function report(message) {
  if (process.send && process.connected) process.send({ standIn: message });
}

const dialogAnswers = [];
const requestHandlers = new Map();

process.on('message', async (message) => {
  if (!message || typeof message !== 'object' || !('request' in message)) return;
  const { id, op, args } = message.request;
  const handler = requestHandlers.get(op);
  try {
    if (!handler) throw new Error(`The stand-in knows no request ${op}.`);
    const result = await handler(args ?? {});
    if (process.connected) process.send({ reply: { id, result: result ?? null } });
  } catch (error) {
    if (process.connected) process.send({ reply: { id, error: String(error?.stack ?? error) } });
  }
});

// ---------------------------------------------------------------------------------------------
// Events as Electron passes them.

function electronEvent(fields = {}) {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ---------------------------------------------------------------------------------------------
// Custom protocols: Chromium here knows no app:// scheme, so app://HOST/PATH is shown at
// http://HOST.SCHEME.localhost/PATH (a secure context, like a `secure` privileged scheme) and
// every request there is answered by the handler main.js registered with protocol.handle.

const privilegedSchemes = new Map();
const protocolHandlers = new Map();
const PAGE_SUFFIX = '.localhost';

function toPageUrl(url) {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (!protocolHandlers.has(scheme)) return url;
  return `http://${parsed.host}.${scheme}${PAGE_SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The URL Electron would report for a page URL of ours. */
function fromPageUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' || !parsed.hostname.endsWith(PAGE_SUFFIX)) return url;
  const labels = parsed.hostname.slice(0, -PAGE_SUFFIX.length).split('.');
  const scheme = labels.pop();
  if (!scheme || !protocolHandlers.has(scheme)) return url;
  return `${scheme}://${labels.join('.')}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

function isProtocolUrl(url) {
  return fromPageUrl(url) !== url;
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (appState.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const entry of schemes) privilegedSchemes.set(entry.scheme, entry.privileges ?? {});
    report({ type: 'privileged-schemes', schemes });
  },
  handle(scheme, handler) {
    if (protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    protocolHandlers.set(scheme, handler);
  },
  unhandle(scheme) {
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    return protocolHandlers.has(scheme);
  },
};

// ---------------------------------------------------------------------------------------------
// Session: permissions and response headers.

const headerListeners = [];
const defaultSession = {
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  devicePermissionHandler: null,
  setPermissionRequestHandler(handler) {
    this.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler) {
    this.permissionCheckHandler = handler;
  },
  setDevicePermissionHandler(handler) {
    this.devicePermissionHandler = handler;
  },
  webRequest: {
    onHeadersReceived(listener) {
      headerListeners.push(listener);
    },
  },
  protocol,
};
export const session = { defaultSession };

function applyHeaderListeners(url, responseHeaders) {
  let headers = responseHeaders;
  for (const listener of headerListeners) {
    listener({ url, responseHeaders: headers }, (answer) => {
      if (answer?.responseHeaders) headers = answer.responseHeaders;
    });
  }
  return headers;
}

// ---------------------------------------------------------------------------------------------
// Chromium.

let contextPromise = null;
let cdpEndpoint = null;

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

function chromiumContext() {
  contextPromise ??= openChromium();
  return contextPromise;
}

function frameInfo(frame) {
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

// ---------------------------------------------------------------------------------------------
// webContents and windows.

let nextContentsId = 1;

class WebContents extends EventEmitter {
  static all = new Set();

  static forPage(page) {
    for (const contents of WebContents.all) if (contents.page === page) return contents;
    return null;
  }

  constructor(window, webPreferences) {
    super();
    this.id = nextContentsId++;
    this.window = window;
    this.webPreferences = webPreferences;
    this.session = defaultSession;
    this.page = null;
    this.destroyed = false;
    this.windowOpenHandler = null;
    /** The URL main.js itself asked for: a navigation to it is not the page's doing. */
    this.expectedNavigation = null;
    WebContents.all.add(this);
    this.opened = this.open();
  }

  async open() {
    const context = await chromiumContext();
    const blank = context.pages().find((page) => !WebContents.forPage(page) && page.url() === 'about:blank');
    const page = blank ?? (await context.newPage());
    this.page = page;
    const width = this.window.options.width ?? 800;
    const height = this.window.options.height ?? 600;
    await page.setViewportSize({ width, height });
    const preload = this.webPreferences.preload;
    if (preload) {
      // Electron runs the preload in the top frame only (nodeIntegrationInSubFrames is off), and a
      // sandboxed preload may require nothing but 'electron'.
      const source = readFileSync(preload, 'utf8');
      await page.addInitScript({
        content: `(() => { if (window.top !== window) return;
const module = { exports: {} }; const exports = module.exports;
const require = (name) => { if (name === 'electron') return window.__electronStandIn.electron; throw new Error('module not found: ' + name + ' (a sandboxed preload can require only electron)'); };
${source}
})();`,
      });
    }
    page.on('console', (message) => report({ type: 'console', level: message.type(), text: message.text() }));
    page.on('pageerror', (error) => report({ type: 'page-error', text: String(error) }));
    page.on('close', () => this.window.pageClosed());
    report({ type: 'window', id: this.window.id, cdp: cdpEndpoint });
  }

  /** Electron's will-navigate and will-frame-navigate, for navigations the page started. */
  allowsNavigation(pageUrl, frame) {
    const url = fromPageUrl(pageUrl);
    const isMainFrame = frame === this.page?.mainFrame();
    if (isMainFrame && this.expectedNavigation === url) {
      this.expectedNavigation = null;
      return true;
    }
    const frameEvent = electronEvent({ url, isMainFrame, frame: frameInfo(frame) });
    this.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) {
      report({ type: 'navigation-blocked', url });
      return false;
    }
    if (isMainFrame) {
      const event = electronEvent({ url, isMainFrame });
      this.emit('will-navigate', event, url);
      if (event.defaultPrevented) {
        report({ type: 'navigation-blocked', url });
        return false;
      }
    }
    return true;
  }

  async loadURL(url) {
    await this.opened;
    this.expectedNavigation = url;
    await this.page.goto(toPageUrl(url), { waitUntil: 'load' });
    this.emit('did-finish-load');
    return undefined;
  }

  getURL() {
    return this.page ? fromPageUrl(this.page.url()) : '';
  }

  isDestroyed() {
    return this.destroyed;
  }

  isLoading() {
    return false;
  }

  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }

  send(channel, ...args) {
    if (this.destroyed || !this.page) return;
    report({ type: 'sent', channel, args });
    this.page
      .evaluate(([name, payload]) => window.__electronStandIn?.deliver(name, payload), [channel, args])
      .catch(() => undefined);
  }

  async printToPDF(options = {}) {
    await this.opened;
    // Chromium's own PDF of what the page shows in print media, as Electron's printToPDF does.
    const pdf = await this.page.pdf({ printBackground: Boolean(options.printBackground), format: options.pageSize ?? 'Letter', landscape: Boolean(options.landscape) });
    report({ type: 'print-to-pdf', bytes: pdf.length });
    return pdf;
  }

  executeJavaScript(code) {
    return this.page.evaluate(code);
  }

  reload() {
    this.expectedNavigation = this.getURL();
    void this.page?.reload();
  }

  focus() {}
  openDevTools() {}
  closeDevTools() {}
  toggleDevTools() {}

  undo() {
    void this.page?.evaluate(() => document.execCommand('undo'));
  }
  redo() {
    void this.page?.evaluate(() => document.execCommand('redo'));
  }
  cut() {
    void this.page?.evaluate(() => document.execCommand('cut'));
  }
  copy() {
    void this.page?.evaluate(() => document.execCommand('copy'));
  }
  paste() {
    void this.page?.evaluate(() => document.execCommand('paste'));
  }
  selectAll() {
    void this.page?.evaluate(() => document.execCommand('selectAll'));
  }
}

let nextWindowId = 1;
const windows = new Set();
let focusedWindow = null;

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows].filter((win) => !win.isDestroyed());
  }

  static getFocusedWindow() {
    return focusedWindow && !focusedWindow.isDestroyed() ? focusedWindow : null;
  }

  static fromWebContents(contents) {
    return [...windows].find((win) => win.webContents === contents) ?? null;
  }

  constructor(options = {}) {
    super();
    if (!appState.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.id = nextWindowId++;
    this.options = options;
    this.destroyed = false;
    this.visible = false;
    this.minimized = false;
    this.closing = null;
    this.webContents = new WebContents(this, options.webPreferences ?? {});
    windows.add(this);
    focusedWindow = this;
    app.emit('browser-window-created', electronEvent(), this);
    app.emit('web-contents-created', electronEvent(), this.webContents);
    report({ type: 'browser-window', id: this.id, options: { ...options, webPreferences: { ...(options.webPreferences ?? {}) } } });
  }

  async loadURL(url) {
    await this.webContents.loadURL(url);
    if (!this.readyShown) {
      this.readyShown = true;
      this.emit('ready-to-show');
    }
  }

  loadFile(filePath) {
    return this.loadURL(pathToFileURL(filePath).href);
  }

  show() {
    this.visible = true;
    focusedWindow = this;
    report({ type: 'window-shown', id: this.id });
  }
  focus() {
    focusedWindow = this;
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  minimize() {
    this.minimized = true;
  }
  restore() {
    this.minimized = false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  setTitle(title) {
    this.options.title = title;
  }
  getTitle() {
    return this.options.title ?? '';
  }

  /** Closes as a user would: 'close' may be prevented; the page's unload handlers run. */
  close() {
    if (this.destroyed) return Promise.resolve(true);
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return Promise.resolve(false);
    this.closing ??= new Promise((resolve) => {
      this.resolveClosed = resolve;
      if (!this.webContents.page) return this.pageClosed();
      this.webContents.page.close({ runBeforeUnload: true }).catch(() => this.pageClosed());
    });
    return this.closing;
  }

  destroy() {
    void this.webContents.page?.close().catch(() => undefined);
    this.pageClosed();
  }

  pageClosed() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    windows.delete(this);
    WebContents.all.delete(this.webContents);
    this.emit('closed');
    report({ type: 'window-closed', id: this.id });
    this.resolveClosed?.(true);
    if (BrowserWindow.getAllWindows().length === 0 && !appState.quitting) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed', electronEvent());
      else void app.quit();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The app.

const appState = {
  ready: false,
  quitting: false,
  exiting: false,
  userData: process.env.ELECTRON_STANDIN_USER_DATA || path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'Newsroom Annotator'),
  hasLock: false,
  lockFile: null,
};

function findAppPath() {
  let dir = path.dirname(path.resolve(process.argv[1] ?? '.'));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

let resolveReady;
const readyPromise = new Promise((resolve) => {
  resolveReady = resolve;
});

class App extends EventEmitter {
  isPackaged = false;
  commandLine = { appendSwitch() {}, hasSwitch: () => false, getSwitchValue: () => '' };

  whenReady() {
    return readyPromise;
  }
  isReady() {
    return appState.ready;
  }
  getName() {
    return 'Newsroom Annotator';
  }
  getVersion() {
    return JSON.parse(readFileSync(path.join(findAppPath(), 'package.json'), 'utf8')).version;
  }
  getAppPath() {
    return findAppPath();
  }
  getPath(name) {
    if (name === 'userData') return appState.userData;
    if (name === 'home') return os.homedir();
    if (name === 'temp') return os.tmpdir();
    if (name === 'exe') return process.execPath;
    return path.join(os.homedir(), name);
  }
  setPath(name, value) {
    if (name === 'userData') appState.userData = value;
  }
  enableSandbox() {
    if (appState.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    report({ type: 'sandbox-enabled' });
  }
  setAppUserModelId() {}
  addRecentDocument() {}

  /**
   * One copy per user-data folder, as Electron's lock does: the first copy holds a lock file;
   * a later copy hands its argv and working folder to the first one and is told to quit.
   */
  requestSingleInstanceLock() {
    const lockDir = path.join(appState.userData, 'stand-in-single-instance');
    mkdirSync(lockDir, { recursive: true });
    const lockFile = path.join(lockDir, 'owner.pid');
    let owner = null;
    try {
      owner = Number(readFileSync(lockFile, 'utf8'));
    } catch {
      owner = null;
    }
    if (owner && owner !== process.pid && processIsAlive(owner)) {
      writeFileSync(path.join(lockDir, `${process.pid}.argv.json`), JSON.stringify({ argv: process.argv, cwd: process.cwd() }));
      report({ type: 'single-instance', first: false });
      return false;
    }
    writeFileSync(lockFile, String(process.pid));
    appState.hasLock = true;
    appState.lockFile = lockFile;
    const watcher = watch(lockDir, () => {
      for (const name of readdirSync(lockDir)) {
        if (!name.endsWith('.argv.json')) continue;
        const file = path.join(lockDir, name);
        let handed;
        try {
          handed = JSON.parse(readFileSync(file, 'utf8'));
          unlinkSync(file);
        } catch {
          continue;
        }
        report({ type: 'second-instance', argv: handed.argv });
        app.emit('second-instance', electronEvent(), handed.argv, handed.cwd, {});
      }
    });
    watcher.unref();
    report({ type: 'single-instance', first: true });
    return true;
  }

  hasSingleInstanceLock() {
    return appState.hasLock;
  }

  /** before-quit, the windows close, will-quit, quit; each of the first and last may hold it. */
  quit() {
    if (appState.exiting) return;
    void (async () => {
      const beforeQuit = electronEvent();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      appState.quitting = true;
      for (const win of BrowserWindow.getAllWindows()) {
        if (!(await win.close())) {
          appState.quitting = false;
          return;
        }
      }
      const willQuit = electronEvent();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      this.emit('quit', electronEvent(), 0);
      await shutDown(0);
    })();
  }

  /** Ends at once, without events. */
  exit(code = 0) {
    void shutDown(code);
  }

  focus() {}
}

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function shutDown(code) {
  if (appState.exiting) return;
  appState.exiting = true;
  report({ type: 'exit', code });
  try {
    if (contextPromise) await (await contextPromise).close();
  } catch {
    // The browser may already be gone.
  }
  if (appState.lockFile) rmSync(appState.lockFile, { force: true });
  if (appState.chromiumProfile) rmSync(appState.chromiumProfile, { recursive: true, force: true });
  process.exit(code);
}

export const app = new App();

// 'ready' comes after main.js has run its top level, as in Electron.
setImmediate(() => {
  if (appState.exiting) return;
  appState.ready = true;
  app.emit('will-finish-launching');
  app.emit('ready', electronEvent(), {});
  resolveReady();
});

// ---------------------------------------------------------------------------------------------
// IPC (main side).

const ipcHandlers = new Map();
export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  },
  handleOnce(channel, handler) {
    this.handle(channel, async (...args) => {
      ipcHandlers.delete(channel);
      return handler(...args);
    });
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  },
});

// ---------------------------------------------------------------------------------------------
// Dialogs answer from the test's script, and every one is reported.

function nextAnswer(kind, options) {
  const index = dialogAnswers.findIndex((answer) => answer.kind === kind);
  const answer = index >= 0 ? dialogAnswers.splice(index, 1)[0] : null;
  report({ type: 'dialog', kind, options: JSON.parse(JSON.stringify(options ?? {})), scripted: Boolean(answer) });
  return answer;
}

function splitWindowArg(first, second) {
  return first instanceof BrowserWindow ? second : first;
}

export const dialog = {
  async showOpenDialog(first, second) {
    const answer = nextAnswer('open', splitWindowArg(first, second));
    return answer ? { canceled: Boolean(answer.canceled), filePaths: answer.filePaths ?? [] } : { canceled: true, filePaths: [] };
  },
  async showSaveDialog(first, second) {
    const answer = nextAnswer('save', splitWindowArg(first, second));
    return answer?.filePath ? { canceled: false, filePath: answer.filePath } : { canceled: true, filePath: '' };
  },
  async showMessageBox(first, second) {
    const answer = nextAnswer('message', splitWindowArg(first, second));
    return { response: answer?.response ?? 0, checkboxChecked: false };
  },
  showErrorBox(title, content) {
    nextAnswer('error', { title, content });
    console.error(`[stand-in] error box: ${title}\n${content}`);
  },
};

// ---------------------------------------------------------------------------------------------
// Menus: kept as built, clicked by id on the test's request.

class MenuItem {
  constructor(options) {
    Object.assign(this, options);
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.submenu = options.submenu ? (options.submenu instanceof Menu ? options.submenu : Menu.buildFromTemplate(options.submenu)) : null;
  }
}

export class Menu {
  static current = null;

  static buildFromTemplate(template) {
    const menu = new Menu();
    menu.items = template.map((options) => new MenuItem(options));
    return menu;
  }

  static setApplicationMenu(menu) {
    Menu.current = menu;
    report({ type: 'menu-set' });
  }

  static getApplicationMenu() {
    return Menu.current;
  }

  items = [];

  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }
}

function describeMenu(menu) {
  return (menu?.items ?? []).map((item) => ({
    id: item.id ?? null,
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? 'normal',
    accelerator: item.accelerator ?? null,
    enabled: item.enabled,
    clickable: typeof item.click === 'function',
    submenu: item.submenu ? describeMenu(item.submenu) : null,
  }));
}

function performRole(role, win) {
  const contents = win?.webContents;
  switch (String(role).toLowerCase()) {
    case 'quit':
      return app.quit();
    case 'close':
      return win?.close();
    case 'reload':
    case 'forcereload':
      return contents?.reload();
    case 'undo':
    case 'redo':
    case 'cut':
    case 'copy':
    case 'paste':
    case 'selectall':
      return contents?.[String(role) === 'selectAll' ? 'selectAll' : String(role).toLowerCase()]?.();
    default:
      // about, zoom, full screen, dev tools, services...: nothing a page test can see.
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Shell.

export const shell = {
  async openExternal(url) {
    report({ type: 'open-external', url });
  },
  showItemInFolder(fullPath) {
    report({ type: 'show-item-in-folder', path: fullPath });
  },
  async openPath(fullPath) {
    report({ type: 'open-path', path: fullPath });
    return '';
  },
};

// Renderer-side modules exist in Electron's main-process module too, as undefined-ish stubs;
// the real ones for the page live in page-side.js.
export const contextBridge = undefined;
export const ipcRenderer = undefined;
export const webUtils = {
  getPathForFile() {
    throw new Error('webUtils.getPathForFile runs in the renderer');
  },
};

// ---------------------------------------------------------------------------------------------
// The test's requests.

requestHandlers.set('answer-dialogs', ({ answers }) => {
  dialogAnswers.push(...answers);
  return dialogAnswers.length;
});
requestHandlers.set('menu', () => describeMenu(Menu.current));
requestHandlers.set('click-menu', ({ id }) => {
  const item = Menu.current?.getMenuItemById(id);
  if (!item) throw new Error(`There is no menu item with the id ${id}.`);
  if (!item.enabled) throw new Error(`The menu item ${id} is disabled.`);
  const win = BrowserWindow.getFocusedWindow();
  if (typeof item.click === 'function') item.click(item, win, { triggeredByAccelerator: false });
  else if (item.role) performRole(item.role, win);
  return { label: item.label ?? item.role };
});
requestHandlers.set('quit', () => {
  app.quit();
  return true;
});
requestHandlers.set('close-window', async () => {
  const win = BrowserWindow.getAllWindows()[0];
  return win ? win.close() : false;
});
requestHandlers.set('cdp', async () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) await win.webContents.opened;
  return cdpEndpoint;
});
/** Loads a page in the window as a hijacked page would: no will-navigate asked. */
requestHandlers.set('load-unchecked', async ({ url }) => {
  const win = BrowserWindow.getAllWindows()[0];
  await win.webContents.loadURL(url);
  return win.webContents.getURL();
});
requestHandlers.set('open-file-event', ({ filePath }) => {
  app.emit('open-file', electronEvent(), filePath);
  return true;
});
requestHandlers.set('session-state', () => ({
  permissionRequestHandler: typeof defaultSession.permissionRequestHandler === 'function',
  headerListeners: headerListeners.length,
  privilegedSchemes: Object.fromEntries(privilegedSchemes),
  handledSchemes: [...protocolHandlers.keys()],
}));
