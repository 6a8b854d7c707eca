// Issue 3's scenario, with the keyboard alone: annotate the first three quotes of the sample
// article, tag their speakers, attribute them, merge a duplicate speaker; then undo all of it
// step by step and redo it, checking the workspace on disk after each phase.
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { annotationsOnDisk, eventually, withAppWithSample, readJson, screenshot, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;

const Q1 = 'Last week, Russian and DPRK leaders signed a ‘Treaty on Comprehensive Strategic Partnership,’ paving the way for further deepening their military cooperation,';
const Q2 = 'We are deeply concerned about the security implications of the advancement of this cooperation for Europe, the Korean Peninsula, the Indo-Pacific region and around the world.';
const Q3 = 'Before February 2022, it was hard to imagine that the war in Ukraine would pose such a direct threat to the security of the Korean Peninsula,';

withAppWithSample((app) => ({ store, host, browser, page } = app));

const key = (k: string) => page.keyboard.press(k);
const type = (text: string) => page.keyboard.type(text);

/** Ctrl+F, the words, Enter selects the first match, Esc returns to the text with it selected. */
async function findAndSelect(words: string) {
  await key('Control+f');
  await key('Control+a');
  await type(words);
  await key('Enter');
  await key('Escape');
}

/** A: the speaker picker of the selected highlight; type, go `down` offers, and Enter takes `offer`. */
async function attribute(typed: string, offer: string, down = 0) {
  await key('a');
  await type(typed);
  for (let i = 0; i < down; i++) await key('ArrowDown');
  const active = page.getByRole('listbox', { name: /: speakers$/ }).locator('[role="option"][aria-selected="true"]');
  await expect.poll(() => active.textContent()).toMatch(new RegExp(`^${offer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await key('Enter');
}

/** The workspace on disk, in words: speakers with aliases, and highlights with whom they name. */
async function disk() {
  const workspace = await readJson(path.join(store, 'workspace.json'));
  const names = new Map<string, string>(workspace.speakers.map((s: { id: string; name: string }) => [s.id, s.name]));
  const speakers = workspace.speakers.map((s: { name: string; aliases: string[] }) => [s.name, ...s.aliases].join(' / ')).sort();
  const highlights = (await annotationsOnDisk(store)).map((a) => `${a.labelId}: ${a.text.slice(0, 30)} → ${a.speakerId ? (names.get(a.speakerId) ?? 'MISSING') : '-'}`);
  return { speakers, highlights };
}

const saved = async () => {
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');
  return disk();
};

it('annotates, attributes and merges with the keyboard, then undoes and redoes every step', async () => {
  await page.locator('.cm-content').focus();
  const states = [await saved()];
  const step = async () => states.push(await saved());

  // Quote 1 and its speaker, Robert Wood (a new speaker).
  await findAndSelect('Last week');
  await key('"');
  await key('q');
  await step();
  await findAndSelect('Robert Wood');
  await key('s');
  await step();
  await attribute('Robert Wood', 'Create speaker “Robert Wood”');
  await step();
  await key('['); // back to the quote
  await attribute('Robert', 'Robert Wood');
  await step();

  // Quote 2, attributed to "Wood": tagged as a second speaker by mistake, merged later.
  await findAndSelect('deeply concerned');
  await key('"');
  await key('q');
  await step();
  await findAndSelect('Wood spoke');
  await key('Control+Shift+ArrowLeft');
  await key('s');
  await step();
  // "Robert Wood" is offered first; the mistake is choosing to create "Wood" instead.
  await attribute('Wood', 'Create speaker “Wood”', 1);
  await step();
  await key('[');
  await attribute('Wood', 'Wood');
  await step();

  // Quote 3 and Joonkook Hwang.
  await findAndSelect('Before February');
  await key('"');
  await key('q');
  await step();
  await findAndSelect('Joonkook Hwang');
  await key('s');
  await step();
  // Nothing typed: a Speaker highlight offers its own words as the new speaker's name.
  await attribute('', 'Create speaker “Joonkook Hwang”');
  await step();
  await key('[');
  await attribute('Hwang', 'Joonkook Hwang');
  await step();

  const annotated = states.at(-1)!;
  expect(annotated.speakers).toEqual(['Joonkook Hwang', 'Robert Wood', 'Wood']);
  expect(annotated.highlights).toEqual([
    `quote: ${Q1.slice(0, 30)} → Robert Wood`,
    'speaker: Robert Wood → Robert Wood',
    `quote: ${Q2.slice(0, 30)} → Wood`,
    'speaker: Wood → Wood',
    `quote: ${Q3.slice(0, 30)} → Joonkook Hwang`,
    'speaker: Joonkook Hwang → Joonkook Hwang',
  ]);
  // Whole quotes, by the quotation key.
  const texts = (await annotationsOnDisk(store)).map((a) => a.text);
  expect(texts).toEqual(expect.arrayContaining([Q1, Q2, Q3]));

  // Merge "Wood" into "Robert Wood" from the speaker panel, by keyboard.
  const speakerButton = page.getByRole('list', { name: 'Speakers in this workspace' }).getByRole('button', { name: 'Robert Wood' });
  await speakerButton.focus();
  await key('Enter');
  const merge = page.getByLabel('Merge a duplicate into Robert Wood');
  await merge.focus();
  // A list's own type-ahead: W picks "Wood".
  await type('W');
  await expect.poll(() => merge.locator('option:checked').textContent()).toBe('Wood');
  await key('Tab');
  await key('Enter');
  await expect.poll(() => page.locator('.message', { hasText: '“Wood” was merged into “Robert Wood”' }).count()).toBe(1);
  await step();
  const merged = states.at(-1)!;
  expect(merged.speakers).toEqual(['Joonkook Hwang', 'Robert Wood / Wood']);
  expect(merged.highlights.filter((h) => h.endsWith('→ Robert Wood'))).toHaveLength(4);
  await screenshot(page, 'speaker-merged');

  // Undo everything, one step at a time, checking the disk after each.
  await page.locator('.cm-content').focus();
  for (let i = states.length - 2; i >= 0; i--) {
    await key('Control+z');
    await eventually(async () => expect(await disk()).toEqual(states[i]));
  }
  expect(states[0]).toEqual({ speakers: [], highlights: [] });

  // And redo it all.
  for (let i = 1; i < states.length; i++) {
    await key('Control+Shift+z');
    await eventually(async () => expect(await disk()).toEqual(states[i]));
  }
});
