// Second references, as a fact-checker meets them: "Hwang" tagged as a Speaker once Joonkook
// Hwang is known offers him first and Enter links it; a Speaker highlight nobody is linked to is
// flagged, and the list can show only those.
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { annotationsOnDisk, dragSelect, eventually, readJson, screenshot, withAppWithSample, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

withAppWithSample((app) => ({ store, host, browser, page } = app));

const key = (k: string) => page.keyboard.press(k);
const panel = () => page.getByRole('region', { name: 'Selected highlight' });
const activeOffer = () => page.getByRole('listbox', { name: 'This names: speakers' }).locator('[role="option"][aria-selected="true"]');
const speakerIdOf = async (text: string) => (await annotationsOnDisk(store)).find((a) => a.labelId === 'speaker' && a.text === text)?.speakerId;

it('offers Joonkook Hwang first for "Hwang", and Enter links it', async () => {
  // Joonkook Hwang, tagged and created by name.
  await dragSelect(page, 'Joonkook Hwang');
  await key('s');
  await key('a');
  await expect.poll(() => activeOffer().textContent()).toBe('Create speaker “Joonkook Hwang”');
  await key('Enter');
  await eventually(async () => expect(await speakerIdOf('Joonkook Hwang')).toMatch(/^spk-/));
  const workspace = await readJson(path.join(store, 'workspace.json'));
  const hwangId = workspace.speakers.find((s: { name: string }) => s.name === 'Joonkook Hwang').id;

  // "Hwang said": the second reference. He is offered first, creating "Hwang" second.
  await dragSelect(page, 'Hwang said');
  await key('Control+Shift+ArrowLeft');
  await key('s');
  await expect.poll(() => panel().locator('.flag-unlinked').textContent()).toContain('Not linked to a speaker');
  await expect.poll(() => panel().locator('.unlinked-mention button').allTextContents()).toEqual(['Link to Joonkook Hwang', 'Create speaker “Hwang”', 'Link to a speaker… A']);
  await expect.poll(() => page.locator('.annotation-row', { has: page.locator('.row-text', { hasText: /^Hwang$/ }) }).locator('.flag-unlinked').textContent()).toBe('Not linked to a speaker');
  await screenshot(page, 'second-reference-offered');

  await key('a');
  await expect.poll(() => activeOffer().textContent()).toBe('Joonkook Hwang');
  await screenshot(page, 'second-reference-picker');
  await key('Enter');
  await eventually(async () => expect(await speakerIdOf('Hwang')).toBe(hwangId));
  await expect.poll(() => panel().locator('.flag-unlinked').count()).toBe(0);
  // Linked, so nothing is left to create: still one speaker.
  expect((await readJson(path.join(store, 'workspace.json'))).speakers.map((s: { name: string }) => s.name)).toEqual(['Joonkook Hwang']);
});

it('flags a Speaker highlight linked to nobody, and the filter shows only those', async () => {
  // Nobody called Wood is known yet: the mention stays unlinked.
  await dragSelect(page, 'Wood spoke');
  await key('Control+Shift+ArrowLeft');
  await key('s');
  const woodRow = page.locator('.annotation-row', { has: page.locator('.row-text', { hasText: /^Wood$/ }) });
  await expect.poll(() => woodRow.locator('.flag-unlinked').textContent()).toBe('Not linked to a speaker');
  await eventually(async () => expect(await speakerIdOf('Wood')).toBeNull());

  await page.getByLabel('Unlinked speakers (1)').check();
  await expect.poll(() => page.locator('.annotation-row .row-text').allTextContents()).toEqual(['Wood']);
  await screenshot(page, 'unlinked-speakers-filter');

  // The panel's button opens the picker, creating "Wood" first since nobody has the name.
  await panel().getByRole('button', { name: /^Link to a speaker/ }).click();
  await expect.poll(() => activeOffer().textContent()).toBe('Create speaker “Wood”');
  await key('Enter');
  await eventually(async () => expect(await speakerIdOf('Wood')).toMatch(/^spk-/));
  await expect.poll(() => page.locator('.annotation-row').count()).toBe(0);
  // Unticked, the filter goes away with nothing left to show.
  await page.getByLabel('Unlinked speakers (0)').click();
  await expect.poll(() => page.getByLabel(/^Unlinked speakers/).count()).toBe(0);
});
