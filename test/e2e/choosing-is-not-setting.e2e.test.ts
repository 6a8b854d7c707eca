// Issue 14, point 4: arrowing through a claim's Status select shows each option but saves only
// the one chosen (Enter), and editing a source's title is one edit, one history line.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dragSelect, withAppWithSample, screenshot } from './harness';

let store: string;
let page: Page;
withAppWithSample((app) => ({ store, page } = app));

const saved = () => expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');

async function historyLines(): Promise<{ field: string; from: unknown; to: unknown }[]> {
  const dir = path.join(store, 'history');
  const files = await fs.readdir(dir).catch(() => [] as string[]);
  const texts = await Promise.all(files.map((file) => fs.readFile(path.join(dir, file), 'utf8')));
  return texts.flatMap((text) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line)));
}

it('saves one status line for a keyboard walk through the Status select, ended with Enter', async () => {
  await dragSelect(page, 'deeply concerned');
  await page.keyboard.press('c');
  const status = page.getByLabel('Status', { exact: true });
  await status.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  const walkedTo = await status.inputValue();
  expect(walkedTo).not.toBe('unreviewed');
  await page.keyboard.press('Enter');
  await saved();
  const lines = (await historyLines()).filter((line) => line.field === 'status');
  expect(lines).toEqual([expect.objectContaining({ from: 'unreviewed', to: walkedTo })]);
  await screenshot(page, 'status-walk-one-line');
});

it('saves the choice a keyboard walk rests on, once, when the field is left', async () => {
  const status = page.getByLabel('Status', { exact: true });
  await status.focus();
  const first = await status.inputValue();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await saved();
  const walkedTo = await status.inputValue();
  expect(walkedTo).not.toBe(first);
  const lines = (await historyLines()).filter((line) => line.field === 'status');
  expect(lines.map((line) => line.to)).toEqual([first, walkedTo]);
});

it('logs one line for one source edit, typed key by key', async () => {
  await page.getByRole('button', { name: '+ Add source' }).click();
  await saved();
  const before = (await historyLines()).filter((line) => line.field === 'sources').length;
  const title = page.getByLabel('Source 1 title');
  await title.click();
  await page.keyboard.type('UN press release');
  await page.keyboard.press('Enter');
  await saved();
  const after = (await historyLines()).filter((line) => line.field === 'sources');
  expect(after).toHaveLength(before + 1);
  expect(after.at(-1)!.to).toEqual([expect.objectContaining({ title: 'UN press release' })]);
  // Leaving the field after Enter changes nothing more, so no line more.
  await page.keyboard.press('Tab');
  await saved();
  expect((await historyLines()).filter((line) => line.field === 'sources')).toHaveLength(before + 1);
});
