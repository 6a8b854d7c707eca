// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z cover every change, and what is undone on screen is undone
// on disk too.
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { annotationsOnDisk, dragSelect, eventually, withAppWithSample, readJson, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

withAppWithSample((app) => ({ store, host, browser, page } = app));

/** The highlights and speakers on disk, in a form easy to compare. */
async function disk() {
  const speakers = (await readJson(path.join(store, 'workspace.json'))).speakers.map((s: { name: string }) => s.name);
  const highlights = (await annotationsOnDisk(store)).map((a) => `${a.labelId}:${a.text}:${a.speakerId ? 'attributed' : '-'}:${a.note}`);
  return { speakers, highlights };
}

const undo = () => page.keyboard.press('Control+z');
const redo = () => page.keyboard.press('Control+Shift+z');

it('undoes and redoes a create, a relabel, an attribution with a new speaker, a note and a delete', async () => {
  const states: Awaited<ReturnType<typeof disk>>[] = [await disk()];
  const settle = async () => {
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
    return disk();
  };

  // 1. create a quote and a speaker mention
  await dragSelect(page, 'This is completely false');
  await page.keyboard.press('q');
  states.push(await settle());
  await dragSelect(page, 'Vassily Nebenzia');
  await page.keyboard.press('s');
  states.push(await settle());
  // 2. relabel the quote as a claim, then back to a quote
  await page.locator('.annotation-row', { hasText: 'This is completely false' }).click();
  await page.getByLabel('Label', { exact: true }).selectOption('claim');
  states.push(await settle());
  // 3. attribute it to a new speaker made from the mention
  await page.getByRole('button', { name: '+ Vassily Nebenzia' }).click();
  states.push(await settle());
  // 4. a note, typed
  await page.getByLabel('Note', { exact: true }).focus();
  await page.keyboard.type('Check the panel report.');
  states.push(await settle());
  // 5. delete the mention
  await page.locator('.annotation-row', { hasText: 'Vassily Nebenzia' }).last().click();
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Delete');
  states.push(await settle());

  expect(states.at(-1)).toEqual({
    speakers: ['Vassily Nebenzia'],
    highlights: ['claim:This is completely false:attributed:Check the panel report.'],
  });

  // Undo every step, checking the disk after each: it walks back through the same states.
  await page.locator('.cm-content').focus();
  for (let i = states.length - 2; i >= 0; i--) {
    await undo();
    await eventually(async () => expect(await disk()).toEqual(states[i]));
  }
  await expect.poll(() => page.locator('.annotation-row').count()).toBe(0);

  // And redo them all.
  for (let i = 1; i < states.length; i++) {
    await redo();
    await eventually(async () => expect(await disk()).toEqual(states[i]));
  }
  await expect.poll(() => page.locator('.annotation-row').count()).toBe(1);
  await expect.poll(() => page.locator('.annotation-row').textContent()).toContain('Vassily Nebenzia');
});

it('brings a deleted highlight back with who made it and when', async () => {
  await dragSelect(page, 'Geng Shuang');
  await page.keyboard.press('s');
  const made = await eventually(async () => {
    const found = (await annotationsOnDisk(store)).find((a) => a.text === 'Geng Shuang');
    expect(found).toBeDefined();
    return found;
  });
  await page.keyboard.press('Delete');
  await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'Geng Shuang')).toBe(false));
  await page.keyboard.press('Control+z');
  await eventually(async () => {
    const back = (await annotationsOnDisk(store)).find((a) => a.text === 'Geng Shuang');
    expect(back).toMatchObject({ id: made.id, author: made.author, createdAt: made.createdAt });
  });
});

it('takes back a highlight undone in the same moment it was made, before the list had it', async () => {
  await dragSelect(page, 'completely false');
  const rowsBefore = await page.locator('.annotation-row').count();
  // Both keys in one task: the editor has drawn the quote, the list has not been told yet.
  await page.evaluate(() => {
    const text = document.querySelector('.cm-content')!;
    text.dispatchEvent(new KeyboardEvent('keydown', { key: 'q', code: 'KeyQ', bubbles: true, cancelable: true }));
    text.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
  await expect.poll(() => page.locator('.cm-hl[data-label="quote"]', { hasText: 'completely false' }).count()).toBe(0);
  expect(await page.locator('.annotation-row').count()).toBe(rowsBefore);
  expect((await annotationsOnDisk(store)).some((a) => a.text === 'completely false')).toBe(false);
});

it('undoes a change made in another document, on disk, without switching back', async () => {
  await dragSelect(page, 'Song Kim');
  await page.keyboard.press('s');
  await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'Song Kim')).toBe(true));
  // Open a second story: the history goes with the workspace, not with the document.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…', exact: true }).click();
  await (await chooser).setFiles({ name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from('A second story.\n') });
  await expect.poll(() => page.locator('.doc-title').textContent()).toBe('second');
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+z');
  await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'Song Kim')).toBe(false));
  await page.keyboard.press('Control+Shift+z');
  await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'Song Kim')).toBe(true));
});
