// Quitting with a save scheduled but not yet written: the quit waits for the disk.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkspaceStore } from '../../../../electron/services/store/workspace-store.js';
import { app, FakeBrowserWindow } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

let root: string;
let store: WorkspaceStore;
const savedArgv = process.argv;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-main-flush-'));
  app.userData = path.join(root, 'user-data');
  process.argv = ['/opt/electron/electron', process.cwd(), '--store', path.join(root, 'workspace')];
  // Keep hold of the store main opens, to schedule a save the way the services do.
  const open = WorkspaceStore.open.bind(WorkspaceStore);
  vi.spyOn(WorkspaceStore, 'open').mockImplementation(async (dir) => (store = await open(dir)));
  await import('../../../../electron/hosts/desktop/main.js');
  app.makeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 5000 });
});

afterAll(async () => {
  process.argv = savedArgv;
  await fs.rm(root, { recursive: true, force: true });
});

describe('main process quitting', () => {
  it('flushes a scheduled save to disk before the app ends', async () => {
    let atExit: { speakers: { name: string }[] } | null = null;
    app.onTerminate = () => {
      atExit = JSON.parse(readFileSync(path.join(store.dir, 'workspace.json'), 'utf8'));
    };
    store.data.speakers.push({ id: 'sp-scheduled', name: 'Scheduled Speaker', aliases: [], role: '', organisation: '', notes: '', createdAt: new Date().toISOString() });
    void store.saveWorkspace();
    app.quit();
    expect(app.quitCount).toBe(0);
    await vi.waitFor(() => expect(app.quitCount).toBe(1), { timeout: 5000 });
    expect(atExit).not.toBeNull();
    expect(atExit!.speakers.map((s) => s.name)).toEqual(['Scheduled Speaker']);
  });
});
