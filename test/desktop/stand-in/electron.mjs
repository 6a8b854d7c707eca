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
import { app, ipcMain } from './app.mjs';
import { getCdpEndpoint } from './chromium.mjs';
import { dialogAnswers, electronEvent, requestHandlers } from './control.mjs';
import { defaultSession, headerListeners, privilegedSchemes, protocol, protocolHandlers, session } from './protocol.mjs';
import { clipboard, contextBridge, describeMenu, dialog, ipcRenderer, Menu, performRole, safeStorage, shell, webUtils } from './ui.mjs';
import { BrowserWindow } from './windows.mjs';

export { app, BrowserWindow, clipboard, contextBridge, dialog, ipcMain, ipcRenderer, Menu, protocol, safeStorage, session, shell, webUtils };

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
requestHandlers.set('set-clipboard', ({ text }) => {
  clipboard.writeText(text);
  return true;
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
  return getCdpEndpoint();
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
