// The renderer half of the Electron stand-in, run in every frame before the page's own scripts
// (and before the preload): ipcRenderer, contextBridge and webUtils as a preload sees them.
// ipcRenderer.invoke goes through the __electronStandInInvoke binding to main.js's ipcMain.
(() => {
  if (window.__electronStandIn) return;
  const listeners = new Map();
  const filePaths = new WeakMap();
  const delivered = [];

  const ipcRenderer = {
    async invoke(channel, ...args) {
      const answer = await window.__electronStandInInvoke(channel, args);
      if (answer && typeof answer.error === 'string') throw new Error(answer.error);
      return answer ? answer.value : undefined;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    once(channel, listener) {
      const once = (...args) => {
        ipcRenderer.removeListener(channel, once);
        listener(...args);
      };
      return ipcRenderer.on(channel, once);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    removeAllListeners(channel) {
      listeners.delete(channel);
      return ipcRenderer;
    },
    listenerCount(channel) {
      return listeners.get(channel)?.size ?? 0;
    },
  };

  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (key in window) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      Object.defineProperty(window, key, { value: api, enumerable: true, configurable: false, writable: false });
    },
  };

  // Chromium knows a dropped file's place on disk; a test tells the stand-in with registerFilePath.
  const webUtils = {
    getPathForFile(file) {
      return filePaths.get(file) ?? '';
    },
  };

  Object.defineProperty(window, '__electronStandIn', {
    value: Object.freeze({
      electron: Object.freeze({ ipcRenderer, contextBridge, webUtils }),
      deliver(channel, args) {
        delivered.push({ channel, args });
        for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer, senderId: 0 }, ...args);
      },
      delivered: () => delivered.slice(),
      registerFilePath(file, filePath) {
        filePaths.set(file, filePath);
      },
    }),
  });
})();
