// A fact-checker's suggestions on the sample article, by keyboard: suggested, drawn apart from the
// highlights, accepted one, by speaker or all (each one undoable step), edited first, rejected.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { ROOT, SAMPLE, VIEWPORT, annotationsOnDisk, clickText, eventually, hostApi, screenshot, startHost, tempDir, withAppWithSample, type RunningHost } from './harness';

let page: Page;
let store: string;
let host: RunningHost;
withAppWithSample((app) => ({ page, store, host } = app));

const rows = () => page.locator('.suggestion-row');
/** How many suggestions there are (the list draws only the rows in view). */
const count = async () => Number(/\((\d+)\)/.exec((await page.locator('.suggestions-toggle').textContent()) ?? '')?.[1]);
const focusedRow = () => page.locator('.suggestion-row[aria-selected="true"]');
const highlightsHeading = () => page.locator('.sidebar-right h2').first().textContent();
const saved = () => expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');

it('suggests with Alt+S: quotes with speaker and reason, dashed in the text, none of them a highlight', async () => {
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Alt+S');
  await expect.poll(() => rows().count()).toBeGreaterThan(5);
  // The keyboard is in the list, on its way to Enter, E or Delete.
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('suggestion-list');
  await expect.poll(() => page.locator('.suggestions-status').textContent()).toContain('Not highlights until you accept them');
  const wood = rows().filter({ hasText: 'Last week, Russian and DPRK leaders' });
  expect(await wood.textContent()).toContain('Robert Wood');
  expect(await wood.locator('.suggestion-reason').textContent()).toBe("Why: quotation marks + 'told reporters' + name 'Robert Wood'");
  expect(await page.locator('.cm-suggestion').count()).toBeGreaterThan(0);
  expect(await page.locator('.cm-hl').count()).toBe(0);
  expect(await highlightsHeading()).toBe('Highlights (0)');
  expect(await annotationsOnDisk(store)).toEqual([]);
  await screenshot(page, 'suggestions-list');
});

it('accepts the focused one with Enter as a quote highlight, and Ctrl+Z brings the suggestion back', async () => {
  const before = await count();
  await page.locator('.suggestion-list').focus();
  await expect.poll(() => focusedRow().count()).toBe(1);
  const words = (await focusedRow().locator('.row-text').textContent())!.replace('…', '');
  await page.keyboard.press('Enter');
  await saved();
  const made = await eventually(async () => {
    const found = (await annotationsOnDisk(store)).find((a) => a.text.startsWith(words.slice(0, 30)));
    expect(found).toBeDefined();
    return found;
  });
  expect(made.labelId).toBe(made.quoteKind ? 'quote' : 'claim');
  await expect.poll(count).toBe(before - 1);
  await page.keyboard.press('Control+z');
  await saved();
  await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.id === made.id)).toBe(false));
  await expect.poll(count).toBe(before);
});

it('accepts every quote of one speaker with Shift+Enter as one step', async () => {
  await rows().filter({ hasText: 'All these developments' }).click();
  await page.locator('.suggestion-list').focus();
  await page.keyboard.press('Shift+Enter');
  await saved();
  const hwang = await eventually(async () => {
    const quotes = (await annotationsOnDisk(store)).filter((a) => a.labelId === 'quote');
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    return quotes;
  });
  expect(hwang.map((a) => a.text).join(' ')).toContain('All these developments');
  expect(hwang.map((a) => a.text).join(' ')).not.toContain('This is completely false');
  await page.keyboard.press('Control+z');
  await saved();
  await eventually(async () => expect((await annotationsOnDisk(store)).map((a) => a.text)).toEqual([]));
});

it('rejects with Delete, for good: not suggested again after a reload', async () => {
  await rows().filter({ hasText: 'This is completely false' }).click();
  await page.locator('.suggestion-list').focus();
  const key = await focusedRow().getAttribute('data-suggestion');
  await page.keyboard.press('Delete');
  await expect.poll(() => page.locator(`.suggestion-row[data-suggestion="${key}"]`).count()).toBe(0);
  await eventually(async () => {
    const [file] = await fs.readdir(path.join(store, 'suggestions'));
    expect(JSON.parse(await fs.readFile(path.join(store, 'suggestions', file!), 'utf8')).rejected).toContain(key);
  });
  await page.reload();
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Alt+S');
  await expect.poll(() => rows().count()).toBeGreaterThan(5);
  expect(await page.locator(`.suggestion-row[data-suggestion="${key}"]`).count()).toBe(0);
});

