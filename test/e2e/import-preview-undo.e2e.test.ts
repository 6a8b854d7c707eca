// Importing annotation files through the window, as an editor does, against the real service:
// the preview (the service's dry run) says what will happen before anything is written, a
// second import of the same file is "already here", and one Ctrl+Z takes an import back.
//
// NEEDS THE IMPORT SERVICE OF BRANCH i13-import (dry run that writes nothing, `alreadyPresent`,
// the undo lists, removeDocument): before that is merged the dry run writes and this fails.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, withAppWithSample } from './harness';

let page: Page;
let store: string;
withAppWithSample((app) => ({ page, store } = app));

// doccano's JSONL: one document a line, `text` and `label` as [start, end, name] in code points
// (doccano's documentation, "Import Dataset" › JSONL with labels).
const JOBS = `${JSON.stringify({ text: 'Unemployment fell to 4.1% in May, the minister said.', label: [[0, 31, 'Statistic'], [38, 46, 'Speaker']], title: 'jobs-report' })}\n`;

const documents = () => page.getByRole('list', { name: 'Documents in this workspace' }).locator('.document-item').allTextContents();
const annotationFiles = async () => (await fs.readdir(path.join(store, 'annotations'))).length;
const preview = () => page.getByRole('dialog', { name: /Import annotations|Nothing new to import/ });

async function chooseFile() {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles({ name: 'jobs.jsonl', mimeType: 'application/json', buffer: Buffer.from(JOBS) });
}

it('previews an import, then says “already here” when the same file comes again, one Ctrl+Z undoes the import and redo brings it back (needs i13-import)', async () => {
  const before = await documents();
  const filesBefore = await annotationFiles();

  await chooseFile();
  await expect.poll(() => preview().locator('.import-summary').textContent()).toBe('1 document (1 new) · 2 new highlights · 0 already present · 1 new label');
  // The dry run wrote nothing.
  expect(await documents()).toEqual(before);
  expect(await annotationFiles()).toBe(filesBefore);
  await screenshot(page, 'import-preview');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.message', { hasText: 'Imported' }).locator('span').textContent()).toBe('Imported 2 highlights in 1 document; new labels: Statistic — Ctrl+Z undoes it.');
  await expect.poll(documents).toHaveLength(before.length + 1);

  // The same file again: nothing new, only Close.
  await chooseFile();
  await expect.poll(() => preview().locator('.import-summary').textContent()).toContain('Everything in these files is already here.');
  expect(await preview().getByRole('button').allTextContents()).toEqual(['×', 'Close']);
  await screenshot(page, 'import-already-here');
  await page.keyboard.press('Escape');
  await expect.poll(() => preview().count()).toBe(0);
  expect(await documents()).toHaveLength(before.length + 1);

  // One Ctrl+Z: the document, its highlights and the new label are gone, on screen and on disk.
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.locator('.message', { hasText: 'Import undone' }).count()).toBe(1);
  await expect.poll(documents).toEqual(before);
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
  const workspace = JSON.parse(await fs.readFile(path.join(store, 'workspace.json'), 'utf8'));
  expect(workspace.labels.map((l: { name: string }) => l.name)).not.toContain('Statistic');

  // Redo imports it again: the document is back with its highlights.
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => page.locator('.message', { hasText: 'Imported again' }).count()).toBe(1);
  await expect.poll(documents).toHaveLength(before.length + 1);
  await page.getByRole('list', { name: 'Documents in this workspace' }).getByRole('button', { name: /jobs-report/ }).click();
  await expect.poll(() => page.locator('.annotation-row .chip').allTextContents()).toEqual(['Statistic', 'Speaker']);
});
