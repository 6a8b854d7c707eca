// @vitest-environment happy-dom
// The document editor's form (Enter saves, Esc cancels, the contract's words for a bad value),
// the list's Delete key and context menu, the paste sheet, and the fields an edit and its undo send.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentFields, DocumentSummary } from '../../../electron/contract/api.js';
import { suggestedTitle } from '../../../electron/contract/document-rules.js';
import { PasteDocumentDialog, RemoveDocumentDialog } from '../../../renderer/src/components/DocumentDialogs.js';
import { DocumentEditForm } from '../../../renderer/src/components/DocumentEditForm.js';
import { DocumentList } from '../../../renderer/src/components/DocumentList.js';
import { changedFields } from '../../../renderer/src/state/use-document-edits.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const doc: DocumentSummary = {
  id: 'doc-1',
  title: 'Budget story',
  fileName: 'budget.txt',
  textHash: '0'.repeat(64),
  length: 100,
  addedAt: '2026-01-01T00:00:00.000Z',
  annotationCount: 3,
  format: 'text',
  encoding: 'utf-8',
  encodingDetected: false,
  sourceUrl: null,
  filePath: null,
  outlet: 'The Courier',
};

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const key = (target: Element, k: string) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(name))!;
const field = (id: string) => host.querySelector<HTMLInputElement>(`#document-edit-${id}`)!;

describe('DocumentEditForm', () => {
  it('saves on Enter what was typed (an emptied field as null), and closes', () => {
    const saved: DocumentFields[] = [];
    act(() => root.render(<DocumentEditForm document={doc} onSave={(f) => saved.push(f)} onRemove={() => undefined} />));
    act(() => button('Edit details').click());
    expect(field('outlet').value).toBe('The Courier');
    type(field('title'), 'Budget: taxes fell');
    type(field('outlet'), '');
    type(field('publishedOn'), '2024-03-15');
    act(() => void host.querySelector('form')!.requestSubmit());
    expect(saved).toEqual([{ title: 'Budget: taxes fell', headline: null, outlet: null, byline: null, sourceUrl: null, publishedOn: '2024-03-15' }]);
    expect(host.querySelector('form')).toBeNull();
  });

  it('says what is wrong with a date or a link in the contract’s words, and saves nothing', () => {
    const saved: DocumentFields[] = [];
    act(() => root.render(<DocumentEditForm document={doc} onSave={(f) => saved.push(f)} onRemove={() => undefined} />));
    act(() => button('Edit details').click());
    type(field('publishedOn'), '2023-02-29');
    type(field('sourceUrl'), 'www.courier.example');
    act(() => void host.querySelector('form')!.requestSubmit());
    expect([...host.querySelectorAll('[role="alert"]')].map((e) => e.textContent)).toEqual([
      'The source URL must be a web address starting with http:// or https://, such as https://example.org/story.',
      '2023-02-29 is not a date in the calendar; check the month and the day.',
    ]);
    expect(field('publishedOn').getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
  });

  it('cancels on Esc, saving nothing, and keeps the Esc from the window', () => {
    const saved: DocumentFields[] = [];
    let windowSawEsc = false;
    const onWindowKey = () => (windowSawEsc = true);
    window.addEventListener('keydown', onWindowKey);
    act(() => root.render(<DocumentEditForm document={doc} onSave={(f) => saved.push(f)} onRemove={() => undefined} />));
    act(() => button('Edit details').click());
    type(field('title'), 'Not this');
    key(field('title'), 'Escape');
    window.removeEventListener('keydown', onWindowKey);
    expect(host.querySelector('form')).toBeNull();
    expect(saved).toEqual([]);
    expect(windowSawEsc).toBe(false);
  });
});

describe('DocumentList', () => {
  it('asks to remove a document on Delete or from its context menu; without onRemove, Delete is the window’s', () => {
    const asked: string[] = [];
    act(() => root.render(<DocumentList documents={[doc]} currentId={null} onOpen={() => undefined} onRemove={(id) => asked.push(id)} />));
    const row = host.querySelector('.document-item')!;
    key(row, 'Delete');
    act(() => void row.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
    expect(asked).toEqual(['doc-1', 'doc-1']);
    act(() => root.render(<DocumentList documents={[doc]} currentId={null} onOpen={() => undefined} />));
    key(host.querySelector('.document-item')!, 'Delete');
    expect(asked).toHaveLength(2);
  });
});

describe('RemoveDocumentDialog', () => {
  it('names the document and how many highlights and claims it holds', () => {
    act(() => root.render(<RemoveDocumentDialog document={doc} claims={1} undoKey="Ctrl+Z" onRemove={() => undefined} onClose={() => undefined} />));
    expect(host.textContent).toContain('Remove “Budget story” from the workspace? It holds 3 highlights, 1 claim among them.');
    expect(host.textContent).toContain('Ctrl+Z brings it back with every highlight');
  });
});

describe('PasteDocumentDialog', () => {
  it('suggests the first line as the title and shows the length; with no clipboard, a box to paste into', async () => {
    const added: [string, string, string | null][] = [];
    const onAdd = async (title: string, text: string, url: string | null) => (added.push([title, text, url]), true);
    act(() => root.render(<PasteDocumentDialog text={null} onAdd={onAdd} onClose={() => undefined} />));
    expect(host.textContent).toContain('The clipboard could not be read here');
    const box = host.querySelector('textarea')!;
    act(() => void host.querySelector('form')!.requestSubmit());
    expect(host.textContent).toContain('There is no text to make a document of: paste some text first.');
    type(box, '\n  Police: 12 hurt in crash  \nMore later.');
    const title = [...host.querySelectorAll('input')][0]!;
    expect(title.value).toBe('Police: 12 hurt in crash');
    expect(host.querySelector('[role="status"]')!.textContent).toBe('41 characters, 41 bytes');
    await act(async () => void host.querySelector('form')!.requestSubmit());
    expect(added).toEqual([['Police: 12 hurt in crash', '\n  Police: 12 hurt in crash  \nMore later.', null]]);
  });

  it('cuts a long first line at a word', () => {
    expect(suggestedTitle(`${'word '.repeat(30)}end`)).toBe(`${'word '.repeat(15)}word…`);
    expect(suggestedTitle('Short title\nbody')).toBe('Short title');
  });
});

describe('changedFields', () => {
  it('sends only what changed, and undo puts back what was there (null for none)', () => {
    expect(changedFields(doc, { title: ' Budget story ', outlet: '', byline: 'Ana', headline: null })).toEqual({ next: { outlet: null, byline: 'Ana' }, before: { outlet: 'The Courier', byline: null } });
  });
});
