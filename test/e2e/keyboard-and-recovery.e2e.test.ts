// The keyboard reaches everything the mouse does, and unsaved work survives a host that stops
// answering, a reload, and changes the host refuses.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { annotationsOnDisk, clickText, dragBetween, dragSelect, eventually, withAppWithSample, locateText, tempDir, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

withAppWithSample((app) => ({ store, host, browser, page } = app));

beforeEach(async () => {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
});

const panelText = () => page.locator('.annotation-text').textContent();
const onDisk = async (text: string) => (await annotationsOnDisk(store)).find((a) => a.text === text);

describe('with the keyboard alone', () => {
  it('selects with Shift+arrows and labels with a key', async () => {
    // Put the caret before "Robert" with a click, then only keys.
    const { start } = await locateText(page, 'Robert Wood, U.S.');
    await page.mouse.click(start.left + 1, start.top + start.height / 2);
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('s');
    await eventually(async () => expect((await onDisk('Robert Wood'))?.labelId).toBe('speaker'));
  });

  it('picks the highlight at the caret with Enter, and deletes it with Backspace', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(panelText).toBe('Robert Wood');
    await page.keyboard.press('Backspace');
    await eventually(async () => expect(await onDisk('Robert Wood')).toBeUndefined());
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await onDisk('Robert Wood')).toBeDefined());
  });

  it('walks the list of highlights with the arrow keys', async () => {
    await dragSelect(page, 'Joonkook Hwang');
    await page.keyboard.press('s');
    await eventually(async () => expect(await onDisk('Joonkook Hwang')).toBeDefined());
    const list = page.getByRole('listbox', { name: 'Highlights in text order' });
    await list.focus();
    await page.keyboard.press('Home');
    await expect.poll(panelText).toBe('Robert Wood');
    await page.keyboard.press('ArrowDown');
    await expect.poll(panelText).toBe('Joonkook Hwang');
    await expect.poll(() => page.locator('.cm-hl-selected').textContent()).toBe('Joonkook Hwang');
    await page.keyboard.press('ArrowUp');
    await expect.poll(panelText).toBe('Robert Wood');
  });
});

describe('reading and selecting by sentence and quotation', () => {
  it('grows the selection to the quotation with ", then to the sentence with E', async () => {
    await page.keyboard.press('Escape');
    const { start } = await locateText(page, 'deeply concerned');
    await page.mouse.click(start.left + 1, start.top + start.height / 2);
    await page.keyboard.press('"');
    await page.keyboard.press('q');
    const quote = 'We are deeply concerned about the security implications of the advancement of this cooperation for Europe, the Korean Peninsula, the Indo-Pacific region and around the world.';
    await eventually(async () => expect((await onDisk(quote))?.labelId).toBe('quote'));

    await page.keyboard.press('Escape');
    const wood = await locateText(page, 'spoke ahead');
    await page.mouse.click(wood.start.left + 1, wood.start.top + wood.start.height / 2);
    await page.keyboard.press('e');
    await page.keyboard.press('c');
    await eventually(async () => {
      const claim = (await annotationsOnDisk(store)).find((a) => a.text.startsWith('Wood spoke ahead'));
      expect(claim?.text.endsWith('Ukraine.')).toBe(true);
    });
  });

  it('moves by sentence with Alt+↓ and extends with Shift', async () => {
    await page.keyboard.press('Escape');
    // Caret in the sentence before it, then one sentence on, then extend by one, less the space.
    const before = await locateText(page, 'Wood spoke ahead');
    await page.mouse.click(before.start.left + 1, before.start.top + before.start.height / 2);
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Shift+Alt+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('s');
    await eventually(async () => expect((await onDisk('Such transfers would violate a U.N. arms embargo on North Korea.'))?.labelId).toBe('speaker'));
  });

  it('walks the highlights with ] and [, and jumps to the speaker list with A', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.cm-scroller').evaluate((el) => (el.scrollTop = 0));
    const { start } = await locateText(page, 'US, allies warn');
    await page.mouse.click(start.left + 1, start.top + start.height / 2);
    await page.keyboard.press(']');
    await expect.poll(panelText).toBe('Robert Wood');
    await page.keyboard.press(']');
    await expect.poll(panelText).toMatch(/^We are deeply concerned/);
    await page.keyboard.press('[');
    await expect.poll(panelText).toBe('Robert Wood');
    await page.keyboard.press('a');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('annotation-speaker');
  });

  it('finds every match with Ctrl+F, and shows all shortcuts with ?', async () => {
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+f');
    const field = page.getByRole('textbox', { name: 'Find' });
    await field.focus();
    // Typed key by key: the find panel reads the query as it is typed.
    await page.keyboard.type('Korea');
    await expect.poll(() => page.locator('.cm-searchMatch').count()).toBeGreaterThan(2);
    await page.keyboard.press('Escape');
    await page.locator('.cm-content').focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.textContent()).toContain('Grow the selection to the surrounding quotation');
    await expect.poll(() => sheet.textContent()).toContain('Label the selection as Claim');
    await page.keyboard.press('Escape');
    expect(await sheet.count()).toBe(0);
  });
});

