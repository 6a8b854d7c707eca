// The desktop app's entry point (bundled to dist/electron/main.js). It only wires things up:
// the workspace and services, IPC, security, the menu, files from outside and the window.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, protocol, session } from 'electron';
import type { HostEvent } from '../../contract/channels.js';
import { ApiError } from '../../contract/errors.js';
import { AnnotatorService } from '../../services/annotator-service.js';
import { createApiHandlers } from '../../services/handlers/api-handlers.js';
import { StoreFileError } from '../../services/store/durable-json-file.js';
import type { OpenFileOutcome } from '../../services/documents/open-files.js';
import { APP_NAME, defaultWorkspaceDir } from '../../services/store/paths.js';
import { RECENT_FILES_FILE, RecentFiles } from '../../services/documents/recent-files.js';
import { acquireWorkspaceLock, type WorkspaceLock } from '../../services/store/workspace-lock.js';
import { WorkspaceStore } from '../../services/store/workspace-store.js';
import { parseShellCommandLine } from './command-line.js';
import { createDesktopFiles, type DesktopFiles } from './desktop-files.js';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol.js';
import { registerApiIpc, sendHostEvent, type ApiIpc } from './ipc.js';
import { installApplicationMenu } from './menu.js';
import { keychainCredentialStore } from './keychain-credentials.js';
import { defaultTeamSyncFactory } from '../team-sync-factory.js';
import type { TeamSyncEngine } from '../../services/sync/team-sync-api.js';
import { installAppSecurity, secureWebPreferences } from './security.js';

// Bundled as dist/electron/main.js beside preload.cjs, with dist/renderer next door.
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const APP_URL = APP_PAGE_URL;

let mainWindow: BrowserWindow | null = null;
let store: WorkspaceStore | null = null;
let lock: WorkspaceLock | null = null;
let recent: RecentFiles | null = null;
let files: DesktopFiles | null = null;
let ipc: ApiIpc | null = null;
/** The workspace's team sync, when this build has the engine (see team-sync-factory.ts). */
let team: TeamSyncEngine | undefined;
/** Files the OS handed us before the services were ready. */
const pendingPaths: string[] = [];
/** Work started by the OS or the menu rather than by an IPC call; quitting waits for it. */
const background = new Set<Promise<unknown>>();
let savedBeforeQuit = false;
let savedAtExit = false;

function track(work: Promise<unknown>): void {
  background.add(work);
  work.then(
    () => background.delete(work),
    (error: unknown) => {
      background.delete(work);
      console.error('[annotator] opening files failed:', error);
    },
  );
}

function send(event: HostEvent): void {
  sendHostEvent(mainWindow?.webContents, event);
}

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function showWarning(message: string, detail: string): void {
  const box = { type: 'warning' as const, message, detail, buttons: ['OK'] };
  const shown = mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, box) : dialog.showMessageBox(box);
  shown.catch(() => undefined);
}

function reportFailures(outcomes: OpenFileOutcome[]): void {
  const failed = outcomes.filter((outcome) => outcome.error);
  if (failed.length > 0) showWarning('Some files were not opened', failed.map((outcome) => outcome.error).join('\n\n'));
}

/** Files from a second launch or the OS: imported, then shown in the window. */
async function openFromOutside(filePaths: string[]): Promise<void> {
  if (filePaths.length === 0) return;
  if (!files) {
    pendingPaths.push(...filePaths);
    return;
  }
  const outcomes = await files.openPaths(filePaths);
  reportFailures(outcomes);
  const last = outcomes.filter((outcome) => outcome.document).at(-1)?.document;
  focusWindow();
  if (last) send({ type: 'documents-opened', documentId: last.id });
}

function createWindow(): void {
  // The build copies the icon into dist/renderer, so it ships inside app.asar.
  const icon = path.join(app.getAppPath(), 'dist', 'renderer', 'icon.png');
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    title: APP_NAME,
    show: false,
    ...(existsSync(icon) ? { icon } : {}),
    webPreferences: secureWebPreferences(PRELOAD),
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(APP_URL).catch((error: unknown) => {
    dialog.showErrorBox(`${APP_NAME} could not show its window`, `${(error as Error).message}\n\nReinstall the app or run \`npm run build\`.`);
  });
}

