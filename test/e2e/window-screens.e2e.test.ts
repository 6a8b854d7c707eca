// The import preview and a verdict in conflict on the review desk, as Chromium draws them: the
// window over the in-memory workspace (screens/memory-window.tsx, bundled here), so the screens
// need no host. Screenshots go to test-results/screenshots/ for a person to look at.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, VIEWPORT, launchBrowser, screenshot, tempDir } from './harness';

let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = await tempDir('annotator-screens-');
  await build({
    entryPoints: [path.join(ROOT, 'test/e2e/screens/memory-window.tsx')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: dir,
    logLevel: 'silent',
  });
  await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="memory-window.css"><div id="root"></div><script src="memory-window.js"></script>');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
  await page.locator('.cm-content').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it('shows what an import will do, then the verdict it found in conflict on the desk, with a button per version', async () => {
  await page.locator('[data-testid=import-input]').setInputFiles({ name: 'homes.ann', mimeType: 'text/plain', buffer: Buffer.from('T1\tQuote 0 5\tRates\n') });
  const preview = page.getByRole('dialog', { name: 'Import annotations' });
  await expect.poll(() => preview.locator('.import-summary').textContent()).toBe('2 documents (1 new) · 2 new highlights · 1 already present · 1 conflict · 2 new speakers');
  expect(await preview.locator('[aria-label="Verdicts in conflict"] li').textContent()).toBe('budget: “crime fell by half” here: False · in the file: True, by Bo');
  await screenshot(page, 'import-preview-dialog');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.message').last().textContent()).toContain('— Ctrl+Z undoes it.');
  await screenshot(page, 'import-done');

  await page.keyboard.press('Control+Shift+R');
  await page.locator('[role=grid]').waitFor();
  await page.locator('[role=grid]').focus();
  await page.keyboard.press('j');
  const conflict = page.getByRole('region', { name: 'Verdicts in conflict' });
  await expect.poll(() => conflict.locator('.conflict-version').allTextContents()).toEqual(['False here, set by Ana', expect.stringMatching(/^True, set by Bo · from budget\.ann · /)]);
  expect(await page.locator('.desk-body [role=row] .col-status').allTextContents()).toEqual(['Unreviewed', 'False In conflict', 'Unreviewed']);
  await screenshot(page, 'desk-conflict');

  // Reached by Tab from the panel, taken with Enter.
  await conflict.getByRole('button', { name: 'Take True' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.desk-body [role=row] .col-status').allTextContents()).toEqual(['Unreviewed', 'True', 'Unreviewed']);
});
