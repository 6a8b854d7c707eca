// Commands that write (import, merge) hold the workspace's lock; commands that only read do not.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, acquireWorkspaceLock } from '../../../../electron/services/store/workspace-lock.js';
import { exists } from '../../../helpers/temp-dirs.js';
import { importText, useWorkspaces, workspaceOnDisk } from '../../../helpers/workspace.js';
import { run } from '../../../helpers/run-cli.js';

const ws = useWorkspaces();


async function workspaceWithStory() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  await importText(service, 'story.txt', 'The mayor said the bridge will open in May.');
  await service.store.flush();
  return dir;
}

describe('annotator and the workspace lock', () => {
  it('import and merge are refused while the app holds the workspace, and write nothing', async () => {
    const dir = await workspaceWithStory();
    const other = await workspaceWithStory();
    const file = path.join(dir, '..', `${path.basename(dir)}-new.txt`);
    await fs.writeFile(file, 'A new story.');
    const held = await acquireWorkspaceLock(dir, 'electron');
    const before = await fs.readFile(path.join(dir, 'workspace.json'), 'utf8');
    for (const args of [['import', file, '--store', dir], ['merge', '--store', dir, other]]) {
      const result = await run(args, dir);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^This workspace is open in another Newsroom Annotator \(the desktop app, process \d+, since \d\d:\d\d\)\. Close it there, or choose another workspace folder\.\n$/);
    }
    expect(await fs.readFile(path.join(dir, 'workspace.json'), 'utf8')).toBe(before);
    await held.release();
    await fs.rm(file);
  });

  it('import takes the lock (over one a crashed app left) while it writes, and gives it back', async () => {
    const dir = await workspaceWithStory();
    const file = path.join(dir, 'new-story.txt');
    await fs.writeFile(file, 'A new story.');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead, hostname: os.hostname(), host: 'electron', startedAt: '2026-01-01T00:00:00.000Z' }));
    const result = await run(['import', file, '--store', dir], dir);
    expect(result.code).toBe(0);
    expect((await workspaceOnDisk(dir)).documents).toHaveLength(2);
    expect(await exists(path.join(dir, LOCK_FILE))).toBe(false);
    // Now free: the app can take it.
    const lock = await acquireWorkspaceLock(dir, 'electron');
    await lock.release();
  });

  it('stats and export still read a workspace the app holds', async () => {
    const dir = await workspaceWithStory();
    const held = await acquireWorkspaceLock(dir, 'electron');
    expect((await run(['stats', '--store', dir], dir)).code).toBe(0);
    expect((await run(['export', '--store', dir, '--format', 'jsonl', '--out', path.join(dir, 'out.jsonl')], dir)).code).toBe(0);
    await held.release();
  });
});