function rebuildMenu(): void {
  installApplicationMenu({
    appName: APP_NAME,
    isPackaged: app.isPackaged,
    platform: process.platform,
    recentFiles: () => recent?.list() ?? [],
    sendToWindow: send,
    readClipboard: () => clipboard.readText(),
    openRecent: (recentId) => {
      if (!files) return;
      const opening = files.openRecentFile(recentId).then(
        (document) => {
          focusWindow();
          send({ type: 'documents-opened', documentId: document.id });
        },
        (error: unknown) => showWarning('The recent file could not be opened', (error as Error).message),
      );
      track(opening);
    },
  });
}

/** Waits for IPC calls and background imports, then for every scheduled write to reach the disk. */
async function saveEverything(): Promise<void> {
  try {
    await Promise.allSettled([ipc?.settled(), ...background]);
    await Promise.all([store?.flush(), recent?.flush()]);
  } catch (error) {
    console.error('[annotator] saving before quit failed:', error);
  }
}

async function start(): Promise<void> {
  installAppSecurity(app, session.defaultSession, APP_URL);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, RENDERER_DIR));
  const commandLine = parseShellCommandLine(process.argv);
  const workspaceDir = commandLine.storeDir ?? defaultWorkspaceDir();
  try {
    // requestSingleInstanceLock covers a second copy of this app; the lock also covers serve and the CLI.
    lock = await acquireWorkspaceLock(workspaceDir, 'electron');
    store = await WorkspaceStore.open(workspaceDir);
  } catch (error) {
    // The workspace is left exactly as it is; the user decides what to do with it.
    await lock?.release();
    const reason = error instanceof StoreFileError || error instanceof ApiError ? error.message : `${(error as Error).message}.`;
    dialog.showErrorBox(`${APP_NAME} cannot open its workspace`, `${reason}\n\nWorkspace folder: ${workspaceDir}`);
    app.quit();
    return;
  }
  recent = await RecentFiles.open(path.join(app.getPath('userData'), RECENT_FILES_FILE));
  const service = new AnnotatorService(store, 'electron', { nativeOpenDialog: true, recentFiles: true });
  files = createDesktopFiles({ service, recent, window: () => mainWindow });
  const desktopFiles = files;
  const credentials = keychainCredentialStore(workspaceDir);
  team = defaultTeamSyncFactory(service, credentials);
  team?.startLive();
  ipc = registerApiIpc(
    createApiHandlers(service, files, team, { passwordKept: credentials.kept }),
    { appUrl: APP_URL, mainWebContents: () => mainWindow?.webContents ?? null },
    (paths) => desktopFiles.openDroppedPaths(paths),
  );
  recent.onChange(rebuildMenu);
  rebuildMenu();
  // The window opens on the last of these (openFilesFromPaths records it as the last document).
  const startupFiles = [...commandLine.files, ...pendingPaths.splice(0)];
  if (startupFiles.length > 0) reportFailures(await files.openPaths(startupFiles));
  // Parse the last document's files while the window loads, not after it asks.
  void service.prefetchLastDocument();
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.enableSandbox();
  // Custom schemes get their privileges before 'ready' or not at all.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    track(openFromOutside(parseShellCommandLine(argv, workingDirectory).files));
  });

  // macOS "Open With" and dropping on the Dock icon; may arrive before 'ready'.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    track(openFromOutside([filePath]));
  });

  app.on('activate', () => {
    if (files && BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Hold the quit once: answer the calls already received, put pending saves on disk, then go.
  app.on('before-quit', (event) => {
    if (savedBeforeQuit || !store) return;
    savedBeforeQuit = true;
    event.preventDefault();
    void saveEverything().finally(() => app.quit());
  });

  // The window's last batch of changes (sent as the page unloads) can arrive while the windows
  // close, after 'before-quit': hold once more, save it, then exit without further events.
  app.on('will-quit', (event) => {
    if (savedAtExit || !store) return;
    savedAtExit = true;
    event.preventDefault();
    void saveEverything()
      // Replication stops (its checkpoint written) before the workspace is let go.
      .then(() => team?.stop().catch((error: unknown) => console.error('[annotator] stopping team sync failed:', (error as Error).message)))
      .then(() => lock?.release())
      .finally(() => app.exit(0));
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[annotator] start-up failed:', error);
      dialog.showErrorBox(`${APP_NAME} could not start`, (error as Error).message ?? String(error));
      app.quit();
    });
}
