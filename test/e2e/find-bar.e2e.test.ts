// The find bar as a reader uses it: Ctrl+F, a word, where the current match is among all of them,
// Enter to take it and go on; in the window's own type. Chromium, over the in-memory window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';
import { bundleLayoutWindow, type LayoutWindow } from './screens/layout-kit';
import { BUDGET_COUNT } from './screens/layout-story';

let window: LayoutWindow;
let page: Page;
beforeAll(async () => {
  window = await bundleLayoutWindow();
  page = await window.open({ width: 1280, height: 720 });
});
afterAll(() => window?.close());

const bar = () => page.getByRole('search', { name: 'Find in the text' });
const count = () => bar().getByRole('status').textContent();
/** The match the selection is on, as CodeMirror draws it. */
const selected = () => page.locator('.cm-searchMatch-selected').allTextContents();

it('counts the matches as a word is typed, and says which one Enter takes', async () => {
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+f');
  const field = bar().getByRole('textbox', { name: 'Find' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find');
  await page.keyboard.type('budget');
  await expect.poll(count).toBe(`1 of ${BUDGET_COUNT}`);
  // Marked as current before it is taken.
  expect(await page.locator('.cm-find-current').textContent()).toBe('budget');
  await page.keyboard.press('Enter');
  await expect.poll(selected).toEqual(['budget']);
  expect(await page.locator('.cm-find-current').count()).toBe(0);
  expect(await count()).toBe(`1 of ${BUDGET_COUNT}`);
  await page.keyboard.press('Enter');
  await expect.poll(count).toBe(`2 of ${BUDGET_COUNT}`);
  await bar().getByRole('button', { name: 'Next' }).click();
  await expect.poll(count).toBe(`3 of ${BUDGET_COUNT}`);
  await bar().getByRole('button', { name: 'Previous' }).click();
  await expect.poll(count).toBe(`2 of ${BUDGET_COUNT}`);
  await screenshot(page, 'find-bar');

  // Its type is the window's, not CodeMirror's small default.
  const sizes = await field.evaluate((el) => ({ field: parseFloat(getComputedStyle(el).fontSize), label: parseFloat(getComputedStyle(el.parentElement!.querySelector('label')!).fontSize) }));
  expect(sizes.field).toBeGreaterThanOrEqual(14);
  expect(sizes.label).toBeGreaterThanOrEqual(13);

  await bar().getByRole('checkbox', { name: 'Match case' }).check();
  await field.fill('Budget');
  await expect.poll(count).toBe('No matches');
  await bar().getByRole('checkbox', { name: 'Match case' }).uncheck();
  await expect.poll(count).toMatch(new RegExp(`^\\d+ of ${BUDGET_COUNT}$`));
  await bar().getByRole('checkbox', { name: 'Regular expression' }).check();
  await field.fill('(budget');
  await expect.poll(count).toBe('Not a valid pattern');

  await page.keyboard.press('Escape');
  await expect.poll(() => bar().count()).toBe(0);

  // Opened again on the selected match: its word is the query, counted again, the selected one current.
  await page.keyboard.press('Control+f');
  await expect.poll(() => field.inputValue()).toBe('budget');
  await expect.poll(count).toBe(`2 of ${BUDGET_COUNT}`);

  // In the dark scheme too, the bar is the window's panel colour, not CodeMirror's light grey.
  await page.emulateMedia({ colorScheme: 'dark' });
  const colours = await page.evaluate(() => ({ bar: getComputedStyle(document.querySelector('.cm-panels')!).backgroundColor, panel: getComputedStyle(document.querySelector('.sidebar')!).backgroundColor }));
  expect(colours.bar).toBe(colours.panel);
  await screenshot(page, 'find-bar-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
