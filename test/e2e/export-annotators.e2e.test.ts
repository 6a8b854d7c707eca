// The Export dialog's "Only these annotators", as a trainer tries it in the browser host: two
// people annotate the sample, one of them is unchecked, and the download holds only the other's.
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dragSelect, withAppWithSample } from './harness';

let page: Page;
withAppWithSample((app) => ({ page } = app));

async function annotateAs(name: string, words: string, key: string) {
  if (await page.getByRole('textbox', { name: /Who is annotating/ }).isVisible()) {
    await page.getByRole('textbox', { name: /Who is annotating/ }).fill(name);
  } else {
    await page.locator('.annotator-name').click();
    await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Escape');
  await dragSelect(page, words);
  await page.keyboard.press(key);
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
}

describe('Export…: only these annotators', () => {
  it('lists who annotated, all checked, and downloads only the highlights of those left checked', async () => {
    // The first highlight asks who is annotating.
    await dragSelect(page, 'This is completely false');
    await page.keyboard.press('q');
    await annotateAs('Ana', 'Vassily Nebenzia', 's');
    await annotateAs('Ben', 'Vassily Nebenzia', 's');

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
    const choice = dialog.getByRole('group', { name: 'Only these annotators' });
    // The quote was made before a name was set.
    await expect.poll(async () => (await choice.locator('label').allTextContents()).map((t) => t.trim())).toEqual(['Ana (1 highlight)', 'Ben (1 highlight)', 'No name set (1 highlight)']);
    expect(await choice.getByRole('checkbox', { checked: false }).count()).toBe(0);

    await choice.getByRole('checkbox', { name: /^\s*Ana/ }).uncheck();
    await dialog.getByLabel('Format').selectOption('spacy');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const line = JSON.parse((await fs.readFile((await (await download).path())!, 'utf8')).trim()) as { text: string; spans: { start: number; end: number; label: string }[] };
    const spans = line.spans.map((s) => `${s.label}:${[...line.text].slice(s.start, s.end).join('')}`);
    // Ben's mention and the unnamed quote; Ana's same mention is left out.
    expect(spans.sort()).toEqual(['Quote:This is completely false', 'Speaker:Vassily Nebenzia']);
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Downloaded spacy.jsonl.');
    await page.keyboard.press('Escape');
  });
});
