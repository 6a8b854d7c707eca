// A stand-in for the parts of the `electron` module the shell uses. Each test file mocks
// 'electron' with this module (vitest gives every test file its own module registry, so every
// file gets fresh state): vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule)
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly send = vi.fn();
  /** What Chromium would print: a small PDF's first bytes are enough to check they are saved. */
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.4 report'));
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((win) => !win.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

/** An event object as Electron passes it: records preventDefault. */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      event.defaultPrevented = true;
    }),
  };
  return event;
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  appPath = process.cwd();
  userData = '/nonexistent-user-data';
  hasLock = true;
  private readyResolve!: () => void;
  readonly ready = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });
  readonly whenReady = vi.fn(() => this.ready);
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly enableSandbox = vi.fn();
  readonly getAppPath = vi.fn(() => this.appPath);
  readonly getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : `/nonexistent-${name}`));
  /** How many times the app would really have ended. */
  quitCount = 0;
  /** Called at the moment the app would end (tests look at the disk then). */
  onTerminate: (() => void) | null = null;
  /** Called between 'before-quit' and 'will-quit', where Electron closes the windows. */
  onWindowsClosing: (() => void) | null = null;
  private terminate(): void {
    this.quitCount++;
    this.onTerminate?.();
  }
  /** Like Electron: before-quit, the windows close, will-quit; either event can hold the quit. */
  readonly quit = vi.fn(() => {
    const beforeQuit = fakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.onWindowsClosing?.();
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.terminate();
  });
  /** Like Electron: ends at once, without events. */
  readonly exit = vi.fn((_code?: number) => this.terminate());
  makeReady(): void {
    this.readyResolve();
  }
}

export const app = new FakeApp();

const ipcMainHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
export const ipcMain = {
  handlers: ipcMainHandlers,
  handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    if (ipcMainHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMainHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMainHandlers.delete(channel);
  }),
};

const rendererEmitter = new EventEmitter();
export const ipcRenderer = {
  emitter: rendererEmitter,
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, result: null })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    rendererEmitter.on(channel, listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    rendererEmitter.removeListener(channel, listener);
    return ipcRenderer;
  }),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
};

export const Menu = {
  current: null as { template: unknown[] } | null,
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => {
    Menu.current = menu;
  }),
};

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]>; cancel?: boolean }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
}

export const session = { defaultSession: new FakeSession() };

/** Custom protocols: what was registered, and the handler to call as Chromium would. */
export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const webUtils = {
  getPathForFile: vi.fn((_file: unknown) => ''),
};

/** safeStorage, reversible and marked: the desktop keeps the team password with it. */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`fake-safeStorage:${Buffer.from(plain).toString('base64')}`)),
  decryptString: vi.fn((cipher: Buffer) => Buffer.from(cipher.toString().replace(/^fake-safeStorage:/, ''), 'base64').toString()),
};

export const electronModule = {
  app,
  safeStorage,
  BrowserWindow: FakeBrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  session,
  shell,
  webUtils,
};
