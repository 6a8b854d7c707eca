// @vitest-environment happy-dom
// Importing annotation files in the window: a dry run first, shown in a dialog that says what
// the import will do (Cancel writes nothing), then the import as one step of the history that
// one Ctrl+Z takes back (highlights, then speakers and labels, then documents, and the claims'
// conflicts as they were), and a redo that imports the files again.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type Change } from '../../../electron/contract/api.js';
import { createMemoryClient, type ImportPlan, type MemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { BUDGET, HOMES, IMPORT_OVER_TWO_STORIES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

const PLAN: ImportPlan = IMPORT_OVER_TWO_STORIES;

let app: MountedApp;
let host: HTMLElement;
let client: MemoryClient;

const sheet = () => host.querySelector<HTMLElement>('[role=dialog]');
const buttonsIn = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
const button = (name: string, root: ParentNode = host) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
const messages = () => document.body.textContent ?? '';
const speakersSaved = async () => (await client.getSession({})).speakers.map((s) => s.name);
const documentsSaved = async () => (await client.getSession({})).documents.map((d) => d.id);
const savedClaim = (documentId: string, annotationId: string) => client.documents().get(documentId)?.annotations.find((a) => a.id === annotationId)?.claim;

async function chooseFiles(names: string[]) {
  const input = host.querySelector<HTMLInputElement>('[data-testid=import-input]')!;
  const files = names.map((name) => new File(['T1\tQuote 0 5\tRates\n'], name, { type: 'text/plain' }));
  Object.defineProperty(input, 'files', { configurable: true, get: () => files });
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle(12);
}

beforeEach(async () => {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ana' });
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', labelId: 'claim', ...span(BUDGET, 'crime fell by half') },
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', claim: { status: 'false' } },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  client.planImport(PLAN);
  app = await mountApp(client);
  host = app.host;
});

afterEach(() => app.unmount());

describe('the import preview', () => {
  it("lists what the files hold that is never imported as annotations (a model's predictions)", async () => {
    client.planImport({ ...PLAN, leftOut: ["tasks.json, task 1: 2 predictions (a model's suggestions, not annotations) left out."] });
    await chooseFiles(['tasks.json']);
    const list = sheet()!.querySelector('[aria-label="Not imported"]')!;
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(["tasks.json, task 1: 2 predictions (a model's suggestions, not annotations) left out."]);
  });

  it('says what the import will do, from a dry run, before anything is written', async () => {
    const batchesBefore = client.batches.length;
    await chooseFiles(['homes.ann', 'homes.txt']);
    expect(client.imports).toEqual([{ dryRun: true, fileNames: ['homes.ann', 'homes.txt'] }]);
    const dialog = sheet()!;
    expect(dialog.getAttribute('aria-label')).toBe('Import annotations');
    expect(dialog.querySelector('.import-summary')!.textContent).toBe('2 documents (1 new) · 2 new highlights · 1 already present · 1 conflict · 2 new speakers');
    expect([...dialog.querySelectorAll('[aria-label="New speakers"] li')].map((li) => li.textContent)).toEqual(['田中花子', '山田太郎']);
    expect(dialog.querySelector('[aria-label="Verdicts in conflict"] li')!.textContent).toBe('budget: “crime fell by half” here: False · in the file: True, by Bo');
    expect(buttonsIn(dialog)).toEqual(['×', 'Import', 'Cancel']);
    // The focus is in the dialog, on Import.
    expect(document.activeElement?.textContent).toBe('Import');
    // Nothing written yet.
    expect(client.batches.length).toBe(batchesBefore);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget']);
    expect(await speakersSaved()).toEqual([]);
  });

  it('leaves the edits behind it alone while it is open: Ctrl+Z undoes nothing until it is closed', async () => {
    // A first import is a step of the history; a second preview over it must not let Ctrl+Z take it back.
    await chooseFiles(['homes.ann']);
    press('Enter', {}, sheet()!.querySelector('.import-summary')!);
    await settle(12);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget', 'doc-rates']);
    await chooseFiles(['homes.ann']);
    expect(sheet()).not.toBeNull();
    const batchesBefore = client.batches.length;
    press('z', { ctrlKey: true }, sheet()!.querySelector('.import-summary')!);
    press('z', { ctrlKey: true });
    await settle(12);
    expect(sheet()).not.toBeNull();
    expect(client.batches.length).toBe(batchesBefore);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget', 'doc-rates']);
    // Closed, the same key undoes the import.
    press('Escape');
    await settle();
    press('z', { ctrlKey: true });
    await settle(12);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget']);
  });

  it('cannot be undone past a merge: Ctrl+Z after merging a colleague\'s workspace leaves the import alone', async () => {
    await chooseFiles(['homes.ann']);
    press('Enter', {}, sheet()!.querySelector('.import-summary')!);
    await settle(12);
    client.mergeWorkspaceWithDialog = async () => ({ documentsAdded: 0, documentsMatched: 2, highlightsAdded: 1, highlightsAlreadyThere: 0, speakersAdded: 0, labelsAdded: 0 });
    act(() => button('File').click());
    act(() => button('Merge a colleague’s workspace…').click());
    await settle(12);
    expect(messages()).toContain('Merged: 0 documents added, 2 matched; 1 highlights added, 0 already here.');
    const batchesBefore = client.batches.length;
    press('z', { ctrlKey: true });
    await settle(12);
    expect(client.batches.slice(batchesBefore).flat().filter((c) => c.kind !== 'setLastDocument')).toEqual([]);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget', 'doc-rates']);
  });

  it('writes nothing on Cancel, nor on Esc', async () => {
    await chooseFiles(['homes.ann']);
    act(() => button('Cancel', sheet()!).click());
    await settle();
    expect(sheet()).toBeNull();
    await chooseFiles(['homes.ann']);
    press('Escape');
    await settle();
    expect(sheet()).toBeNull();
    expect(client.imports.map((i) => i.dryRun)).toEqual([true, true]);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget']);
    expect(await speakersSaved()).toEqual([]);
    expect(savedClaim('doc-budget', 'c-crime')?.conflicts).toBeUndefined();
  });

  it('says “Everything in these files is already here” and offers only Close when nothing is new', async () => {
    await chooseFiles(['homes.ann']);
    act(() => button('Import', sheet()!).click());
    await settle(12);
    await chooseFiles(['homes.ann']);
    const dialog = sheet()!;
    expect(dialog.querySelector('.import-summary')!.textContent).toContain('Everything in these files is already here.');
    expect(dialog.querySelector('.import-summary')!.textContent).toContain('0 new highlights · 3 already present');
    expect(buttonsIn(dialog)).toEqual(['×', 'Close']);
    act(() => button('Close', dialog).click());
    await settle();
    expect(sheet()).toBeNull();
    expect(client.imports.map((i) => i.dryRun)).toEqual([true, false, true]);
  });

  it('shows the clear error for bad files, not the dialog', async () => {
    client.planImport({ refusal: 'homes.ann, line 3: “T1 Quote 5 2” ends before it starts. Fix the offsets, then import again.' });
    await chooseFiles(['homes.ann']);
    // Refused at the dry run, before anything could be written.
    expect(client.imports).toEqual([{ dryRun: true, fileNames: ['homes.ann'] }]);
    expect(sheet()).toBeNull();
    expect(messages()).toContain('homes.ann, line 3: “T1 Quote 5 2” ends before it starts.');
  });

  it('previews dropped annotation files too', async () => {
    const files = [new File(['{}'], 'tasks.json', { type: 'application/json' })];
    const drop = new Event('drop', { bubbles: true, cancelable: true }) as Event & { dataTransfer: unknown };
    drop.dataTransfer = { files, types: ['Files'] };
    act(() => void host.querySelector('.app')!.dispatchEvent(drop));
    await settle(12);
    expect(client.imports).toEqual([{ dryRun: true, fileNames: ['tasks.json'] }]);
    expect(sheet()?.getAttribute('aria-label')).toBe('Import annotations');
  });
});

describe('importing, and one Ctrl+Z', () => {
  it('imports on Enter, then one undo sends back every change in order, and the screen follows; redo imports again', async () => {
    await chooseFiles(['homes.ann']);
    press('Enter', {}, sheet()!.querySelector('.import-summary')!);
    await settle(12);
    expect(sheet()).toBeNull();
    expect(client.imports.map((i) => i.dryRun)).toEqual([true, false]);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget', 'doc-rates']);
    expect(await speakersSaved()).toEqual(['田中花子', '山田太郎']);
    expect(savedClaim('doc-budget', 'c-crime')?.conflicts).toMatchObject([{ status: 'true', by: 'Bo', from: 'budget.ann' }]);
    expect(messages()).toContain('Imported 2 highlights in 2 documents; new speakers: 田中花子, 山田太郎; 1 verdict in conflict, to settle on the review desk — Ctrl+Z undoes it.');
    // The screen: the new document in the list, the open document's new highlight, the speakers.
    expect(host.querySelector('nav[aria-label=Documents]')!.textContent).toContain('rates');
    expect(host.querySelector('nav[aria-label=Documents]')!.textContent).toContain('山田太郎');
    expect(host.querySelector('aside[aria-label=Highlights]')!.textContent).toContain('Critics called it a fantasy');

    const batchesBefore = client.batches.length;
    press('z', { ctrlKey: true });
    await settle(12);
    // One batch, in the order that can be applied: conflicts as they were, highlights, speakers, documents.
    const sent: Change[] = client.batches.slice(batchesBefore).flat().filter((c) => c.kind !== 'setLastDocument');
    expect(sent).toEqual([
      { kind: 'updateAnnotation', documentId: 'doc-budget', annotationId: 'c-crime', claim: { conflicts: [] } },
      { kind: 'deleteAnnotation', documentId: 'doc-homes', annotationId: 'q-critics' },
      { kind: 'deleteAnnotation', documentId: 'doc-rates', annotationId: 'q-rates' },
      { kind: 'deleteSpeaker', speakerId: 'spk-tanaka' },
      { kind: 'deleteSpeaker', speakerId: 'spk-yamada' },
      { kind: 'removeDocument', documentId: 'doc-rates' },
    ]);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget']);
    expect(await speakersSaved()).toEqual([]);
    expect(savedClaim('doc-budget', 'c-crime')?.conflicts).toBeUndefined();
    expect(savedClaim('doc-budget', 'c-crime')?.status).toBe('false');
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id)).toEqual(['c-homes']);
    expect(messages()).toContain('Import undone.');
    expect(host.querySelector('nav[aria-label=Documents]')!.textContent).not.toContain('rates');
    expect(host.querySelector('nav[aria-label=Documents]')!.textContent).not.toContain('山田太郎');
    expect(host.querySelector('aside[aria-label=Highlights]')!.textContent).not.toContain('Critics called it a fantasy');

    // A second undo has nothing of the import left to take back.
    press('z', { ctrlKey: true, shiftKey: true });
    await settle(12);
    expect(client.imports.map((i) => i.dryRun)).toEqual([true, false, false]);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget', 'doc-rates']);
    expect(await speakersSaved()).toEqual(['田中花子', '山田太郎']);
    expect(client.documents().get('doc-homes')!.annotations.map((a) => a.id).sort()).toEqual(['c-homes', 'q-critics']);
    expect(host.querySelector('aside[aria-label=Highlights]')!.textContent).toContain('Critics called it a fantasy');

    // And undone once more, it all goes again.
    press('z', { ctrlKey: true });
    await settle(12);
    expect(await documentsSaved()).toEqual(['doc-homes', 'doc-budget']);
    expect(await speakersSaved()).toEqual([]);
    expect(savedClaim('doc-budget', 'c-crime')?.conflicts).toBeUndefined();
  });
});

