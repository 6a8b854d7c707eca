// @vitest-environment happy-dom
// The window's person: asked on first use (the workspace's old name only a suggestion), kept per
// window, offered to the next window, shown in the header with a way to switch (button and key).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, MAX_ANNOTATOR_NAME_LENGTH } from '../../../electron/contract/api.js';
import { currentWindowPerson } from '../../../renderer/src/api/client.js';
import { knownPeopleOf, windowPersonOf, type PersonStorage } from '../../../renderer/src/people/window-person.js';
import { createMemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let app: MountedApp | null = null;
const host = () => app!.host;
const prompt = () => host().querySelector<HTMLFormElement>('form[aria-label="Your name"]');
const switcher = () => host().querySelector<HTMLElement>('[role=dialog][aria-label="Switch person"]');
const header = () => host().querySelector('.annotator-name')?.textContent ?? null;
const buttons = (within: ParentNode) => [...within.querySelectorAll('button')].map((b) => b.textContent);
const click = (button: HTMLElement | null | undefined) => act(() => button!.click());

function type(input: HTMLInputElement, value: string): void {
  act(() => {
    // React tracks the value it set; the native setter makes this a change it sees.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const button = (within: ParentNode, text: string) => [...within.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement | undefined;

async function openWindow(annotatorName?: string) {
  app = await mountApp(createMemoryClient({ labels: DEFAULT_LABELS, documents: [{ id: 'doc', title: 'story', text: 'The mayor said crime fell.' }], annotatorName }));
  await settle();
}

async function chooseNew(within: ParentNode, name: string) {
  type(within.querySelector<HTMLInputElement>('#annotator-name-input')!, name);
  click(button(within, 'Save'));
  await settle();
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('the first-use prompt', () => {
  it('asks who is annotating, offers the workspace’s old name only as a suggestion, and keeps the answer for this window', async () => {
    await openWindow('Old Workspace Name');
    expect(prompt()!.textContent).toContain('Who is annotating?');
    expect(buttons(prompt()!)).toContain('Continue as Old Workspace Name');
    // Nobody is assumed until someone says.
    expect(header()).toBeNull();
    expect(currentWindowPerson()).toBeNull();

    await chooseNew(prompt()!, 'Ana Ortiz');
    expect(prompt()).toBeNull();
    expect(header()).toBe('Annotator: Ana Ortiz');
    const ana = currentWindowPerson()!;
    expect(ana).toEqual({ id: expect.stringMatching(/^p-[0-9a-f-]{36}$/), name: 'Ana Ortiz' });
    expect(JSON.parse(sessionStorage.getItem('newsroom-annotator:person')!)).toEqual(ana);

    // A reload of this window keeps its person without asking.
    app!.unmount();
    await openWindow('Old Workspace Name');
    expect(prompt()).toBeNull();
    expect(header()).toBe('Annotator: Ana Ortiz');
    expect(currentWindowPerson()).toEqual(ana);
  });

  it('offers a new window the people who worked here before: "Continue as" keeps their id', async () => {
    await openWindow();
    await chooseNew(prompt()!, 'Ana Ortiz');
    const ana = currentWindowPerson()!;
    app!.unmount();
    sessionStorage.clear(); // another window: its own session
    await openWindow('Old Workspace Name');
    // Someone is known here: they are offered, not the workspace's old name.
    expect(buttons(prompt()!)).toEqual(['Continue as Ana Ortiz', 'Save']);
    click(button(prompt()!, 'Continue as Ana Ortiz'));
    await settle();
    expect(header()).toBe('Annotator: Ana Ortiz');
    expect(currentWindowPerson()).toEqual(ana);
  });

  it('is the same person when a known name is typed again, and a new one for a new name', async () => {
    await openWindow();
    await chooseNew(prompt()!, 'Ana Ortiz');
    const ana = currentWindowPerson()!;
    app!.unmount();
    sessionStorage.clear();
    await openWindow();
    await chooseNew(prompt()!, 'Ana Ortiz');
    expect(currentWindowPerson()).toEqual(ana);
  });
});

describe('the person in the header', () => {
  it('switches person with the button or the key, and can be cancelled', async () => {
    await openWindow();
    await chooseNew(prompt()!, 'Ana Ortiz');
    const ana = currentWindowPerson()!;
    click(button(host(), 'Switch person'));
    expect(switcher()).not.toBeNull();
    await chooseNew(switcher()!, 'Ben Okafor');
    expect(switcher()).toBeNull();
    expect(header()).toBe('Annotator: Ben Okafor');
    const ben = currentWindowPerson()!;
    expect(ben.id).not.toBe(ana.id);

    // The key; Ana is offered (Ben is who is here already).
    press('P', { ctrlKey: true, shiftKey: true });
    expect(buttons(switcher()!)).toEqual(['Continue as Ana Ortiz', 'Save', 'Cancel']);
    click(button(switcher()!, 'Cancel'));
    expect(switcher()).toBeNull();
    expect(currentWindowPerson()).toEqual(ben);

    press('P', { ctrlKey: true, shiftKey: true });
    click(button(switcher()!, 'Continue as Ana Ortiz'));
    await settle();
    expect(currentWindowPerson()).toEqual(ana);
    expect(header()).toBe('Annotator: Ana Ortiz');
  });

  it('corrects the name of the same person: the id stays', async () => {
    await openWindow();
    await chooseNew(prompt()!, 'Ana Ortiz');
    const ana = currentWindowPerson()!;
    click(host().querySelector<HTMLButtonElement>('.annotator-name'));
    await chooseNew(host().querySelector('.topbar')!, 'Ana R. Ortiz');
    expect(header()).toBe('Annotator: Ana R. Ortiz');
    expect(currentWindowPerson()).toEqual({ id: ana.id, name: 'Ana R. Ortiz' });
    expect(JSON.parse(localStorage.getItem('newsroom-annotator:people')!)).toEqual([{ id: ana.id, name: 'Ana R. Ortiz' }]);
  });
});

describe('the person kept in storage', () => {
  const storageWith = (person: unknown, people: unknown): PersonStorage => {
    const entries = new Map([
      ['newsroom-annotator:person', JSON.stringify(person)],
      ['newsroom-annotator:people', JSON.stringify(people)],
    ]);
    const store = { getItem: (key: string) => entries.get(key) ?? null, setItem: (key: string, value: string) => void entries.set(key, value) };
    return { window: store, known: store };
  };

  it('is used as the contract’s person rule allows, and a damaged one is forgotten, never shown', () => {
    const ana = { id: 'p-ana', name: 'Ana Ortiz' };
    const people = [ana, { id: 'p-cy', name: '  Cy  ' }, { id: 'p cy', name: 'Cy' }, { id: 'p-bo', name: '' }, { id: 'p-di', name: 'Di', role: 'editor' }, 'Ed'];
    expect(windowPersonOf(storageWith(ana, people))).toEqual(ana);
    expect(knownPeopleOf(storageWith(ana, people))).toEqual([ana, { id: 'p-cy', name: 'Cy' }]);
    expect(windowPersonOf(storageWith({ id: 'p/../ana', name: 'Ana' }, []))).toBeNull();
    expect(windowPersonOf(storageWith({ id: 'p-ana', name: 'x'.repeat(MAX_ANNOTATOR_NAME_LENGTH + 1) }, []))).toBeNull();
  });
});
