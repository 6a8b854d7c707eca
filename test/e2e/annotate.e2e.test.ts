// A fact-checker's first session: label quotes, speakers and claims in the sample article,
// attribute, edit, delete and undo, and find all of it on disk.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  VIEWPORT,
  annotationsOnDisk,
  clickText,
  dragBetween,
  dragSelect,
  eventually,
  locateText,
  withAppWithSample,
  pickSpeaker,
  readJson,
  screenshot,
  type RunningHost,
} from './harness';

const QUOTE = 'This is completely false';
const SPEAKER = 'Vassily Nebenzia';
const CLAIM = 'Pyongyang has shipped at least 10,000 containers to Russia';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

withAppWithSample((app) => ({ store, host, browser, page } = app));

const highlight = (label: string, text: string) => page.locator(`.cm-hl[data-label="${label}"]`, { hasText: text });

describe('labelling a selection', () => {
  it('shows a toolbar beside the selection with each label and its key', async () => {
    await dragSelect(page, QUOTE);
    const toolbar = page.getByRole('toolbar', { name: 'Label the selection' });
    await expect.poll(() => toolbar.isVisible()).toBe(true);
    for (const [name, key] of [
      ['Quote', 'Q'],
      ['Speaker', 'S'],
      ['Claim', 'C'],
    ]) {
      await expect.poll(() => toolbar.getByRole('button', { name: new RegExp(`${name}\\s*${key}`) }).count()).toBe(1);
    }
    await screenshot(page, 'selection-toolbar');
  });

  it('labels a quote with one click, snapped to whole words, and saves it to disk', async () => {
    await toolbarButton('Quote').click();
    await expect.poll(() => highlight('quote', QUOTE).count()).toBeGreaterThan(0);
    const saved = await eventually(async () => {
      const found = (await annotationsOnDisk(store)).find((a) => a.labelId === 'quote');
      expect(found).toBeTruthy();
      return found;
    });
    // Dragging from the first to the last letter takes whole words and nothing more.
    expect(saved.text).toBe(QUOTE);
    const text = await readSnapshot();
    expect(text.slice(saved.start, saved.end)).toBe(QUOTE);
    expect(saved.prefix).toBe(text.slice(Math.max(0, saved.start - 32), saved.start));
  });

  it('labels with one key: S for Speaker, C for Claim', async () => {
    await dragSelect(page, SPEAKER);
    await page.keyboard.press('s');
    await expect.poll(() => highlight('speaker', SPEAKER).count()).toBeGreaterThan(0);
    await dragSelect(page, CLAIM);
    await page.keyboard.press('c');
    await expect.poll(() => highlight('claim', 'containers').count()).toBeGreaterThan(0);
    await eventually(async () => expect((await annotationsOnDisk(store)).map((a) => a.labelId).sort()).toEqual(['claim', 'quote', 'speaker']));
  });

  it('gives each label its own colour', async () => {
    // Each is brought on screen first: the editor draws only the lines in view.
    const colour = async (label: string, text: string) => {
      await locateText(page, text);
      return page.locator(`.cm-hl[data-label="${label}"]`).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    };
    const colours = new Set([await colour('quote', QUOTE), await colour('speaker', SPEAKER), await colour('claim', CLAIM)]);
    expect(colours.size).toBe(3);
  });

  it('shows nested and overlapping highlights, and each stays clickable', async () => {
    // A claim inside the quote, dragged from mid-word to mid-word: it snaps to whole words.
    await dragBetween(page, 'pletely', 'fals');
    await page.keyboard.press('c');
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.labelId === 'claim' && a.text === 'completely false')).toBe(true));
    // A speaker span overlapping the quote's end.
    await dragSelect(page, 'false,” Vassily');
    await page.keyboard.press('s');
    await expect.poll(() => highlight('claim', 'completely').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // Clicking a word only the quote covers selects the quote.
    await clickText(page, 'This is');
    await expect.poll(() => panelLabel()).toBe('quote');
    // Clicking the nested claim selects the innermost highlight; clicking again walks outwards.
    await clickText(page, 'completely');
    await expect.poll(() => panelLabel()).toBe('claim');
    await expect.poll(() => page.locator('.annotation-text').textContent()).toBe('completely false');
    await clickText(page, 'completely');
    await expect.poll(() => panelLabel()).toBe('quote');
    // Where two spans overlap, the shorter comes first; each is reachable.
    await clickText(page, 'Vassily');
    await expect.poll(() => page.locator('.annotation-text').textContent()).toBe('false,” Vassily');
    await clickText(page, 'Vassily');
    await expect.poll(() => page.locator('.annotation-text').textContent()).toBe('Vassily Nebenzia');
    await clickText(page, 'Nebenzia');
    await expect.poll(() => page.locator('.annotation-text').textContent()).toBe('Vassily Nebenzia');
    await screenshot(page, 'overlapping-highlights');
  });
});

