// What a fact-check needs: a quote's kind and speaker, a claim's claimant, check-worthiness,
// status, sources and tags; and quotes nobody has attributed yet, flagged and counted.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { annotationsOnDisk, dragSelect, eventually, withAppWithSample, pickSpeaker, screenshot, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

const CLAIM = 'Pyongyang has shipped at least 10,000 containers to Russia';
const onDisk = async (text: string) => (await annotationsOnDisk(store)).find((a) => a.text === text);
const panel = () => page.getByRole('region', { name: 'Selected highlight' });

withAppWithSample((app) => ({ store, host, browser, page } = app));

describe('quotes', () => {
  it('flags and counts unattributed quotes until they have a speaker', async () => {
    await dragSelect(page, 'This is completely false');
    await page.keyboard.press('q');
    await dragSelect(page, 'are completely peace-loving and defensive in nature.');
    await page.keyboard.press('q');
    await expect.poll(() => page.locator('.unattributed-count').textContent()).toBe('2 unattributed quotes');
    await expect.poll(() => page.locator('.annotation-row .flag').allTextContents()).toEqual(['Unattributed', 'Unattributed']);

    await dragSelect(page, 'Vassily Nebenzia');
    await page.keyboard.press('s');
    await panel().getByRole('button', { name: 'Create speaker “Vassily Nebenzia”' }).click();
    await page.locator('.annotation-row', { hasText: 'This is completely false' }).click();
    await pickSpeaker(page, 'Said by', 'Vassily Nebenzia');
    await panel().getByLabel('Kind of quote').selectOption('partial');
    await expect.poll(() => page.locator('.unattributed-count').textContent()).toBe('1 unattributed quote');
    await eventually(async () => {
      const quote = await onDisk('This is completely false');
      expect(quote?.quoteKind).toBe('partial');
      expect(quote?.speakerId).toMatch(/^spk-/);
    });
  });

  it('links a name the registry knows as soon as it is tagged', async () => {
    // Tag the same name again: it names the speaker at once, no picking needed.
    // (the quote's row names the speaker too; the mention's row is the one whose text is the name)
    await page.locator('.annotation-row', { has: page.locator('.row-text', { hasText: /^Vassily Nebenzia$/ }) }).click();
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await onDisk('Vassily Nebenzia')).toBeUndefined());
    await dragSelect(page, 'Vassily Nebenzia');
    await page.keyboard.press('s');
    await expect.poll(() => panel().getByRole('combobox', { name: 'This names' }).inputValue()).toBe('Vassily Nebenzia');
    await eventually(async () => expect((await onDisk('Vassily Nebenzia'))?.speakerId).toMatch(/^spk-/));
  });

  it('filters the list to what still needs attributing, by label and by speaker', async () => {
    await page.locator('.unattributed-count').click();
    await expect.poll(() => page.locator('.annotation-row .row-text').allTextContents()).toEqual([
      'are completely peace-loving and defensive in nature.',
    ]);
    await page.getByLabel('Unattributed only').uncheck();
    await page.getByLabel('Show label').selectOption('');
    await page.getByLabel('Show speaker').selectOption({ label: 'Vassily Nebenzia' });
    await expect.poll(() => page.locator('.annotation-row .row-text').allTextContents()).toEqual(['This is completely false', 'Vassily Nebenzia']);
    await page.getByLabel('Show speaker').selectOption('');
  });
});

describe('claims', () => {
  it('starts Unreviewed and keeps claimant, check-worthiness, status, sources and tags', async () => {
    await dragSelect(page, CLAIM);
    await page.keyboard.press('c');
    await expect.poll(() => panel().getByLabel('Status').inputValue()).toBe('unreviewed');
    await pickSpeaker(page, 'Claimant', 'Vassily Nebenzia');
    await panel().getByLabel('Check-worthiness').selectOption('high');
    await panel().getByLabel('Status').selectOption({ label: 'Mostly true' });
    await panel().getByRole('button', { name: '+ Add source' }).click();
    await panel().getByLabel('Source 1 title').fill('South Korean defence ministry briefing');
    // A link that is not a web link is not saved, and says why.
    await panel().getByLabel('Source 1 link').fill('javascript:alert(1)');
    await expect.poll(() => panel().locator('.field-error').textContent()).toBe('A link starts with http:// or https://');
    await panel().getByLabel('Source 1 link').fill('https://www.mnd.go.kr/');
    await panel().getByLabel('Source 1 note').fill('Shipment estimate, June briefing');
    await panel().locator('#claim-tag-input').fill('arms');
    await page.keyboard.press('Enter');
    await panel().locator('#claim-tag-input').fill('sanctions');
    await page.keyboard.press('Enter');
    await eventually(async () => {
      const claim = await onDisk(CLAIM);
      expect(claim?.speakerId).toMatch(/^spk-/);
      expect(claim?.claim).toEqual({
        checkWorthiness: 'high',
        status: 'mostly-true',
        sources: [{ title: 'South Korean defence ministry briefing', url: 'https://www.mnd.go.kr/', note: 'Shipment estimate, June briefing' }],
        tags: ['arms', 'sanctions'],
        // Setting the status records who changed it, and when (no name was given in this test); from
        // the side panel it names no reviewer: only a desk decision does.
        statusBy: '',
        reviewedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });
    await expect.poll(() => page.locator('.annotation-row', { hasText: 'Pyongyang' }).locator('.row-status').textContent()).toBe('Mostly true');
    await screenshot(page, 'claim-fields');
  });

  it('opens a source link only after the user confirms', async () => {
    const popups: string[] = [];
    page.context().on('page', (popup) => popups.push(popup.url()));
    await panel().getByRole('button', { name: 'Open link…' }).click();
    const confirm = panel().getByRole('alertdialog', { name: 'Open this link?' });
    await expect.poll(() => confirm.textContent()).toContain('https://www.mnd.go.kr/');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(popups).toEqual([]);
    // Confirmed: the browser host opens it in a new tab (the desktop app, in the system browser).
    await page.context().route('https://www.mnd.go.kr/**', (route) => route.fulfill({ body: 'stand-in page', contentType: 'text/plain' }));
    await panel().getByRole('button', { name: 'Open link…' }).click();
    await panel().getByRole('button', { name: 'Open in browser' }).click();
    await expect.poll(() => popups).toEqual(['https://www.mnd.go.kr/']);
  });

  it('removes a tag and a source', async () => {
    await panel().getByRole('button', { name: 'Remove tag arms' }).click();
    await panel().getByRole('button', { name: 'Remove', exact: true }).click();
    await eventually(async () => expect((await onDisk(CLAIM))?.claim).toMatchObject({ sources: [], tags: ['sanctions'] }));
  });
});
