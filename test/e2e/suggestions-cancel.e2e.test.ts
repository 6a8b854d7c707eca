// A fact-checker who starts Suggest on a long transcript and then opens another story: the host
// stops the run (its worker ends) instead of spending seconds on an answer no one will see.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE, VIEWPORT, launchBrowser, startHost, tempDir, type RunningHost } from './harness';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dir = await tempDir();
  const transcript = path.join(dir, 'hearing-transcript.txt');
  // About 4 MB of turns with quotes and reporting verbs: seconds of the suggester's work.
  const turn = (i: number) => `SEN. WARD: Witness ${i} told the committee that “the spending rose by ${i % 90} percent,” and she said so twice.\n`;
  await fs.writeFile(transcript, Array.from({ length: 36_000 }, (_, i) => turn(i)).join(''));
  host = await startHost(['--store', path.join(dir, 'store'), transcript, SAMPLE]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const documentButton = (title: string) => page.locator('[aria-label="Documents in this workspace"]').getByRole('button', { name: title }).first();

it('calls off a running Suggest when another document opens, and says nothing went wrong', async () => {
  await page.locator('.cm-content').waitFor();
  await documentButton('hearing-transcript').click();
  await page.locator('.cm-content', { hasText: 'Witness 0 told the committee' }).waitFor();
  await page.locator('.suggestions-toggle input').check();
  const asked = page.waitForRequest((r) => r.url().includes('/api/suggestAnnotations') && JSON.parse(r.postData() ?? '{}').fresh === true);
  const answered = page.waitForResponse((r) => r.url().includes('/api/suggestAnnotations'));
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Alt+S');
  const runId = JSON.parse((await asked).postData()!).runId as string;
  expect(runId).toMatch(/^run-/);
  await expect.poll(() => page.locator('.suggestions-status').textContent()).toContain('Reading the story');

  const cancel = page.waitForRequest((r) => r.url().includes('/api/cancelSuggestions'));
  await documentButton('un-security-council').click();
  expect(JSON.parse((await cancel).postData()!)).toEqual({ runId });
  await page.locator('.cm-content', { hasText: 'Security Council' }).waitFor();
  // The host's answer to the long run: stopped, not worked out to the end.
  expect(await (await answered).json()).toMatchObject({ ok: false, error: { code: 'cancelled' } });

  expect(await page.locator('.status-line').textContent()).not.toMatch(/stopped|failed|error/i);
  expect(await page.locator('[role="alert"]').count()).toBe(0);
  // The new story suggests as usual.
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Alt+S');
  await expect.poll(() => page.locator('.suggestion-row').count()).toBeGreaterThan(5);
});
