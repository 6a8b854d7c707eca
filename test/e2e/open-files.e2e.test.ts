// Opening files every way a user tries: the Open button, File > Open, Ctrl+O, a drop on the
// window, the command line; and the files that must be refused with a clear message.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE, annotationsOnDisk, dragSelect, eventually, openAppWithSample, readJson, screenshot, tempDir, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let files: string;
let page: Page;

async function writeFixture(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(files, name);
  await fs.writeFile(file, content);
  return file;
}

beforeAll(async () => {
  files = await tempDir('annotator-files-');
  ({ store, host, browser, page } = await openAppWithSample());
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await fs.rm(files, { recursive: true, force: true });
});

beforeEach(async () => {
  // Each test starts with no messages on screen.
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
});

const documentButton = (title: string) => page.getByRole('list', { name: 'Documents in this workspace' }).getByRole('button', { name: new RegExp(title) });
const title = () => page.locator('.doc-title').textContent();

describe('opening files', () => {
  it('opens a file named on the command line', async () => {
    await expect.poll(title).toBe('un-security-council');
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('US, allies warn of North Korea-Russia military cooperation');
  });

  it('shows the text in a readable editor: wrapped lines, a reading font and width', async () => {
    const content = page.locator('.cm-content');
    expect(await page.locator('.cm-lineWrapping').count()).toBe(1);
    const style = await content.evaluate((el) => {
      const css = getComputedStyle(el);
      return { font: css.fontFamily, maxWidth: parseFloat(css.maxWidth), fontSize: parseFloat(css.fontSize) };
    });
    expect(style.font).toMatch(/serif/i);
    expect(style.fontSize).toBeGreaterThanOrEqual(16);
    expect(style.maxWidth).toBeLessThan(900);
    // No horizontal scrolling: long paragraphs wrap.
    const scroller = page.locator('.cm-scroller');
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });

  it('draws only the visible part of a long document', async () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i + 1}: the council met again and “nothing was agreed”, officials said.`);
    const file = await writeFixture('long-transcript.txt', paragraphs.join('\n'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…', exact: true }).click();
    await (await chooser).setFiles(file);
    await expect.poll(title).toBe('long-transcript');
    // 20,000 lines in the document, a screenful in the page.
    const drawn = await page.locator('.cm-line').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(500);
    // And the end is still reachable: it is drawn once scrolled to.
    await page.locator('.cm-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Paragraph 20000:');
  });

  it('shows highlights far down a long document after opening it again', async () => {
    // Far past the first screens, whose highlights come with the text; these follow after.
    await dragSelect(page, 'Paragraph 2:');
    await page.keyboard.press('c');
    await page.locator('.cm-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Paragraph 19998');
    await dragSelect(page, 'Paragraph 19998');
    await page.keyboard.press('q');
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'Paragraph 19998')).toBe(true));
    await documentButton('un-security-council').click();
    await expect.poll(title).toBe('un-security-council');
    await documentButton('long-transcript').click();
    await expect.poll(title).toBe('long-transcript');
    await expect.poll(() => page.locator('.annotation-row').allTextContents()).toEqual([
      expect.stringContaining('Paragraph 2:'),
      expect.stringContaining('Paragraph 19998'),
    ]);
    await page.locator('.annotation-row', { hasText: 'Paragraph 19998' }).click();
    await expect.poll(() => page.locator('.cm-hl[data-label="quote"]').textContent()).toBe('Paragraph 19998');
    // Clean up so later tests see the document list they expect.
    await page.keyboard.press('Delete');
    await page.locator('.annotation-row', { hasText: 'Paragraph 2:' }).click();
    await page.keyboard.press('Delete');
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text.startsWith('Paragraph'))).toBe(false));
  });

  it('opens a .txt file with the Open button', async () => {
    const file = await writeFixture('briefing.txt', 'Briefing notes\n\nThe minister said “we will build 300,000 homes”.\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…', exact: true }).click();
    await (await chooser).setFiles(file);
    await expect.poll(title).toBe('briefing');
    await expect.poll(() => documentButton('briefing').count()).toBe(1);
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('we will build 300,000 homes');
  });

  it('opens a .md file from File > Open', async () => {
    const file = await writeFixture('interview.md', '# Interview\n\n**Q:** Did inflation fall?\n\n**A:** “It fell to 2 per cent,” she said.\n');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: /Open…/ }).click();
    await (await chooser).setFiles(file);
    await expect.poll(title).toBe('interview');
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('It fell to 2 per cent');
  });

  it('opens a file with Ctrl+O', async () => {
    const file = await writeFixture('ctrl-o.txt', 'Opened from the keyboard.\n');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles(file);
    await expect.poll(title).toBe('ctrl-o');
  });

  it('opens a file dropped on the window', async () => {
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Dropped statement: “Crime is down 20%.”\n'], 'dropped.txt', { type: 'text/plain' }));
      const target = document.querySelector('.reader')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(title).toBe('dropped');
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Crime is down 20%');
  });

  it('opening the same text again switches to it instead of adding it twice', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…', exact: true }).click();
    await (await chooser).setFiles(SAMPLE);
    await expect.poll(title).toBe('un-security-council');
    const workspace = await readJson(path.join(store, 'workspace.json'));
    expect(workspace.documents.filter((d: { title: string }) => d.title === 'un-security-council')).toHaveLength(1);
  });
});

describe('switching documents', () => {
  it('keeps every document’s highlights', async () => {
    await documentButton('briefing').click();
    await expect.poll(title).toBe('briefing');
    await dragSelect(page, 'we will build 300,000 homes');
    await page.keyboard.press('q');
    await documentButton('un-security-council').click();
    await expect.poll(title).toBe('un-security-council');
    await dragSelect(page, 'Robert Wood');
    await page.keyboard.press('s');
    await documentButton('briefing').click();
    await expect.poll(() => page.locator('.cm-hl[data-label="quote"]').textContent()).toBe('we will build 300,000 homes');
    await documentButton('un-security-council').click();
    await expect.poll(() => page.locator('.cm-hl[data-label="speaker"]', { hasText: 'Robert Wood' }).count()).toBe(1);
    // The list shows each document's count.
    await expect.poll(() => documentButton('briefing').textContent()).toContain('1');
    await eventually(async () => expect((await annotationsOnDisk(store)).map((a) => a.text).sort()).toEqual(['Robert Wood', 'we will build 300,000 homes']));
    await screenshot(page, 'documents');
  });
});

describe('bad input gets a clear message, and nothing is lost', () => {
  async function openAndExpectRefusal(file: string, message: RegExp) {
    const before = await annotationsOnDisk(store);
    const titleBefore = await title();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…', exact: true }).click();
    await (await chooser).setFiles(file);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(message);
    // Still working: the open document and every saved highlight are untouched.
    expect(await title()).toBe(titleBefore);
    expect(await annotationsOnDisk(store)).toEqual(before);
    await dragSelect(page, 'Korea', 1);
    await page.keyboard.press('c');
    await eventually(async () => expect(await annotationsOnDisk(store)).toHaveLength(before.length + 1));
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await annotationsOnDisk(store)).toHaveLength(before.length));
  }

  it('refuses a binary file', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await openAndExpectRefusal(await writeFixture('photo.txt', bytes), /looks like a binary file, not text\. Open a text, Markdown, web page/);
    await screenshot(page, 'binary-file-refused');
  });

  it('refuses an empty file', async () => {
    await openAndExpectRefusal(await writeFixture('empty.txt', ''), /is empty.*Check that you chose the right file/);
  });

  it('refuses UTF-8 cut off mid-character, naming the byte', async () => {
    const bytes = Buffer.concat([Buffer.from('Café crème and caf'), Buffer.from([0xc3])]);
    await openAndExpectRefusal(await writeFixture('cut.txt', bytes), /"cut\.txt" ends in the middle of a UTF-8 character.*from position 20/);
  });

  it('refuses a file over 50 MB without reading it all', async () => {
    const file = path.join(files, 'huge.txt');
    const handle = await fs.open(file, 'w');
    await handle.truncate(51 * 1024 * 1024);
    await handle.close();
    await openAndExpectRefusal(file, /51\.0 MB; the limit is 50 MB\. Split it/);
  });

  it('refuses other file types', async () => {
    await openAndExpectRefusal(await writeFixture('report.odt', 'PK not really'), /not a kind of document this version can open\. Open a \.txt, .*\.docx, \.pdf, \.srt or \.vtt file/);
  });
});
