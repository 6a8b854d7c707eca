import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RECENT_FILES, RECENT_FILES_FILE, RecentFiles, recentIdFor } from '../../../electron/services/documents/recent-files.js';

let dir: string;
let listPath: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-recent-'));
  listPath = path.join(dir, 'user-data', RECENT_FILES_FILE);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, 'docs', name);

async function onDisk(): Promise<{ schemaVersion: number; files: { path: string; openedAt: string }[] }> {
  return JSON.parse(await fs.readFile(listPath, 'utf8'));
}

describe('RecentFiles', () => {
  it('starts empty when there is no file yet, and creates its folder on the first write', async () => {
    const recent = await RecentFiles.open(listPath);
    expect(recent.list()).toEqual([]);
    await recent.add(file('a.txt'));
    expect((await onDisk()).files.map((entry) => entry.path)).toEqual([file('a.txt')]);
  });

  it('lists newest first and moves a re-opened file to the top without duplicating it', async () => {
    const recent = await RecentFiles.open(listPath);
    await recent.add(file('a.txt'), new Date('2024-01-01T00:00:00Z'));
    await recent.add(file('b.txt'), new Date('2024-01-02T00:00:00Z'));
    await recent.add(file('c.md'), new Date('2024-01-03T00:00:00Z'));
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['c.md', 'b.txt', 'a.txt']);

    await recent.add(file('a.txt'), new Date('2024-01-04T00:00:00Z'));
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['a.txt', 'c.md', 'b.txt']);
    expect(recent.list()[0]!.openedAt).toBe('2024-01-04T00:00:00.000Z');
    // The same file named through a different but equal path is still one entry.
    await recent.add(path.join(dir, 'docs', '.', 'sub', '..', 'b.txt'));
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['b.txt', 'a.txt', 'c.md']);
    expect((await onDisk()).files.map((entry) => path.basename(entry.path))).toEqual(['b.txt', 'a.txt', 'c.md']);
  });

  it(`keeps at most ${MAX_RECENT_FILES}, dropping the oldest`, async () => {
    const recent = await RecentFiles.open(listPath);
    for (let i = 1; i <= 13; i++) await recent.add(file(`story-${i}.txt`));
    const names = recent.list().map((entry) => entry.fileName);
    expect(names).toHaveLength(MAX_RECENT_FILES);
    expect(names[0]).toBe('story-13.txt');
    expect(names.at(-1)).toBe('story-4.txt');
    expect(names).not.toContain('story-3.txt');
    expect((await onDisk()).files).toHaveLength(MAX_RECENT_FILES);
  });

  it('gives stable ids: 16 hex digits of the SHA-256 of the path, the same in every instance', async () => {
    const first = await RecentFiles.open(listPath);
    const entry = await first.add(file('a.txt'));
    expect(entry.id).toMatch(/^[0-9a-f]{16}$/);
    expect(entry.id).toBe(recentIdFor(file('a.txt')));
    expect(entry.id).not.toBe(recentIdFor(file('b.txt')));

    const second = await RecentFiles.open(listPath);
    expect(second.get(entry.id)).toMatchObject({ id: entry.id, filePath: file('a.txt'), fileName: 'a.txt' });
  });

  it('persists across instances, including removals', async () => {
    const first = await RecentFiles.open(listPath);
    await first.add(file('a.txt'));
    const b = await first.add(file('b.txt'));
    await first.add(file('c.txt'));
    expect(await first.remove(b.id)).toBe(true);
    expect(await first.remove(b.id)).toBe(false);

    const second = await RecentFiles.open(listPath);
    expect(second.list().map((entry) => entry.fileName)).toEqual(['c.txt', 'a.txt']);
    expect(second.get(b.id)).toBeUndefined();
  });

  it('writes every change in order even when they are not awaited one by one', async () => {
    const recent = await RecentFiles.open(listPath);
    await Promise.all([recent.add(file('a.txt')), recent.add(file('b.txt')), recent.add(file('c.txt'))]);
    await recent.flush();
    expect((await onDisk()).files.map((entry) => path.basename(entry.path))).toEqual(['c.txt', 'b.txt', 'a.txt']);
    const leftovers = (await fs.readdir(path.dirname(listPath))).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('never lets an older write land after a newer one, even when the disk is slow', async () => {
    const recent = await RecentFiles.open(listPath);
    const rename = fs.rename.bind(fs);
    let first = true;
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      // The first write's rename is slow; a later write must not overtake it.
      if (first) {
        first = false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return rename(from, to);
    });
    await Promise.all([recent.add(file('a.txt')), recent.add(file('b.txt'))]);
    await recent.flush();
    expect((await onDisk()).files.map((entry) => path.basename(entry.path))).toEqual(['b.txt', 'a.txt']);
  });

  it('tells listeners about each change', async () => {
    const recent = await RecentFiles.open(listPath);
    const seen: string[][] = [];
    const stop = recent.onChange(() => seen.push(recent.list().map((entry) => entry.fileName)));
    const a = await recent.add(file('a.txt'));
    await recent.remove(a.id);
    stop();
    await recent.add(file('b.txt'));
    expect(seen).toEqual([['a.txt'], []]);
  });

  it('starts empty from a broken file, and keeps only usable entries from a partly valid one', async () => {
    await fs.mkdir(path.dirname(listPath), { recursive: true });
    await fs.writeFile(listPath, '{ not json');
    expect((await RecentFiles.open(listPath)).list()).toEqual([]);

    await fs.writeFile(
      listPath,
      JSON.stringify({
        schemaVersion: 1,
        files: [{ path: file('ok.txt'), openedAt: '2024-05-01T00:00:00.000Z' }, { path: 'relative.txt' }, { path: 42 }, null, { path: file('ok.txt') }],
      }),
    );
    const recent = await RecentFiles.open(listPath);
    expect(recent.list()).toEqual([
      { id: recentIdFor(file('ok.txt')), filePath: file('ok.txt'), fileName: 'ok.txt', openedAt: '2024-05-01T00:00:00.000Z' },
    ]);
  });
});
