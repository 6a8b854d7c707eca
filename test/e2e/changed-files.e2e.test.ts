// A story's file changes under its highlights: while it is open, and between runs. Every
// highlight ends moved, flagged for a check, or listed to be placed by hand; none is lost.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationsOnDisk, clickText, dragSelect, eventually, launchBrowser, readJson, screenshot, startHost, tempDir, VIEWPORT, type RunningHost } from './harness';

const STORY = [
  'Council meets on water plan',
  '',
  'The mayor said "We will finish the dam by spring" and left early.',
  '',
  'Ann Lee, the council chair, said the budget "is balanced and fair to every district in the city" on Tuesday.',
  '',
  'Bob Stone said "Nobody asked the farmers about any of this" after the meeting.',
  '',
  'The vote is on Friday.',
  '',
].join('\n');

const CHANGED = STORY.replace('Council meets on water plan\n\n', 'Council meets on water plan\n\nUpdate: this story was revised on Monday with comments from the chair.\n\n')
  .replace('balanced and fair to every district', 'balanced and very fair to every district')
  .replace('Bob Stone said "Nobody asked the farmers about any of this" after the meeting.\n\n', '');

const QUOTES = ['We will finish the dam by spring', 'is balanced and fair to every district in the city', 'Nobody asked the farmers about any of this'];

let browser: Browser;
let host: RunningHost;
let store: string;
let storyPath: string;
let page: Page;

async function start(args: string[]): Promise<void> {
  host = await startHost(['--store', store, ...args]);
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(host.url);
  await page.locator('.cm-content').waitFor();
}

async function stop(): Promise<void> {
  await page.close();
  await host.stop();
}

beforeAll(async () => {
  store = await tempDir();
  const folder = await tempDir('annotator-story-');
  storyPath = path.join(folder, 'story.txt');
  await fs.writeFile(storyPath, STORY);
  browser = await launchBrowser();
  await start([storyPath]);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const messages = () => page.locator('.messages').innerText();
const documentOnDisk = async () => (await readJson(path.join(store, 'workspace.json'))).documents[0];
const annotationsFile = async () => {
  const doc = await documentOnDisk();
  return readJson(path.join(store, 'annotations', `${doc.id}.json`));
};

describe('a file that changes while it is open', () => {
  it('shows where the document came from', async () => {
    const details = page.getByRole('region', { name: 'About this document' });
    await expect.poll(() => details.innerText()).toContain(storyPath);
    await expect.poll(() => details.innerText()).toContain('Plain text');
    await expect.poll(() => page.locator('#document-encoding').inputValue()).toBe('utf-8');
  });

  it('re-anchors every highlight and says how each fared', async () => {
    for (const quote of QUOTES) {
      await dragSelect(page, quote);
      await page.keyboard.press('q');
    }
    await eventually(async () => expect((await annotationsOnDisk(store)).map((a) => a.text).sort()).toEqual([...QUOTES].sort()));
    await fs.writeFile(storyPath, CHANGED);
    await expect.poll(messages, { timeout: 15_000 }).toContain(
      'story.txt changed: 1 highlight moved with the text, 1 highlight needs a check (dashed outline), 1 highlight could not be placed (see "Not placed")',
    );
    // The text on screen is the new one, with the moved quote still highlighted.
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain('Update: this story was revised');
    const moved = page.locator('.cm-hl:not(.cm-hl-fuzzy)', { hasText: 'We will finish the dam by spring' });
    await expect.poll(() => moved.count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.cm-hl-fuzzy').first().textContent()).toBe('is balanced and very fair to every district in the city');
    await expect.poll(() => page.locator('.annotation-row', { hasText: 'Check placement' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Highlights not placed' }).innerText()).toContain(QUOTES[2]);
    await screenshot(page, 'changed-file-reanchored');

    const file = await annotationsFile();
    const byText = new Map(file.annotations.map((a: { text: string }) => [a.text, a]));
    const start = CHANGED.indexOf(QUOTES[0]!);
    expect(byText.get(QUOTES[0])).toMatchObject({ start, end: start + QUOTES[0]!.length });
    expect(byText.get('is balanced and very fair to every district in the city')).toMatchObject({ anchor: 'fuzzy' });
    expect(file.orphans.map((o: { text: string }) => o.text)).toEqual([QUOTES[2]]);
    expect(file.textHash).toBe((await documentOnDisk()).textHash);
  });

  it('clears the flag when a person says the placement is right', async () => {
    await clickText(page, 'very fair');
    await page.getByRole('button', { name: 'It’s right' }).click();
    await eventually(async () => expect((await annotationsFile()).annotations.some((a: { anchor?: string }) => a.anchor)).toBe(false));
    await expect.poll(() => page.locator('.cm-hl-fuzzy').count()).toBe(0);
  });

  it('places an orphan on the text the user selects', async () => {
    await dragSelect(page, 'The vote is on Friday');
    await page.getByRole('button', { name: 'Place on selection' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Highlights not placed' }).count()).toBe(0);
    const file = await eventually(async () => {
      const onDisk = await annotationsFile();
      expect(onDisk.orphans).toEqual([]);
      return onDisk;
    });
    const placed = file.annotations.find((a: { text: string }) => a.text === 'The vote is on Friday');
    expect(placed).toMatchObject({ labelId: 'quote', start: CHANGED.indexOf('The vote is on Friday') });
  });
});

describe('a file that goes missing, and one that changed between runs', () => {
  it('re-anchors on the next start when the file changed while the app was closed', async () => {
    await stop();
    // The store still links the file (it was opened from the command line).
    expect((await documentOnDisk()).filePath).toBe(storyPath);
    await fs.writeFile(storyPath, 'Breaking: a late paragraph.\n\n' + CHANGED);
    await start([]);
    await expect.poll(messages, { timeout: 15_000 }).toMatch(/story\.txt changed: .*moved with the text/);
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain('Breaking: a late paragraph.');
    const file = await annotationsFile();
    for (const a of file.annotations) expect(a.text).toBe(('Breaking: a late paragraph.\n\n' + CHANGED).slice(a.start, a.end));
  });

  it('keeps working on the saved copy and relinks with Locate file…', async () => {
    const movedPath = storyPath.replace(/story\.txt$/, 'story-moved.txt');
    await fs.rename(storyPath, movedPath);
    const banner = page.locator('.source-missing-banner');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toContain(`story.txt is no longer at ${storyPath}`);
    // Still annotatable from the snapshot.
    await dragSelect(page, 'comments from the chair');
    await page.keyboard.press('c');
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'comments from the chair')).toBe(true));
    await screenshot(page, 'changed-file-missing');
    await banner.getByRole('button', { name: 'Locate file…' }).click();
    await page.getByTestId('relink-input').setInputFiles(movedPath);
    await expect.poll(messages).toContain('is linked again; its text is the same as the saved copy');
    await expect.poll(() => banner.count()).toBe(0);
  });
});
