// A team of three end to end with the real engine: Ana and Ben (fact-checkers) and Cy (the editor),
// three browser hosts (three machines' workspaces) linked to one database on a CouchDB-protocol
// server the test starts on 127.0.0.1. One creates and the others see it; edits made while the
// server is down converge once it is back; two verdicts set offline meet on Cy's desk, where he
// picks one for everyone; blind annotation hides Ana's highlights from Ben until he is done; and
// Cy's curation reaches Ana's workspace as the curated layer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServingHost } from '../../electron/hosts/browser/serve';
import { startCouchServer, type CouchServer } from '../helpers/couch-server';
import { SAMPLE, VIEWPORT, launchBrowser, screenshot } from './harness';
import { TeamHosts, asPerson, setUpTeamServer, teamApi, type Person, type TeamApi } from './team-harness';

const PASSWORD = 'e2e-team-of-three';
const DATABASE = 'newsroom';
const USERS = ['ana', 'ben', 'cy'];
const ANA: Person = { id: 'p-ana', name: 'Ana Ortiz' };
const BEN: Person = { id: 'p-ben', name: 'Ben Okafor' };
const CY: Person = { id: 'p-cy', name: 'Cy Lund' };
const CLAIM_TEXT = 'Such transfers would violate a U.N. arms embargo on North Korea';
const ANA_OFFLINE = 'Robert Wood';
const BEN_OFFLINE = 'Vassily Nebenzia';
const CURATION_TEXT = 'Harbour council votes on the ferry\n\nThe mayor said the ferry will run every hour from May.\n';
const CURATION_SPAN = 'the ferry will run every hour from May';

let couch: CouchServer;
const hosts = new TeamHosts();
let browser: Browser;
let anaHost: ServingHost;
let benHost: ServingHost;
let cyHost: ServingHost;
let ana: TeamApi;
let ben: TeamApi;
let cy: TeamApi;
let cyPage: Page;
let documentId: string;
let text: string;

interface Highlight {
  id: string;
  labelId: string;
  start: number;
  end: number;
  author: string;
  status?: string;
  reviewer?: string;
  conflicts?: { status: string; by: string; from?: string }[];
  layer?: string;
  curatedFrom?: { annotationId: string; author: string }[];
}

/** A document's highlights as `call`'s person is shown them (blind annotation applies). */
async function highlightsOf(call: TeamApi, docId: string): Promise<Highlight[] | null> {
  const session = await call('getSession');
  if (!session.documents.some((d: { id: string }) => d.id === docId)) return null;
  const { annotations: a } = await call('openDocument', { documentId: docId });
  return a.ids.map((id: string, i: number) => ({
    id,
    labelId: a.labelIds[i],
    start: a.starts[i],
    end: a.ends[i],
    author: a.authors[i],
    status: a.extras[i]?.claim?.status,
    reviewer: a.extras[i]?.claim?.reviewer,
    conflicts: a.extras[i]?.claim?.conflicts,
    layer: a.extras[i]?.layer,
    curatedFrom: a.extras[i]?.curatedFrom,
  }));
}

const idsOn = async (call: TeamApi, docId = documentId) => (await highlightsOf(call, docId))?.map((h) => h.id).sort() ?? null;
const claimOn = async (call: TeamApi) => (await highlightsOf(call, documentId))?.find((h) => h.id === 'c1');

/** One "Sync now" on every machine; a machine the server does not answer yet says so and is asked again next round. */
async function syncEveryone(): Promise<void> {
  for (const call of [ana, ben, cy]) await call('syncTeamNow').catch(() => undefined);
}

const span = (part: string) => {
  const start = text.indexOf(part);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + part.length };
};

async function edit(call: TeamApi, changes: unknown[]): Promise<void> {
  const applied = await call('applyChanges', { changes });
  expect(applied.refused).toEqual([]);
}

/** The server goes down, `offline` runs on the machines, and the server comes back empty (it is in memory). */
async function whileServerIsDown(offline: () => Promise<void>): Promise<void> {
  await couch.stop();
  await offline();
  await couch.restart();
  await setUpTeamServer(couch, DATABASE, USERS, PASSWORD);
}

