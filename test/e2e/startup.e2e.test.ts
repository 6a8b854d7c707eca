// Starting the app: `npm start -- --browser` serves it in the browser, `npm run serve` takes its
// options, and a restart shows everything as it was left.
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, SAMPLE, VIEWPORT, dragSelect, eventually, annotationsOnDisk, launchBrowser, startHost, tempDir } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('npm start', () => {
  // --browser: in the repo itself a start without it would download Electron (see first-launch.e2e.test.ts).
  it('serves the app in the browser with --browser and prints its address', async () => {
    const store = await tempDir();
    const host = await startHost(['--browser', '--store', store, SAMPLE], 'dist/electron/start.js');
    try {
      expect(host.output()).not.toContain('Electron');
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      const page = await browser.newPage();
      await page.goto(host.url);
      await expect.poll(() => page.locator('.doc-title').textContent()).toBe('un-security-council');
      await page.close();
    } finally {
      await host.stop();
    }
  });
});

describe('npm run serve', () => {
  it('prints its usage with --help', () => {
    const run = spawnSync(process.execPath, ['dist/electron/serve.js', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--store DIR');
    expect(run.stdout).toContain('--port N');
  });

  it('refuses a bad port with a clear message', () => {
    const run = spawnSync(process.execPath, ['dist/electron/serve.js', '--port', 'eighty'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
  });

  it('listens on the port it is given, on 127.0.0.1', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const host = await startHost(['--store', await tempDir(), '--port', String(port)]);
    try {
      expect(host.url).toContain(`http://127.0.0.1:${port}/`);
    } finally {
      await host.stop();
    }
  });

  it('reports files it cannot open and keeps serving', async () => {
    const store = await tempDir();
    const empty = path.join(store, '..', `empty-${Date.now()}.txt`);
    await fs.writeFile(empty, '');
    const host = await startHost(['--store', store, empty, SAMPLE]);
    try {
      expect(host.output()).toMatch(/Not opened: .*is empty/);
      const page = await browser.newPage();
      await page.goto(host.url);
      await expect.poll(() => page.locator('.doc-title').textContent()).toBe('un-security-council');
      await page.close();
    } finally {
      await host.stop();
      await fs.rm(empty, { force: true });
    }
  });

  it('refuses the page without its token, with a message saying what to open', async () => {
    const host = await startHost(['--store', await tempDir()]);
    try {
      const page = await browser.newPage();
      await page.goto(host.url.replace(/\?token=.*/, ''));
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('needs its access token');
      await page.close();
    } finally {
      await host.stop();
    }
  });
});

describe('opening the app again', () => {
  it('shows the same documents and annotations, with the last document open', async () => {
    const store = await tempDir();
    const other = path.join(await tempDir(), 'second.txt');
    await fs.writeFile(other, 'A second story about the budget.\n');
    let host = await startHost(['--store', store, other, SAMPLE]);
    let page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(host.url);
    await page.locator('.cm-content').waitFor();
    await dragSelect(page, 'Robert Wood');
    await page.keyboard.press('s');
    await eventually(async () => expect(await annotationsOnDisk(store)).toHaveLength(1));
    await page.close();
    await host.stop();

    host = await startHost(['--store', store]);
    try {
      page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(host.url);
      await expect.poll(() => page.locator('.doc-title').textContent()).toBe('un-security-council');
      await expect.poll(() => page.locator('.document-item').allTextContents()).toEqual(['second0', 'un-security-council1']);
      await expect.poll(() => page.locator('.cm-hl[data-label="speaker"]').textContent()).toBe('Robert Wood');
      await page.close();
    } finally {
      await host.stop();
    }
  });
});

describe('who is annotating', () => {
  it('asks once for a name, records it on new highlights, and lets it be changed', async () => {
    const store = await tempDir();
    const host = await startHost(['--store', store, SAMPLE]);
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(host.url);
      const ask = page.getByRole('form', { name: 'Your name' });
      await expect.poll(() => ask.textContent()).toContain('Who is annotating?');
      // Asking does not block the work: a highlight can be made before answering.
      await dragSelect(page, 'Robert Wood');
      await page.keyboard.press('s');
      await ask.getByLabel(/Who is annotating/).fill('Ana Reyes');
      await ask.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('.annotator-name').textContent()).toBe('Annotator: Ana Reyes');
      await dragSelect(page, 'Vassily Nebenzia');
      await page.keyboard.press('s');
      await expect.poll(() => page.locator('.provenance').textContent()).toMatch(/^Added by Ana Reyes/);
      await eventually(async () => {
        const byText = Object.fromEntries((await annotationsOnDisk(store)).map((a) => [a.text, a.author]));
        expect(byText).toEqual({ 'Robert Wood': '', 'Vassily Nebenzia': 'Ana Reyes' });
      });
      // Asked once: not again after a reload.
      await page.reload();
      await page.locator('.cm-content').waitFor();
      await expect.poll(() => page.locator('.annotator-name').textContent()).toBe('Annotator: Ana Reyes');
      expect(await page.getByRole('form', { name: 'Your name' }).count()).toBe(0);
      // Changed from the header.
      await page.locator('.annotator-name').click();
      await page.getByRole('textbox', { name: 'Your name' }).fill('Ana R. Reyes');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('.annotator-name').textContent()).toBe('Annotator: Ana R. Reyes');
      // The window's person, never the workspace's.
      expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('newsroom-annotator:person')!).name)).toBe('Ana R. Reyes');
      expect(JSON.parse(await fs.readFile(path.join(store, 'workspace.json'), 'utf8')).settings.annotatorName).toBeNull();
      await page.close();
    } finally {
      await host.stop();
    }
  });
});

