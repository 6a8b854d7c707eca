// @vitest-environment happy-dom
// Second references in the window: a Speaker highlight "Hwang" offers Joonkook Hwang first,
// Enter links him; two Woods are both offered and neither is picked; an unlinked Speaker
// highlight is flagged in the list and the panel, and the list can show only those.
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

const STORY = 'Joonkook Hwang and Robert Wood spoke. Hwang said it first. Wood agreed. Ellen Wood did not. “We see it,” one said.';

let app: MountedApp;
let host: HTMLElement;
let client: MemoryClient;

const span = (text: string, from = 0) => ({ start: STORY.indexOf(text, from), end: STORY.indexOf(text, from) + text.length });
const panel = () => host.querySelector<HTMLElement>('.annotation-panel')!;
const buttons = () => [...panel().querySelectorAll('button')].map((b) => b.textContent);
const rowOf = (text: string) => [...host.querySelectorAll<HTMLElement>('.annotation-row')].find((row) => row.querySelector('.row-text')?.textContent === text)!;
const rowTexts = () => [...host.querySelectorAll('.annotation-row .row-text')].map((r) => r.textContent);
const pick = async (text: string) => {
  act(() => rowOf(text).click());
  await settle();
};
const speakerOf = (id: string) => client.documents().get('doc-hwang')!.annotations.find((a) => a.id === id)!.speakerId;
const options = () => [...host.querySelectorAll('[role="option"][id*="-"]')].filter((o) => o.closest('.picker-options')).map((o) => `${o.getAttribute('aria-selected') === 'true' ? '>' : ''}${o.textContent}`);

beforeEach(async () => {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: [{ id: 'doc-hwang', title: 'hwang', text: STORY }] });
  await client.applyChanges({
    changes: [
      { kind: 'createSpeaker', speakerId: 'spk-hwang', name: 'Joonkook Hwang' },
      { kind: 'createSpeaker', speakerId: 'spk-wood', name: 'Robert Wood' },
      { kind: 'createAnnotation', documentId: 'doc-hwang', annotationId: 'ann-hwang', labelId: 'speaker', ...span('Hwang said'), end: span('Hwang said').start + 5 },
      { kind: 'createAnnotation', documentId: 'doc-hwang', annotationId: 'ann-wood', labelId: 'speaker', ...span('Wood agreed'), end: span('Wood agreed').start + 4 },
      { kind: 'createAnnotation', documentId: 'doc-hwang', annotationId: 'ann-quote', labelId: 'quote', ...span('We see it') },
      { kind: 'setLastDocument', documentId: 'doc-hwang' },
    ],
  });
  app = await mountApp(client);
  host = app.host;
});

afterEach(() => app.unmount());

describe('a Speaker highlight naming part of a known speaker', () => {
  it('offers the speaker first and creating second, and Enter in the picker links him', async () => {
    await pick('Hwang');
    expect(panel().querySelector('.flag-unlinked')?.textContent).toBe('Not linked to a speaker: “Hwang” names nobody in the speaker list yet.');
    expect(buttons().slice(0, 3)).toEqual(['Link to Joonkook Hwang', 'Create speaker “Hwang”', 'Link to a speaker… A']);

    // "Link to a speaker…" opens the picker, Joonkook Hwang first and ready for Enter.
    const input = panel().querySelector<HTMLInputElement>('#annotation-speaker')!;
    act(() => [...panel().querySelectorAll('button')].find((b) => b.textContent?.startsWith('Link to a speaker'))!.click());
    await settle();
    expect(document.activeElement).toBe(input);
    expect(options()).toEqual(['>Joonkook Hwang', 'Create speaker “Hwang”', 'No speaker linked']);
    press('Enter', {}, input);
    await settle();
    expect(speakerOf('ann-hwang')).toBe('spk-hwang');
    expect(panel().querySelector('.flag-unlinked')).toBeNull();
  });

  it('links with the panel’s first button, and names him in the list', async () => {
    await pick('Hwang');
    act(() => panel().querySelector<HTMLButtonElement>('.unlinked-mention button')!.click());
    await settle();
    expect(speakerOf('ann-hwang')).toBe('spk-hwang');
    expect(rowOf('Hwang').querySelector('.row-speaker')?.textContent).toBe('Joonkook Hwang');
  });

  it('offers both Woods, best first, and picks neither until a person chooses', async () => {
    await client.applyChanges({ changes: [{ kind: 'createSpeaker', speakerId: 'spk-ellen', name: 'Ellen Wood' }] });
    app.unmount();
    app = await mountApp(client);
    host = app.host;
    await pick('Wood');
    expect(buttons().slice(0, 3)).toEqual(['Link to Ellen Wood', 'Link to Robert Wood', 'Create speaker “Wood”']);
    expect(panel().textContent).toContain('2 speakers match “Wood”: choose who is meant.');

    const input = panel().querySelector<HTMLInputElement>('#annotation-speaker')!;
    act(() => input.focus());
    await settle();
    expect(options()).toEqual(['Ellen Wood', 'Robert Wood', 'Create speaker “Wood”', 'No speaker linked']);
    expect(panel().querySelector('.picker-hint')?.textContent).toBe('2 speakers match “Wood”: choose one with ↓ and Enter.');
    // Enter alone links nobody.
    press('Enter', {}, input);
    await settle();
    expect(speakerOf('ann-wood')).toBeNull();
    press('ArrowDown', {}, input);
    press('ArrowDown', {}, input);
    await settle();
    expect(options()[1]).toBe('>Robert Wood');
    press('Enter', {}, input);
    await settle();
    expect(speakerOf('ann-wood')).toBe('spk-wood');
  });

  it('ranks a quote’s picker the same way: a whole word before a name that only contains it', async () => {
    await client.applyChanges({ changes: [{ kind: 'createSpeaker', speakerId: 'spk-ann', name: 'Ann Woodward' }] });
    app.unmount();
    app = await mountApp(client);
    host = app.host;
    await pick('We see it');
    const input = panel().querySelector<HTMLInputElement>('#annotation-speaker')!;
    act(() => input.focus());
    await settle();
    // Typing, as a user would: React sees the change through the value setter and an input event.
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'Mr. Wood');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(options()).toEqual(['>Robert Wood', 'Create speaker “Mr. Wood”', 'Unattributed']);
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'Wood');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(options()).toEqual(['>Robert Wood', 'Create speaker “Wood”', 'Ann Woodward', 'Unattributed']);
    // Second references are not offered as new speakers beside the quote.
    expect(panel().textContent).not.toContain('+ Hwang');
    expect(panel().textContent).not.toContain('+ Wood');
  });
});

describe('unlinked Speaker highlights in the list', () => {
  it('are flagged, for a screen reader too, and the filter shows only them', async () => {
    expect(rowOf('Hwang').querySelector('.flag-unlinked')?.textContent).toBe('Not linked to a speaker');
    expect(rowOf('We see it').querySelector('.flag-unlinked')).toBeNull();
    const filter = [...host.querySelectorAll('.list-filter label')].find((l) => l.textContent?.startsWith('Unlinked speakers'))!;
    expect(filter.textContent).toBe('Unlinked speakers (2)');
    act(() => filter.querySelector('input')!.click());
    await settle();
    expect(rowTexts()).toEqual(['Hwang', 'Wood']);
    await pick('Hwang');
    act(() => panel().querySelector<HTMLButtonElement>('.unlinked-mention button')!.click());
    await settle();
    expect(rowTexts()).toEqual(['Wood']);
    expect(filter.textContent).toBe('Unlinked speakers (1)');
  });
});
