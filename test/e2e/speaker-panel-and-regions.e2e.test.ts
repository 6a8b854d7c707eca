// Issue 14, points 2 and 3: the speaker panel gives way (Esc, a highlight selected in the list or
// the text, a new highlight, A), and F6 / Shift+F6 move the keyboard region by region, F2 to the
// selected highlight's first field; the text shows a focus ring.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickText, dragSelect, pickSpeaker, screenshot, withAppWithSample } from './harness';

let page: Page;
withAppWithSample((app) => ({ page } = app));

const key = (k: string) => page.keyboard.press(k);
const speakerPanel = () => page.getByRole('region', { name: 'Speaker Robert Wood' });
const highlightPanel = () => page.getByRole('region', { name: 'Selected highlight' });
const openSpeaker = async () => {
  await page.getByRole('list', { name: 'Speakers in this workspace' }).getByRole('button', { name: 'Robert Wood' }).click();
  await expect.poll(() => speakerPanel().isVisible()).toBe(true);
};
const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
/** Which region holds the keyboard, by the landmark or list around the focused element. */
const focusedRegion = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return 'none';
    if (active.closest('.cm-content')) return 'text';
    if (active.closest('.annotation-panel, .speaker-panel')) return 'side panel';
    if (active.closest('.annotation-list')) return 'highlight list';
    if (active.closest('[aria-label="Documents in this workspace"]')) return 'documents';
    if (active.closest('[aria-label="Speakers in this workspace"]')) return 'speakers';
    return active.tagName;
  });

it('sets up a quote by Robert Wood', async () => {
  await dragSelect(page, 'paving the way');
  await key('q');
  await pickSpeaker(page, 'Said by', 'Create speaker', 'Robert Wood');
  await expect.poll(() => page.locator('.cm-hl[data-label="quote"]').first().getAttribute('aria-label')).toBe('Quote by Robert Wood');
});

it('closes the speaker panel with Esc, from the panel and from the text', async () => {
  await openSpeaker();
  await page.getByLabel('Title or role').focus();
  await key('Escape');
  await expect.poll(() => speakerPanel().count()).toBe(0);
  await expect.poll(() => highlightPanel().isVisible()).toBe(true);
  await openSpeaker();
  await page.locator('.cm-content').focus();
  await key('Escape');
  await expect.poll(() => speakerPanel().count()).toBe(0);
  // The highlight stays selected: the Esc went to the panel.
  await expect.poll(() => highlightPanel().isVisible()).toBe(true);
});

it('gives way to the highlight picked in the list, clicked in the text, or just made', async () => {
  await openSpeaker();
  await page.locator('.annotation-row').first().click();
  await expect.poll(() => highlightPanel().isVisible()).toBe(true);
  expect(await speakerPanel().count()).toBe(0);

  await openSpeaker();
  await clickText(page, 'paving the way');
  await expect.poll(() => highlightPanel().isVisible()).toBe(true);

  await openSpeaker();
  await dragSelect(page, 'deeply concerned');
  await key('c');
  await expect.poll(() => highlightPanel().getByLabel('Label', { exact: true }).inputValue()).toBe('claim');
  expect(await speakerPanel().count()).toBe(0);
});

it('A with the speaker panel open goes to the selected highlight’s speaker field', async () => {
  await openSpeaker();
  await page.locator('.cm-content').focus();
  await key('a');
  await expect.poll(activeId).toBe('annotation-speaker');
  expect(await speakerPanel().count()).toBe(0);
  await screenshot(page, 'speaker-panel-gave-way');
});

