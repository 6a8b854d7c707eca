// @vitest-environment happy-dom
// The curation view's keys: a person's number accepts her version into the curated layer, R
// rejects, A accepts only where everyone agrees, E edits the label, and Ctrl+Z takes a step back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let app: MountedApp;
let client: MemoryClient;
const saved = () => client.documents().get('doc-homes')!;
const curatedOnDisk = () => saved().annotations.filter((a) => a.layer === 'curated');
const list = () => app.host.querySelector<HTMLElement>('.curation-groups')!;
const statusLine = () => app.host.querySelector('.status-line')?.textContent ?? '';
const states = () => [...app.host.querySelectorAll('.curation-state')].map((s) => s.textContent);
const key = async (k: string, init: KeyboardEventInit = {}) => {
  press(k, init, list());
  await settle();
};

beforeEach(async () => {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES });
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'ana-1', labelId: 'claim', author: 'Ana', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'ben-1', labelId: 'quote', author: 'Ben', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'ana-2', labelId: 'quote', author: 'Ana', ...span(HOMES, 'Critics called it a fantasy') },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'ben-2', labelId: 'quote', author: 'Ben', ...span(HOMES, 'Critics called it a fantasy') },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  app = await mountApp(client);
  press('U', { ctrlKey: true, shiftKey: true });
  await settle();
});

afterEach(() => app.unmount());

describe('the curation view', () => {
  it('shows each group with its state and each person’s version', () => {
    expect(app.host.querySelector('[aria-label^="Curating"]')).not.toBeNull();
    expect(states()).toEqual(['disagreed', 'agreed']);
    expect(app.host.querySelector('.curation-group')!.textContent).toContain('1 Ana Claim: “we will build 300,000 homes”2 Ben Quote: “we will build 300,000 homes”Curated —');
  });

  it('accepts a person’s version with her number, as one undoable step, and redoes it', async () => {
    await key('2');
    expect(curatedOnDisk()).toMatchObject([{ labelId: 'quote', curatedFrom: [{ annotationId: 'ben-1', author: 'Ben' }] }]);
    expect(states()[0]).toBe('accepted from Ben');
    await key('1');
    expect(curatedOnDisk()).toMatchObject([{ labelId: 'claim', curatedFrom: [{ annotationId: 'ana-1', author: 'Ana' }] }]);
    await key('z', { ctrlKey: true });
    expect(curatedOnDisk()).toMatchObject([{ labelId: 'quote', curatedFrom: [{ annotationId: 'ben-1' }] }]);
    await key('z', { ctrlKey: true });
    expect(curatedOnDisk()).toEqual([]);
    expect(states()[0]).toBe('disagreed');
    await key('z', { ctrlKey: true, shiftKey: true });
    expect(curatedOnDisk()).toHaveLength(1);
  });

  it('A accepts only where everyone agrees; R rejects, and the group reads rejected until undone', async () => {
    await key('a');
    expect(curatedOnDisk()).toEqual([]);
    await key('j');
    await key('a');
    expect(curatedOnDisk()).toMatchObject([{ curatedFrom: [{ annotationId: 'ana-2' }, { annotationId: 'ben-2' }] }]);
    await key('k');
    await key('r');
    expect(states()).toEqual(['rejected', 'accepted from Ana and Ben']);
    expect(saved().summary.curationRejected).toEqual(['ana-1', 'ben-1']);
    await key('z', { ctrlKey: true });
    expect(states()[0]).toBe('disagreed');
    expect(saved().summary.curationRejected).toEqual([]);
  });

  it('names each curation step when it is undone and redone: what the editor accepted or rejected, not a delete', async () => {
    await key('2');
    expect(statusLine()).toContain('Accepted Ben’s version of “we will build 300,000 homes”.');
    await key('1'); // replaces Ben's curated quote: its first change is a delete
    await key('z', { ctrlKey: true });
    expect(statusLine()).toContain('Undone: Accepted Ana’s version of “we will build 300,000 homes”');
    expect(statusLine()).not.toMatch(/deleted|change/);
    await key('z', { ctrlKey: true, shiftKey: true });
    expect(statusLine()).toContain('Redone: Accepted Ana’s version of “we will build 300,000 homes”');
    await key('j');
    await key('r');
    await key('z', { ctrlKey: true });
    expect(statusLine()).toContain('Undone: Rejected every version of “Critics called it a fantasy”');
    await key('a');
    await key('z', { ctrlKey: true });
    expect(statusLine()).toContain('Undone: Accepted the agreed version of “Critics called it a fantasy”');
    [...app.host.querySelectorAll('button')].find((b) => b.textContent === 'Accept all of Ben')!.click();
    await settle();
    await key('z', { ctrlKey: true });
    expect(statusLine()).toContain('Undone: Accepted Ben’s whole version');
  });

  it('E edits the curated highlight’s label; Accept all of a person takes her whole version', async () => {
    await key('e');
    expect(app.host.querySelector('.status-line')?.textContent ?? '').toMatch(/accept a version first/);
    const acceptAll = [...app.host.querySelectorAll('button')].find((b) => b.textContent === 'Accept all of Ben')!;
    acceptAll.click();
    await settle();
    expect(curatedOnDisk().map((a) => a.curatedFrom![0]!.author)).toEqual(['Ben', 'Ben']);
    list().focus();
    await key('e');
    const select = app.host.querySelector<HTMLSelectElement>('select[aria-label="Curated highlight’s label"]')!;
    expect(document.activeElement).toBe(select);
    select.value = 'claim';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(curatedOnDisk()[0]!.labelId).toBe('claim');
  });
});

describe('the review desk’s curated layer', () => {
  it('shows only the curated layer’s claims when asked, and keeps the choice as a workspace setting', async () => {
    // Ben's quote accepted as a claim of the curated layer, apart from Ana's claim.
    await key('j');
    await key('2');
    await key('e');
    const select = app.host.querySelector<HTMLSelectElement>('select[aria-label="Curated highlight’s label"]')!;
    select.value = 'claim';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    press('R', { ctrlKey: true, shiftKey: true });
    await settle();
    const rows = () => app.host.querySelectorAll('.desk-body [role=row]').length;
    expect(rows()).toBe(2);
    const toggle = [...app.host.querySelectorAll<HTMLInputElement>('.desk-layer input')][0]!;
    toggle.click();
    await settle();
    expect(rows()).toBe(1);
    expect((await client.getSession({})).reviewSettings.layer).toBe('curated');
  });
});