it('accepts a reported clause holding quoted words as a partial quote of its speaker', async () => {
  await rows().filter({ hasText: 'resolutely respond' }).click();
  expect(await focusedRow().locator('.suggestion-reason').textContent()).toContain('quoted words “resolutely respond”');
  await page.locator('.suggestion-list').focus();
  await page.keyboard.press('Enter');
  await saved();
  const partial = await eventually(async () => {
    const found = (await annotationsOnDisk(store)).find((a) => a.text.includes('“resolutely respond”'));
    expect(found).toBeDefined();
    return found;
  });
  expect(partial.text).toMatch(/^that Seoul would “resolutely respond” to any threats/);
  expect(partial.quoteKind).toBe('partial');
  await page.keyboard.press('Control+z');
  await saved();
});

it('edits first with E: the words are selected in the text, and the label key makes the adjusted highlight, with the suggested speaker and kind', async () => {
  // Robert Wood in the registry: the suggestion names him, so the highlight should too.
  await hostApi(host)('applyChanges', { changes: [{ kind: 'createSpeaker', speakerId: 'spk-wood', name: 'Robert Wood' }] });
  await page.reload();
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Alt+S');
  await expect.poll(() => rows().count()).toBeGreaterThan(5);
  await rows().filter({ hasText: 'We are deeply concerned' }).click();
  await page.locator('.suggestion-list').focus();
  await page.keyboard.press('e');
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toContain('We are deeply concerned');
  // Shorter by a word, then labelled.
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('q');
  await saved();
  const quote = await eventually(async () => {
    const found = (await annotationsOnDisk(store)).find((a) => a.text.includes('We are deeply concerned'));
    expect(found).toBeDefined();
    return found;
  });
  expect(quote.labelId).toBe('quote');
  // Adjusted: shorter than the suggestion, which ran to the closing mark.
  expect(quote.text.endsWith('around the world')).toBe(true);
  expect(quote.speakerId).toBe('spk-wood');
  expect(quote.quoteKind).toBe('direct');
  // Covered by the new highlight: no longer suggested.
  await expect.poll(() => rows().filter({ hasText: 'We are deeply concerned' }).count()).toBe(0);
});

it('accepts all that are left with Ctrl+Enter, as one step', async () => {
  const left = await count();
  const before = (await annotationsOnDisk(store)).length;
  await page.locator('.suggestion-list').focus();
  await page.keyboard.press('Control+Enter');
  await saved();
  await eventually(async () => expect((await annotationsOnDisk(store)).length).toBe(before + left));
  await expect.poll(count).toBe(0);
  await page.keyboard.press('Control+z');
  await saved();
  await eventually(async () => expect((await annotationsOnDisk(store)).length).toBe(before));
});

it('shows a dashed suggestion clicked in the text in the list, focused', async () => {
  await page.keyboard.press('Alt+s');
  await expect.poll(() => rows().count()).toBeGreaterThan(5);
  // The editor draws only the lines in view: bring the words there, then click them.
  await clickText(page, 'there is no reason whatsoever');
  await expect.poll(() => focusedRow().textContent()).toContain('Therefore, there is no reason');
  expect(await focusedRow().textContent()).toContain('Song Kim');
});

it('suggests on open once “Suggest when a story opens” is on, and remembers it', async () => {
  await page.locator('.suggestions-toggle input').check();
  await page.getByLabel('Suggest when a story opens').check();
  await page.reload();
  await page.locator('.cm-content').waitFor();
  await expect.poll(count).toBeGreaterThan(5);
  await page.locator('.suggestions-toggle input').check();
  expect(await page.getByLabel('Suggest when a story opens').isChecked()).toBe(true);
  await page.getByLabel('Suggest when a story opens').uncheck();
});

it('shows the pre-annotations `annotator suggest --store DIR --doc` saved, on open', async () => {
  const dir = await tempDir();
  const cli = (args: string[]) => spawnSync(process.execPath, ['bin/annotator.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(cli(['import', SAMPLE, '--store', dir]).status).toBe(0);
  const saved = cli(['suggest', '--store', dir, '--doc', 'un-security-council']);
  expect(saved.stderr).toBe('');
  expect(saved.stdout).toMatch(/^Saved \d+ quotes and \d+ claims? as pre-annotations for “un-security-council”/);
  const host = await startHost(['--store', dir]);
  const other = await page.context().browser()!.newPage({ viewport: VIEWPORT });
  try {
    await other.goto(host.url);
    await other.locator('[aria-label="Documents in this workspace"]').getByRole('button', { name: 'un-security-council' }).first().click();
    await expect.poll(() => other.locator('.status-line').textContent()).toMatch(/\d+ pre-annotations to review in the suggestions list/);
    await other.locator('.suggestions-toggle input').check();
    await expect.poll(() => other.locator('.suggestion-row').count()).toBeGreaterThan(5);
    expect(await other.locator('.cm-hl').count()).toBe(0);
  } finally {
    await other.close();
    await host.stop();
  }
});
