// The Export dialog's spaCy DocBin and WebAnno TSV downloads from the browser host, saved by the
// window itself: the .spacy file arrives as its exact bytes (read back as spaCy's DocBin reads
// it), and WebAnno's one-file-per-document-and-annotator folder arrives as one webanno.zip.
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dragSelect, withAppWithSample } from './harness';

let page: Page;
withAppWithSample((app) => ({ page } = app));

const READER = path.resolve(__dirname, '../helpers/read-docbin.py');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : null;

async function exportAs(format: string): Promise<{ name: string; file: string }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
  await dialog.getByLabel('Format').selectOption(format);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = await download;
  const file = (await done.path())!;
  await page.keyboard.press('Escape');
  return { name: done.suggestedFilename(), file };
}

describe('Export… in the browser', () => {
  it.skipIf(!PYTHON)('downloads dataset.spacy, which reads back as spaCy reads a DocBin, the quote a span', async () => {
    await dragSelect(page, 'This is completely false');
    await page.keyboard.press('q');
    const { name, file } = await exportAs('docbin');
    expect(name).toBe('dataset.spacy');
    const read = JSON.parse(execFileSync(PYTHON!, [READER, file], { encoding: 'utf8' }));
    const spans = read.docs.flatMap((doc: { spans: Record<string, { spans: { label: string; text: string }[] }> }) => Object.values(doc.spans).flatMap((g) => g.spans));
    expect(spans).toContainEqual(expect.objectContaining({ label: 'Quote', text: 'This is completely false' }));
  });

  it('downloads WebAnno TSV as one webanno.zip, a .tsv per document and annotator', async () => {
    const { name, file } = await exportAs('webanno');
    expect(name).toBe('webanno.zip');
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const tsvs = Object.keys(zip.files).filter((n) => n.endsWith('.tsv'));
    expect(tsvs.length).toBeGreaterThanOrEqual(await page.locator('.document-item').count());
    const texts = await Promise.all(tsvs.map((n) => zip.file(n)!.async('string')));
    expect(texts.every((t) => t.startsWith('#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Newsroom|'))).toBe(true);
    expect(texts.join('\n')).toMatch(/\tThis\tQuote\[\d+\]\t/);
  });
});
