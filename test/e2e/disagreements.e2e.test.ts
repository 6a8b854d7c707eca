// Issue 15, point 8: the Agreement view lists where two annotators disagree, per document, and
// opens each one in context. Ana's and Ben's highlights are written through the API with their
// names as authors (as the merge of a colleague's workspace brings them).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, withAppWithSample, type RunningHost } from './harness';

let host: RunningHost;
let page: Page;
withAppWithSample((app) => ({ host, page } = app));

const BUDGET = 'The mayor said crime fell by half. Rents doubled, the council said.';

/** The browser host's API, as the window calls it (its per-run token). */
async function api<T>(method: string, args: unknown): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-annotator-token': url.searchParams.get('token')! },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as { ok: true; result: T } | { ok: false; error: unknown };
  if (!body.ok) throw new Error(JSON.stringify(body.error));
  return body.result;
}

async function twoAnnotators() {
  const session = await api<{ documents: { id: string; title: string }[] }>('getSession', {});
  const sample = session.documents[0]!;
  const opened = await api<{ text: string }>('openDocument', { documentId: sample.id });
  const budget = await api<{ id: string }>('addPastedDocument', { title: 'Budget', text: BUDGET });
  const on = (documentId: string, text: string) => (annotationId: string, part: string, labelId: string, author: string) => ({
    kind: 'createAnnotation',
    documentId,
    annotationId,
    labelId,
    start: text.indexOf(part),
    end: text.indexOf(part) + part.length,
    author,
  });
  const s = on(sample.id, opened.text);
  const b = on(budget.id, BUDGET);
  const result = await api<{ refused: unknown[] }>('applyChanges', {
    changes: [
      { kind: 'createSpeaker', speakerId: 'spk-wood', name: 'Robert Wood' },
      { ...s('a-wood', 'Robert Wood', 'speaker', 'Ana'), speakerId: 'spk-wood' },
      s('b-wood', 'Robert Wood', 'speaker', 'Ben'),
      s('a-reality', 'But now we are facing a new reality.', 'quote', 'Ana'),
      s('b-reality', 'But now we are facing a new reality.', 'claim', 'Ben'),
      s('b-threat', 'dangerous, illegal and a growing threat', 'claim', 'Ben'),
      b('a-crime', 'crime fell by half', 'claim', 'Ana'),
      b('b-crime', 'crime fell by half', 'claim', 'Ben'),
      { kind: 'updateAnnotation', documentId: budget.id, annotationId: 'b-crime', claim: { status: 'false' } },
      b('b-rents', 'Rents doubled', 'claim', 'Ben'),
      b('a-rents', 'Rents doubled', 'claim', 'Ana'),
    ],
  });
  expect(result.refused).toEqual([]);
  return { sample };
}

const rows = () => page.getByRole('listbox', { name: 'Disagreements by document' }).getByRole('option');
const rowTexts = async () => (await rows().allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

describe('the Agreement view’s disagreements', () => {
  it('lists each kind per document, and opens one in its document with the span selected', async () => {
    const { sample } = await twoAnnotators();
    // The window reads the workspace again, the sample open.
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: 'Agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Agreement between annotators' });
    await expect.poll(() => dialog.locator('.disagreement-kinds label').allTextContents().then((l) => l.map((t) => t.trim()))).toEqual([
      'All (4)',
      'Not marked by all (1)',
      'Labels differ (1)',
      'Speakers differ (1)',
      'Verdicts differ (1)',
    ]);
    expect(await dialog.getByRole('group').locator('.disagreement-document strong').allTextContents()).toEqual([sample.title, 'Budget']);
    expect(await rowTexts()).toEqual([
      'Not marked by all“dangerous, illegal and a growing threat”Ana: not markedBen: Claim',
      'Speakers differ (Speaker)“Robert Wood”Ana: Robert WoodBen: no speaker',
      'Labels differ“But now we are facing a new reality.”Ana: QuoteBen: Claim',
      'Verdicts differ (Claim)“crime fell by half”Ana: UnreviewedBen: False',
    ]);
    await screenshot(page, 'agreement-disagreements');

    // The filter by kind.
    await dialog.getByRole('radio', { name: /Labels differ/ }).check();
    await expect.poll(rowTexts).toEqual(['Labels differ“But now we are facing a new reality.”Ana: QuoteBen: Claim']);
    await dialog.getByRole('radio', { name: /^All/ }).check();
    await expect.poll(() => rows().count()).toBe(4);

    // Keyboard: down to the verdict in the other document, Enter opens it there.
    await dialog.getByRole('listbox').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => dialog.getByRole('option', { selected: true }).textContent()).toContain('crime fell by half');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.document-item[aria-current="page"] .document-title').textContent()).toContain('Budget');
    await expect.poll(() => page.locator('.cm-hl-selected').allTextContents().then((t) => t.join(''))).toBe('crime fell by half');
    await expect.poll(() => page.locator('.annotation-text').first().textContent()).toBe('crime fell by half');

    // A click opens one in the sample: Ana's speaker mention, selected.
    await page.getByRole('button', { name: 'Agreement' }).click();
    await dialog.getByRole('option', { name: /Robert Wood/ }).click();
    await expect.poll(() => page.locator('.cm-hl-selected').allTextContents().then((t) => t.join(''))).toBe('Robert Wood');
  });
});
