// A workspace written by a newer version cannot be read: the user is told, nothing on disk
// changes, the app quits. (A damaged one opens read-only on its backup instead.)
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, dialog, FakeBrowserWindow, fakeEvent, ipcMain } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

const BROKEN = '{ "schemaVersion": 99, "documents": [], "fromTheFuture": true }';
let root: string;
let storeDir: string;
const savedArgv = process.argv;

async function listTree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-main-bad-'));
  storeDir = path.join(root, 'workspace');
  await fs.mkdir(path.join(storeDir, 'annotations'), { recursive: true });
  await fs.mkdir(path.join(storeDir, 'texts'), { recursive: true });
  await fs.writeFile(path.join(storeDir, 'workspace.json'), BROKEN);
  const cliFile = path.join(root, 'story.txt');
  await fs.writeFile(cliFile, 'A story that must not be imported into a broken workspace.\n');
  app.userData = path.join(root, 'user-data');
  process.argv = ['/opt/electron/electron', process.cwd(), `--store=${storeDir}`, cliFile];
});

afterAll(async () => {
  process.argv = savedArgv;
  await fs.rm(root, { recursive: true, force: true });
});

describe('main process with a workspace from a newer version', () => {
  it('shows the store error, quits, and leaves every file as it was', async () => {
    const before = await listTree(storeDir);
    await import('../../../../electron/hosts/desktop/main.js');
    app.makeReady();
    await vi.waitFor(() => expect(dialog.showErrorBox).toHaveBeenCalledTimes(1), { timeout: 5000 });

    const [title, message] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toMatch(/cannot open its workspace/);
    expect(message).toMatch(/workspace\.json was written by a newer Newsroom Annotator/);
    expect(message).toContain(storeDir);

    await vi.waitFor(() => expect(app.quitCount).toBe(1));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(await fs.readFile(path.join(storeDir, 'workspace.json'), 'utf8')).toBe(BROKEN);
    expect(await listTree(storeDir)).toEqual(before);
    await expect(fs.access(path.join(root, 'user-data', 'recent-files.json'))).rejects.toThrow();

    // With nothing open there is nothing to hold a quit for.
    const event = fakeEvent();
    app.emit('before-quit', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});
