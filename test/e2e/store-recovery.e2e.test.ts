// A damaged store file: the workspace opens read-only on the last good backup, says so, saves
// nothing, and puts the backup back when asked. A second host on the same workspace is refused.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationsOnDisk, dragSelect, eventually, launchBrowser, ROOT, SAMPLE, screenshot, startHost, tempDir, VIEWPORT, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

async function start(args: string[] = []): Promise<void> {
  host = await startHost(['--store', store, ...args]);
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(host.url);
  await page.locator('.cm-content').waitFor();
}

beforeAll(async () => {
  store = await tempDir();
  browser = await launchBrowser();
  await start([SAMPLE]);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('one writer per workspace', () => {
  it('refuses a second browser host on a workspace in use, saying who has it', async () => {
    await expect(startHost(['--store', store])).rejects.toThrow(/open in another Newsroom Annotator \(the browser version/);
  });
});

describe('a damaged workspace.json', () => {
  it('opens read-only on the last good backup, saves nothing, and restores the backup when asked', async () => {
    await dragSelect(page, 'Robert Wood');
    await page.keyboard.press('s');
    await eventually(async () => expect((await annotationsOnDisk(store)).map((a) => a.text)).toContain('Robert Wood'));
    await page.close();
    await host.stop();
    // A backup is the good file as found at open, copied before the first save over it.
    await start();
    await dragSelect(page, 'Vassily Nebenzia');
    await page.keyboard.press('s');
    await eventually(async () => expect((await annotationsOnDisk(store)).map((a) => a.text)).toContain('Vassily Nebenzia'));
    await page.close();
    await host.stop();
    expect((await fs.readdir(path.join(store, 'backups'))).some((name) => name.startsWith('workspace.'))).toBe(true);

    const damaged = (await fs.readFile(path.join(store, 'workspace.json'), 'utf8')).slice(0, 200);
    await fs.writeFile(path.join(store, 'workspace.json'), damaged);
    await start();
    const banner = page.locator('.store-problem');
    await expect.poll(() => banner.innerText()).toContain('workspace.json');
    await screenshot(page, 'store-read-only');

    // An edit is refused in words, and the damaged file is left exactly as it was.
    await dragSelect(page, 'Joonkook Hwang');
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('.messages').innerText()).toMatch(/damaged|read-only/i);
    expect(await fs.readFile(path.join(store, 'workspace.json'), 'utf8')).toBe(damaged);

    await banner.getByRole('button', { name: /Restore the backup/ }).click();
    await expect.poll(() => page.locator('.messages').innerText()).toMatch(/Restored workspace\.json from its last good backup\. The damaged file is kept as workspace\.json\.damaged-/);
    await expect.poll(() => page.locator('.store-problem').count()).toBe(0);
    const kept = (await fs.readdir(store)).find((name) => name.startsWith('workspace.json.damaged-'))!;
    expect(await fs.readFile(path.join(store, kept), 'utf8')).toBe(damaged);
    JSON.parse(await fs.readFile(path.join(store, 'workspace.json'), 'utf8'));
    // Every highlight still on its own words: the command line's check agrees.
    const validate = spawnSync(process.execPath, ['bin/annotator.mjs', 'validate', '--store', store], { cwd: ROOT, encoding: 'utf8' });
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);

    // Writable again.
    await dragSelect(page, 'Joonkook Hwang');
    await page.keyboard.press('s');
    await eventually(async () => expect((await annotationsOnDisk(store)).map((a) => a.text)).toContain('Joonkook Hwang'));
  });
});
