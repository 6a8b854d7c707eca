// @vitest-environment happy-dom
// The Team view and the top bar's live status, over the in-memory workspace with a fake team
// sync engine behind the host's own team handlers.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LABELS, type ClaimRow } from '../../../electron/contract/api.js';
import { ConflictVersions } from '../../../renderer/src/review/ConflictVersions.js';
import { VERDICT_CONFLICT, createFakeTeamSync, type FakeTeamServer, type FakeTeamSync } from '../../helpers/fake-team-sync.js';
import { createMemoryClient } from '../../helpers/memory-client.js';
import { settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { TWO_STORIES, renderLikeABrowser } from '../../helpers/two-stories.js';

renderLikeABrowser();

const PASSWORD = 'correct horse';
const SERVER: FakeTeamServer = {
  url: 'https://couch.example.org/newsroom',
  users: { ben: PASSWORD },
  conflicts: [VERDICT_CONFLICT],
  quarantined: [{ id: 'highlight:doc-9:a-1', reason: 'from a newer version of Newsroom Annotator (schema 3)', receivedAt: '2025-03-01T10:00:00.000Z' }],
};

let app: MountedApp | undefined;
let host: HTMLElement;
let fake: FakeTeamSync;
let credentials: { username: string; password: string } | null;
afterEach(() => {
  app?.unmount();
  app = undefined;
  vi.useRealTimers();
});

async function open(server: FakeTeamServer = SERVER, withTeam = true) {
  credentials = null;
  const store = { read: async () => credentials, write: async (c: typeof credentials) => void (credentials = c), clear: async () => void (credentials = null) };
  fake = createFakeTeamSync(server, store);
  const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ben', ...(withTeam && { team: fake, passwordKept: 'Your password is kept encrypted by this computer’s keychain.' }) });
  app = await mountApp(client);
  host = app.host;
}

const button = (name: string, root: ParentNode = host) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const dialog = () => host.querySelector<HTMLElement>('[role=dialog][aria-label="Team"]');
const topStatus = () => host.querySelector<HTMLElement>('.topbar [aria-label="Team sync"]');
const input = (id: string) => host.querySelector<HTMLInputElement>(`#${id}`)!;
const alertText = () => dialog()?.querySelector('[role=alert]')?.textContent ?? null;
function type(field: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!;
  act(() => {
    setter.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(element: HTMLElement | undefined) {
  expect(element).toBeDefined();
  act(() => element!.click());
  await settle();
}
async function fillAndLink(url: string, username = 'ben', password = PASSWORD) {
  type(input('team-url'), url);
  type(input('team-username'), username);
  type(input('team-password'), password);
  await click(button('Link', dialog()!));
}

describe('the Team view', () => {
  it('is opened from the top bar, whose Team button has the live status beside it, read out as it changes', async () => {
    await open();
    expect(topStatus()!.textContent).toBe('Not linked');
    expect(topStatus()!.getAttribute('role')).toBe('status');
    expect(topStatus()!.getAttribute('aria-live')).toBe('polite');
    await click(button('Team'));
    expect(dialog()).not.toBeNull();
    expect(input('team-password').type).toBe('password');
    expect(dialog()!.querySelector('label[for=team-url]')!.textContent).toBe('Database address');
    expect(dialog()!.querySelector('label[for=team-username]')!.textContent).toBe('User name');
  });

  it('refuses a wrong address in words, before anything is sent; a password inside the address too', async () => {
    await open();
    await click(button('Team'));
    await fillAndLink('couch.example.org/newsroom');
    expect(alertText()).toMatch(/must be a web address such as https:\/\//);
    await fillAndLink(`https://ben:${PASSWORD}@couch.example.org/newsroom`);
    expect(alertText()).toMatch(/put the user name and password in their own fields/);
    expect(fake.calls).toEqual([]);
    // The engine's own refusal is shown as it says it.
    await fillAndLink('https://couch.example.org/newsroom', 'ben', 'wrong');
    expect(alertText()).toBe('The server refused the password for ben: check it and link again.');
    expect(topStatus()!.textContent).toBe('Not linked');
  });

  it('offers plain http to another machine only behind a checkbox, with the warning', async () => {
    await open({ ...SERVER, url: 'http://couch.newsroom.lan/newsroom' });
    await click(button('Team'));
    type(input('team-url'), 'https://couch.newsroom.lan/newsroom');
    expect(dialog()!.textContent).not.toContain('Allow plain http');
    type(input('team-url'), 'http://localhost:5984/newsroom');
    expect(dialog()!.textContent).not.toContain('Allow plain http');
    await fillAndLink('http://couch.newsroom.lan/newsroom');
    expect(dialog()!.textContent).toContain('Allow plain http to this server (not safe)');
    expect(dialog()!.textContent).toContain('Not safe: plain http to couch.newsroom.lan');
    expect(alertText()).toMatch(/Plain http sends your password/);
    expect(fake.calls).toEqual([]);
    await click(dialog()!.querySelector<HTMLInputElement>('input[type=checkbox]')!);
    await click(button('Link', dialog()!));
    expect(topStatus()!.textContent).toMatch(/^1 conflict$/);
    // Linked over plain http: the warning stays in sight.
    expect(dialog()!.textContent).toContain('Not safe: plain http to couch.newsroom.lan');
  });

  it('links, shows the link and how the password is kept, lists the conflict with each version, keeps one, and unlinks', async () => {
    await open();
    await click(button('Team'));
    await fillAndLink('https://couch.example.org/newsroom');
    expect(credentials).toEqual({ username: 'ben', password: PASSWORD });
    expect(dialog()!.querySelector('#team-password')).toBeNull();
    expect(dialog()!.textContent).not.toContain(PASSWORD);
    expect(dialog()!.textContent).toContain('https://couch.example.org/newsroom');
    expect(dialog()!.textContent).toContain('kept encrypted by this computer’s keychain');
    expect(dialog()!.querySelector('[role=status]')!.textContent).toBe('1 conflict');

    const conflict = dialog()!.querySelector<HTMLElement>('[aria-label=Conflicts]')!;
    expect(conflict.textContent).toContain('Claim in “Budget story”: the verdict changed on both sides');
    const versions = [...conflict.querySelectorAll<HTMLElement>('[role=group]')];
    expect(versions.map((v) => v.getAttribute('aria-label'))).toEqual(['Ben’s version', 'Ana’s version']);
    expect(versions[0]!.textContent).toMatch(/^Ben · 2025-03-01 \d\d:15statusFalseKeep this version$/);
    expect(versions[1]!.textContent).toContain('Mostly true');
    const quarantined = dialog()!.querySelector<HTMLElement>('[aria-label=Quarantined]')!;
    expect(quarantined.textContent).toContain('from a newer version of Newsroom Annotator (schema 3)');

    await click(button('Keep this version', versions[1]!));
    expect(fake.calls).toContain('resolve highlight:doc-1:claim-1 2-bbb');
    expect(dialog()!.querySelector('[aria-label=Conflicts]')).toBeNull();
    expect(topStatus()!.textContent).toMatch(/^Synced \d+ s ago$/);

    await click(button('Sync now', dialog()!));
    expect(dialog()!.textContent).toContain('Sync finished: 0 changes sent, 0 changes received.');

    await click(button('Unlink', dialog()!));
    expect(credentials).toBeNull();
    expect(topStatus()!.textContent).toBe('Not linked');
    expect(input('team-url')).not.toBeNull();
  });

  it('shows the first sync’s progress as a progress bar', async () => {
    await open({ ...SERVER, conflicts: [], documents: 1000 });
    fake.holdFirstSyncAt(420);
    await click(button('Team'));
    await fillAndLink('https://couch.example.org/newsroom');
    const bar = dialog()!.querySelector<HTMLElement>('[role=progressbar]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('420');
    expect(bar.getAttribute('aria-valuemax')).toBe('1000');
    expect(topStatus()!.textContent).toBe('First sync: 420 of 1,000');
  });

  it('follows the engine as it changes, without waiting for a poll: the host answers the window’s ask at the change', async () => {
    await open({ ...SERVER, conflicts: [] });
    await click(button('Team'));
    await fillAndLink('https://couch.example.org/newsroom');
    await click(button('×', dialog()!));
    expect(topStatus()!.textContent).toMatch(/^Synced/);
    fake.setOnline(false);
    for (let i = 0; i < 14; i++) fake.changeLocally();
    await settle();
    expect(topStatus()!.textContent).toBe('Offline: 14 changes waiting');
  });

  it('moves “Synced 2 s ago” on by itself between changes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true });
    await open({ ...SERVER, conflicts: [] });
    await click(button('Team'));
    await fillAndLink('https://couch.example.org/newsroom');
    await click(button('×', dialog()!));
    expect(topStatus()!.textContent).toMatch(/^Synced \d s ago$/);
    await act(async () => void vi.advanceTimersByTime(65_000));
    expect(topStatus()!.textContent).toBe('Synced 1 min ago');
  });

  it('on a host without team sync, says so instead of the form', async () => {
    await open(SERVER, false);
    expect(topStatus()!.textContent).toBe('');
    await click(button('Team'));
    expect(dialog()!.textContent).toMatch(/has no team sync here/);
    expect(dialog()!.querySelector('#team-url')).toBeNull();
  });
});

describe('a verdict conflict from team sync on the review desk', () => {
  it('reads “set by Ben · via team sync”', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    const root = createRoot(div);
    const claim = { status: 'true', reviewer: 'Ana', conflicts: [{ status: 'false', by: 'Ben', at: '2025-03-01T09:15:00.000Z', from: 'team sync' }] } as unknown as ClaimRow;
    act(() => root.render(<ConflictVersions claim={claim} statuses={[{ id: 'true', name: 'True' }, { id: 'false', name: 'False' }] as never} onPick={() => undefined} />));
    const lines = [...div.querySelectorAll('.conflict-version')].map((el) => el.textContent);
    expect(lines[1]).toMatch(/^False, set by Ben · via team sync · 2025-03-01 \d\d:15$/);
    act(() => root.unmount());
    div.remove();
  });
});

describe('changes from the team in an open window', () => {
  it('says they arrived in the open document and shows them when asked, the list following at once', async () => {
    credentials = null;
    fake = createFakeTeamSync({ ...SERVER, conflicts: [] });
    const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES, annotatorName: 'Ben', team: fake });
    await client.applyChanges({ changes: [{ kind: 'setLastDocument', documentId: 'doc-homes' }] });
    app = await mountApp(client);
    host = app.host;
    const rows = () => [...host.querySelectorAll('.annotation-row .row-text')].map((row) => row.textContent);
    const notice = () => host.querySelector<HTMLElement>('.team-arrivals');
    expect(rows()).toEqual([]);
    // Ana's quote reaches this workspace through team sync (written here as the engine would).
    const homes = client.documents().get('doc-homes')!;
    const start = homes.text.indexOf('Critics');
    await client.applyChanges({ changes: [{ kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'ana-1', labelId: 'quote', start, end: start + 7, author: 'Ana' }] });
    fake.arrive(['doc-homes']);
    await settle();
    expect(notice()?.textContent).toContain('Changes from the team arrived in this document.');
    // The text is not swapped under the person's hands: it waits for "Show them".
    expect(rows()).toEqual([]);
    await click(button('Show them', notice()!));
    expect(rows()).toEqual(['Critics']);
    expect(notice()).toBeNull();
    // A change to another document only refreshes the list; no notice here.
    fake.arrive(['doc-budget']);
    await settle();
    expect(notice()).toBeNull();
  });
});
