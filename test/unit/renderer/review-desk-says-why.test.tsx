// @vitest-environment happy-dom
// On the desk, a status key with no claim to set says why in the desk's live status line.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { press, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';
import { HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let app: MountedApp;
let client: MemoryClient;

beforeEach(async () => {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES });
  await client.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'c-homes', labelId: 'claim', ...span(HOMES, 'we will build 300,000 homes') },
      { kind: 'setLastDocument', documentId: 'doc-homes' },
    ],
  });
  app = await mountApp(client);
  press('R', { ctrlKey: true, shiftKey: true });
  await settle();
});

afterEach(() => app.unmount());

describe('the review desk with no claim shown', () => {
  it('says a key has no claim to act on, and why', async () => {
    const search = app.host.querySelector<HTMLInputElement>('input[aria-label="Search the claims"]')!;
    act(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(search, 'no such words');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    press('5', {}, app.host.querySelector<HTMLElement>('[role=grid]')!);
    expect(app.host.querySelector('.desk-count')?.textContent).toContain('5: no claim to set to False (none shown: change the filters).');
    expect(client.documents().get('doc-homes')!.annotations[0]!.claim!.status).toBe('unreviewed');
    press('n', {}, app.host.querySelector<HTMLElement>('[role=grid]')!);
    expect(app.host.querySelector('.desk-count')?.textContent).toContain('N: no claim to write a note on (none shown: change the filters).');
    press(' ', {}, app.host.querySelector<HTMLElement>('[role=grid]')!);
    expect(app.host.querySelector('.desk-count')?.textContent).toContain('Space: no claim to select (none shown: change the filters).');
  });
});
