// @vitest-environment happy-dom
// Publishing right, on the desk: a claim two annotators tagged is one item with its versions and
// the editor picks the verdict published; the public summary is edited beside the private
// reviewer note; the verdict scale marks a verdict as having no rating; and the report shows the
// reviewer notes only when the editor chose so.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { BUDGET, HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let app: MountedApp;
let host: HTMLElement;
let client: MemoryClient;

const cells = (column: string) => [...host.querySelectorAll(`.desk-body [role=row] .col-${column}`)].map((cell) => cell.textContent);
const button = (name: string | RegExp, root: ParentNode = host) =>
  [...root.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? '')));
const versions = () => host.querySelector<HTMLElement>('[aria-label="Versions of this claim"]');
const claimOf = (documentId: string, annotationId: string) => client.documents().get(documentId)!.annotations.find((a) => a.id === annotationId)!.claim!;
const CRIME = span(BUDGET, 'crime fell by half');

/** Ana and Bo both tagged "crime fell by half" (Bo a little more of it), with different verdicts. */
async function twoVersions(extra: Parameters<MemoryClient['applyChanges']>[0]['changes'] = []) {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ana' });
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-ana', labelId: 'claim', ...CRIME },
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-ana', note: 'Ana: police figures', claim: { status: 'false', reviewerNote: 'Ask the police press office', publicSummary: 'Crime fell by a tenth.' } },
      { kind: 'setAnnotatorName', name: 'Bo' },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-bo', labelId: 'claim', start: CRIME.start - 'The mayor said '.length, end: CRIME.end },
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-bo', claim: { status: 'half-true' } },
      { kind: 'setAnnotatorName', name: 'Chief Editor' },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
      ...extra,
    ],
  });
  app = await mountApp(client);
  host = app.host;
  press('R', { ctrlKey: true, shiftKey: true });
  await settle();
}

afterEach(() => app.unmount());

describe('one claim, several versions', () => {
  it('is one item on the desk, with each version’s author, status and note, and the editor picks the one published', async () => {
    await twoVersions();
    // Shown by its first version in text order (Bo's, which starts earlier).
    expect(cells('text')).toEqual(['we will build 300,000 homes', 'The mayor said crime fell by half']);
    expect(host.querySelector('.desk-count')?.textContent).toMatch(/^2 claims/);
    expect(cells('status')[1]).toBe('Half true · 2 versions disagree');
    // The editor finds the claims waiting for her pick with the conflict filter.
    act(() => button('1 in conflict')!.click());
    await settle();
    expect(cells('text')).toEqual(['The mayor said crime fell by half']);
    act(() => button('1 in conflict · show all')!.click());
    await settle();
    press('j', {}, host.querySelector<HTMLElement>('[role=grid]')!);
    await settle();
    const panel = versions()!;
    expect(panel.querySelector('h3')?.textContent).toBe('2 versions disagree: pick the one to publish');
    const lines = [...panel.querySelectorAll('.conflict-version')].map((line) => line.textContent);
    expect(lines[0]).toMatch(/^Half true by Bo/);
    expect(lines[1]).toMatch(/^False by Ana · note: Ana: police figures/);

    act(() => button('Publish Half true (Bo)', panel)!.click());
    await settle(12);
    // Both versions now say Half true; Bo's is the editor's decision, Ana's brought into line.
    expect(claimOf('doc-budget', 'c-bo')).toMatchObject({ status: 'half-true', reviewer: 'Chief Editor' });
    expect(claimOf('doc-budget', 'c-ana').status).toBe('half-true');
    expect(claimOf('doc-budget', 'c-ana').reviewer).toBeUndefined();
    expect(versions()!.querySelector('h3')?.textContent).toBe('2 versions agree: published once');
    expect(cells('status')[1]).toBe('Half true · 2 versions');
    expect(cells('reviewer')[1]).toBe('Chief Editor');

    // One undo takes the whole pick back: the versions disagree again.
    press('z', { ctrlKey: true }, host.querySelector<HTMLElement>('[role=grid]')!);
    await settle(12);
    expect([claimOf('doc-budget', 'c-ana').status, claimOf('doc-budget', 'c-bo').status]).toEqual(['false', 'half-true']);
    expect(cells('status')[1]).toBe('Half true · 2 versions disagree');
  });

  it('gets a status key’s verdict on every version, as one decision', async () => {
    await twoVersions();
    press('j', {}, host.querySelector<HTMLElement>('[role=grid]')!);
    press('5', {}, host.querySelector<HTMLElement>('[role=grid]')!);
    await settle(12);
    expect([claimOf('doc-budget', 'c-ana').status, claimOf('doc-budget', 'c-bo').status]).toEqual(['false', 'false']);
    expect(claimOf('doc-budget', 'c-bo').reviewer).toBe('Chief Editor');
  });
});

