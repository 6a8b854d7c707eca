// The real entry point, started against a fake `electron`: a real workspace folder, real
// files, and the app's events fired by hand.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_EVENT_CHANNEL, ipcChannelFor } from '../../../../electron/contract/channels.js';
import type { ApiResponse } from '../../../../electron/services/handlers/api-dispatcher.js';
import { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { recentIdFor } from '../../../../electron/services/documents/recent-files.js';
import { sha256 } from '../../../../electron/services/store/workspace-store.js';
import { app, dialog, FakeBrowserWindow, FakeWebContents, fakeEvent, ipcMain, Menu, protocol } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

let root: string;
let storeDir: string;
let userData: string;
let cliFile: string;
let win: FakeBrowserWindow;
let appUrl: string;
const savedArgv = process.argv;
const CLI_TEXT = 'Command-line story: "Taxes will fall," the minister said.\n';

async function writeDoc(name: string, text: string): Promise<string> {
  const filePath = path.join(root, 'docs', name);
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  await fs.writeFile(filePath, text);
  return filePath;
}

function invoke(method: string, args: unknown, frameUrl = appUrl, sender: unknown = win.webContents): Promise<ApiResponse> {
  const handler = ipcMain.handlers.get(ipcChannelFor(method))!;
  return handler({ sender, senderFrame: { url: frameUrl, parent: null } }, args) as Promise<ApiResponse>;
}

function recentMenuLabels(): string[] {
  const template = Menu.current!.template as MenuItemConstructorOptions[];
  const file = template.find((item) => item.label === '&File')!.submenu as MenuItemConstructorOptions[];
  const recent = file.find((item) => item.id === 'open-recent')!.submenu as MenuItemConstructorOptions[];
  return recent.map((item) => item.label!);
}

function documentsOpenedEvents(): string[] {
  return win.webContents.send.mock.calls
    .filter(([channel, event]) => channel === HOST_EVENT_CHANNEL && event.type === 'documents-opened')
    .map(([, event]) => event.documentId as string);
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-main-'));
  storeDir = path.join(root, 'workspace');
  userData = path.join(root, 'user-data');
  cliFile = await writeDoc('from-cli.txt', CLI_TEXT);
  app.userData = userData;
  app.appPath = process.cwd();
  process.argv = ['/opt/electron/electron', process.cwd(), '--no-sandbox', '--store', storeDir, cliFile, 'ignored.pdf'];

  await import('../../../../electron/hosts/desktop/main.js');
  // Nothing happens before 'ready' except asking for the single-instance lock and the sandbox.
  expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
  expect(app.enableSandbox).toHaveBeenCalledTimes(1);
  // Custom schemes get their privileges before 'ready' or not at all.
  expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  expect(protocol.handle).not.toHaveBeenCalled();
  expect(FakeBrowserWindow.instances).toHaveLength(0);

  app.makeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 5000 });
  win = FakeBrowserWindow.instances[0]!;
  appUrl = win.loadURL.mock.calls[0]![0];
});

afterAll(async () => {
  process.argv = savedArgv;
  await fs.rm(root, { recursive: true, force: true });
});

