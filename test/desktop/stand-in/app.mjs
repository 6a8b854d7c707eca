// The app object: ready, paths, the single-instance lock, and quitting as Electron does.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeChromium } from './chromium.mjs';
import { electronEvent, report } from './control.mjs';
import { BrowserWindow } from './windows.mjs';

// ---------------------------------------------------------------------------------------------
// The app.

export const appState = {
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
      shutDown(0);
    })();
  }

  /** Ends at once, without events. */
  exit(code = 0) {
    shutDown(code);
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

function shutDown(code) {
  if (appState.exiting) return;
  appState.exiting = true;
  if (appState.lockFile) rmSync(appState.lockFile, { force: true });
  // As Electron does: the process ends now, and its renderers with it (playwright-core ends the
  // browser it started when this process exits). Nothing still pending gets a moment more.
  process.exit(code);
}

// The harness ends a run it gives up on with SIGTERM: take the browser along (a SIGKILL would orphan it).
process.once('SIGTERM', () => {
  void closeChromium()
    .catch(() => undefined)
    .finally(() => process.exit(143));
});

process.on('exit', () => {
  if (appState.chromiumProfile) rmSync(appState.chromiumProfile, { recursive: true, force: true });
});
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

export const ipcHandlers = new Map();
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
