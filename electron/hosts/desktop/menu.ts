// The application menu. Commands the page implements (Open…, Import…, Print Report…, Undo…) are
// sent to it as host events; Open Recent is handled here, because only the main process knows the paths.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { HostEvent } from '../../contract/channels.js';

export interface MenuOptions {
  appName: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Newest first; file names only are shown. */
  recentFiles(): { id: string; fileName: string }[];
  sendToWindow(event: HostEvent): void;
  openRecent(recentId: string): void;
  /** The clipboard's text, read here: the page is granted no clipboard permission. */
  readClipboard(): string | Promise<string>;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const send = (event: HostEvent) => () => options.sendToWindow(event);

  const recent = options.recentFiles();
  const recentItems: MenuItemConstructorOptions[] =
    recent.length > 0
      ? recent.map((file) => ({ id: `recent-${file.id}`, label: file.fileName, click: () => options.openRecent(file.id) }))
      : [{ label: 'No Recent Files', enabled: false }];

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send({ type: 'menu', command: 'open' }) },
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      { id: 'new-from-clipboard', label: 'New from Clipboard…', click: async () => options.sendToWindow({ type: 'clipboard-text', text: await options.readClipboard() }) },
      { type: 'separator' },
      { id: 'import-annotations', label: 'Import Annotations…', click: send({ type: 'menu', command: 'import-annotations' }) },
      { id: 'export-dataset', label: 'Export Dataset…', click: send({ type: 'menu', command: 'export-dataset' }) },
      { id: 'merge-workspace', label: 'Merge a Colleague’s Workspace…', click: send({ type: 'menu', command: 'merge-workspace' }) },
      { id: 'compact-workspace', label: 'Compact Workspace…', click: send({ type: 'menu', command: 'compact-workspace' }) },
      { id: 'team', label: 'Team…', click: send({ type: 'menu', command: 'team' }) },
      { type: 'separator' },
      // The claims report, not the page: printing the window itself would give a blank sheet.
      { id: 'print-report', label: 'Print Report…', accelerator: 'CmdOrCtrl+P', click: send({ type: 'menu', command: 'print-report' }) },
      { id: 'save-report-pdf', label: 'Save Report as PDF…', click: send({ type: 'menu', command: 'save-report-pdf' }) },
      { type: 'separator' },
      isMac ? { role: 'close' } : { id: 'quit', role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Not role 'undo': Chromium's undo knows nothing of highlights, the page's history does.
      { id: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send({ type: 'menu', command: 'undo' }) },
      { id: 'redo', label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: send({ type: 'menu', command: 'redo' }) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      // No accelerator: the Delete key must keep working in text fields; the page handles it.
      { id: 'delete-highlight', label: 'Delete Highlight', click: send({ type: 'menu', command: 'delete' }) },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.isPackaged
        ? []
        : // Force Reload moves off Shift+Ctrl+R, which opens the review desk.
          ([{ role: 'reload' }, { role: 'forceReload', accelerator: 'Shift+CmdOrCtrl+F5' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
      { id: 'review-desk', label: 'Review Desk', accelerator: 'Shift+CmdOrCtrl+R', click: send({ type: 'menu', command: 'review-desk' }) },
      { id: 'agreement', label: 'Agreement', click: send({ type: 'menu', command: 'agreement' }) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ id: 'about', role: 'about', label: `About ${options.appName}` }],
  };

  return [...appMenu, fileMenu, editMenu, viewMenu, helpMenu];
}

/** Builds and sets the menu; call again whenever the recent list changes. */
export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
