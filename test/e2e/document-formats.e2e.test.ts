// Documents as newsrooms get them: web pages, Word files, subtitles and transcripts, text in
// old encodings; and files that cannot be read, refused in words.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paragraph, wordFile } from '../helpers/word-file';
import { annotationsOnDisk, eventually, launchBrowser, readJson, screenshot, startHost, tempDir, VIEWPORT, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let files: string;
let page: Page;

beforeAll(async () => {
  store = await tempDir();
  files = await tempDir('annotator-formats-');
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

async function open(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(files, name);
  await fs.writeFile(file, content);
  await page.getByTestId('file-input').setInputFiles(file);
  return file;
}

const details = () => page.getByRole('region', { name: 'About this document' }).innerText();
const editorText = () => page.locator('.cm-content').innerText();
const messages = () => page.locator('.messages').innerText();
const workspace = () => readJson(path.join(store, 'workspace.json'));

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Dam deal agreed | The Valley Courier</title>
<link rel="canonical" href="https://courier.example/news/dam-deal"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> Subscribe today</nav>
<div class="cookie">We use cookies to improve your experience.</div>
<script>var tracking = "secret tracker text";</script>
<article><h1>Dam deal agreed</h1>
<p>The council agreed on Tuesday to finish the dam by spring, after a long and heated meeting that ran past midnight in the town hall.</p>
<p>“We will finish it on time and on budget,” said the mayor, Ann Lee, who has promised the project since her election three years ago.</p>
<p>Farmers downstream said they had not been asked about the water plan, and several of them said they would take the council to court.</p>
</article><footer>© The Valley Courier</footer></body></html>`;

describe('formats', () => {
  it('reads a web page’s article, with its title and canonical address', async () => {
    await open('dam-deal.html', PAGE);
    await expect.poll(editorText).toContain('We will finish it on time and on budget');
    const text = await editorText();
    expect(text).not.toContain('Subscribe today');
    expect(text).not.toContain('secret tracker text');
    await expect.poll(details).toContain('Web page');
    expect(await details()).toContain('https://courier.example/news/dam-deal');
    const doc = (await workspace()).documents.find((d: { fileName: string }) => d.fileName === 'dam-deal.html');
    expect(doc).toMatchObject({ format: 'html', sourceUrl: 'https://courier.example/news/dam-deal' });
    expect(doc.title).toContain('Dam deal agreed');
    expect(doc.addedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('reads a Word document, paragraph by paragraph, with its title', async () => {
    await open('memo.docx', await wordFile(paragraph('The council met on Monday.') + paragraph('“We will win,” said Ann Lee.'), 'Council memo'));
    await expect.poll(editorText).toContain('We will win');
    await expect.poll(details).toContain('Word document');
    const doc = (await workspace()).documents.find((d: { fileName: string }) => d.fileName === 'memo.docx');
    expect(doc).toMatchObject({ format: 'docx', title: 'Council memo' });
    // One paragraph each, a blank line between.
    expect(await fs.readFile(path.join(store, 'texts', `${doc.textHash}.txt`), 'utf8')).toBe('The council met on Monday.\n\n“We will win,” said Ann Lee.');
  });

  it('turns subtitles into a transcript whose speakers join the speaker list, and tags their lines on request', async () => {
    const srt = [
      '1', '00:00:01,000 --> 00:00:04,000', 'ANN LEE: We will finish the dam by spring.', '',
      '2', '00:00:04,500 --> 00:00:08,000', 'BOB STONE: Nobody asked the farmers.', '',
      '3', '00:00:08,500 --> 00:00:11,000', 'ANN LEE: <i>They were asked</i> last year.', '',
    ].join('\n');
    await open('council.srt', srt);
    await expect.poll(editorText).toContain('Nobody asked the farmers.');
    expect(await editorText()).not.toContain('<i>');
    await expect.poll(details).toContain('Subtitles (SubRip)');
    const speakers = page.getByRole('navigation', { name: 'Documents' });
    await expect.poll(() => speakers.innerText()).toContain('ANN LEE');
    expect(await speakers.innerText()).toContain('BOB STONE');
    await page.getByRole('button', { name: 'Tag speakers’ lines' }).click();
    await expect.poll(messages).toContain('Tagged 3 lines as quotes by their speakers');
    const quotes = await eventually(async () => {
      const all = (await annotationsOnDisk(store)).filter((a) => a.labelId === 'quote');
      expect(all).toHaveLength(3);
      return all;
    });
    const names = new Map((await workspace()).speakers.map((s: { id: string; name: string }) => [s.id, s.name]));
    expect(quotes.map((q) => `${names.get(q.speakerId)}: ${q.text}`).sort()).toEqual([
      'ANN LEE: They were asked last year.',
      'ANN LEE: We will finish the dam by spring.',
      'BOB STONE: Nobody asked the farmers.',
    ]);
    await expect.poll(() => page.locator('.annotation-row', { hasText: 'BOB STONE' }).count()).toBe(1);
    await screenshot(page, 'transcript-tagged');
  });
});

describe('encodings', () => {
  // “Smart quotes” and the euro sign in Windows-1252: bytes 0x93, 0x94 and 0x80.
  const WINDOWS_1252 = Buffer.concat([
    Buffer.from('The mayor said '),
    Buffer.from([0x93]),
    Buffer.from('it costs 5 million '),
    Buffer.from([0x80]),
    Buffer.from([0x94]),
    Buffer.from(' and the caf'),
    Buffer.from([0xe9]),
    Buffer.from(' owner agreed.\r\nCritics said it was too much.\r\n'),
  ]);

  it('detects Windows-1252, shows it, and reads the text right', async () => {
    await open('cafe.txt', WINDOWS_1252);
    await expect.poll(editorText).toContain('“it costs 5 million €” and the café owner agreed.');
    await expect.poll(() => page.locator('#document-encoding option:checked').textContent()).toBe('Windows-1252 (detected)');
    const doc = (await workspace()).documents.find((d: { fileName: string }) => d.fileName === 'cafe.txt');
    expect(doc).toMatchObject({ encoding: 'windows-1252', encodingDetected: true });
    // CRLF became LF in the stored text.
    const snapshot = await fs.readFile(path.join(store, 'texts', `${doc.textHash}.txt`), 'utf8');
    expect(snapshot).not.toContain('\r');
  });

  it('lets the user override the guess, and refuses an encoding the bytes are not in, naming the byte', async () => {
    await page.locator('#document-encoding').selectOption('utf-8');
    await page.getByRole('button', { name: 'Read again as UTF-8' }).click();
    await page.getByTestId('relink-input').setInputFiles(path.join(files, 'cafe.txt'));
    await expect.poll(messages).toMatch(/byte|position/i);
    await expect.poll(editorText).toContain('café');

    await page.locator('#document-encoding').selectOption('iso-8859-1');
    await page.getByRole('button', { name: 'Read again as ISO-8859-1 (Latin-1)' }).click();
    await page.getByTestId('relink-input').setInputFiles(path.join(files, 'cafe.txt'));
    // Read: the button goes, and the choice is what the document now says.
    await expect.poll(() => page.getByRole('button', { name: /Read again as/ }).count()).toBe(0);
    expect(await page.locator('#document-encoding option:checked').textContent()).toBe('ISO-8859-1 (Latin-1)');
    const doc = (await workspace()).documents.find((d: { fileName: string }) => d.fileName === 'cafe.txt');
    expect(doc).toMatchObject({ encoding: 'iso-8859-1', encodingDetected: false });
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const text = 'Ann Lee said “we are ready” on Monday.\n';
    await open('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await expect.poll(editorText).toContain('we are ready');
    await expect.poll(() => page.locator('#document-encoding').inputValue()).toBe('utf-16le');
  });
});

describe('bad input', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', '', /empty/i],
    ['photo.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /binary/i],
    ['nul.txt', Buffer.concat([Buffer.from('Some words'), Buffer.alloc(200), Buffer.from('more words')]), /binary|NUL/i],
    ['cut.txt', Buffer.concat([Buffer.from('Le café crème was cold, said Ann. A sentence cut in the middle of caf'), Buffer.from([0xc3])]), /byte|position|middle/i],
    ['broken.docx', 'this is not a zip file', /Word document|damaged/i],
  ];
  for (const [name, content, expected] of cases) {
    it(`refuses ${name} with a clear message and keeps running`, async () => {
      const before = (await workspace()).documents.length;
      await open(name, content);
      await expect.poll(() => page.getByRole('alert').last().innerText()).toMatch(expected);
      expect(await page.getByRole('alert').last().innerText()).toContain(name);
      expect((await workspace()).documents.length).toBe(before);
    });
  }
});
