// What a 1024-pixel-wide window squeezed: the report preview's columns, filter and encoding
// selects cut mid-word, the header. Measured in Chromium over the in-memory window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './harness';
import { bundleLayoutWindow, type LayoutWindow } from './screens/layout-kit';
import { CLAIM } from './screens/layout-story';

let window: LayoutWindow;
let page: Page;
beforeAll(async () => {
  window = await bundleLayoutWindow();
  page = await window.open({ width: 1024, height: 700 });
});
afterAll(() => window?.close());

/** A select is as wide as its widest option needs: measured against a copy free to take its own width. */
async function expectWideEnough(select: Locator): Promise<void> {
  const { shown, needed, text } = await select.evaluate((el: HTMLSelectElement) => {
    const copy = el.cloneNode(true) as HTMLSelectElement;
    copy.style.cssText = 'position: absolute; visibility: hidden; width: auto; max-width: none; min-width: 0; flex: none;';
    el.parentElement!.append(copy);
    const needed = copy.getBoundingClientRect().width;
    copy.remove();
    return { shown: el.getBoundingClientRect().width, needed, text: el.selectedOptions[0]?.textContent ?? '' };
  });
  expect(shown, `the select showing “${text}”`).toBeGreaterThanOrEqual(needed - 0.5);
}

/** The header is one row: no part wrapped onto two lines or off the edge, the title still readable. */
async function expectHeaderOnOneRow(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  const parts = await page.locator('header.topbar').evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    children: [...el.children].map((c) => ({ text: c.textContent, right: c.getBoundingClientRect().right, height: c.getBoundingClientRect().height })),
  }));
  for (const part of parts.children) {
    expect(part.right, part.text ?? '').toBeLessThanOrEqual(width);
    expect(part.height, part.text ?? '').toBeLessThan(40);
  }
  expect(parts.height).toBeLessThan(52);
  // The document's title is still readable, not squeezed to a letter.
  expect(await page.locator('.doc-title').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(100);
}

/** The window's person's name is shown whole: nothing of it cut off or ellipsized. */
async function expectPersonNameWhole(page: Page, name: string): Promise<void> {
  const shown = await page.locator('header.topbar .annotator-name').evaluate((el) => ({ name: el.querySelector('strong')!.textContent, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(shown.name).toBe(name);
  expect(shown.scrollWidth, `“${name}” needs ${shown.scrollWidth}px, has ${shown.clientWidth}px`).toBeLessThanOrEqual(shown.clientWidth);
}

/** Every column of the claims table on screen, none cut off at the table's edge. */
async function expectDeskColumnsInside(page: Page): Promise<void> {
  const edges = await page.getByRole('grid', { name: 'Claims to review' }).evaluate((grid) => ({
    right: grid.getBoundingClientRect().right,
    heads: [...grid.querySelectorAll('[role=columnheader]')].map((h) => ({ text: h.textContent, right: h.getBoundingClientRect().right })),
  }));
  expect(edges.heads.map((h) => h.text)).toContain('Last change');
  for (const head of edges.heads) expect(head.right, head.text ?? '').toBeLessThanOrEqual(edges.right);
}

/** Every desk button inside the desk, none cut off at its edge. */
async function expectDeskButtonsInside(page: Page): Promise<void> {
  const edges = await page.locator('.desk-main').evaluate((main) => ({ right: main.getBoundingClientRect().right, buttons: [...main.querySelectorAll('.desk-toolbar button')].map((b) => ({ text: b.textContent, right: b.getBoundingClientRect().right })) }));
  expect(edges.buttons.length).toBeGreaterThan(3);
  for (const button of edges.buttons) expect(button.right, button.text ?? '').toBeLessThanOrEqual(edges.right);
}

describe('at 1024×700', () => {
  it('keeps the header on one line, the person’s short name whole', async () => {
    await expectHeaderOnOneRow(page);
    await expectPersonNameWhole(page, 'Ana Reyes');
    await screenshot(page, 'narrow-header-1024');
  });

  it('lets a long name give way, whole in its tooltip, and the header stays on one line', async () => {
    const long = await window.open({ width: 1024, height: 700 });
    const name = 'Ana Reyes de la Fuente Montenegro-Salazar';
    await long.locator('header.topbar .annotator-name').click();
    await long.locator('#annotator-name-input').fill(name);
    await long.getByRole('button', { name: 'Save' }).click();
    const button = long.locator('header.topbar .annotator-name');
    await expect.poll(() => button.locator('strong').textContent()).toBe(name);
    await expectHeaderOnOneRow(long);
    expect(await button.getAttribute('title')).toContain(name);
    await long.close();
  });

  it('gives the side panel’s filters and the encoding room for their choices', async () => {
    for (const name of ['Show label', 'Show speaker']) await expectWideEnough(page.getByRole('combobox', { name, exact: true }));
    await expectWideEnough(page.getByLabel('Encoding'));
  });

  it('gives the desk’s filters room for their choices', async () => {
    await page.keyboard.press('Control+Shift+R');
    await page.getByRole('grid', { name: 'Claims to review' }).waitFor();
    for (const name of ['Filter by status', 'Filter by claimant', 'Filter by document', 'Filter by annotator', 'Filter by tag', 'Set status']) await expectWideEnough(page.getByRole('combobox', { name }));
    await expectDeskButtonsInside(page);
    await expectDeskColumnsInside(page);
    await screenshot(page, 'narrow-desk-1024');
  });

  it('lays the report preview out with a readable Claim column and Sources inside the dialog', async () => {
    await page.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report' });
    await dialog.getByRole('combobox').first().selectOption({ label: 'council-budget' });
    const table = dialog.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const claim = table.getByRole('cell', { name: CLAIM });
    const widths = await dialog.evaluate((el) => {
      const sheet = el.getBoundingClientRect();
      const head = [...el.querySelectorAll('thead th')];
      const scroller = el.querySelector('table')!.parentElement!;
      return {
        sheetRight: sheet.right,
        claim: head[0]!.getBoundingClientRect().width,
        sourcesRight: head[head.length - 1]!.getBoundingClientRect().right,
        sourcesHead: head[head.length - 1]!.textContent,
        overflows: scroller.scrollWidth > scroller.clientWidth + 1,
      };
    });
    expect(widths.sourcesHead).toBe('Sources');
    expect(widths.claim).toBeGreaterThanOrEqual(180);
    expect(widths.sourcesRight).toBeLessThanOrEqual(widths.sheetRight);
    expect(widths.overflows).toBe(false);
    // The claim reads as lines of words, not a word a line.
    const lines = await claim.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBeLessThanOrEqual(4);
    await screenshot(page, 'narrow-report-1024');
    await page.keyboard.press('Escape');
  });
});

it('keeps the header and the desk’s buttons in one piece at 1280×720 too', async () => {
  const wide = await window.open({ width: 1280, height: 720 });
  await expectHeaderOnOneRow(wide);
  await expectPersonNameWhole(wide, 'Ana Reyes');
  await wide.keyboard.press('Control+Shift+R');
  await wide.getByRole('grid', { name: 'Claims to review' }).waitFor();
  await expectDeskButtonsInside(wide);
  await expectDeskColumnsInside(wide);
  await screenshot(wide, 'narrow-desk-1280');
  await wide.close();
});
