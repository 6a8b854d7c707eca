// @vitest-environment happy-dom
// The whole window against the in-memory AnnotatorApi: no host, no disk.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// happy-dom has no layout; give boxes a size so the virtualized list draws its rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });

const STORY = 'The minister said “we will build 300,000 homes” on Friday. Critics called it a fantasy.';

let app: MountedApp;
let host: HTMLElement;
let client: MemoryClient;



const rows = () => [...host.querySelectorAll('.annotation-row')].map((row) => row.querySelector('.chip')!.textContent + ':' + row.querySelector('.row-text')!.textContent);
const panelText = () => host.querySelector('.annotation-text')?.textContent ?? null;

beforeEach(async () => {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: [{ id: 'doc-homes', title: 'homes', text: STORY }, { id: 'doc-other', title: 'other', text: 'Another story.' }] });
  const start = STORY.indexOf('we will');
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'ann-critics', labelId: 'claim', start: STORY.indexOf('Critics'), end: STORY.indexOf('Critics') + 7 },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'ann-quote', labelId: 'quote', start, end: start + 'we will build 300,000 homes'.length },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  client.batches.length = 0;
  app = await mountApp(client);
  host = app.host;
});

afterEach(() => app.unmount());

describe('App with the in-memory API', () => {
  it('reopens the last document and lists its highlights in text order', () => {
    expect(host.querySelector('.doc-title')?.textContent).toBe('homes');
    expect(host.querySelector('.cm-content')?.textContent).toContain('300,000 homes');
    expect(rows()).toEqual(['Quote:we will build 300,000 homes', 'Claim:Critics']);
  });

  it('shows a highlight picked from the list in the side panel', async () => {
    act(() => host.querySelector<HTMLElement>('.annotation-row')!.click());
    await settle();
    expect(panelText()).toBe('we will build 300,000 homes');
    expect(host.querySelector<HTMLSelectElement>('#annotation-label')?.value).toBe('quote');
    expect(host.querySelector<HTMLInputElement>('#annotation-speaker')?.value).toBe('');
  });

  it('deletes with the Delete key and restores with Ctrl+Z, sending both changes', async () => {
    act(() => host.querySelector<HTMLElement>('.annotation-row')!.click());
    press('Delete');
    await settle();
    expect(rows()).toEqual(['Claim:Critics']);
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id)).toEqual(['ann-critics']);
    press('z', { ctrlKey: true });
    await settle();
    expect(rows()).toEqual(['Quote:we will build 300,000 homes', 'Claim:Critics']);
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id)).toEqual(['ann-quote', 'ann-critics']);
  });

  it('keeps Delete and label keys inside the note box for the note', async () => {
    act(() => host.querySelectorAll<HTMLElement>('.annotation-row')[1]!.click());
    await settle();
    const note = host.querySelector<HTMLTextAreaElement>('#annotation-note')!;
    note.focus();
    press('Delete', {}, note);
    press('q', {}, note);
    await settle();
    expect(rows()).toHaveLength(2);
    expect(panelText()).toBe('Critics');
  });

  it('switches documents and back without losing highlights', async () => {
    act(() => [...host.querySelectorAll<HTMLButtonElement>('.document-item')].find((b) => b.textContent?.startsWith('other'))!.click());
    await settle();
    expect(host.querySelector('.doc-title')?.textContent).toBe('other');
    expect(rows()).toEqual([]);
    act(() => [...host.querySelectorAll<HTMLButtonElement>('.document-item')].find((b) => b.textContent?.startsWith('homes'))!.click());
    await settle();
    expect(rows()).toHaveLength(2);
    expect(client.batches.flat().filter((c) => c.kind === 'setLastDocument').map((c) => 'documentId' in c && c.documentId)).toContain('doc-other');
  });
});