describe('the selected highlight', () => {
  it('shows its label, text and fields in the side panel', async () => {
    await clickText(page, 'This is');
    const panel = page.getByRole('region', { name: 'Selected highlight' });
    await expect.poll(() => panel.getByLabel('Label', { exact: true }).inputValue()).toBe('quote');
    await expect.poll(() => panel.locator('.annotation-text').textContent()).toBe(QUOTE);
    await expect.poll(() => panel.getByRole('combobox', { name: 'Said by' }).inputValue()).toBe('');
  });

  it('attributes a quote to a new speaker made from a Speaker highlight, then to an existing one', async () => {
    const panel = page.getByRole('region', { name: 'Selected highlight' });
    await panel.getByRole('button', { name: `+ ${SPEAKER}` }).click();
    await expect.poll(() => panel.getByRole('combobox', { name: 'Said by' }).inputValue()).toBe(SPEAKER);
    const workspace = await eventually(async () => {
      const data = await readJson(path.join(store, 'workspace.json'));
      expect(data.speakers).toHaveLength(1);
      return data;
    });
    const speakerId = workspace.speakers[0].id;
    expect(workspace.speakers[0].name).toBe(SPEAKER);
    await eventually(async () => {
      const all = await annotationsOnDisk(store);
      expect(all.find((a) => a.text === QUOTE).speakerId).toBe(speakerId);
      // The mention it came from names the speaker too.
      expect(all.find((a) => a.text === SPEAKER && a.labelId === 'speaker').speakerId).toBe(speakerId);
    });

    // Unattribute, then pick the existing speaker from the list.
    await pickSpeaker(page, 'Said by', null);
    await eventually(async () => expect((await annotationsOnDisk(store)).find((a) => a.text === QUOTE).speakerId).toBeNull());
    // Typing part of the name offers the speaker.
    await pickSpeaker(page, 'Said by', SPEAKER, 'Nebenz');
    await eventually(async () => expect((await annotationsOnDisk(store)).find((a) => a.text === QUOTE).speakerId).toBe(speakerId));
    await screenshot(page, 'quote-attributed');
  });

  it('keeps a note on a claim, saved as it is typed', async () => {
    await page.locator('.annotation-row', { hasText: 'containers' }).click();
    const note = page.getByLabel('Note', { exact: true });
    await note.fill('South Korean defence ministry estimate; ask for the report.');
    await eventually(async () =>
      expect((await annotationsOnDisk(store)).find((a) => a.text === CLAIM).note).toBe('South Korean defence ministry estimate; ask for the report.'),
    );
  });

  it('changes the label', async () => {
    await page.locator('.annotation-row', { hasText: 'containers' }).click();
    await page.getByLabel('Label', { exact: true }).selectOption('quote');
    await expect.poll(() => highlight('quote', 'containers').count()).toBeGreaterThan(0);
    await eventually(async () => expect((await annotationsOnDisk(store)).find((a) => a.text === CLAIM).labelId).toBe('quote'));
    await page.getByLabel('Label', { exact: true }).selectOption('claim');
    await eventually(async () => expect((await annotationsOnDisk(store)).find((a) => a.text === CLAIM).labelId).toBe('claim'));
  });

  it('deletes with the Delete key, and Ctrl+Z brings it back, on screen and on disk', async () => {
    await page.locator('.annotation-row', { hasText: 'containers' }).click();
    const before = await annotationsOnDisk(store);
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => highlight('claim', 'containers').count()).toBe(0);
    await eventually(async () => expect(await annotationsOnDisk(store)).toHaveLength(before.length - 1));
    await page.keyboard.press('Control+z');
    await expect.poll(() => highlight('claim', 'containers').count()).toBeGreaterThan(0);
    await eventually(async () => {
      const restored = (await annotationsOnDisk(store)).find((a) => a.text === CLAIM);
      expect(restored?.note).toContain('South Korean defence ministry');
    });
  });
});