describe('main process', () => {
  it('opens one locked-down window of the right size on the renderer page', () => {
    expect(win.options).toMatchObject({ width: 1280, height: 860, minWidth: 800, title: 'Newsroom Annotator', show: false });
    // The icon comes from the renderer build (the build copies the icon there); without a build there is none.
    const icon = path.join(process.cwd(), 'dist', 'renderer', 'icon.png');
    expect(win.options.icon).toBe(existsSync(icon) ? icon : undefined);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledTimes(1);
    expect(win.loadURL.mock.calls[0]![0]).toBe('app://annotator/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('serves the window from the app:// protocol, which names nothing outside the renderer', async () => {
    const serve = protocol.handlers.get('app')!;
    expect(serve).toBeTypeOf('function');
    const outside = await serve(new Request('app://annotator/..%2f..%2fpackage.json'));
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('imports the file named on the command line into the --store workspace and the recent list', async () => {
    expect(readFileSync(path.join(storeDir, 'texts', `${sha256(CLI_TEXT)}.txt`), 'utf8')).toBe(CLI_TEXT);
    const recentFile = JSON.parse(await fs.readFile(path.join(userData, 'recent-files.json'), 'utf8'));
    expect(recentFile.files.map((entry: { path: string }) => entry.path)).toEqual([cliFile]);
    expect(recentMenuLabels()).toEqual(['from-cli.txt']);
  });

  it('answers the window through IPC as the Electron host, opening on the command-line document', async () => {
    const response = await invoke('getSession', {});
    expect(response.ok).toBe(true);
    const session = (response as { result: { host: string; workspaceDir: string; capabilities: unknown; documents: { id: string; fileName: string }[]; lastDocumentId: string } }).result;
    expect(session.host).toBe('electron');
    expect(session.workspaceDir).toBe(storeDir);
    expect(session.capabilities).toEqual({ nativeOpenDialog: true, recentFiles: true });
    expect(session.documents.map((doc) => doc.fileName)).toEqual(['from-cli.txt']);
    expect(session.lastDocumentId).toBe(session.documents[0]!.id);

    const recent = await invoke('listRecentFiles', {});
    expect(recent).toMatchObject({ ok: true, result: [{ id: recentIdFor(cliFile), fileName: 'from-cli.txt' }] });
    expect(JSON.stringify(recent)).not.toContain(root);
  });

  it('refuses IPC from a foreign page or another webContents', async () => {
    expect(await invoke('getSession', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await invoke('getSession', {}, appUrl, new FakeWebContents())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('File › Open… asks the page to open files', () => {
    const template = Menu.current!.template as MenuItemConstructorOptions[];
    const file = template.find((item) => item.label === '&File')!.submenu as MenuItemConstructorOptions[];
    (file.find((item) => item.id === 'open')!.click as unknown as () => void)();
    expect(win.webContents.send).toHaveBeenCalledWith(HOST_EVENT_CHANNEL, { type: 'menu', command: 'open' });
  });

  it('a second launch with a file imports it, focuses the window and tells the page', async () => {
    const second = await writeDoc('second.md', '# Second launch\nThe council voted 7-2.\n');
    win.minimized = true;
    app.emit('second-instance', fakeEvent(), ['/opt/electron/electron', process.cwd(), 'second.md', '--some-chromium-switch'], path.dirname(second));
    await vi.waitFor(() => expect(documentsOpenedEvents()).toHaveLength(1));
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    const session = (await invoke('getSession', {})) as { result: { documents: { id: string; fileName: string }[] } };
    const doc = session.result.documents.find((d) => d.fileName === 'second.md')!;
    expect(documentsOpenedEvents()).toEqual([doc.id]);
    expect(recentMenuLabels()).toEqual(['second.md', 'from-cli.txt']);
  });

  it('Open Recent imports that file in the main process and tells the page', async () => {
    const template = Menu.current!.template as MenuItemConstructorOptions[];
    const file = template.find((item) => item.label === '&File')!.submenu as MenuItemConstructorOptions[];
    const recent = file.find((item) => item.id === 'open-recent')!.submenu as MenuItemConstructorOptions[];
    (recent.find((item) => item.label === 'from-cli.txt')!.click as unknown as () => void)();
    await vi.waitFor(() => expect(documentsOpenedEvents()).toHaveLength(2));
    const session = (await invoke('getSession', {})) as { result: { documents: { id: string; fileName: string }[] } };
    expect(documentsOpenedEvents()[1]).toBe(session.result.documents.find((d) => d.fileName === 'from-cli.txt')!.id);
    expect(recentMenuLabels()).toEqual(['from-cli.txt', 'second.md']);
  });

  it('macOS open-file is handled and imported', async () => {
    const mac = await writeDoc('dock.txt', 'Dropped on the Dock icon.\n');
    const event = fakeEvent();
    app.emit('open-file', event, mac);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(documentsOpenedEvents()).toHaveLength(3));
    expect(recentMenuLabels()[0]).toBe('dock.txt');
  });

  it('before quitting, holds the quit until calls in flight, imports and pending saves are on disk', async () => {
    const late = await writeDoc('late.txt', 'Opened a moment before quitting.\n');
    const workspaceFile = path.join(storeDir, 'workspace.json');
    let workspaceAtExit: { speakers: { name: string }[]; documents: { fileName: string }[] } | null = null;
    app.onTerminate = () => {
      workspaceAtExit = JSON.parse(readFileSync(workspaceFile, 'utf8'));
    };
    // The page sends its last batch as its window closes, after 'before-quit' has been let through.
    let unloadBatch: Promise<ApiResponse> | null = null;
    app.onWindowsClosing = () => {
      unloadBatch = invoke('applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 'sp-unload', name: 'Unload Speaker' }] });
    };

    // Work still under way when the user quits, each taking a while: an edit from the page
    // and a file the OS handed over.
    const slowly = <A extends unknown[], R>(original: (...args: A) => Promise<R>, ms: number) =>
      async function (this: unknown, ...args: A): Promise<R> {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return original.apply(this, args);
      };
    const { applyChanges, importBytes } = AnnotatorService.prototype;
    vi.spyOn(AnnotatorService.prototype, 'applyChanges').mockImplementationOnce(slowly(applyChanges, 100));
    vi.spyOn(AnnotatorService.prototype, 'importBytes').mockImplementationOnce(slowly(importBytes, 400));
    const edit = invoke('applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 'sp-quit', name: 'Last-second Speaker' }] });
    app.emit('open-file', fakeEvent(), late);
    app.quit();
    expect(app.quitCount).toBe(0); // held, not quit yet
    expect(unloadBatch).toBeNull(); // and the windows are still open

    await vi.waitFor(() => expect(app.quitCount).toBe(1), { timeout: 5000 });
    expect(await edit).toEqual({ ok: true, result: { applied: 1, refused: [] } });
    expect(await unloadBatch).toEqual({ ok: true, result: { applied: 1, refused: [] } });
    expect(workspaceAtExit).not.toBeNull();
    expect(workspaceAtExit!.speakers.map((s) => s.name)).toEqual(['Last-second Speaker', 'Unload Speaker']);
    expect(workspaceAtExit!.documents.map((d) => d.fileName)).toContain('late.txt');
    expect(app.exit).toHaveBeenCalledWith(0);

    vi.restoreAllMocks();
    // Held only once: a later quit goes straight through.
    app.onWindowsClosing = null;
    app.quit();
    expect(app.quitCount).toBe(2);
  });

  it('quits when the last window closes (except on macOS)', () => {
    const calls = app.quit.mock.calls.length;
    app.emit('window-all-closed');
    expect(app.quit.mock.calls.length).toBe(process.platform === 'darwin' ? calls : calls + 1);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(existsSync(path.join(storeDir, 'workspace.json'))).toBe(true);
  });
});
