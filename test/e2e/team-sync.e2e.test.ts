// Team sync end to end with the real engine: two browser hosts (two machines' workspaces) and a
// CouchDB-protocol server the test starts on 127.0.0.1. Ana links in the Team view, her quote
// reaches Ben's workspace, and Ben's window shows it under her name; the password stays out of
// every answer and of the workspace files.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../helpers/couch-server';
import { SAMPLE, VIEWPORT, launchBrowser } from './harness';
import { TeamHosts, asPerson, setUpTeamServer, teamApi } from './team-harness';

const PASSWORD = 'e2e-sync-password';
const ANA = { id: 'p-ana', name: 'Ana Ortiz' };
let couch: CouchServer;
const hosts = new TeamHosts();
let browser: Browser;
const host = (files: string[]) => hosts.start(files);
const api = (serving: Awaited<ReturnType<typeof host>>) => teamApi(serving, ANA, [PASSWORD]);

beforeAll(async () => {
  couch = await startCouchServer();
  await setUpTeamServer(couch, 'newsroom', ['ana', 'ben'], PASSWORD);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hosts.stopAll();
  await couch?.stop();
});

describe('team sync with the real engine', () => {
  it('Ana links in the Team view; her quote reaches Ben’s workspace and window under her name', async () => {
    const anaHost = await host([SAMPLE]);
    const benHost = await host([]);
    const anaPage = await browser.newPage({ viewport: VIEWPORT });
    await asPerson(anaPage, ANA);
    await anaPage.goto(anaHost.host.url);
    await anaPage.locator('.cm-content').waitFor();

    // A wrong password is refused in words, and nothing is linked.
    const team = anaPage.getByRole('dialog', { name: 'Team' });
    await anaPage.getByRole('button', { name: 'Team', exact: true }).click();
    await team.getByLabel('Database address').fill(`${couch.url}/newsroom`);
    await team.getByLabel('User name').fill('ana');
    await team.getByLabel('Password').fill('not-her-password');
    await team.getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => team.innerText(), { timeout: 15_000 }).toMatch(/refused that user name or password/);

    await team.getByLabel('Password').fill(PASSWORD);
    await team.getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => anaPage.locator('.topbar [aria-label="Team sync"]').textContent(), { timeout: 20_000 }).toMatch(/^Synced/);

    const callAna = api(anaHost);
    const session = await callAna('getSession');
    const doc = session.documents[0];
    const opened = await callAna('openDocument', { documentId: doc.id });
    const start = opened.text.indexOf('Security Council');
    expect(start).toBeGreaterThanOrEqual(0);
    const applied = await callAna('applyChanges', { changes: [{ kind: 'createAnnotation', documentId: doc.id, annotationId: 'a-sync-1', labelId: 'quote', start, end: start + 'Security Council'.length }] });
    expect(applied.refused).toEqual([]);

    // Ben's machine links by the API (his own window would use the Team view the same way).
    const callBen = api(benHost);
    const linked = await callBen('linkTeam', { url: `${couch.url}/newsroom`, username: 'ben', password: PASSWORD });
    expect(linked.state).not.toBe('error');
    await expect
      .poll(
        async () => {
          const benSession = await callBen('getSession');
          const there = benSession.documents.find((d: { id: string }) => d.id === doc.id);
          if (!there) return null;
          const benDoc = await callBen('openDocument', { documentId: doc.id });
          return benDoc.annotations.ids.map((id: string, i: number) => `${id} by ${benDoc.annotations.authors[i]}`);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(['a-sync-1 by Ana Ortiz']);

    const benPage = await browser.newPage({ viewport: VIEWPORT });
    await asPerson(benPage, { id: 'p-ben', name: 'Ben Okafor' });
    await benPage.goto(benHost.host.url);
    await benPage.getByRole('button', { name: new RegExp(doc.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
    await expect.poll(() => benPage.locator('.annotation-list').innerText(), { timeout: 10_000 }).toContain('Security Council');

    // The password is kept only where the host keeps it (a 0600 file), never in the workspace's own files.
    for (const file of ['workspace.json', 'sync/link.json']) {
      expect(await fs.readFile(path.join(anaHost.store.dir, file), 'utf8')).not.toContain(PASSWORD);
    }
  }, 120_000);
});
