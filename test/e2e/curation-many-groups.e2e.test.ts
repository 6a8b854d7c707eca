// Curation of a long story in a real browser: two annotators' 3,000 span groups open at once,
// J moves through them and the passage follows, with nothing but the visible rows drawn.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostApi, withAppWithSample, type SampleApp } from './harness';

let app: SampleApp;
let page: Page;
withAppWithSample((started) => ((app = started), (page = started.page)));

const api = <T = any>(method: string, args: unknown, person?: { id: string; name: string }) => hostApi(app.host)<T>(method, args, person);

describe('curation of many span groups', () => {
  it('lists 3,000 groups, draws only some, and J moves the passage along', async () => {
    const story = Array.from({ length: 3000 }, (_, i) => `Sentence ${String(i).padStart(4, '0')} is said here.`).join(' ');
    const document = await api('addPastedDocument', { title: 'Long story', text: story });
    const width = story.length / 3000;
    for (const [person, label] of [[{ id: 'p-ana', name: 'Ana' }, 'claim'], [{ id: 'p-ben', name: 'Ben' }, 'quote']] as const) {
      const changes = Array.from({ length: 3000 }, (_, i) => ({ kind: 'createAnnotation', documentId: document.id, annotationId: `${person.id}-${i}`, labelId: label, start: Math.round(i * width), end: Math.round(i * width) + 13, author: person.name }));
      for (let from = 0; from < changes.length; from += 1000) expect((await api('applyChanges', { changes: changes.slice(from, from + 1000) }, person)).refused).toEqual([]);
    }
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: /^Long story/ }).first().click();
    await page.getByRole('button', { name: /^Curate/ }).click();
    const list = page.getByRole('listbox', { name: /Span groups/ });
    await list.waitFor();
    await expect.poll(() => page.locator('.curation-counts').textContent(), { timeout: 20_000 }).toMatch(/^3000 groups: 0 agreed, 3000 disagreed/);
    const drawn = await page.locator('.curation-state').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(300);
    const focusedMark = page.getByRole('region', { name: 'The group in the document' }).locator('mark[aria-current]');
    await expect.poll(() => focusedMark.textContent()).toBe('Sentence 0000');
    await list.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('j');
    await expect.poll(() => focusedMark.textContent()).toBe('Sentence 0005');
    expect(errors).toEqual([]);
  }, 120_000);
});
