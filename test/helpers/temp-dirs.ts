// Temporary folders under the OS temp dir, removed after each test of the file that asked for them.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export type MakeTempDir = (prefix?: string) => Promise<string>;

/** Call at the top level of a test file; returns a function that makes a fresh folder. */
export function useTempDirs(beforeRemove?: () => Promise<void>): MakeTempDir {
  const dirs: string[] = [];
  afterEach(async () => {
    if (beforeRemove) await beforeRemove();
    await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });
  return async (prefix = 'annotator-test-') => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** Every file under `dir` (relative path -> bytes as hex), to prove that nothing changed. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        result[path.relative(dir, full) + '/'] = 'dir';
        await walk(full);
      } else {
        result[path.relative(dir, full)] = (await fs.readFile(full)).toString('hex');
      }
    }
  }
  await walk(dir);
  return result;
}

export async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.access(filePath);
    return true;
  } catch {
    return false;
  }
}

export async function readJson<T>(filePath: string): Promise<T> {
  return JSON.parse(await fs.readFile(filePath, 'utf8')) as T;
}
