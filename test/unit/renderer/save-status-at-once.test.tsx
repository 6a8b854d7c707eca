// @vitest-environment happy-dom
// A highlight made with a key is saved and said to be saving at once, even while the rest of the
// window waits for the paint: the header never says "All changes saved" over an unsaved change.
import { act } from 'react';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { press, queueSelectionChange, settle } from '../../helpers/react.js';
import { mountApp, type MountedApp } from '../../helpers/render-app.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
queueSelectionChange();

const STORY = 'The minister said “we will build 300,000 homes” on Friday.';
let app: MountedApp;
let client: MemoryClient;

beforeEach(async () => {
  client = createMemoryClient({ labels: DEFAULT_LABELS, documents: [{ id: 'doc-homes', title: 'homes', text: STORY }] });
  await client.applyChanges({ changes: [{ kind: 'setLastDocument', documentId: 'doc-homes' }] });
  client.batches.length = 0;
  app = await mountApp(client);
});
afterEach(() => app.unmount());

describe('a highlight made with a key', () => {
  it('is sent and shown as saving in the same task, before the list has caught up', async () => {
    const status = () => app.host.querySelector('.save-status')!.textContent;
    expect(status()).toBe('All changes saved');
    const view = EditorView.findFromDOM(app.host.querySelector<HTMLElement>('.cm-editor')!)!;
    const from = STORY.indexOf('we will');
    act(() => view.dispatch({ selection: { anchor: from, head: from + 'we will build 300,000 homes'.length } }));
    press('q', {}, app.host.querySelector('.cm-content')!);
    // The mark is drawn and the save is under way; the list follows after the paint.
    expect(app.host.querySelector('.cm-hl[data-label="quote"]')?.textContent).toBe('we will build 300,000 homes');
    expect(status()).toBe('Saving…');
    expect(client.batches.flat().filter((c) => c.kind === 'createAnnotation')).toHaveLength(1);
    await settle();
    expect(status()).toBe('All changes saved');
    expect(app.host.querySelectorAll('.annotation-row')).toHaveLength(1);
  });
});
