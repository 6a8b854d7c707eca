// BrowserWindow and webContents: each window a Chromium page, its preload run before the page.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app, appState } from './app.mjs';
import { chromiumContext, frameInfo, getCdpEndpoint } from './chromium.mjs';
import { electronEvent, report } from './control.mjs';
import { defaultSession, fromPageUrl, toPageUrl } from './protocol.mjs';

// ---------------------------------------------------------------------------------------------
// webContents and windows.

let nextContentsId = 1;

export class WebContents extends EventEmitter {
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
    report({ type: 'window', id: this.window.id, cdp: getCdpEndpoint() });
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
export const windows = new Set();
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
