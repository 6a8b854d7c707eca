// Curation as an editor does it in the browser host: two annotators' highlights (written through
// the API, as two windows would), the document opened in curation, one version accepted with a
// key, another group accepted and rejected, the rejection undone; then the curated layer on disk
// and in an export of the curated layer alone.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostApi, annotationsOnDisk, eventually, readJson, screenshot, withAppWithSample, type SampleApp } from './harness';
import path from 'node:path';

let app: SampleApp;
let page: Page;
withAppWithSample((started) => ((app = started), (page = started.page)));

const api = <T = any>(method: string, args: unknown, person?: { id: string; name: string }) => hostApi(app.host)<T>(method, args, person);

const states = () => page.locator('.curation-state').allTextContents();

describe('curation', () => {
  it('accepts a version with a key, rejects another, undoes, and the curated layer is on disk and in the export', async () => {
    const { documents } = await api('getSession', {});
    const documentId = documents[0].id as string;
    const { text } = await api('openDocument', { documentId });
    const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
    const ana = { id: 'p-ana', name: 'Ana' };
    const ben = { id: 'p-ben', name: 'Ben' };
    const wood = at('Robert Wood');
    const threat = at('a growing threat to the wider international community');
    // Ana and Ben disagree on the first (a quote or a speaker?) and agree on the second.
    await api('applyChanges', { changes: [{ kind: 'createAnnotation', documentId, annotationId: 'ana-1', labelId: 'claim', ...threat, author: 'Ana' }, { kind: 'createAnnotation', documentId, annotationId: 'ana-2', labelId: 'speaker', ...wood, author: 'Ana' }] }, ana);
    await api('applyChanges', { changes: [{ kind: 'createAnnotation', documentId, annotationId: 'ben-1', labelId: 'quote', ...threat, author: 'Ben' }, { kind: 'createAnnotation', documentId, annotationId: 'ben-2', labelId: 'speaker', ...wood, author: 'Ben' }] }, ben);

    await page.reload();
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: /^Curate/ }).click();
    const list = page.getByRole('listbox', { name: /Span groups/ });
    await list.waitFor();
    await expect.poll(states).toEqual(['disagreed', 'agreed']);
    // The focused group is marked in its passage of the document, named by whose version says what.
    const passage = page.getByRole('region', { name: 'The group in the document' });
    const focusedMark = passage.locator('mark[aria-current]');
    await expect.poll(() => focusedMark.textContent()).toBe('a growing threat to the wider international community');
    expect(await focusedMark.getAttribute('aria-label')).toBe('Ana’s version: Claim; Ben’s version: Quote; disagreed');
    expect(await passage.textContent()).toContain(text.slice(Math.max(0, threat.start - 200), threat.start));
    await screenshot(page, 'curation-view');

    await list.focus();
    await page.keyboard.press('2'); // Ben's quote
    await expect.poll(states).toEqual(['accepted from Ben', 'agreed']);
    await page.keyboard.press('j');
    // Moving to a group scrolls the passage to it: its mark is in sight inside the passage.
    await expect.poll(() => focusedMark.textContent()).toBe('Robert Wood');
    await expect
      .poll(() => focusedMark.evaluate((mark) => {
        const box = mark.getBoundingClientRect();
        const pane = mark.closest('.curation-passage')!.getBoundingClientRect();
        return box.top >= pane.top && box.bottom <= pane.bottom;
      }))
      .toBe(true);
    expect(await focusedMark.getAttribute('aria-label')).toBe('Ana’s version: Speaker; Ben’s version: Speaker; agreed');
    await page.keyboard.press('a');
    await expect.poll(states).toEqual(['accepted from Ben', 'accepted from Ana and Ben']);
    await page.keyboard.press('r');
    await expect.poll(states).toEqual(['accepted from Ben', 'rejected']);
    await page.keyboard.press('Control+z');
    await expect.poll(states).toEqual(['accepted from Ben', 'accepted from Ana and Ben']);
    // The undo says what was taken back in the editor's words, not a change to a highlight.
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('Undone: Rejected every version of “Robert Wood”');
    await screenshot(page, 'curation-view-accepted');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('All changes saved');

    const curated = await eventually(async () => {
      const found = (await annotationsOnDisk(app.store)).filter((a) => a.layer === 'curated');
      expect(found).toHaveLength(2);
      return found;
    });
    const byLabel = Object.fromEntries(curated.map((a) => [a.labelId, a]));
    expect(byLabel.quote).toMatchObject({ ...threat, curatedFrom: [{ annotationId: 'ben-1', author: 'Ben' }] });
    expect(byLabel.speaker.curatedFrom.map((s: { author: string }) => s.author)).toEqual(['Ana', 'Ben']);
    // The rejection was undone: nothing rejected is left on the document.
    const workspace = await readJson(path.join(app.store, 'workspace.json'));
    expect(workspace.documents[0].curationRejected).toBeUndefined();

    const exported = await api('exportDataset', { format: 'jsonl', layer: 'curated' });
    const line = JSON.parse(exported.files[0].content.trim());
    const spans = (line.spans ?? line.label) as unknown[];
    expect(spans).toHaveLength(2);
    expect(JSON.stringify(line)).not.toContain('"Claim"');
  });
});
