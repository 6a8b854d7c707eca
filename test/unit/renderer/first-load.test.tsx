// @vitest-environment happy-dom
// The first load is asked for before the window's code runs (main.ts), and the window uses those
// answers instead of asking again: one getSession and one openDocument for the open on load.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { App } from '../../../renderer/src/App.js';
import { FIRST_SCREENS, firstDocumentOf, startFirstLoad } from '../../../renderer/src/state/first-load.js';
import { createMemoryClient } from '../../helpers/memory-client.js';
import { settle } from '../../helpers/react.js';
import { TWO_STORIES, renderLikeABrowser } from '../../helpers/two-stories.js';

renderLikeABrowser();
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function countedClient() {
  const client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES });
  const calls: string[] = [];
  const getSession = client.getSession.bind(client);
  const openDocument = client.openDocument.bind(client);
  client.getSession = async (args) => (calls.push('getSession'), getSession(args));
  client.openDocument = async (args) => (calls.push(`openDocument ${args.documentId} ${args.annotationsBefore}`), openDocument(args));
  return { client, calls };
}

describe('the first load', () => {
  it('asks for the session, then the document left open last, with its first screens', async () => {
    const { client, calls } = countedClient();
    await client.applyChanges({ changes: [{ kind: 'setLastDocument', documentId: 'doc-budget' }] });
    const first = startFirstLoad(client);
    const asked = await first.document;
    expect(asked?.documentId).toBe('doc-budget');
    expect((await asked!.opened).document.title).toBe('budget');
    expect(calls).toEqual(['getSession', `openDocument doc-budget ${FIRST_SCREENS}`]);
  });

  it('opens the first in the list when none was left open, and nothing in an empty workspace', async () => {
    const { client } = countedClient();
    expect(firstDocumentOf(await client.getSession({}))).toBe('doc-homes');
    const empty = createMemoryClient({ labels: DEFAULT_LABELS, documents: [] });
    expect(await startFirstLoad(empty).document).toBeNull();
  });

  it('is what the window shows: it asks the host for neither again', async () => {
    const { client, calls } = countedClient();
    const firstLoad = startFirstLoad(client);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<App client={client} firstLoad={firstLoad} />));
    await settle();
    cleanup = () => (act(() => root.unmount()), host.remove());
    expect(host.querySelector('.cm-content')?.textContent).toContain('300,000 homes');
    expect(calls.filter((c) => c.startsWith('getSession') || c.startsWith('openDocument'))).toEqual(['getSession', `openDocument doc-homes ${FIRST_SCREENS}`]);
  });
});