async function openInWindow(page: Page, title: string): Promise<void> {
  await page.reload();
  await page.locator('.document-list').waitFor();
  await page.locator('.document-list').getByRole('button', { name: new RegExp(`^${title.slice(0, 20)}`) }).first().click();
  await page.locator('.cm-content').waitFor();
}

const highlightsHeading = (page: Page) => page.getByRole('heading', { name: /^Highlights/ }).textContent();

beforeAll(async () => {
  couch = await startCouchServer();
  await setUpTeamServer(couch, DATABASE, USERS, PASSWORD);
  browser = await launchBrowser();
  anaHost = await hosts.start([SAMPLE]);
  benHost = await hosts.start();
  cyHost = await hosts.start();
  ana = teamApi(anaHost, ANA, [PASSWORD]);
  ben = teamApi(benHost, BEN, [PASSWORD]);
  cy = teamApi(cyHost, CY, [PASSWORD]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hosts.stopAll();
  await couch?.stop();
});

describe('a team of three, synced through one server', () => {
  it('links all three (Cy in the Team view); Ana’s claim reaches Ben’s and Cy’s workspaces and Cy’s window', async () => {
    for (const [call, username] of [[ana, 'ana'], [ben, 'ben']] as const) {
      const linked = await call('linkTeam', { url: `${couch.url}/${DATABASE}`, username, password: PASSWORD });
      expect(linked.state).not.toBe('error');
    }
    cyPage = await browser.newPage({ viewport: VIEWPORT });
    await asPerson(cyPage, CY);
    await cyPage.goto(cyHost.host.url);
    await cyPage.getByRole('button', { name: 'Team', exact: true }).click();
    const team = cyPage.getByRole('dialog', { name: 'Team' });
    await team.getByLabel('Database address').fill(`${couch.url}/${DATABASE}`);
    await team.getByLabel('User name').fill('cy');
    await team.getByLabel('Password').fill(PASSWORD);
    await team.getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => cyPage.locator('.topbar [aria-label="Team sync"]').textContent(), { timeout: 20_000 }).toMatch(/^Synced/);
    await cyPage.keyboard.press('Escape');

    const session = await ana('getSession');
    documentId = session.documents[0].id;
    text = (await ana('openDocument', { documentId })).text;
    await edit(ana, [{ kind: 'createAnnotation', documentId, annotationId: 'c1', labelId: 'claim', ...span(CLAIM_TEXT), claim: { checkWorthiness: 'high', status: 'unreviewed', sources: [], tags: [] } }]);

    for (const call of [ben, cy]) {
      await expect
        .poll(async () => (await highlightsOf(call, documentId))?.map((h) => `${h.id} ${h.labelId} by ${h.author}`), { timeout: 30_000, interval: 300 })
        .toEqual(['c1 claim by Ana Ortiz']);
    }
    await openInWindow(cyPage, session.documents[0].title);
    await expect.poll(() => cyPage.locator('.annotation-list').innerText(), { timeout: 10_000 }).toContain(CLAIM_TEXT);

    // With Cy's window open on the story, Ana's next quote arrives: the window says so, and shows it when asked.
    const quote = text.slice(text.indexOf(CLAIM_TEXT) + CLAIM_TEXT.length + 1).match(/\w{6,}/)![0];
    const quoteStart = text.indexOf(quote, text.indexOf(CLAIM_TEXT) + CLAIM_TEXT.length);
    await edit(ana, [{ kind: 'createAnnotation', documentId, annotationId: 'q-live', labelId: 'quote', start: quoteStart, end: quoteStart + quote.length }]);
    const notice = cyPage.locator('.team-arrivals');
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('Changes from the team arrived in this document.');
    await notice.getByRole('button', { name: 'Show them' }).click();
    await expect.poll(() => cyPage.locator('.annotation-list').innerText(), { timeout: 10_000 }).toContain(quote);
    expect(await notice.count()).toBe(0);
    await edit(ana, [{ kind: 'deleteAnnotation', documentId, annotationId: 'q-live' }]);
    for (const call of [ben, cy]) {
      await expect.poll(async () => (await highlightsOf(call, documentId))?.map((h) => h.id), { timeout: 30_000, interval: 300 }).toEqual(['c1']);
    }
  }, 90_000);

  it('edits made on two machines while the server is down converge on all three once it is back', async () => {
    await whileServerIsDown(async () => {
      await edit(ana, [{ kind: 'createAnnotation', documentId, annotationId: 'a-off', labelId: 'speaker', ...span(ANA_OFFLINE) }]);
      await edit(ben, [{ kind: 'createAnnotation', documentId, annotationId: 'b-off', labelId: 'speaker', ...span(BEN_OFFLINE) }]);
      // Each machine keeps its own edit meanwhile, and says the server cannot be reached.
      expect(await idsOn(ana)).toEqual(['a-off', 'c1']);
      expect(await idsOn(ben)).toEqual(['b-off', 'c1']);
      await expect(ana('syncTeamNow')).rejects.toThrow(/^The server cannot be reached .*local changes wait and go out once it answers\.$/);
    });
    await expect
      .poll(
        async () => {
          await syncEveryone();
          return Promise.all([ana, ben, cy].map((call) => idsOn(call)));
        },
        { timeout: 45_000, interval: 300 },
      )
      .toEqual([0, 1, 2].map(() => ['a-off', 'b-off', 'c1']));
    const onCy = await highlightsOf(cy, documentId);
    expect(onCy!.find((h) => h.id === 'a-off')).toMatchObject({ ...span(ANA_OFFLINE), author: 'Ana Ortiz' });
    expect(onCy!.find((h) => h.id === 'b-off')).toMatchObject({ ...span(BEN_OFFLINE), author: 'Ben Okafor' });
  }, 90_000);

  it('two verdicts set offline meet on Cy’s desk with who set each; Cy’s pick reaches both, with no conflict left', async () => {
    await whileServerIsDown(async () => {
      await edit(ana, [{ kind: 'updateAnnotation', documentId, annotationId: 'c1', claim: { status: 'false' }, deskDecision: true }]);
      await edit(ben, [{ kind: 'updateAnnotation', documentId, annotationId: 'c1', claim: { status: 'misleading' }, deskDecision: true }]);
    });
    await expect
      .poll(
        async () => {
          await syncEveryone();
          const claim = await claimOn(cy);
          return [claim?.status, ...(claim?.conflicts ?? []).map((c) => c.status)].sort();
        },
        { timeout: 45_000, interval: 300 },
      )
      .toEqual(['false', 'misleading']);

    await cyPage.reload();
    await cyPage.locator('.cm-content').waitFor();
    await cyPage.getByRole('button', { name: 'Review desk' }).click();
    const grid = cyPage.getByRole('grid', { name: 'Claims to review' });
    const row = grid.locator('[role=row]', { hasText: CLAIM_TEXT });
    await expect.poll(() => row.locator('.col-status').textContent(), { timeout: 10_000 }).toMatch(/In conflict/);
    await row.click();
    const versions = cyPage.getByRole('region', { name: 'Verdicts in conflict' });
    await expect.poll(() => versions.locator('.conflict-version').allTextContents(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/^False.*set by Ana Ortiz/), expect.stringMatching(/^Misleading.*set by Ben Okafor/)]),
    );
    expect(await versions.locator('.conflict-version').count()).toBe(2);
    await screenshot(cyPage, 'team-of-three-desk-conflict');

    // Cy takes Ana's verdict, whichever side of the conflict the desk shows it on.
    await versions.getByRole('button', { name: /^(Keep|Take) False$/ }).click();
    await expect.poll(() => row.locator('.col-status').textContent(), { timeout: 10_000 }).toBe('False');
    await expect
      .poll(
        async () => {
          await syncEveryone();
          return Promise.all([ana, ben, cy].map(async (call) => {
            const claim = await claimOn(call);
            return { status: claim?.status, reviewer: claim?.reviewer, conflicts: claim?.conflicts ?? [] };
          }));
        },
        { timeout: 45_000, interval: 300 },
      )
      .toEqual([0, 1, 2].map(() => ({ status: 'false', reviewer: 'Cy Lund', conflicts: [] })));
  }, 90_000);

  it('blind annotation, turned on by Cy, hides Ana’s highlights from Ben’s window until he marks the document done', async () => {
    const { reviewSettings } = await cy('getSession');
    await edit(cy, [{ kind: 'setReviewSettings', settings: { ...reviewSettings, blindAnnotation: true } }]);
    await expect
      .poll(
        async () => {
          await syncEveryone();
          return (await ben('getSession')).reviewSettings.blindAnnotation;
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBe(true);

    const benPage = await browser.newPage({ viewport: VIEWPORT });
    await asPerson(benPage, BEN);
    await benPage.goto(benHost.host.url);
    await openInWindow(benPage, (await ben('getSession')).documents[0].title);
    await expect.poll(() => highlightsHeading(benPage), { timeout: 10_000 }).toBe('Highlights (1)');
    const list = benPage.locator('.annotation-list');
    expect(await list.innerText()).toContain(BEN_OFFLINE);
    expect(await list.innerText()).not.toContain(ANA_OFFLINE);
    expect(await list.innerText()).not.toContain(CLAIM_TEXT);

    await benPage.getByRole('button', { name: 'Mark done', exact: true }).click();
    await expect.poll(() => highlightsHeading(benPage), { timeout: 10_000 }).toBe('Highlights (3)');
    expect(await list.innerText()).toContain(ANA_OFFLINE);
    expect(await list.innerText()).toContain(CLAIM_TEXT);
    await benPage.close();

    // Blind off again for the team, so each window shows the curated layer below.
    await edit(cy, [{ kind: 'setReviewSettings', settings: { ...reviewSettings, blindAnnotation: false } }]);
    await expect
      .poll(
        async () => {
          await syncEveryone();
          return Promise.all([ana, ben].map(async (call) => (await call('getSession')).reviewSettings.blindAnnotation ?? false));
        },
        { timeout: 30_000, interval: 300 },
      )
      .toEqual([false, false]);
  }, 90_000);

  it('Cy curates Ana’s and Ben’s labels of one span with a key, and the curated layer reaches Ana’s workspace', async () => {
    const pasted = await ana('addPastedDocument', { title: 'Ferry vote', text: CURATION_TEXT });
    const start = CURATION_TEXT.indexOf(CURATION_SPAN);
    const at = { start, end: start + CURATION_SPAN.length };
    await edit(ana, [{ kind: 'createAnnotation', documentId: pasted.id, annotationId: 'ana-ferry', labelId: 'claim', ...at }]);
    await expect.poll(async () => (await syncEveryone(), idsOn(ben, pasted.id)), { timeout: 30_000, interval: 300 }).toEqual(['ana-ferry']);
    await edit(ben, [{ kind: 'createAnnotation', documentId: pasted.id, annotationId: 'ben-ferry', labelId: 'quote', ...at }]);
    await expect.poll(async () => (await syncEveryone(), idsOn(cy, pasted.id)), { timeout: 30_000, interval: 300 }).toEqual(['ana-ferry', 'ben-ferry']);

    await openInWindow(cyPage, 'Ferry vote');
    await cyPage.locator('.cm-content').focus();
    await cyPage.keyboard.press('Control+Shift+U');
    const groups = cyPage.getByRole('listbox', { name: /Span groups/ });
    await groups.waitFor();
    await expect.poll(() => cyPage.locator('.curation-state').allTextContents()).toEqual(['disagreed']);
    const people = await cyPage.locator('.curation-person').allTextContents();
    const benKey = people.findIndex((name) => name.includes('Ben Okafor')) + 1;
    expect(benKey).toBeGreaterThan(0);
    await groups.focus();
    await cyPage.keyboard.press(String(benKey));
    await expect.poll(() => cyPage.locator('.curation-state').allTextContents()).toEqual(['accepted from Ben Okafor']);
    await expect.poll(() => cyPage.locator('.save-status').textContent(), { timeout: 10_000 }).toBe('All changes saved');

    await expect
      .poll(
        async () => {
          await syncEveryone();
          const curated = (await highlightsOf(ana, pasted.id))?.filter((h) => h.layer === 'curated') ?? [];
          return curated.map((h) => ({ labelId: h.labelId, start: h.start, end: h.end, from: h.curatedFrom?.map((s) => `${s.annotationId} by ${s.author}`) }));
        },
        { timeout: 30_000, interval: 300 },
      )
      .toEqual([{ labelId: 'quote', ...at, from: ['ben-ferry by Ben Okafor'] }]);
  }, 90_000);
});
