// A second copy of the app hands over to the first and does nothing itself.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { app, dialog, FakeBrowserWindow, ipcMain } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

const savedArgv = process.argv;

afterAll(() => {
  process.argv = savedArgv;
});

describe('main process without the single-instance lock', () => {
  it('quits at once, without opening a workspace or a window', async () => {
    app.hasLock = false;
    process.argv = ['/opt/electron/electron', process.cwd(), '--store', '/nonexistent/never-created', 'x.txt'];
    await import('../../../../electron/hosts/desktop/main.js');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quitCount).toBe(1);
    app.makeReady();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
