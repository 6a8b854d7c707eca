// Issue 14: a key that cannot act says why (a visible status line, read out as a live region);
// undo and redo say what they did; highlights are announced and carry accessible names; E and A
// work with Shift or Caps Lock too; the first highlight saved without a name raises a reminder.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickText, dragSelect, pickSpeaker, screenshot, withAppWithSample } from './harness';

let page: Page;
withAppWithSample((app) => ({ page } = app));

const key = (k: string) => page.keyboard.press(k);
const statusLine = () => page.locator('.status-line[role="status"][aria-live="polite"]');
const says = (text: string | RegExp) => expect.poll(() => statusLine().textContent()).toMatch(text);

it('says why a key did nothing in the text, instead of nothing at all', async () => {
  await clickText(page, 'DPRK is the abbreviation');
  // A label's key with nothing selected.
  await key('q');
  await says(/^Q: select the words first/);
  await screenshot(page, 'status-line-select-first');
  // The quotation key where no quotation is around the caret.
  await key('"');
  await says(/^": no quotation around the caret/);
  // A and N with no highlight selected.
  await key('a');
  await says(/^A: select a highlight first/);
  await key('n');
  await says(/^N: select a highlight first/);
  // Moving a highlight's end, with none selected; the next highlight, with none at all.
  await key('.');
  await says(/^\.: select a highlight first/);
  await key(']');
  await says(/^\]: no highlights in this document yet/);
  await key('Enter');
  await says(/^Enter: no highlight at the caret/);
});

it('announces a highlight made, names it for screen readers, and reminds once that no name is set', async () => {
  await dragSelect(page, 'deeply concerned');
  await key('q');
  await says('Quote created');
  const mark = page.locator('.cm-hl[data-label="quote"]', { hasText: 'deeply concerned' });
  await expect.poll(() => mark.getAttribute('aria-label')).toBe('Quote, unattributed');
  expect(await mark.getAttribute('role')).toBe('group');

  // Saved with no annotator name: a gentle reminder, with a way to set the name.
  const reminder = page.getByRole('note', { name: 'No annotator name' });
  await expect.poll(() => reminder.isVisible()).toBe(true);
  await screenshot(page, 'name-reminder');
  await reminder.getByRole('button', { name: 'Set my name' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('annotator-name-input');
  expect(await reminder.count()).toBe(0);

  // Once a session: the next highlight made without a name raises none.
  await dragSelect(page, 'the Korean Peninsula');
  await key('c');
  await says('Claim created');
  await expect.poll(() => page.locator('.cm-hl[data-label="claim"]').first().getAttribute('aria-label')).toBe('Claim, Unreviewed');
  expect(await reminder.count()).toBe(0);

  // The speaker of a quote goes into its name.
  await clickText(page, 'deeply concerned');
  await pickSpeaker(page, 'Said by', 'Create speaker', 'Linda Thomas-Greenfield');
  await expect.poll(() => mark.getAttribute('aria-label')).toBe('Quote by Linda Thomas-Greenfield');
});

it('says what undo and redo did, and when there is nothing to undo', async () => {
  await page.locator('.cm-content').focus();
  await key('Control+z');
  await says(/^Undone: /);
  await key('Control+Shift+z');
  await says(/^Redone: /);
  // Delete the claim, then take it back.
  await clickText(page, 'the Korean Peninsula');
  await key('Delete');
  await says('Claim deleted');
  await key('Control+z');
  await says('Undone: Claim deleted');
  await key('Control+Shift+z');
  await says('Redone: Claim deleted');
  // Take everything back: the undo after the last says there is nothing.
  // The delete, the new speaker with its link, the claim, the quote.
  for (let i = 0; i < 4; i++) await key('Control+z');
  await says('Undone: new Quote');
  await key('Control+z');
  await says('Nothing to undo');
  for (let i = 0; i < 4; i++) await key('Control+Shift+z');
  await says('Redone: Claim deleted');
  await key('Control+Shift+z');
  await says('Nothing to redo');
});

it('grows to the sentence with Shift+E and picks the speaker with Shift+A, as with e and a', async () => {
  await clickText(page, 'DPRK is the abbreviation');
  await key('Shift+E');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toMatch(/^DPRK is the abbreviation.*Korea\.$/);
  await clickText(page, 'deeply concerned');
  await key('Shift+A');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('annotation-speaker');
});