it('moves region by region with F6 and Shift+F6, and to the first field with F2', async () => {
  await page.locator('.cm-content').focus();
  const order: string[] = [];
  for (let i = 0; i < 5; i++) {
    await key('F6');
    order.push(await focusedRegion());
  }
  expect(order).toEqual(['side panel', 'highlight list', 'documents', 'speakers', 'text']);
  await key('Shift+F6');
  expect(await focusedRegion()).toBe('speakers');
  await key('Shift+F6');
  expect(await focusedRegion()).toBe('documents');

  // F2 from anywhere: the selected highlight's first field; Shift+F6 from there, back to the text.
  await key('F2');
  await expect.poll(activeId).toBe('annotation-label');
  await key('Shift+F6');
  expect(await focusedRegion()).toBe('text');
});

it('rings the text while it has the keyboard', async () => {
  await page.locator('.annotation-list').focus();
  await key('Shift+F6');
  await key('Shift+F6');
  expect(await focusedRegion()).toBe('text');
  const ring = await page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(ring).toBe('solid 2px');
  await screenshot(page, 'text-focus-ring');
});

it('lists F6, Shift+F6 and F2 on the shortcut sheet, and both meanings of S by place', async () => {
  await page.locator('.cm-content').focus();
  await key('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect.poll(() => sheet.isVisible()).toBe(true);
  const text = (await sheet.textContent()) ?? '';
  expect(text).toContain('Moving around');
  expect(text).toMatch(/F6Next region/);
  expect(text).toMatch(/Shift\+F6Previous region/);
  expect(text).toMatch(/F2To the selected highlight’s first field/);
  expect(text).toContain('Label the selection as Speaker (on the review desk, S means: set the status to Needs second review)');
  expect(text).toContain('Set the status to Needs second review (in a document’s text, S means: label the selection as Speaker)');
  await screenshot(page, 'shortcut-sheet-regions');
  await key('Escape');
});

it('moves through the review desk’s own regions with F6', async () => {
  await page.locator('.cm-content').focus();
  await key('Control+Shift+R');
  await expect.poll(() => page.locator('.desk-grid').isVisible()).toBe(true);
  const deskRegion = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      const names: [string, string][] = [['.desk-grid', 'claims'], ['.desk-side', 'focused claim'], ['.desk-filters', 'filters'], ['.desk-toolbar', 'tools']];
      return names.find(([selector]) => active?.closest(selector))?.[1] ?? active?.tagName ?? 'none';
    });
  await page.locator('.desk-grid').focus();
  // The focused claim's region is drawn once the grid has a claim focused: wait for it, or F6 skips it.
  await expect.poll(() => page.locator('.desk-side').isVisible()).toBe(true);
  const order: string[] = [];
  for (let i = 0; i < 4; i++) {
    await key('F6');
    order.push(await deskRegion());
  }
  expect(order).toEqual(['focused claim', 'filters', 'tools', 'claims']);
  await key('Shift+F6');
  expect(await deskRegion()).toBe('tools');
});

it('after a merge, the speaker panel still gives way: A goes to the claim’s claimant, a list row shows its highlight', async () => {
  await key('Control+Shift+R');
  await expect.poll(() => page.locator('.cm-content').isVisible()).toBe(true);
  await clickText(page, 'deeply concerned');
  await pickSpeaker(page, 'Claimant', 'Create speaker', 'Wood');
  await openSpeaker();
  await speakerPanel().getByLabel('Merge a duplicate into Robert Wood').selectOption({ label: 'Wood' });
  await speakerPanel().getByRole('button', { name: 'Merge' }).click();
  await expect.poll(() => page.locator('.message', { hasText: '“Wood” was merged into “Robert Wood”' }).count()).toBe(1);
  // The panel stays after the merge; A no longer does nothing.
  expect(await speakerPanel().count()).toBe(1);
  await page.locator('.cm-content').focus();
  await key('a');
  await expect.poll(activeId).toBe('annotation-speaker');
  expect(await speakerPanel().count()).toBe(0);
  await openSpeaker();
  await page.locator('.annotation-row', { hasText: 'paving the way' }).click();
  await expect.poll(() => highlightPanel().getByLabel('Said by', { exact: true }).inputValue()).toBe('Robert Wood');
});
