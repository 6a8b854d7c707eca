// The editors' desk, as an editor uses it: the claims of two stories in one queue, triaged with
// the keyboard (verdicts in one key, a reviewer note, a claim seen in context and back, two set at
// once), published as ClaimReview, and the history still there after a reload, on screen and on disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { annotationsOnDisk, dragSelect, eventually, pickSpeaker, screenshot, tempDir, withAppWithSample, type RunningHost } from './harness';

let browser: Browser;
let host: RunningHost;
let store: string;
let page: Page;
withAppWithSample((app) => ({ store, host, browser, page } = app));

const EMBARGO = 'Such transfers would violate a U.N. arms embargo on North Korea';
const SHIPPED = 'Pyongyang has shipped at least 10,000 containers to Russia';
const CRIME = 'the city cut crime by 40 percent last year';
const RENTS = 'rents doubled since 2020';
const BUDGET_STORY = `Council hears budget claims

Mayor Lina Park told the council on Monday that ${CRIME}. Councillor Tom Reed answered that ${RENTS}, and that the mayor's figures leave out the suburbs.
`;

const panel = () => page.getByRole('region', { name: 'Selected highlight' });
const grid = () => page.getByRole('grid', { name: 'Claims to review' });
const rowTexts = () => grid().locator('.desk-body [role=row] .col-text').allTextContents();
/** The text of the row the keyboard is on. */
const focusedText = () => page.locator('.desk-row[data-focused] .col-text').textContent();
const statusOf = (text: string) => grid().locator('[role=row]', { hasText: text }).locator('.col-status').textContent();
const onDisk = async (text: string) => (await annotationsOnDisk(store)).find((a) => a.text === text);

async function tagClaim(text: string, claimant: string): Promise<void> {
  await dragSelect(page, text);
  await page.keyboard.press('c');
  await expect.poll(() => panel().getByLabel('Status').inputValue()).toBe('unreviewed');
  await pickSpeaker(page, 'Claimant', claimant);
}

async function tagSpeaker(name: string): Promise<void> {
  await dragSelect(page, name);
  await page.keyboard.press('s');
  await panel().getByRole('button', { name: `Create speaker “${name}”` }).click();
}

