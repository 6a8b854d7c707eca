// A full disk loses nothing: the window says so, keeps the highlight, and saves it once space is
// freed. Runs on a real 2 MB tmpfs, so only as root where `mount -t tmpfs` works.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, VIEWPORT, annotationsOnDisk, dragSelect, launchBrowser, startHost, type RunningHost } from './harness';

const mountDir = mkdtempSync(path.join(os.tmpdir(), 'annotator-tmpfs-'));
let skipReason = '';
if (process.getuid?.() !== 0) {
  skipReason = 'needs root to mount a tmpfs';
} else {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountDir], { stdio: 'pipe' });
  } catch (error) {
    skipReason = `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}
if (skipReason) console.warn(`disk-full e2e skipped: ${skipReason}`);

let browser: Browser | undefined;
let host: RunningHost | undefined;

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  // Always unmount, even after a failure: a lazy unmount if something still holds a file open.
  if (!skipReason) {
    try {
      execFileSync('umount', [mountDir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', mountDir], { stdio: 'pipe' });
    }
  }
  rmdirSync(mountDir);
});

/** Writes `file` until the file system has no space left. */
async function fillDisk(file: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
  // Whatever a 64 KB write could not fit, byte by byte in bigger steps down.
  for (const size of [4096, 512, 1]) {
    try {
      for (;;) await fs.appendFile(file, Buffer.alloc(size, 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
}

const QUOTE = 'This is completely false';
const statusOf = (page: Page) => page.locator('.save-status').textContent();

describe.skipIf(skipReason !== '')('a full disk', () => {
  it('is said plainly, keeps the highlight in the window, and saves it once space is freed', async () => {
    const store = path.join(mountDir, 'workspace');
    host = await startHost(['--store', store, SAMPLE]);
    browser = await launchBrowser();
    let page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(host.url);
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => statusOf(page)).toBe('All changes saved');

    const filler = path.join(mountDir, 'filler');
    await fillDisk(filler);
    await dragSelect(page, QUOTE);
    await page.keyboard.press('q');
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toMatch(/^The disk is full: your changes are kept in this window/);
    expect((await annotationsOnDisk(store)).map((a) => a.text)).toEqual([]);
    // Still shown while it waits.
    await expect(page.locator('.annotation-row', { hasText: QUOTE }).count()).resolves.toBe(1);

    await fs.rm(filler);
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe('All changes saved');
    expect((await annotationsOnDisk(store)).map((a) => a.text)).toEqual([QUOTE]);

    // A restart reads it back from disk.
    await page.close();
    await host.stop();
    host = await startHost(['--store', store]);
    page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(host.url);
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => page.locator('.annotation-row', { hasText: QUOTE }).count(), { timeout: 15_000 }).toBe(1);
  });
});
