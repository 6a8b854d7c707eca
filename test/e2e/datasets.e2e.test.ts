// The trainers' side of the window: export a dataset (a download from the browser host) and see
// the agreement between two annotators.
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Browser, Download, Page } from 'playwright-core';
import { dragSelect, withAppWithSample, screenshot, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;
withAppWithSample((app) => ({ store, host, browser, page } = app));

describe('Export…', () => {
  it('downloads a spaCy dataset with the highlights in code points', async () => {
    await dragSelect(page, 'This is completely false');
    await page.keyboard.press('q');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
    await dialog.getByLabel('Format').selectOption('spacy');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await (await download).path();
    const line = JSON.parse((await fs.readFile(file!, 'utf8')).trim());
    const [span] = line.spans;
    expect(span.label).toBe('Quote');
    expect([...line.text].slice(span.start, span.end).join('')).toBe('This is completely false');
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Downloaded spacy.jsonl.');
  });

  it('downloads brat as one brat.zip holding a .txt and an .ann per document', async () => {
    const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
    await dialog.getByLabel('Format').selectOption('brat');
    const downloads: string[] = [];
    const collect = (download: Download) => downloads.push(download.suggestedFilename());
    page.on('download', collect);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const zip = await JSZip.loadAsync(await fs.readFile((await (await download).path())!));
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Downloaded brat.zip.');
    page.off('download', collect);
    expect(downloads).toEqual(['brat.zip']);
    const names = Object.keys(zip.files).sort();
    const documents = await page.locator('.document-item').count();
    expect(names.filter((n) => n.endsWith('.txt'))).toHaveLength(documents);
    expect(names.filter((n) => n.endsWith('.ann'))).toHaveLength(documents);
    // The quote marked above is in some .ann, as brat's T line with its exact text.
    const anns = await Promise.all(names.filter((n) => n.endsWith('.ann')).map((n) => zip.file(n)!.async('string')));
    expect(anns.join('\n')).toMatch(/^T\d+\tQuote \d+ \d+\tThis is completely false$/m);
  });

  it('lists the spans CoNLL could not tag', async () => {
    const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
    await page.keyboard.press('Escape');
    await dragSelect(page, 'completely false');
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Export…' }).click();
    await dialog.getByLabel('Format').selectOption('conll');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await download;
    await expect.poll(() => dialog.locator('summary').textContent()).toBe('1 span left out of the BIO tags');
    await expect.poll(() => dialog.locator('.export-warnings').textContent()).toContain('overlaps a highlight already tagged');
    await screenshot(page, 'export-dialog');
    await page.keyboard.press('Escape');
  });
});

describe('Agreement', () => {
  it('compares two annotators who marked the same quote', async () => {
    // Ana annotated above; Ben marks the same words.
    await page.getByRole('textbox', { name: /Who is annotating/ }).fill('Ana');
    await page.getByRole('button', { name: 'Save' }).click();
    await dragSelect(page, 'Vassily Nebenzia');
    await page.keyboard.press('s');
    await page.locator('.annotator-name').click();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ben');
    await page.getByRole('button', { name: 'Save' }).click();
    // Clear the selection first: a press on a selected highlight's end grabs its grip.
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Escape');
    await dragSelect(page, 'Vassily Nebenzia');
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
    await page.getByRole('button', { name: 'Agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Agreement between annotators' });
    await expect.poll(() => dialog.getByRole('heading', { level: 3 }).allTextContents()).toContain('Ana and Ben · 1 document · Cohen’s kappa 1.000');
    const pair = dialog.locator('section', { hasText: 'Ana and Ben' });
    await expect.poll(() => pair.getByRole('row', { name: /Speaker/ }).textContent()).toBe('Speaker1.0001.000');
    await page.keyboard.press('Escape');
  });
});

describe('Import…', () => {
  it('brings in a doccano file: its document, its labels and its highlights', async () => {
    const line = JSON.stringify({ text: 'Unemployment fell to 4.1% in May, the minister said.', label: [[0, 31, 'Statistic'], [38, 46, 'Speaker']], title: 'jobs-report' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles({ name: 'jobs.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${line}\n`) });
    // Previewed first (a dry run), then imported.
    const preview = page.getByRole('dialog', { name: 'Import annotations' });
    await expect.poll(() => preview.locator('.import-summary').textContent()).toBe('1 document (1 new) · 2 new highlights · 0 already present · 1 new label');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.locator('.message', { hasText: 'Imported' }).locator('span').textContent()).toBe('Imported 2 highlights in 1 document; new labels: Statistic — Ctrl+Z undoes it.');
    await page.getByRole('list', { name: 'Documents in this workspace' }).getByRole('button', { name: /jobs-report/ }).click();
    await expect.poll(() => page.locator('.annotation-row .chip').allTextContents()).toEqual(['Statistic', 'Speaker']);
  });

  it('names the file and line of a malformed import, and imports nothing', async () => {
    const before = await page.locator('.document-item').count();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles({ name: 'broken.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"text": "fine", "label": []}\n{oops\n') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('broken.jsonl:2: this line is not JSON');
    expect(await page.locator('.document-item').count()).toBe(before);
  });
});

describe('Split', () => {
  it('exports train, dev and test sets by document from the Export dialog', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
    await dialog.getByLabel('Format').selectOption('spacy');
    await dialog.getByLabel('Split by document').check();
    await dialog.getByLabel('Ratios').fill('50,0,50');
    await dialog.getByLabel(/^Seed/).fill('3');
    const documents = await page.locator('.document-item').count();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    // One download, a zip, rather than three the browser would block.
    expect((await download).suggestedFilename()).toBe('spacy-split.zip');
    const zip = await JSZip.loadAsync(await fs.readFile((await (await download).path())!));
    const parts = new Map<string, number>();
    for (const [name, entry] of Object.entries(zip.files)) parts.set(name, (await entry.async('string')).split('\n').filter(Boolean).length);
    expect([...parts.keys()].sort()).toEqual(['dev.jsonl', 'test.jsonl', 'train.jsonl']);
    // Every document in exactly one part; none in dev, whose ratio is 0.
    expect(parts.get('dev.jsonl')).toBe(0);
    expect(parts.get('train.jsonl')! + parts.get('test.jsonl')!).toBe(documents);
    await page.keyboard.press('Escape');
  });
});


describe('Merge', () => {
  it('in the browser, says how to merge instead of failing quietly', async () => {
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Merge a colleague’s workspace…' }).click();
    await expect.poll(() => page.getByRole('alert').last().textContent()).toContain('npx annotator merge --store DIR OTHER_DIR');
  });
});
