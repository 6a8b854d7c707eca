// Blind annotation over the browser host, two windows with two people (each window's person is
// sent in its header, as the renderer sends it): each sees only their own highlight; the service
// refuses edits of the other's; marking done reveals the other's; turning blind off shows all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PERSON_HEADER } from '../../electron/contract/channels';
import { SAMPLE, VIEWPORT, launchBrowser, screenshot, startHost, tempDir, type RunningHost } from './harness';

const ANA = { id: 'p-ana', name: 'Ana' };
const BEN = { id: 'p-ben', name: 'Ben' };
const personHeader = (person: { id: string; name: string }) => encodeURIComponent(JSON.stringify(person));

let host: RunningHost;
let browser: Browser;
let documentId: string;

/** The API as a window calls it, with its person's header. */
async function api<T = any>(method: string, args: unknown, person?: { id: string; name: string }): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-annotator-token': url.searchParams.get('token')!, ...(person && { [PERSON_HEADER]: personHeader(person) }) },
    body: JSON.stringify(args),
  });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.result as T;
}

async function windowOf(person: { id: string; name: string }): Promise<Page> {
  // The renderer sends no person header until it has chosen one: the context's header stands in.
  const context = await browser.newContext({ viewport: VIEWPORT, extraHTTPHeaders: { [PERSON_HEADER]: personHeader(person) } });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.locator('.cm-content').waitFor();
  return page;
}
const highlightsHeading = (page: Page) => page.getByRole('heading', { name: /^Highlights/ }).textContent();

beforeAll(async () => {
  host = await startHost(['--store', await tempDir('annotator-blind-'), SAMPLE]);
  browser = await launchBrowser();
  documentId = (await api('getSession', {})).documents[0].id;
  const { text } = await api('openDocument', { documentId });
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const made = await api('applyChanges', {
    changes: [
      { kind: 'setAnnotatorName', name: 'Ana' },
      { kind: 'createAnnotation', documentId, annotationId: 'h-ana', labelId: 'quote', ...span('This is completely false') },
      { kind: 'setAnnotatorName', name: 'Ben' },
      { kind: 'createAnnotation', documentId, annotationId: 'h-ben', labelId: 'speaker', ...span('Vassily Nebenzia') },
      { kind: 'setReviewSettings', settings: { organisation: '', claimReviewUrl: '', blindAnnotation: true } },
    ],
  });
  expect(made.refused).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('blind annotation, two windows', () => {
  it('hides each person’s highlights from the other until they mark the document done', async () => {
    const ana = await windowOf(ANA);
    const ben = await windowOf(BEN);
    await expect.poll(() => highlightsHeading(ana)).toBe('Highlights (1)');
    await expect.poll(() => highlightsHeading(ben)).toBe('Highlights (1)');
    expect(await ana.locator('.annotation-list').textContent()).toContain('This is completely false');
    expect(await ana.locator('.annotation-list').textContent()).not.toContain('Vassily Nebenzia');
    expect(await ana.locator('.document-count').first().textContent()).toBe('1');
    expect(await ana.locator('.document-done').textContent()).toContain('other people’s highlights stay hidden');

    // Ana's window cannot overwrite or delete Ben's hidden highlight.
    const refused = await api('applyChanges', { changes: [{ kind: 'deleteAnnotation', documentId, annotationId: 'h-ben' }] }, ANA);
    expect(refused.refused[0].message).toMatch(/another person’s, hidden while blind annotation is on/);
    // Nor edit its claim fields as if from the desk: only the desk's review fields reach a hidden highlight.
    const tagged = await api('applyChanges', { changes: [{ kind: 'updateAnnotation', documentId, annotationId: 'h-ben', claim: { tags: ['mine'] }, deskDecision: true }] }, ANA);
    expect(tagged.refused[0].message).toMatch(/another person’s, hidden while blind annotation is on/);
    // An export from Ben's window holds Ben's highlight only.
    const exported = await api('exportDataset', { format: 'jsonl' }, BEN);
    expect(exported.files[0].content).toContain('"id":"h-ben"');
    expect(exported.files[0].content).not.toContain('"id":"h-ana"');

    await ana.getByRole('button', { name: 'Mark done', exact: true }).click();
    await expect.poll(() => highlightsHeading(ana)).toBe('Highlights (2)');
    expect(await ana.locator('.annotation-list').textContent()).toContain('Vassily Nebenzia');
    await expect.poll(() => ana.locator('.document-done strong').textContent()).toBe('Done');
    await expect.poll(() => ana.locator('.document-list .done-badge').textContent()).toBe('Done');
    await ana.getByRole('combobox', { name: 'Show annotator' }).selectOption({ label: 'Ben (1)' });
    await expect.poll(() => highlightsHeading(ana)).toBe('Highlights (1 of 2)');
    await screenshot(ana, 'blind-annotation-done-and-filter');

    // Ana's done is hers: Ben still sees only his own.
    await ben.reload();
    await ben.locator('.cm-content').waitFor();
    await expect.poll(() => highlightsHeading(ben)).toBe('Highlights (1)');
    await screenshot(ben, 'blind-annotation-not-done');

    // The desk is the editor's view: it shows everyone's claims and says so.
    await ben.getByRole('button', { name: 'Review desk' }).click();
    await expect.poll(() => ben.getByRole('note').textContent()).toBe('Blind annotation is on: this view shows every person’s highlights.');
    await screenshot(ben, 'blind-annotation-desk-notice');

    // Blind off: everything, at once.
    await api('applyChanges', { changes: [{ kind: 'setReviewSettings', settings: { organisation: '', claimReviewUrl: '', blindAnnotation: false } }] }, BEN);
    await ben.reload();
    await ben.locator('.cm-content').waitFor();
    await expect.poll(() => highlightsHeading(ben)).toBe('Highlights (2)');
  });
});
