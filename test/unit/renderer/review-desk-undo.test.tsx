// @vitest-environment happy-dom
// The desk's edits go through the window's edit pipeline: undoable on the desk, and still
// undoable after leaving it, with the open document showing them without being read again.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { BUDGET, HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let app: MountedApp;
let host: HTMLElement;
let client: MemoryClient;
let opened: string[];

const grid = () => host.querySelector<HTMLElement>('[role=grid]')!;
const cells = (column: string) => [...host.querySelectorAll(`.desk-body [role=row] .col-${column}`)].map((cell) => cell.textContent);
const savedStatus = (documentId: string, annotationId: string) => client.documents().get(documentId)!.annotations.find((a) => a.id === annotationId)?.claim?.status;
const undoKey = async (target?: EventTarget) => {
  press('z', { ctrlKey: true }, target);
  await settle();
};
const redoKey = async (target?: EventTarget) => {
  press('z', { ctrlKey: true, shiftKey: true }, target);
  await settle();
};
const toggleDesk = async () => {
  press('R', { ctrlKey: true, shiftKey: true });
  await settle();
};
const rowStatuses = () => [...host.querySelectorAll('.annotation-row .row-status')].map((cell) => cell.textContent);

beforeEach(async () => {
  client = createMemoryClient({
    labels: DEFAULT_LABELS,
    documents: TWO_STORIES,
  });
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'q-critics', labelId: 'quote', ...span(HOMES, 'Critics called it a fantasy') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', labelId: 'claim', ...span(BUDGET, 'crime fell by half') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-rents', labelId: 'claim', ...span(BUDGET, 'Rents doubled') },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  opened = [];
  const openDocument = client.openDocument;
  client.openDocument = (args) => (opened.push(args.documentId), openDocument(args));
  app = await mountApp(client);
  host = app.host;
});

afterEach(() => app.unmount());

describe('undo on the review desk', () => {
  it('takes back the last verdict with Ctrl+Z, on screen and on disk, and Shift+Ctrl+Z sets it again', async () => {
    await toggleDesk();
    press('j', {}, grid());
    press('5', {}, grid());
    await settle();
    expect(cells('status')).toEqual(['Unreviewed', 'False', 'Unreviewed']);
    expect(savedStatus('doc-budget', 'c-crime')).toBe('false');

    await undoKey(grid());
    expect(cells('status')).toEqual(['Unreviewed', 'Unreviewed', 'Unreviewed']);
    expect(savedStatus('doc-budget', 'c-crime')).toBe('unreviewed');

    await redoKey(grid());
    expect(cells('status')).toEqual(['Unreviewed', 'False', 'Unreviewed']);
    expect(savedStatus('doc-budget', 'c-crime')).toBe('false');
  });

  it('takes back a verdict set on several selected claims as one step', async () => {
    await toggleDesk();
    press(' ', {}, grid());
    press('ArrowDown', { shiftKey: true }, grid());
    press('1', {}, grid());
    await settle();
    expect(cells('status')).toEqual(['True', 'True', 'Unreviewed']);
    await undoKey(grid());
    expect(cells('status')).toEqual(['Unreviewed', 'Unreviewed', 'Unreviewed']);
    expect([savedStatus('doc-homes', 'c-homes'), savedStatus('doc-budget', 'c-crime')]).toEqual(['unreviewed', 'unreviewed']);
  });

  it('leaves a change made in a document alone: from the desk only the desk’s own edits are undone', async () => {
    act(() => [...host.querySelectorAll<HTMLElement>('.annotation-row')][1]!.click());
    press('Delete');
    await settle();
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id)).toEqual(['c-homes']);
    await toggleDesk();
    await undoKey(grid());
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id)).toEqual(['c-homes']);
    await toggleDesk();
    await undoKey();
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id)).toEqual(['c-homes', 'q-critics']);
  });
});

describe('leaving the review desk', () => {
  it('keeps the undo history: the desk’s verdict, then an earlier change in the document, are undone from the document', async () => {
    act(() => [...host.querySelectorAll<HTMLElement>('.annotation-row')][1]!.click());
    press('Delete');
    await settle();
    await toggleDesk();
    press('5', {}, grid());
    await settle();
    expect(savedStatus('doc-homes', 'c-homes')).toBe('false');
    await toggleDesk();
    // The open document shows the verdict at once, without being read again.
    expect(rowStatuses()).toEqual(['False']);
    expect(opened).toEqual(['doc-homes']);

    await undoKey();
    expect(savedStatus('doc-homes', 'c-homes')).toBe('unreviewed');
    expect(rowStatuses()).toEqual(['Unreviewed']);
    await undoKey();
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id)).toEqual(['c-homes', 'q-critics']);
  });

  it('undoes from the document a verdict the desk set on a claim of a document not open', async () => {
    await toggleDesk();
    press('j', {}, grid());
    press('2', {}, grid());
    await settle();
    await toggleDesk();
    expect(host.querySelector('.doc-title')?.textContent).toBe('homes');
    await undoKey();
    expect(savedStatus('doc-budget', 'c-crime')).toBe('unreviewed');
    await toggleDesk();
    expect(cells('status')).toEqual(['Unreviewed', 'Unreviewed', 'Unreviewed']);
  });
});