describe('moving a highlight’s ends', () => {
  it('moves the end with , and . and the start with < and >, on disk too, and undoes it in one step', async () => {
    await page.keyboard.press('Escape');
    await dragSelect(page, 'North Korea is seeking');
    await page.keyboard.press('c');
    await expect.poll(panelText).toBe('North Korea is seeking');
    await page.keyboard.press('.');
    await page.keyboard.press('.');
    await expect.poll(panelText).toBe('North Korea is seeking trade and');
    await page.keyboard.press(',');
    await page.keyboard.press('<');
    await expect.poll(panelText).toBe('weapons, North Korea is seeking trade');
    await page.keyboard.press('>');
    await expect.poll(panelText).toBe('North Korea is seeking trade');
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'North Korea is seeking trade')).toBe(true));
    await page.keyboard.press('Control+z');
    await eventually(async () => {
      const texts = (await annotationsOnDisk(store)).map((a) => a.text);
      expect(texts).toContain('North Korea is seeking');
      expect(texts).not.toContain('North Korea is seeking trade');
    });
  });

  it('moves an end by dragging its handle, snapped to whole words', async () => {
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(panelText).toBe('North Korea is seeking trade');
    const handle = page.locator('.cm-handle-end');
    const from = (await handle.boundingBox())!;
    const target = await locateText(page, 'military assistance');
    await page.mouse.move(from.x + 1, from.y + from.height / 2);
    await page.mouse.down();
    // Let go in the middle of "military": the end snaps to the end of the word.
    await page.mouse.move(target.start.left + 20, target.start.top + target.start.height / 2, { steps: 5 });
    await page.mouse.up();
    await eventually(async () => expect((await annotationsOnDisk(store)).some((a) => a.text === 'North Korea is seeking trade and military')).toBe(true));
  });
});

describe('selections', () => {
  it('labels a quote that runs over two paragraphs as one highlight', async () => {
    await dragBetween(page, 'DPRK is the abbreviation', 'Wood spoke ahead');
    await page.keyboard.press('q');
    const saved = await eventually(async () => {
      const found = (await annotationsOnDisk(store)).find((a) => a.text.startsWith('DPRK is the abbreviation'));
      expect(found).toBeDefined();
      return found;
    });
    expect(saved.text).toContain('Republic of Korea.\n\nWood spoke ahead');
    await expect.poll(() => page.locator('.annotation-row', { hasText: 'DPRK is the abbreviation' }).count()).toBe(1);
  });

  it('shows no toolbar for a selection of blank space', async () => {
    await page.keyboard.press('Escape');
    // The empty line between two paragraphs.
    const { end } = await locateText(page, 'military cooperation');
    await page.mouse.click(end.right + 2, end.top + end.height / 2);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.getByRole('toolbar', { name: 'Label the selection' }).count()).toBe(0);
  });
});

describe('unsaved work', () => {
  it('keeps a change the host did not take, and saves it after a reload', async () => {
    // The host stops answering saves: the change stays in the window's outbox.
    await page.route('**/api/applyChanges', (route) => route.abort());
    await dragSelect(page, 'Geng Shuang');
    await page.keyboard.press('s');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not answering.*kept and will be saved/);
    await expect.poll(() => page.locator('.save-status').textContent()).toMatch(/Not saved/);
    expect(await onDisk('Geng Shuang')).toBeUndefined();
    await page.unroute('**/api/applyChanges');
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await eventually(async () => expect((await onDisk('Geng Shuang'))?.labelId).toBe('speaker'));
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
  });

  it('stops a note at its limit and says so, rather than losing it', async () => {
    const note = 'x'.repeat(20_000);
    await dragSelect(page, 'urged Beijing to use its influence');
    await page.keyboard.press('c');
    await expect.poll(panelText).toBe('urged Beijing to use its influence');
    const box = page.getByLabel('Note', { exact: true });
    await box.fill(note + 'more');
    // The box stops at the limit and says so.
    await expect.poll(() => box.inputValue()).toBe(note);
    await expect.poll(() => page.locator('.note-count').textContent()).toBe('20,000 of 20,000 characters');
    await eventually(async () => expect((await onDisk('urged Beijing to use its influence'))?.note).toHaveLength(20_000));
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

describe('file names', () => {
  it('opens a Markdown file with spaces and accents in its name', async () => {
    const dir = await tempDir('annotator-names-');
    const file = path.join(dir, 'Déclaration du 12 mai.md');
    await fs.writeFile(file, '# Déclaration\n\n« Nous ne céderons pas », a-t-elle dit.\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…', exact: true }).click();
    await (await chooser).setFiles(file);
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Déclaration du 12 mai');
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Nous ne céderons pas');
    await fs.rm(dir, { recursive: true, force: true });
  });
});
