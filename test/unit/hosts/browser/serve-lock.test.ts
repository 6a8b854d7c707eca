// `npm run serve` on a workspace another Newsroom Annotator is writing: refused, nothing served.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serve } from '../../../../electron/hosts/browser/serve.js';
import { LOCK_FILE, acquireWorkspaceLock } from '../../../../electron/services/store/workspace-lock.js';
import { snapshotDir, useTempDirs } from '../../../helpers/temp-dirs.js';

const tempDir = useTempDirs();

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('serve with a workspace in use', () => {
  it('refuses to start with the message and a non-zero exit code, touching nothing', async () => {
    const dir = await tempDir();
    // This process stands for the desktop app holding the workspace.
    const held = await acquireWorkspaceLock(dir, 'electron');
    const before = await snapshotDir(dir);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await serve(['--store', dir, '--port', '0'], path.join(dir, 'no-renderer'));
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(
      new RegExp(`This workspace is open in another Newsroom Annotator \\(the desktop app, process ${process.pid}, since \\d\\d:\\d\\d\\)\\. Close it there, or choose another workspace folder\\.`),
    );
    expect(logs).not.toHaveBeenCalled();
    expect(await snapshotDir(dir)).toEqual(before);
    expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')).host).toBe('electron');
    await held.release();
  });
});
