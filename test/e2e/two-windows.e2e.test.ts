// Two windows on one workspace (issue 15): each chooses its own person; when the second renames
// itself, the first's bulk verdicts are still recorded under the first person's name, on disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SAMPLE, SCREENSHOTS, VIEWPORT, annotationsOnDisk, dragSelect, eventually, launchBrowser, screenshot, startHost, tempDir, type RunningHost } from './harness';

const SHIPPED = 'Pyongyang has shipped at least 10,000 containers to Russia';
const SHELLS = '122-millimeter artillery shells made in North Korea';

let browser: Browser;
let context: BrowserContext;
let host: RunningHost;
let store: string;

beforeAll(async () => {
  browser = await launchBrowser();
  store = await tempDir('annotator-people-');
  host = await startHost(['--store', store, SAMPLE]);
  // One browser, one context: the two pages share localStorage (people known here), not sessionStorage.
  context = await browser.newContext({ viewport: VIEWPORT });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.stop();
});

const prompt = (page: Page) => page.getByRole('form', { name: 'Your name' });
const windowPerson = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('newsroom-annotator:person') ?? 'null'));
const saved = (page: Page) => expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');

async function openWindow(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(host.url);
  await page.locator('.cm-content').waitFor();
  return page;
}

async function tagClaim(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Escape');
  await dragSelect(page, text);
  await page.keyboard.press('c');
  await expect.poll(() => page.getByRole('region', { name: 'Selected highlight' }).getByLabel('Status').inputValue()).toBe('unreviewed');
}

describe('two windows on one workspace', () => {
  it('records each window’s own person; a rename in the second does not touch the first’s verdicts', async () => {
    const first = await openWindow();
    await expect.poll(() => prompt(first).textContent()).toContain('Who is annotating?');
    await screenshot(first, 'person-first-use');
    await prompt(first).getByLabel(/Who is annotating/).fill('Ana Ortiz');
    await prompt(first).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => first.locator('.annotator-name').textContent()).toBe('Annotator: Ana Ortiz');
    const ana = await windowPerson(first);
    expect(ana).toMatchObject({ id: expect.stringMatching(/^p-/), name: 'Ana Ortiz' });

    // The second window is asked too, and offered the person who worked here: it is someone else.
    const second = await openWindow();
    await expect.poll(() => prompt(second).getByRole('button', { name: 'Continue as Ana Ortiz' }).isVisible()).toBe(true);
    await screenshot(second, 'person-second-window');
    await prompt(second).getByLabel(/Who is annotating/).fill('Ben Okafor');
    await prompt(second).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => second.locator('.annotator-name').textContent()).toBe('Annotator: Ben Okafor');
    const ben = await windowPerson(second);
    expect(ben.id).not.toBe(ana.id);
    // The first window is still Ana's.
    expect(await windowPerson(first)).toEqual(ana);

    // Ana tags two claims in the first window.
    await first.bringToFront();
    await tagClaim(first, SHIPPED);
    await tagClaim(first, SHELLS);
    await saved(first);

    // The second window renames its person (the same id, a new name).
    await second.bringToFront();
    await second.locator('.annotator-name').click();
    await second.getByRole('textbox', { name: 'Your name' }).fill('Benjamin Okafor');
    await second.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => second.locator('.annotator-name').textContent()).toBe('Annotator: Benjamin Okafor');
    expect(await windowPerson(second)).toEqual({ id: ben.id, name: 'Benjamin Okafor' });

    // Bulk verdicts on the first window's desk.
    await first.bringToFront();
    await first.keyboard.press('Control+Shift+R');
    await expect.poll(() => first.locator('.doc-title').textContent()).toBe('Review desk');
    const grid = first.getByRole('grid', { name: 'Claims to review' });
    await expect.poll(() => grid.locator('.desk-body [role=row]').count()).toBe(2);
    await grid.focus();
    await first.keyboard.press('Home');
    await first.keyboard.press(' ');
    await first.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => grid.locator('[role=row][aria-selected=true]').count()).toBe(2);
    await first.keyboard.press('4');
    await expect.poll(() => grid.locator('.desk-body [role=row] .col-status').allTextContents()).toEqual(['Mostly false', 'Mostly false']);
    await saved(first);
    await expect.poll(() => first.locator('.desk-side').textContent()).toContain('Verdict by Ana Ortiz (reviewer)');
    await screenshot(first, 'person-desk-verdict');

    // A highlight the second window makes is Benjamin's.
    await second.bringToFront();
    await second.locator('.cm-content').focus();
    await second.keyboard.press('Escape');
    await dragSelect(second, 'Joonkook Hwang');
    await second.keyboard.press('q');
    await saved(second);

    await eventually(async () => {
      const byText = Object.fromEntries((await annotationsOnDisk(store)).map((a) => [a.text, a]));
      for (const text of [SHIPPED, SHELLS]) {
        expect(byText[text]).toMatchObject({ author: 'Ana Ortiz', authorId: ana.id, claim: { status: 'mostly-false', reviewer: 'Ana Ortiz', statusBy: 'Ana Ortiz' } });
      }
      expect(byText['Joonkook Hwang']).toMatchObject({ author: 'Benjamin Okafor', authorId: ben.id });
    });
    const historyDir = path.join(store, 'history');
    const lines = (await Promise.all((await fs.readdir(historyDir)).map((f) => fs.readFile(path.join(historyDir, f), 'utf8'))))
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.filter((l) => l.field === 'status').map((l) => [l.to, l.by, l.byId, l.desk])).toEqual([
      ['mostly-false', 'Ana Ortiz', ana.id, true],
      ['mostly-false', 'Ana Ortiz', ana.id, true],
    ]);
    // Nobody's name is the workspace's any more.
    expect(JSON.parse(await fs.readFile(path.join(store, 'workspace.json'), 'utf8')).settings.annotatorName).toBeNull();

    await first.setViewportSize({ width: 1280, height: 860 });
    await first.locator('.topbar').screenshot({ path: path.join(SCREENSHOTS, 'person-header.png') });
  });
});