describe('the review desk', () => {
  it('gathers the claims tagged in two documents', async () => {
    const ask = page.getByRole('form', { name: 'Your name' });
    await ask.getByLabel(/Who is annotating/).fill('Ana Reyes');
    await ask.getByRole('button', { name: 'Save' }).click();

    await tagSpeaker('Joonkook Hwang');
    await tagClaim(EMBARGO, 'Joonkook Hwang');
    await tagClaim(SHIPPED, 'Joonkook Hwang');
    await panel().getByLabel('Check-worthiness').selectOption('high');

    const dir = await tempDir('annotator-desk-');
    const second = path.join(dir, 'council-budget.txt');
    await fs.writeFile(second, BUDGET_STORY);
    await page.getByTestId('file-input').setInputFiles(second);
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('council-budget');
    await tagSpeaker('Lina Park');
    await tagSpeaker('Tom Reed');
    await tagClaim(CRIME, 'Lina Park');
    await tagClaim(RENTS, 'Tom Reed');
    await eventually(async () => expect((await onDisk(RENTS))?.speakerId).toMatch(/^spk-/));

    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+Shift+R');
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Review desk');
    await expect.poll(rowTexts).toEqual([EMBARGO, SHIPPED, CRIME, RENTS]);
    expect(await grid().getAttribute('aria-rowcount')).toBe('5');
    expect(await grid().locator('[role=row]', { hasText: SHIPPED }).locator('.col-claimant').textContent()).toBe('Joonkook Hwang');
    expect(await grid().locator('[role=row]', { hasText: CRIME }).locator('.col-document').textContent()).toBe('council-budget');
  });

  it('keeps the organisation and the fact-check address for ClaimReview', async () => {
    await page.getByRole('button', { name: 'Review settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review settings' });
    await dialog.getByLabel('Organisation').fill('The Harbour Times');
    await dialog.getByLabel('Fact-check address').fill('https://harbourtimes.example/fact-checks/{id}');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Saved.');
    await screenshot(page, 'review-settings');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await eventually(async () => {
      const workspace = JSON.parse(await fs.readFile(path.join(store, 'workspace.json'), 'utf8'));
      expect(workspace.settings).toMatchObject({ organisation: 'The Harbour Times', claimReviewUrl: 'https://harbourtimes.example/fact-checks/{id}' });
    });
  });

  it('sets verdicts with one key and writes a reviewer note, with the keyboard only', async () => {
    // The dialog just closed: the keys work on the desk without clicking back into it.
    await page.keyboard.press('Home');
    await expect.poll(focusedText).toBe(EMBARGO);
    await page.keyboard.press('6');
    await expect.poll(() => statusOf(EMBARGO)).toBe('Misleading');

    await page.keyboard.press('j');
    await expect.poll(focusedText).toBe(SHIPPED);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    await expect.poll(focusedText).toBe(SHIPPED);
    await page.keyboard.press('5');
    await expect.poll(() => statusOf(SHIPPED)).toBe('False');
    await expect.poll(() => grid().locator('[role=row]', { hasText: SHIPPED }).locator('.col-reviewer').textContent()).toBe('Ana Reyes');

    await page.keyboard.press('n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('desk-reviewer-note');
    await page.keyboard.type('Ministry count is of containers, not shells.');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');

    await eventually(async () => {
      const claim = (await onDisk(SHIPPED))?.claim;
      expect(claim).toMatchObject({ status: 'false', reviewer: 'Ana Reyes', reviewerNote: 'Ministry count is of containers, not shells.' });
      expect((await onDisk(EMBARGO))?.claim.status).toBe('misleading');
    });
    // The focused claim's history, beside the table.
    const history = page.getByRole('region', { name: 'History of this claim' });
    await expect.poll(() => history.textContent()).toContain('verdict by Ana Reyes (reviewer): status Unreviewed → False');
    await screenshot(page, 'review-desk');
  });

  it('opens a claim in its document and comes back to the same row', async () => {
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('un-security-council');
    await expect.poll(() => panel().locator('.annotation-text').textContent()).toBe(SHIPPED);
    await expect.poll(() => page.locator('.cm-hl-selected').first().textContent()).toContain('Pyongyang');
    await expect.poll(() => panel().getByLabel('Reviewer note').inputValue()).toBe('Ministry count is of containers, not shells.');
    await screenshot(page, 'claim-in-context');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Review desk');
    await expect.poll(focusedText).toBe(SHIPPED);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
  });

  it('selects two claims and sets their status in one step', async () => {
    await page.keyboard.press('j');
    await expect.poll(focusedText).toBe(CRIME);
    await page.keyboard.press(' ');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => grid().locator('[role=row][aria-selected=true] .col-text').allTextContents()).toEqual([CRIME, RENTS]);
    await expect.poll(() => page.locator('.desk-count').textContent()).toMatch(/^4 claims · 2 selected/);
    await screenshot(page, 'review-desk-selection');
    await page.keyboard.press('4');
    await expect.poll(() => statusOf(CRIME)).toBe('Mostly false');
    await expect.poll(() => statusOf(RENTS)).toBe('Mostly false');
    await expect.poll(() => grid().locator('[role=row][aria-selected=true]').count()).toBe(0);
    await expect.poll(() => page.locator('.desk-count').textContent()).toBe('4 claims · 2 claims set to Mostly false.');
    await eventually(async () => {
      expect((await onDisk(CRIME))?.claim.status).toBe('mostly-false');
      expect((await onDisk(RENTS))?.claim.status).toBe('mostly-false');
    });
  });

  it('undoes the last verdict with Ctrl+Z, on screen and on disk, and redoes it', async () => {
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusOf(CRIME)).toBe('Unreviewed');
    await expect.poll(() => statusOf(RENTS)).toBe('Unreviewed');
    await eventually(async () => {
      expect((await onDisk(CRIME))?.claim.status).toBe('unreviewed');
      expect((await onDisk(RENTS))?.claim.status).toBe('unreviewed');
    });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => statusOf(CRIME)).toBe('Mostly false');
    await expect.poll(() => statusOf(RENTS)).toBe('Mostly false');
    await eventually(async () => {
      expect((await onDisk(CRIME))?.claim.status).toBe('mostly-false');
      expect((await onDisk(RENTS))?.claim.status).toBe('mostly-false');
    });
  });

  it('sorts and filters the queue', async () => {
    await grid().getByRole('columnheader', { name: 'Status / verdict' }).getByRole('button').click();
    await expect.poll(() => grid().getByRole('columnheader', { name: 'Status / verdict' }).getAttribute('aria-sort')).toBe('ascending');
    // Best to worst on the scale: Mostly false, Mostly false, False, Misleading.
    await expect.poll(rowTexts).toEqual([CRIME, RENTS, SHIPPED, EMBARGO]);
    await page.getByLabel('Filter by claimant').selectOption({ label: 'Joonkook Hwang' });
    await expect.poll(rowTexts).toEqual([SHIPPED, EMBARGO]);
    await page.getByLabel('Search the claims').fill('containers');
    await expect.poll(rowTexts).toEqual([SHIPPED]);
    await page.getByLabel('Search the claims').fill('');
    await page.getByLabel('Filter by claimant').selectOption('');
    await grid().getByRole('columnheader', { name: 'Status / verdict' }).getByRole('button').click();
    await grid().getByRole('columnheader', { name: 'Status / verdict' }).getByRole('button').click();
    await expect.poll(rowTexts).toEqual([EMBARGO, SHIPPED, CRIME, RENTS]);
  });

  it('shows the verdict scale with each verdict’s rating, and a printable report', async () => {
    await page.getByRole('button', { name: 'Verdict scale…' }).click();
    const scale = page.getByRole('dialog', { name: 'Verdict scale' });
    // Six rated verdicts: Unverifiable is published by name only.
    await expect.poll(() => scale.getByRole('group', { name: 'Status 8: False' }).locator('.scale-rating').textContent()).toBe('rating 2 of 6');
    await expect.poll(() => scale.getByRole('group', { name: 'Status 10: Unverifiable' }).getByLabel('No rating').isChecked()).toBe(true);
    // A status in use cannot go: the dialog says why before anything is sent.
    await scale.getByRole('button', { name: 'Remove False' }).click();
    await expect.poll(() => scale.getByRole('alert').textContent()).toBe('1 claim has the status you removed; give it another status first.');
    await screenshot(page, 'verdict-scale');
    await scale.getByRole('button', { name: 'Undo my edits' }).click();
    // A rename, saved as the whole scale in one change.
    await scale.getByLabel('Unverifiable: name').fill('Cannot be verified');
    await scale.getByRole('button', { name: 'Save scale' }).click();
    await expect.poll(() => scale.getByRole('status').textContent()).toBe('Saved.');
    await eventually(async () => {
      const workspace = JSON.parse(await fs.readFile(path.join(store, 'workspace.json'), 'utf8'));
      expect(JSON.stringify(workspace)).toContain('Cannot be verified');
    });
    await scale.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByLabel('Filter by status').locator('option').allTextContents()).toContain('Cannot be verified');

    await page.getByRole('button', { name: 'Report…' }).click();
    await page.getByRole('dialog', { name: 'Report' }).getByLabel('Document').selectOption({ label: 'un-security-council' });
    const report = page.getByRole('article', { name: 'Printable report' });
    await expect.poll(() => report.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => report.textContent()).toContain('False (2/6)');
    await screenshot(page, 'report');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('dialog', { name: 'Report' }).getByRole('button', { name: 'Close' }).click();
  });

  it('exports ClaimReview with the fields publishers need', async () => {
    await page.getByRole('main', { name: 'Review desk' }).getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
    expect(await dialog.getByLabel('Format').inputValue()).toBe('claimreview');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await fs.readFile(file!, 'utf8'));
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(exported['@context']).toBe('https://schema.org');
    const reviews: any[] = exported['@graph'];
    expect(reviews.map((r) => r.claimReviewed).sort()).toEqual([CRIME, EMBARGO, SHIPPED, RENTS].sort());
    const shipped = reviews.find((r) => r.claimReviewed === SHIPPED);
    const id = (await onDisk(SHIPPED)).id;
    expect(shipped).toMatchObject({
      '@type': 'ClaimReview',
      url: `https://harbourtimes.example/fact-checks/${id}`,
      author: { '@type': 'Organization', name: 'The Harbour Times' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 6, worstRating: 1, alternateName: 'False' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Joonkook Hwang' } },
    });
    // The reviewer note is the newsroom's own: no public summary was written, so no reviewBody.
    expect(shipped).not.toHaveProperty('reviewBody');
    expect(JSON.stringify(exported)).not.toContain('Ministry count');
    expect(shipped.datePublished).toBe(new Date().toISOString().slice(0, 10));
    expect(reviews.find((r) => r.claimReviewed === CRIME).itemReviewed.author.name).toBe('Lina Park');
    expect(reviews.find((r) => r.claimReviewed === EMBARGO).reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Misleading' });
  });

  it('keeps the history after a reload, on screen and on disk', async () => {
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /un-security-council/ }).click();
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('un-security-council');
    await page.locator('.annotation-row', { hasText: 'Pyongyang' }).click();
    const history = panel().getByRole('region', { name: 'History of this claim' });
    await expect.poll(() => history.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} — changed by Ana Reyes: check-worthiness \(none\) → high$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} — verdict by Ana Reyes \(reviewer\): status Unreviewed → False$/),
      expect.stringMatching(/— changed by Ana Reyes: reviewer note \(none\) → “Ministry count is of containers, not shells\.”$/),
    ]);
    // Read-only: the history offers nothing to press or type in.
    expect(await history.locator('button, input, textarea, select').count()).toBe(0);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'claim-history-after-reload');

    const shipped = await onDisk(SHIPPED);
    const lines = (await fs.readFile(path.join(store, 'history', `${shipped.documentId}.jsonl`), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const mine = lines.filter((entry) => entry.annotationId === shipped.id);
    expect(mine.find((entry) => entry.field === 'status')).toMatchObject({ by: 'Ana Reyes', from: 'unreviewed', to: 'false', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(lines.some((entry) => entry.field === 'status' && entry.to === 'misleading')).toBe(true);
  });
});
