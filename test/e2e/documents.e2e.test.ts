// Documents people manage: edit a document's title and story fields (Enter saves, Esc cancels,
// undoable), remove one that holds highlights (asked first, from the list with Delete; Ctrl+Z
// brings it back whole), paste text as a new document (Ctrl+V with none open, File › New from
// clipboard…), and compact the workspace (File › Compact workspace…).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { annotationsOnDisk, dragSelect, eventually, readJson, screenshot, withAppWithSample } from './harness';

let store: string;
let page: Page;

withAppWithSample((app) => ({ store, page } = app));

const saved = () => expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
const workspace = () => readJson(path.join(store, 'workspace.json'));
const list = () => page.getByRole('list', { name: 'Documents in this workspace' });

it('edits the title, headline, outlet, byline, link and date, with clear messages for a bad date and link; Esc cancels; undo puts them back', async () => {
  await page.getByRole('button', { name: 'Edit details…' }).click();
  const form = page.getByRole('form', { name: 'Edit document details' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('document-edit-title');
  await form.getByLabel('Title').fill('Security Council on North Korea');
  await form.getByLabel('Headline').fill('US, allies warn of North Korea-Russia military cooperation');
  await form.getByLabel('Outlet').fill('UN News');
  await form.getByLabel('Byline').fill('Staff reporter');
  await form.getByLabel('Source URL').fill('news.un.org/story');
  await form.getByLabel('Publication date').fill('2024-02-30');
  await page.keyboard.press('Enter');
  await expect.poll(() => form.getByRole('alert').allTextContents()).toEqual([
    'The source URL must be a web address starting with http:// or https://, such as https://example.org/story.',
    '2024-02-30 is not a date in the calendar; check the month and the day.',
  ]);
  await screenshot(page, 'document-edit-form-errors');
  await form.getByLabel('Source URL').fill('https://news.un.org/story');
  await form.getByLabel('Publication date').fill('2024-02-29');
  await form.getByLabel('Publication date').press('Enter');
  await saved();
  await expect.poll(() => list().textContent()).toContain('Security Council on North Korea');
  await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Security Council on North Korea');
  const details = page.getByRole('region', { name: 'About this document' });
  await expect.poll(() => details.textContent()).toContain('UN News');
  await screenshot(page, 'document-details-edited');
  const [doc] = (await workspace()).documents;
  expect(doc).toMatchObject({ title: 'Security Council on North Korea', outlet: 'UN News', byline: 'Staff reporter', sourceUrl: 'https://news.un.org/story', publishedOn: '2024-02-29' });

  // Esc leaves the form without saving.
  await page.getByRole('button', { name: 'Edit details…' }).click();
  await form.getByLabel('Outlet').fill('Not this');
  await page.keyboard.press('Escape');
  await expect.poll(() => form.count()).toBe(0);
  expect((await workspace()).documents[0].outlet).toBe('UN News');

  // One undo takes the whole edit back.
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+z');
  await eventually(async () => expect((await workspace()).documents[0]).toMatchObject({ title: 'un-security-council', outlet: null, publishedOn: null }));
  await expect.poll(() => page.locator('.doc-title').textContent()).toBe('un-security-council');
});

it('removes a document holding a highlight from the list with Delete, after asking; Ctrl+Z brings it back with the highlight', async () => {
  await dragSelect(page, 'This is completely false');
  await page.keyboard.press('q');
  await saved();
  const row = list().getByRole('button', { name: /un-security-council/ });
  await row.focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Remove document' });
  await expect.poll(() => dialog.textContent()).toMatch(/Remove “un-security-council” from the workspace\? It holds 1 highlight, none of them a claim\./);
  await screenshot(page, 'document-remove-confirm');
  // Esc keeps it.
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect((await workspace()).documents).toHaveLength(1);

  await row.focus();
  await page.keyboard.press('Delete');
  await dialog.getByRole('button', { name: /^Remove/ }).click();
  await saved();
  await expect.poll(() => page.locator('.welcome').count()).toBe(1);
  await expect.poll(() => page.locator('.document-list').count()).toBe(0);
  const onDisk = await workspace();
  expect(onDisk.documents).toEqual([]);
  expect(onDisk.removedDocuments.map((d: { title: string }) => d.title)).toEqual(['un-security-council']);

  await page.keyboard.press('Control+z');
  await expect.poll(() => page.locator('.annotation-row').allTextContents()).toEqual([expect.stringContaining('This is completely false')]);
  await eventually(async () => expect((await workspace()).documents.map((d: { title: string }) => d.title)).toEqual(['un-security-council']));
  expect((await annotationsOnDisk(store)).map((a) => a.text)).toEqual(['This is completely false']);
});

it('pastes text as a new document with no document open (Ctrl+V), title suggested from its first line; File › New from clipboard… offers a box when the clipboard cannot be read', async () => {
  // No document open: the remove button in the details panel, this time.
  await page.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('dialog', { name: 'Remove document' }).getByRole('button', { name: /^Remove/ }).click();
  await expect.poll(() => page.locator('.welcome').count()).toBe(1);

  const pasted = 'Minister: inflation halved in a year\n\nThe minister said on Monday that inflation had halved.';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  const dialog = page.getByRole('dialog', { name: 'New document from pasted text' });
  await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe('Minister: inflation halved in a year');
  await expect.poll(() => dialog.getByRole('status').textContent()).toBe(`${pasted.length} characters, ${pasted.length} bytes`);
  await dialog.getByLabel('Source URL (optional)').fill('not a link');
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect.poll(() => dialog.textContent()).toContain('The source URL must be a web address');
  await dialog.getByLabel('Source URL (optional)').fill('https://example.org/inflation');
  await screenshot(page, 'paste-document-dialog');
  await dialog.getByLabel('Title').press('Enter');
  await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Minister: inflation halved in a year');
  await expect.poll(() => page.locator('.cm-content').textContent()).toContain('inflation had halved');
  const doc = (await workspace()).documents.find((d: { title: string }) => d.title.startsWith('Minister'));
  expect(doc).toMatchObject({ format: 'text', sourceUrl: 'https://example.org/inflation', length: pasted.length });

  // The menu's way: the page may not read the clipboard here, so the sheet has a box to paste into.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'New from clipboard…' }).click();
  const box = dialog.getByLabel('Text');
  await box.fill('Second story\nIt has two lines.');
  await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe('Second story');
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Second story');
});

it('File › Compact workspace… says what it deletes and how many bytes, then deletes the removed documents for good', async () => {
  const removed = (await workspace()).removedDocuments;
  expect(removed.map((d: { title: string }) => d.title)).toEqual(['un-security-council']);
  const snapshot = path.join(store, 'texts', `${removed[0].textHash}.txt`);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Compact workspace…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compact workspace' });
  await expect.poll(() => dialog.textContent()).toMatch(/Delete the removed document for good\? This deletes 2 files \([\d.]+ kB\)/);
  await expect.poll(() => dialog.getByRole('list').textContent()).toBe('un-security-council');
  await screenshot(page, 'compact-workspace');
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await eventually(async () => expect(await fs.access(snapshot).then(() => true, () => false)).toBe(false));
  expect((await workspace()).removedDocuments).toBeUndefined();
  await expect.poll(() => page.locator('.message').allTextContents()).toContainEqual(expect.stringContaining('Compacted: 1 removed document deleted for good'));
});