describe('lists', () => {
  it('lists the highlights in text order and scrolls to the one clicked', async () => {
    const rows = page.locator('.annotation-row .row-text');
    const texts = await rows.allTextContents();
    const snapshot = await readSnapshot();
    const positions = texts.map((t) => snapshot.indexOf(t.replace(/…$/, '')));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // Scroll the text away, then pick the first highlight in the list: it comes back into view.
    await page.locator('.cm-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator('.annotation-row', { hasText: 'containers' }).click();
    await expect.poll(() => page.locator('.cm-hl-selected').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.cm-hl-selected').first().isVisible()).toBe(true);
  });
});

describe('saved without asking', () => {
  it('loses nothing when the page is reloaded right after an edit', async () => {
    await dragSelect(page, 'Geng Shuang');
    await page.keyboard.press('s');
    // No waiting for the save: reload at once.
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => page.locator('.annotation-row', { hasText: 'Geng Shuang' }).count()).toBe(1);
    await locateText(page, 'Geng Shuang');
    await expect.poll(() => highlight('speaker', 'Geng Shuang').count()).toBeGreaterThan(0);
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'Geng Shuang')).toBe(true));
  });

  it('loses nothing when the window is closed right after an edit', async () => {
    await dragSelect(page, 'Song Kim');
    await page.keyboard.press('s');
    await page.close();
    page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(host.url);
    await expect.poll(() => page.locator('.annotation-row', { hasText: 'Song Kim' }).count()).toBe(1);
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'Song Kim')).toBe(true));
  });

  it('writes the workspace layout the design describes', async () => {
    const workspace = await readJson(path.join(store, 'workspace.json'));
    expect(workspace.schemaVersion).toBe(2);
    expect(workspace.labels.map((l: { name: string }) => l.name)).toEqual(['Quote', 'Speaker', 'Claim']);
    const [doc] = workspace.documents;
    const annotationsFile = await readJson(path.join(store, 'annotations', `${doc.id}.json`));
    expect(annotationsFile).toMatchObject({ schemaVersion: 2, documentId: doc.id, textHash: doc.textHash, orphans: [] });
    expect(annotationsFile.annotations.length).toBe(doc.annotationCount);
    for (const annotation of annotationsFile.annotations) {
      expect((await readSnapshot()).slice(annotation.start, annotation.end)).toBe(annotation.text);
    }
    await screenshot(page, 'annotated-article');
  });
});

function toolbarButton(name: string) {
  return page.getByRole('toolbar', { name: 'Label the selection' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

function panelLabel() {
  return page.getByRole('region', { name: 'Selected highlight' }).getByLabel('Label', { exact: true }).inputValue();
}

async function readSnapshot(): Promise<string> {
  const workspace = await readJson(path.join(store, 'workspace.json'));
  const { readFile } = await import('node:fs/promises');
  return readFile(path.join(store, 'texts', `${workspace.documents[0].textHash}.txt`), 'utf8');
}