describe('the public summary', () => {
  it('is edited on the desk apart from the private reviewer note', async () => {
    await twoVersions();
    const summary = host.querySelector<HTMLTextAreaElement>('#desk-public-summary')!;
    expect(host.querySelector('label[for="desk-public-summary"]')?.textContent).toBe('Public summary');
    expect(host.querySelector('label[for="desk-reviewer-note"]')?.textContent).toBe('Reviewer note (private)');
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    act(() => {
      summary.focus();
      setValue.call(summary, 'The minister’s plan funds 120,000 homes.');
      summary.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => summary.blur());
    await settle(12);
    expect(claimOf('doc-homes', 'c-homes')).toMatchObject({ publicSummary: 'The minister’s plan funds 120,000 homes.' });
    expect(claimOf('doc-homes', 'c-homes').reviewerNote).toBeUndefined();
  });
});

describe('the public summary in the side panel', () => {
  it('is a claim field of its own beside the reviewer note, saved when typing stops', async () => {
    await twoVersions();
    press('R', { ctrlKey: true, shiftKey: true });
    await settle();
    act(() => host.querySelector<HTMLElement>('.annotation-row')!.click());
    await settle();
    const summary = host.querySelector<HTMLTextAreaElement>('#annotation-public-summary')!;
    expect(host.querySelector('label[for="annotation-public-summary"]')?.textContent).toBe('Public summary');
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    act(() => {
      summary.focus();
      setValue.call(summary, 'Funded for 120,000 homes.');
      summary.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => summary.blur());
    await settle(12);
    expect(claimOf('doc-homes', 'c-homes')).toMatchObject({ publicSummary: 'Funded for 120,000 homes.' });
    expect(claimOf('doc-homes', 'c-homes').reviewerNote).toBeUndefined();
  });
});

describe('the report', () => {
  const openReport = async () => {
    // The report of the budget story: focus its claim, then Report….
    press('j', {}, host.querySelector<HTMLElement>('[role=grid]')!);
    await settle();
    act(() => button('Report…')!.click());
    await settle(12);
    return host.querySelector<HTMLElement>('.print-report')!;
  };

  it('leaves the reviewer notes out, and says which claims have versions that disagree', async () => {
    await twoVersions([{ kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-bo', claim: { reviewerNote: 'Bo: check the 2019 base', publicSummary: 'Half the story.' } }]);
    const report = await openReport();
    expect([...report.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Claim', 'Claimant', 'Verdict', 'Check-worthiness', 'Verdict by', 'Summary', 'Sources']);
    expect(report.textContent).not.toContain('Bo: check the 2019 base');
    expect(report.textContent).not.toContain('Ask the police press office');
    // While the versions disagree, no verdict and no summary is reported.
    expect(report.textContent).not.toContain('Half the story.');
    expect(report.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(report.querySelector('tbody tr td:nth-child(3)')?.textContent).toBe('Versions disagree');
    expect(report.querySelector('.report-versions')?.textContent).toBe('1 claim has versions that disagree; pick one on the desk.');
  });

  it('shows the story’s headline, outlet, byline and publication date', async () => {
    client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ana' });
    await client.applyChanges({ changes: [{ kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-ana', labelId: 'claim', ...CRIME }] });
    // What the document editor ("docs") records; set here on the stored summary.
    Object.assign(client.documents().get('doc-budget')!.summary, { headline: 'Mayor: crime fell by half', outlet: 'The Valley Times', byline: 'Sam Okoro', publishedOn: '2026-03-04' });
    app = await mountApp(client);
    host = app.host;
    press('R', { ctrlKey: true, shiftKey: true });
    await settle();
    act(() => button('Report…')!.click());
    await settle(12);
    const report = host.querySelector<HTMLElement>('.print-report')!;
    expect(report.querySelector('.report-headline')?.textContent).toBe('Mayor: crime fell by half');
    expect(report.querySelector('.report-story')?.textContent).toBe('The Valley Times · by Sam Okoro · published 2026-03-04');
  });

  it('shows the reviewer notes when the editor chose so in the review settings', async () => {
    await twoVersions([
      { kind: 'setReviewSettings', settings: { organisation: '', claimReviewUrl: '', reviewerNotesInReport: true } },
      // The versions agree: the claim is reported once, by Bo's version.
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-bo', claim: { status: 'false', reviewerNote: 'Bo: check the 2019 base', publicSummary: 'Half the story.' } },
    ]);
    const report = await openReport();
    expect([...report.querySelectorAll('thead th')].map((th) => th.textContent)).toContain('Reviewer note');
    expect(report.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(report.textContent).toContain('Bo: check the 2019 base');
    expect(report.textContent).toContain('Half the story.');
    expect(report.querySelector('.report-versions')).toBeNull();
  });
});

describe('the verdict scale', () => {
  it('marks a verdict as having no rating, and the rated ones count only each other', async () => {
    await twoVersions();
    act(() => button('Verdict scale…')!.click());
    await settle();
    const dialog = host.querySelector<HTMLElement>('[role=dialog]')!;
    const row = (name: string) => dialog.querySelector<HTMLElement>(`[role=group][aria-label$=": ${name}"]`)!;
    const noRating = (name: string) => [...row(name).querySelectorAll('label')].find((l) => l.textContent?.includes('No rating'))!.querySelector('input')!;
    expect(noRating('Unverifiable').checked).toBe(true);
    expect(row('Unverifiable').querySelector('.scale-rating')?.textContent).toBe('name only');
    expect(row('True').querySelector('.scale-rating')?.textContent).toBe('rating 6 of 6');
    act(() => noRating('Misleading').click());
    expect(row('True').querySelector('.scale-rating')?.textContent).toBe('rating 5 of 5');
    expect(row('False').querySelector('.scale-rating')?.textContent).toBe('rating 1 of 5');
    client.batches.length = 0;
    act(() => button('Save scale', dialog)!.click());
    await settle();
    const saved = client.batches.flat().find((change) => change.kind === 'saveStatuses');
    const marks = saved && saved.kind === 'saveStatuses' ? Object.fromEntries(saved.statuses.filter((s) => s.kind === 'verdict').map((s) => [s.id, s.noRating])) : {};
    expect(marks).toMatchObject({ true: false, false: false, misleading: true, unverifiable: true });
  });
});
