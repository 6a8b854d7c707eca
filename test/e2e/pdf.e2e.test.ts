// A PDF opened in the browser host: its text in reading order, "p. 2" beside page 2's first
// line, PDF in the details with no encoding to choose; a scan and a password-protected PDF are
// refused in words and the window goes on working.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lines, pdfFile } from '../helpers/pdf-file';
import { launchBrowser, readJson, screenshot, startHost, tempDir, VIEWPORT, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let files: string;
let page: Page;

beforeAll(async () => {
  store = await tempDir();
  files = await tempDir('annotator-pdf-');
  host = await startHost(['--store', store]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Open a story to start annotating' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

beforeEach(async () => {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
});

async function open(name: string, content: Uint8Array): Promise<void> {
  const file = path.join(files, name);
  await fs.writeFile(file, content);
  await page.getByTestId('file-input').setInputFiles(file);
}

const editorText = () => page.locator('.cm-content').innerText();
const details = () => page.getByRole('region', { name: 'About this document' }).innerText();
const workspace = () => readJson(path.join(store, 'workspace.json'));

const REPORT = pdfFile(
  [
    {
      texts: [
        ...lines(['Audit of the city budget'], { size: 18, top: 780 }),
        ...lines(['The auditor found that the city spent more on the', 'bridge than the council approved, and that the infor-', 'mation given to councillors was incomplete.']),
        ...lines(['The mayor disputed the findings.'], { top: 700 }),
      ],
    },
    { texts: lines(['“We fixed the accounts in March,” said the mayor.', 'The auditor will report again next year.']) },
  ],
  { info: { Title: 'Audit of the city budget', Author: 'Office of the City Auditor', CreationDate: "D:20240510090000+02'00'" } },
);

describe('PDFs', () => {
  it('shows the text in reading order with "p. 2" beside page 2’s first line, and says PDF', async () => {
    await open('city-audit.pdf', REPORT);
    await expect.poll(editorText).toContain('We fixed the accounts in March');
    const text = await editorText();
    expect(text).toContain('the information given to councillors was incomplete.');
    expect(text.indexOf('The mayor disputed')).toBeLessThan(text.indexOf('We fixed the accounts'));

    const mark = page.locator('.cm-page-mark', { hasText: 'p. 2' });
    await expect.poll(() => mark.count()).toBe(1);
    const line = page.locator('.cm-line', { hasText: 'We fixed the accounts in March' });
    const [markBox, lineBox] = [await mark.boundingBox(), await line.boundingBox()];
    // Beside the line: on its first row, in the margin to its left.
    expect(markBox!.y).toBeGreaterThanOrEqual(lineBox!.y - 2);
    expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(lineBox!.y + 32);
    expect(markBox!.x + markBox!.width).toBeLessThanOrEqual(lineBox!.x);
    // Whole, inside the reading pane (not cut off at its left edge).
    const pane = await page.locator('.cm-scroller').boundingBox();
    expect(markBox!.x).toBeGreaterThanOrEqual(pane!.x);
    await expect.poll(() => page.locator('.cm-page-mark', { hasText: 'p. 1' }).count()).toBe(1);

    await expect.poll(details).toContain('PDF');
    expect(await details()).toMatch(/Pages\s*2/);
    expect(await page.locator('#document-encoding').count()).toBe(0);
    await screenshot(page, 'pdf-pages');

    const doc = (await workspace()).documents.find((d: { fileName: string }) => d.fileName === 'city-audit.pdf');
    expect(doc).toMatchObject({ format: 'pdf', title: 'Audit of the city budget', byline: 'Office of the City Auditor', publishedOn: '2024-05-10' });
    expect(doc.pageStarts).toHaveLength(2);
  });

  const refusals: [string, Uint8Array, RegExp][] = [
    ['scan.pdf', pdfFile([{ image: true }]), /has no text layer \(it is a scan.*Run OCR on it first/],
    ['sealed.pdf', pdfFile([{ texts: lines(['Secret.']) }], { encrypted: true }), /is protected with a password.*save a copy without one/],
    ['cut.pdf', REPORT.subarray(0, 80), /is not a PDF or is damaged/],
  ];
  for (const [name, content, expected] of refusals) {
    it(`refuses ${name} with a clear message and keeps running`, async () => {
      const before = (await workspace()).documents.length;
      await open(name, content);
      await expect.poll(() => page.getByRole('alert').last().innerText()).toMatch(expected);
      expect(await page.getByRole('alert').last().innerText()).toContain(name);
      if (name === 'scan.pdf') await screenshot(page, 'pdf-scan-refused');
      expect((await workspace()).documents.length).toBe(before);
      // Still working: the PDF opened before is there and its text shows.
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
      await expect.poll(editorText).toContain('We fixed the accounts in March');
    });
  }
});
