// The Team view end to end over the browser host, with a fake team sync engine handed in through
// the host's factory (the real engine's own e2e runs against a CouchDB-protocol server): a wrong
// address is refused in words, linking shows the status, the conflict is listed and one version
// kept, and unlinking forgets the password on disk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServing, type ServingHost } from '../../electron/hosts/browser/serve';
import { credentialsFileOf } from '../../electron/services/sync/credentials';
import { VERDICT_CONFLICT, createFakeTeamSync, type FakeTeamSync } from '../helpers/fake-team-sync';
import { ROOT, SAMPLE, VIEWPORT, launchBrowser, screenshot, tempDir } from './harness';

const PASSWORD = 'e2e-team-password';
const URL = 'https://couch.example.org/newsroom';
let serving: ServingHost;
let engine: FakeTeamSync | undefined;
let browser: Browser;
let page: Page;
let store: string;

beforeAll(async () => {
  store = await tempDir('annotator-team-');
  const started = await startServing({ store, port: 0, files: [SAMPLE] }, path.join(ROOT, 'dist/renderer'), {
    createTeamSync: (_dir, credentials) =>
      (engine = createFakeTeamSync(
        {
          url: URL,
          users: { ben: PASSWORD },
          conflicts: [VERDICT_CONFLICT],
          quarantined: [{ id: 'highlight:doc-9:a-1', reason: 'from a newer version of Newsroom Annotator (schema 3): update this app to read it', receivedAt: '2025-03-01T10:00:00.000Z' }],
        },
        credentials,
      )),
  });
  if (!started) throw new Error('the browser host did not start');
  serving = started;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(serving.host.url);
  await page.locator('.cm-content').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await serving?.stop();
});

const team = () => page.getByRole('dialog', { name: 'Team' });
const topStatus = () => page.locator('.topbar [aria-label="Team sync"]');

describe('the Team view over the browser host', () => {
  it('refuses a wrong address in words, and an address where no team database answers', async () => {
    expect(engine).toBeDefined();
    await expect.poll(() => topStatus().textContent()).toBe('Not linked');
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await team().getByLabel('Database address').fill('couch.example.org/newsroom');
    await team().getByLabel('User name').fill('ben');
    await team().getByLabel('Password').fill(PASSWORD);
    await team().getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => team().getByRole('alert').textContent()).toMatch(/must be a web address such as https:\/\//);
    await team().getByLabel('Database address').fill('https://couch.example.org/elsewhere');
    await team().getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => team().getByRole('alert').textContent()).toMatch(/No team database answers at https:\/\/couch\.example\.org\/elsewhere/);
    await expect(fs.stat(credentialsFileOf(store))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('links: the status in the view and the top bar, the password in a file only this user reads', async () => {
    await team().getByLabel('Database address').fill(URL);
    await team().getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => team().getByRole('status').first().textContent()).toBe('1 conflict');
    await expect.poll(() => topStatus().textContent()).toBe('1 conflict');
    expect(await team().innerText()).toContain(URL);
    expect(await team().innerText()).toContain('only your user account can read');
    expect(await team().innerText()).not.toContain(PASSWORD);
    if (process.platform !== 'win32') expect((await fs.stat(credentialsFileOf(store))).mode & 0o777).toBe(0o600);
  });

  it('lists the conflict with each version, and the quarantined document with why', async () => {
    const conflicts = team().getByRole('region', { name: 'Conflicts' });
    await expect.poll(() => conflicts.innerText()).toContain('Claim in “Budget story”: the verdict changed on both sides');
    expect(await conflicts.getByRole('group', { name: 'Ben’s version' }).innerText()).toContain('False');
    expect(await conflicts.getByRole('group', { name: 'Ana’s version' }).innerText()).toContain('Mostly true');
    expect(await team().getByRole('region', { name: 'Quarantined' }).innerText()).toContain('schema 3');
    await screenshot(page, 'team-view');
  });

  it('keeps one version: the conflict is gone and the status says synced', async () => {
    await team().getByRole('group', { name: 'Ana’s version' }).getByRole('button', { name: 'Keep this version' }).click();
    await expect.poll(() => team().getByRole('region', { name: 'Conflicts' }).count()).toBe(0);
    expect(engine!.calls).toContain('resolve highlight:doc-1:claim-1 2-bbb');
    await expect.poll(() => topStatus().textContent()).toMatch(/^Synced \d+ s ago$/);
  });

  it('unlinks: not linked, the form back, and the password file gone', async () => {
    await team().getByRole('button', { name: 'Unlink' }).click();
    await expect.poll(() => topStatus().textContent()).toBe('Not linked');
    await team().getByLabel('Database address').waitFor();
    await expect(fs.stat(credentialsFileOf(store))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
