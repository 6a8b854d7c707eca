// What the team sync end-to-end tests share: browser hosts started in-process (each one machine's
// workspace), the API as one person's window calls it, and a page that is that person's window.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PERSON_HEADER } from '../../electron/contract/channels';
import { startServing, type ServingHost } from '../../electron/hosts/browser/serve';
import { TOKEN_HEADER } from '../../electron/hosts/browser/server';
import type { CouchServer } from '../helpers/couch-server';
import { ROOT, tempDir } from './harness';

export interface Person {
  id: string;
  name: string;
}

/** A call of one host's API; throws the error's words when it is refused. */
export type TeamApi = <T = any>(method: string, args?: unknown) => Promise<T>;

/** The browser hosts a test file started, to stop them all after it. */
export class TeamHosts {
  readonly started: ServingHost[] = [];

  /** One machine's workspace in a fresh folder, with `files` opened. */
  async start(files: string[] = []): Promise<ServingHost> {
    const serving = await startServing({ store: await tempDir('annotator-sync-e2e-'), port: 0, files }, path.join(ROOT, 'dist/renderer'));
    if (!serving) throw new Error('the browser host did not start');
    this.started.push(serving);
    return serving;
  }

  async stopAll(): Promise<void> {
    for (const serving of this.started.splice(0)) await serving.stop();
  }
}

/** The host's API as `person`'s window calls it; no answer may hold any of `secrets`. */
export function teamApi(serving: ServingHost, person: Person, secrets: readonly string[] = []): TeamApi {
  const token = new URL(serving.host.url).searchParams.get('token')!;
  return async (method, args = {}) => {
    const response = await fetch(`http://127.0.0.1:${serving.host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, [PERSON_HEADER]: encodeURIComponent(JSON.stringify(person)) },
      body: JSON.stringify(args),
    });
    const body = await response.text();
    for (const secret of secrets) expect(body).not.toContain(secret);
    const envelope = JSON.parse(body);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.result;
  };
}

/** Makes the page `person`'s window: the renderer finds them chosen, as after the name prompt. */
export async function asPerson(page: Page, person: Person): Promise<void> {
  await page.addInitScript((p) => {
    sessionStorage.setItem('newsroom-annotator:person', JSON.stringify(p));
    localStorage.setItem('newsroom-annotator:people', JSON.stringify([p]));
  }, person);
}

/** The team's server as its admin sets it up: these users, and the database. Again after a restart (it is in memory). */
export async function setUpTeamServer(couch: CouchServer, database: string, users: readonly string[], password: string): Promise<void> {
  for (const user of users) await couch.addAdmin(user, password);
  await couch.createDatabase(database);
}
