// The side panels at the sizes laptops have: the selected highlight's own text, and the review
// desk's focused claim, are shown whole (or in a box of at least three lines that scrolls) and on
// screen, whatever else the panel holds. Measured in Chromium; screenshots for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';
import { bundleLayoutWindow, measureTextBox, SIZES, type LayoutWindow } from './screens/layout-kit';
import { CLAIM, LONG_QUOTE, RENTS } from './screens/layout-story';

let window: LayoutWindow;
beforeAll(async () => {
  window = await bundleLayoutWindow();
});
afterAll(() => window?.close());

/** Shown whole, or at least three lines of it with the rest a scroll away; and on screen. */
function expectReadable(box: Awaited<ReturnType<typeof measureTextBox>>): void {
  expect(box.height).toBeGreaterThanOrEqual(Math.min(box.scrollHeight, 3 * box.lineHeight) - 1);
  if (box.scrollHeight > box.height + 1) expect(box.scrolls).toBe(true);
  expect(box.onScreen).toBe(true);
}

const panelText = (page: Page) => page.getByRole('region', { name: 'Selected highlight' }).locator('.annotation-text');

async function pick(page: Page, text: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Highlights in text order' }).getByRole('option').filter({ hasText: text.slice(0, 40) }).click();
  await expect.poll(() => panelText(page).textContent()).toBe(text);
}

describe.each(SIZES)('at $width×$height', (size) => {
  let page: Page;
  beforeAll(async () => {
    page = await window.open(size);
  });
  afterAll(() => page?.close());
  const name = `${size.width}x${size.height}`;

  it('shows a claim’s text whole beside its sources, tags and note', async () => {
    await pick(page, CLAIM);
    const box = await measureTextBox(panelText(page));
    expect(box.height).toBeGreaterThanOrEqual(box.scrollHeight - 1);
    expectReadable(box);
    // The fields below it are there to scroll to, not squeezed away.
    const sources = await measureTextBox(page.getByRole('region', { name: 'Selected highlight' }).locator('.sources'));
    expect(sources.height).toBeGreaterThanOrEqual(sources.scrollHeight - 1);
    await panelText(page).evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    await screenshot(page, `layout-claim-${name}`);
    // The highlight list keeps its place below the panel, a few rows high, with no scrolling.
    await page.locator('.sidebar-right').evaluate((el) => (el.scrollTop = 0));
    const list = page.getByRole('listbox', { name: 'Highlights in text order' });
    expect((await measureTextBox(list, { scroll: false })).onScreen).toBe(true);
    expect(await list.evaluate((el) => el.clientHeight)).toBeGreaterThanOrEqual(100);
  });

  it('shows a long quote in a box of at least three lines that scrolls the rest', async () => {
    await pick(page, LONG_QUOTE);
    const box = await measureTextBox(panelText(page));
    expectReadable(box);
    expect(box.height).toBeGreaterThanOrEqual(3 * box.lineHeight - 1);
    await screenshot(page, `layout-quote-${name}`);
  });

  // A guard more than a fix: the speaker panel shares the side panel's column and its rules.
  it('shows a speaker’s panel with its name and what they said, a scroll away', async () => {
    const name = 'Councillor Thomas Alexander Reed-Montgomery';
    await page.getByRole('list', { name: 'Speakers in this workspace' }).getByRole('button', { name }).click();
    const panel = page.getByRole('region', { name: `Speaker ${name}` });
    await expect.poll(() => panel.locator('.appearance').count()).toBe(2);
    const heading = await measureTextBox(panel.getByRole('heading', { name }), { scroll: false });
    expect(heading.height).toBeGreaterThanOrEqual(heading.scrollHeight - 1);
    expect(heading.onScreen).toBe(true);
    for (const appearance of await panel.locator('.appearance').all()) expect((await measureTextBox(appearance)).onScreen).toBe(true);
    await screenshot(page, `layout-speaker-${size.width}x${size.height}`);
    await panel.getByRole('button', { name: 'Close the speaker' }).click();
  });

  it('shows the desk’s focused claim whole above 30 lines of its history', async () => {
    await page.keyboard.press('Control+Shift+R');
    const grid = page.getByRole('grid', { name: 'Claims to review' });
    await grid.locator('[role=row]', { hasText: RENTS }).click();
    const side = page.getByRole('complementary', { name: 'The focused claim' });
    await expect.poll(() => side.getByRole('region', { name: 'History of this claim' }).locator('li').count()).toBe(30);
    const text = side.locator('.annotation-text');
    expect(await text.textContent()).toBe(RENTS);
    const box = await measureTextBox(text);
    expect(box.height).toBeGreaterThanOrEqual(box.scrollHeight - 1);
    expectReadable(box);
    await screenshot(page, `layout-desk-history-${name}`);
    // The last history line is a scroll away, not cut off.
    const last = await measureTextBox(side.locator('.history-list li').last());
    expect(last.onScreen).toBe(true);
    // Scrolled down that history, the next claim still starts with its own text in sight.
    await page.keyboard.press('k');
    await expect.poll(() => text.textContent()).toBe(CLAIM);
    expect((await measureTextBox(text, { scroll: false })).onScreen).toBe(true);
    await page.keyboard.press('Control+Shift+R');
  });
});
