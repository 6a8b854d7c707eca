// Publishing right, as a newsroom does it: two fact-checkers tag the same claim and disagree, each
// setting her own claim's status in the side panel (neither is recorded as its reviewer); the
// desk shows one claim with two versions, and ClaimReview publishes nothing for it, saying why,
// until the editor picks one; the published text is the public summary, never the private
// reviewer note, which the report shows only when the editor turns it on.
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { annotationsOnDisk, dragBetween, dragSelect, eventually, screenshot, withAppWithSample } from './harness';

let page: Page;
let store: string;
withAppWithSample((app) => ({ store, page } = app));

const ANA = 'Pyongyang has shipped at least 10,000 containers to Russia';
const BO = 'shipped at least 10,000 containers to Russia that can hold';
const NOTE = 'Second reviewer: the ministry figure is of containers, ask about the shells';
const SUMMARY = 'The containers could hold shells; the count of shells is an estimate.';

const panel = () => page.getByRole('region', { name: 'Selected highlight' });
const grid = () => page.getByRole('grid', { name: 'Claims to review' });
const onDisk = async (text: string) => (await annotationsOnDisk(store)).find((a) => a.text === text);

async function nameMyself(name: string): Promise<void> {
  const ask = page.getByRole('form', { name: 'Your name' });
  if (!(await ask.isVisible())) await page.locator('button.annotator-name').click();
  await page.getByLabel(/Who is annotating|Your name/).last().fill(name);
  await ask.getByRole('button', { name: 'Save' }).click();
  // The window's person, not the workspace's: what this window's next changes are recorded under.
  await expect.poll(() => page.locator('.annotator-name').textContent()).toBe(`Annotator: ${name}`);
}

async function claimWithStatus(status: string): Promise<void> {
  await page.keyboard.press('c');
  await expect.poll(() => panel().getByLabel('Status').inputValue()).toBe('unreviewed');
  await panel().getByLabel('Status').selectOption(status);
  await panel().getByLabel('Status').press('Enter');
}

async function exportClaimReview(): Promise<{ graph: any[]; raw: string; line: string | null }> {
  await page.getByRole('main', { name: 'Review desk' }).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a dataset' });
  expect(await dialog.getByLabel('Format').inputValue()).toBe('claimreview');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const raw = await fs.readFile((await (await download).path())!, 'utf8');
  await expect.poll(() => dialog.locator('.export-status').textContent()).toMatch(/^Downloaded/);
  const alert = dialog.getByRole('alert');
  const line = (await alert.count()) > 0 ? await alert.textContent() : null;
  await screenshot(page, line ? 'export-versions-disagree' : 'export-claimreview');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { graph: JSON.parse(raw)['@graph'], raw, line };
}

describe('publishing a fact-check', () => {
  it('records a fact-checker setting her own claim’s status as who changed it, not as its reviewer', async () => {
    await nameMyself('Ana Reyes');
    await dragSelect(page, ANA);
    await claimWithStatus('false');
    await eventually(async () => expect((await onDisk(ANA))?.claim).toMatchObject({ status: 'false' }));
    expect((await onDisk(ANA)).claim.reviewer).toBeUndefined();

    await nameMyself('Bo Berg');
    await dragBetween(page, 'shipped at', 'can hold');
    await claimWithStatus('half-true');
    await eventually(async () => expect((await onDisk(BO))?.claim).toMatchObject({ status: 'half-true' }));
    expect((await onDisk(BO)).claim.reviewer).toBeUndefined();
  });

  it('shows the two fact-checkers’ claims as one item with its versions on the desk', async () => {
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+Shift+R');
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Review desk');
    await expect.poll(() => grid().locator('.desk-body [role=row]').count()).toBe(1);
    await expect.poll(() => page.locator('.desk-count').textContent()).toMatch(/^1 claim\b/);
    await expect.poll(() => grid().locator('.desk-body [role=row] .col-status').textContent()).toBe('False · 2 versions disagree');
    // Nobody made a desk decision yet.
    expect(await grid().getByRole('columnheader', { name: 'Verdict by' }).count()).toBe(1);
    expect(await grid().locator('.desk-body [role=row] .col-reviewer').textContent()).toBe('—');
    const versions = page.getByRole('region', { name: 'Versions of this claim' });
    await expect.poll(() => versions.locator('.conflict-version').allTextContents()).toEqual([
      expect.stringMatching(/^False by Ana Reyes/),
      expect.stringMatching(/^Half true by Bo Berg/),
    ]);
    await screenshot(page, 'review-desk-versions');
  });

  it('publishes no verdict for it while the versions disagree, and says so', async () => {
    const { graph, line } = await exportClaimReview();
    expect(graph).toEqual([]);
    expect(line).toBe('1 claim has versions that disagree; pick one on the desk.');
  });

  it('publishes the version the editor picks, with her public summary and never her reviewer note', async () => {
    await nameMyself('Chief Editor');
    const versions = page.getByRole('region', { name: 'Versions of this claim' });
    await versions.getByRole('button', { name: 'Publish Half true (Bo Berg)' }).click();
    await expect.poll(() => versions.locator('h3').textContent()).toBe('2 versions agree: published once');
    await expect.poll(() => grid().locator('.desk-body [role=row] .col-reviewer').textContent()).toBe('Chief Editor');

    await page.locator('#desk-public-summary').fill(SUMMARY);
    await page.locator('#desk-reviewer-note').fill(NOTE);
    await page.locator('#desk-reviewer-note').press('Tab');
    await eventually(async () => {
      expect((await onDisk(BO))?.claim).toMatchObject({ status: 'half-true', reviewer: 'Chief Editor', publicSummary: SUMMARY, reviewerNote: NOTE });
      expect((await onDisk(ANA))?.claim.status).toBe('half-true');
    });
    await screenshot(page, 'review-desk-public-summary');

    const { graph, raw, line } = await exportClaimReview();
    expect(line).toBeNull();
    expect(graph).toHaveLength(1);
    expect(graph[0]).toMatchObject({ claimReviewed: BO, reviewBody: SUMMARY, reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 6, worstRating: 1, alternateName: 'Half true' } });
    expect(raw).not.toContain('ask about the shells');
    // The sample has no publication date: none is published, never the review's.
    expect(graph[0].itemReviewed).not.toHaveProperty('datePublished');
  });

  it('leaves the reviewer note out of the report unless the editor includes it', async () => {
    await page.getByRole('button', { name: 'Report…' }).click();
    const report = page.getByRole('article', { name: 'Printable report' });
    await expect.poll(() => report.locator('tbody tr').count()).toBe(1);
    await expect.poll(() => report.textContent()).toContain(SUMMARY);
    expect(await report.innerHTML()).not.toContain('ask about the shells');
    await screenshot(page, 'report-public-summary');
    await page.getByRole('dialog', { name: 'Report' }).getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Review settings…' }).click();
    const settings = page.getByRole('dialog', { name: 'Review settings' });
    await settings.getByLabel('Include reviewer notes in the report').check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('Saved.');
    await settings.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Report…' }).click();
    await expect.poll(() => report.textContent()).toContain(NOTE);
    await screenshot(page, 'report-with-reviewer-notes');
    await page.getByRole('dialog', { name: 'Report' }).getByRole('button', { name: 'Close' }).click();
    // ClaimReview still never carries it.
    expect((await exportClaimReview()).raw).not.toContain('ask about the shells');
  });
});
