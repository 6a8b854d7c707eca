// The desktop app started on a workspace that another Newsroom Annotator (here: npm run serve,
// a separate process) is writing: the user is told in a dialog, the app quits, nothing is opened.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, dialog, FakeBrowserWindow, ipcMain } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

let root: string;
let storeDir: string;
let holder: ChildProcess;
let lockContent: string;
const savedArgv = process.argv;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-main-in-use-'));
  storeDir = path.join(root, 'workspace');
  await fs.mkdir(storeDir, { recursive: true });
  holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  lockContent = JSON.stringify({ pid: holder.pid, hostname: os.hostname(), host: 'browser', startedAt: new Date().toISOString() });
  await fs.writeFile(path.join(storeDir, 'workspace.lock'), lockContent);
  app.userData = path.join(root, 'user-data');
  process.argv = ['/opt/electron/electron', process.cwd(), `--store=${storeDir}`];
});

afterAll(async () => {
  process.argv = savedArgv;
  holder.kill('SIGKILL');
  await fs.rm(root, { recursive: true, force: true });
});

describe('main process with a workspace in use', () => {
  it('says which program holds it, quits, and creates nothing in the workspace', async () => {
    await import('../../../../electron/hosts/desktop/main.js');
    app.makeReady();
    await vi.waitFor(() => expect(dialog.showErrorBox).toHaveBeenCalledTimes(1), { timeout: 5000 });
    const [title, message] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toMatch(/cannot open its workspace/);
    expect(message).toMatch(
      new RegExp(`This workspace is open in another Newsroom Annotator \\(the browser version, npm run serve, process ${holder.pid}, since \\d\\d:\\d\\d\\)\\. Close it there, or choose another workspace folder\\.`),
    );
    await vi.waitFor(() => expect(app.quitCount).toBe(1));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(await fs.readdir(storeDir)).toEqual(['workspace.lock']);
    expect(await fs.readFile(path.join(storeDir, 'workspace.lock'), 'utf8')).toBe(lockContent);
  });
});
