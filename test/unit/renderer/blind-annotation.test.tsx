// @vitest-environment happy-dom
// The window's side of blind annotation: the highlight list's annotator filter (Everyone, Only
// mine, each person with a count) and the "Mark done" / "Not done yet" control, in the whole window.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { setWindowPerson } from '../../../renderer/src/api/client.js';
import { browserStorage, keepPerson } from '../../../renderer/src/people/window-person.js';

/** This window is Ana's, the way the window keeps it (it reads its person back on mount). */
function asAna() {
  const ana = { id: 'p-ana', name: 'Ana' };
  keepPerson(browserStorage(), ana);
  setWindowPerson(ana);
}
import { ReviewSettingsDialog } from '../../../renderer/src/review/ReviewSetup.js';
import { createRoot } from 'react-dom/client';
import { createMemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let app: MountedApp | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  setWindowPerson(null);
  sessionStorage.clear();
  localStorage.clear();
});

async function openHomes() {
  const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ana' });
  const { refused } = await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'a1', labelId: 'quote', ...span(HOMES, 'we will build 300,000 homes'), author: 'Ana' },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'a2', labelId: 'claim', ...span(HOMES, '300,000 homes'), author: 'Ana' },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'a3', labelId: 'claim', ...span(HOMES, 'a fantasy'), author: 'Ben' },
    ],
  });
  expect(refused).toEqual([]);
  app = await mountApp(client);
  const row = [...app.host.querySelectorAll<HTMLButtonElement>('.document-item')].find((b) => b.textContent?.includes('homes'))!;
  await act(async () => row.click());
  await settle();
  return { client, host: app.host };
}

const heading = (host: HTMLElement) => [...host.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('Highlights'))!.textContent;
const button = (host: HTMLElement, name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the annotator filter of the highlight list', () => {
  it('offers Everyone, Only mine and each person with their count, and lists what was chosen', async () => {
    asAna();
    const { host } = await openHomes();
    const select = host.querySelector<HTMLSelectElement>('select[aria-label="Show annotator"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Everyone', 'Only mine', 'Ana (2)', 'Ben (1)']);
    expect(heading(host)).toBe('Highlights (3)');
    await choose(select, 'mine');
    expect(heading(host)).toBe('Highlights (2 of 3)');
    await choose(select, 'by:Ben');
    expect(heading(host)).toBe('Highlights (1 of 3)');
    await choose(select, '');
    expect(heading(host)).toBe('Highlights (3)');
  });
});

describe('Mark done', () => {
  it('marks the open document done for the window’s person, in This document and the document list, and takes it back', async () => {
    asAna();
    const { client, host } = await openHomes();
    const panel = host.querySelector('.document-done')!;
    expect(panel.textContent).toContain('Not marked done.');
    await act(async () => button(host, 'Mark done')!.click());
    await settle();
    expect(client.batches.flat()).toContainEqual({ kind: 'markDocumentDone', documentId: 'doc-homes', done: true });
    expect(host.querySelector('.document-done strong')?.textContent).toBe('Done');
    expect(host.querySelector('.document-done [role="status"]')?.textContent).toContain('is marked done');
    const homesRow = [...host.querySelectorAll('.document-list li')].find((li) => li.textContent?.includes('homes'))!;
    expect(homesRow.querySelector('.done-badge')?.textContent).toBe('Done');

    await act(async () => host.querySelector<HTMLButtonElement>('.document-done button')!.click());
    await settle();
    expect(host.querySelector('.document-done')!.textContent).toContain('Not marked done.');
    expect(homesRow.querySelector('.done-badge')).toBeNull();
  });

  it('has a key: Ctrl+Shift+D marks the open document done, and again not done yet', async () => {
    asAna();
    const { client, host } = await openHomes();
    await act(async () => press('D', { ctrlKey: true, shiftKey: true }));
    await settle();
    expect(client.batches.flat()).toContainEqual({ kind: 'markDocumentDone', documentId: 'doc-homes', done: true });
    expect(host.querySelector('.document-done strong')?.textContent).toBe('Done');
    await act(async () => press('D', { ctrlKey: true, shiftKey: true }));
    await settle();
    expect(client.batches.flat()).toContainEqual({ kind: 'markDocumentDone', documentId: 'doc-homes', done: false });
  });

  it('says, in words, that a window with no person cannot mark a document done', async () => {
    const { host } = await openHomes();
    await act(async () => button(host, 'Mark done')!.click());
    await settle();
    expect(host.textContent).toContain('Say who you are first');
    expect(host.querySelector('.document-done strong')).toBeNull();
  });
});

describe('the Blind annotation setting', () => {
  it('is saved with the review settings, for the whole team', async () => {
    const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<ReviewSettingsDialog client={client} settings={{ organisation: 'The Courier', claimReviewUrl: '' }} whenSaved={async () => undefined} onSaved={() => undefined} onClose={() => undefined} />));
    const box = [...host.querySelectorAll('label')].find((l) => l.textContent?.includes('Blind annotation'))!.querySelector('input')!;
    act(() => box.click());
    await act(async () => button(host, 'Save settings')!.click());
    await settle();
    expect(client.batches.flat()).toContainEqual({ kind: 'setReviewSettings', settings: { organisation: 'The Courier', claimReviewUrl: '', reviewerNotesInReport: false, blindAnnotation: true } });
    expect((await client.getSession({})).reviewSettings.blindAnnotation).toBe(true);
    act(() => root.unmount());
    host.remove();
  });
});

describe('the Agreement view under blind annotation', () => {
  it('says it measures only the documents the person marked done', async () => {
    const { AgreementDialog } = await import('../../../renderer/src/components/DatasetDialogs.js');
    const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<AgreementDialog client={client} blind onClose={() => undefined} onOpen={() => undefined} />));
    await settle();
    expect(host.querySelector('[role="note"]')?.textContent).toMatch(/^Blind annotation is on: agreement is measured on the documents you marked done/);
    act(() => root.render(<AgreementDialog client={client} onClose={() => undefined} onOpen={() => undefined} />));
    expect(host.querySelector('[role="note"]')).toBeNull();
    act(() => root.unmount());
    host.remove();
  });
});
