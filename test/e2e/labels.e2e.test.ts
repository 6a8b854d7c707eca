// The label set belongs to the workspace: add "Statistic", rename and recolour Quote, label with
// the new key; and every label stays readable in the light and the dark theme.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { annotationsOnDisk, dragSelect, eventually, withAppWithSample, readJson, screenshot, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

withAppWithSample((app) => ({ store, host, browser, page } = app));

describe('editing the label set', () => {
  it('adds a label with its own key and colour, renames Quote, and refuses a taken key', async () => {
    await page.getByRole('button', { name: 'Labels', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Labels' });
    await dialog.getByRole('button', { name: '+ Add a label' }).click();
    const row = dialog.getByRole('group').last();
    await row.getByLabel(/: name$/).fill('Statistic');
    await row.getByLabel(/: name$/).press('Tab');
    await row.getByLabel(/: key$/).fill('q');
    await expect.poll(() => row.locator('.field-error').textContent()).toBe('Q already labels Quote; choose another key.');
    await row.getByLabel(/: key$/).fill('t');
    await row.getByLabel(/: colour$/).fill('#2e7d32');
    const quote = dialog.getByRole('group', { name: 'Label Quote' });
    // Saved as typed: closing the dialog straight away keeps the new name.
    await quote.getByLabel('Quote: name').fill('Quotation');
    await screenshot(page, 'labels-dialog');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    await eventually(async () => {
      const labels = (await readJson(path.join(store, 'workspace.json'))).labels;
      expect(labels.map((l: { name: string; hotkey: string; color: string }) => `${l.name}:${l.hotkey}:${l.color}`)).toEqual([
        'Quotation:q:#f2b134',
        'Speaker:s:#4aa3df',
        'Claim:c:#e0607e',
        'Statistic:t:#2e7d32',
      ]);
    });

    // The new key labels a selection, and the toolbar offers the new label.
    await dragSelect(page, '10,000 containers');
    await expect.poll(() => page.getByRole('toolbar', { name: 'Label the selection' }).textContent()).toContain('Statistic');
    await page.keyboard.press('t');
    await eventually(async () => expect((await annotationsOnDisk(store)).find((a) => a.text === '10,000 containers')?.labelId).toMatch(/^label-/));
    await expect.poll(() => page.locator('.annotation-row .chip').allTextContents()).toEqual(['Statistic']);
  });

  it('will not delete a label in use, and deletes it once unused', async () => {
    await page.getByRole('button', { name: 'Labels', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Labels' });
    await dialog.getByRole('group', { name: 'Label Statistic' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('1 highlight uses this label here');
    await page.keyboard.press('Escape');
    await page.locator('.annotation-row').click();
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Labels', exact: true }).click();
    await dialog.getByRole('group', { name: 'Label Statistic' }).getByRole('button', { name: 'Delete' }).click();
    await eventually(async () => expect((await readJson(path.join(store, 'workspace.json'))).labels).toHaveLength(3));
    await page.keyboard.press('Escape');
  });
});

describe('readable highlights', () => {
  /** Contrast of each label's highlighted text against its tinted background (WCAG ratio). */
  async function contrasts(): Promise<Record<string, number>> {
    return page.evaluate(() => {
      const probe = document.createElement('div');
      document.body.append(probe);
      const rgba = (css: string): number[] => {
        probe.style.color = css;
        const parts = getComputedStyle(probe).color.match(/[\d.]+/g)!.map(Number);
        // "color(srgb r g b / a)" in 0..1, or "rgb(a)" in 0..255.
        const srgb = getComputedStyle(probe).color.startsWith('color(');
        const [r, g, b] = parts.slice(0, 3).map((v) => (srgb ? v : v / 255));
        return [r!, g!, b!, parts[3] ?? 1];
      };
      const luminance = ([r, g, b]: number[]) => {
        const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const page = rgba(getComputedStyle(document.querySelector('.reader')!).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.querySelector('.reader')!).backgroundColor);
      const out: Record<string, number> = {};
      for (const mark of document.querySelectorAll<HTMLElement>('.cm-hl')) {
        const style = getComputedStyle(mark);
        const [r, g, b, a] = rgba(style.backgroundColor);
        const over = [r! * a! + page[0]! * (1 - a!), g! * a! + page[1]! * (1 - a!), b! * a! + page[2]! * (1 - a!)];
        const text = rgba(style.color);
        const [l1, l2] = [luminance(over), luminance(text)].sort((x, y) => y - x);
        out[mark.dataset.label!] = Math.min(out[mark.dataset.label!] ?? Infinity, (l1! + 0.05) / (l2! + 0.05));
      }
      probe.remove();
      return out;
    });
  }

  it('keeps every label readable (contrast at least 4.5:1) in the light and the dark theme', async () => {
    for (const [text, key] of [
      ['Vassily Nebenzia', 's'],
      ['This is completely false', 'q'],
      ['completely false', 'c'],
    ] as const) {
      await dragSelect(page, text);
      await page.keyboard.press(key);
    }
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const ratios = await contrasts();
      expect(Object.keys(ratios).sort()).toEqual(['claim', 'quote', 'speaker']);
      for (const [label, ratio] of Object.entries(ratios)) expect(ratio, `${label} in the ${scheme} theme`).toBeGreaterThanOrEqual(4.5);
      await screenshot(page, `highlights-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
