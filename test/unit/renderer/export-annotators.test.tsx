// @vitest-environment happy-dom
// The Export dialog's "Only these annotators": the workspace's annotators listed with
// checkboxes, all checked at first; the export sends the names left checked.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, type ApiArgs } from '../../../electron/contract/api.js';
import { ExportDialog } from '../../../renderer/src/components/DatasetDialogs.js';
import { createMemoryClient, type MemoryClient } from '../../helpers/memory-client.js';
import { settle } from '../../helpers/react.js';
import { HOMES, TWO_STORIES, renderLikeABrowser, span } from '../../helpers/two-stories.js';

renderLikeABrowser();

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

/** Three annotators' highlights (one made before a name was set), and an export that records what it was asked. */
async function client(): Promise<{ client: MemoryClient; asked: ApiArgs<'exportDataset'>[] }> {
  const memory = createMemoryClient({ labels: DEFAULT_LABELS, documents: TWO_STORIES });
  const { refused } = await memory.applyChanges({
    changes: [
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'a1', labelId: 'quote', ...span(HOMES, 'we will build 300,000 homes'), author: 'Ana Reyes' },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'a2', labelId: 'quote', ...span(HOMES, 'we will build 300,000 homes'), author: 'Ben Okafor' },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'a3', labelId: 'claim', ...span(HOMES, '300,000 homes'), author: 'Ben Okafor' },
      { kind: 'createAnnotation', documentId: 'doc-homes', annotationId: 'a4', labelId: 'claim', ...span(HOMES, 'a fantasy'), author: '' },
    ],
  });
  expect(refused).toEqual([]);
  const asked: ApiArgs<'exportDataset'>[] = [];
  memory.exportDataset = async (args) => {
    asked.push(args);
    return { files: [], savedTo: '/exports/doccano.jsonl', warnings: [] };
  };
  return { client: memory, asked };
}

const boxes = () => [...host.querySelectorAll<HTMLInputElement>('.export-annotators input[type="checkbox"]')];
const exportButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Export')!;
const click = (element: HTMLElement) => act(() => element.click());

describe('Export dialog: only these annotators', () => {
  it('lists the workspace’s annotators with their highlights, all checked, and exports everyone’s untouched', async () => {
    const { client: c, asked } = await client();
    act(() => root.render(<ExportDialog client={c} currentDocumentId={null} onClose={() => undefined} />));
    await settle();
    expect(host.querySelector('.export-annotators legend')?.textContent).toBe('Only these annotators');
    expect([...host.querySelectorAll('.export-annotators label')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Ben Okafor (2 highlights)',
      'Ana Reyes (1 highlight)',
      'No name set (1 highlight)',
    ]);
    expect(boxes().every((b) => b.checked)).toBe(true);
    click(exportButton());
    await settle();
    expect(asked).toEqual([{ format: 'jsonl' }]);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Saved to /exports/doccano.jsonl.');
  });

  it('sends the names left checked', async () => {
    const { client: c, asked } = await client();
    act(() => root.render(<ExportDialog client={c} currentDocumentId={null} onClose={() => undefined} />));
    await settle();
    click(boxes()[0]!);
    expect(boxes().map((b) => b.checked)).toEqual([false, true, true]);
    click(exportButton());
    await settle();
    expect(asked).toEqual([{ format: 'jsonl', authors: ['Ana Reyes', ''] }]);
  });

  it('will not export with nobody checked, and says why', async () => {
    const { client: c, asked } = await client();
    act(() => root.render(<ExportDialog client={c} currentDocumentId={null} onClose={() => undefined} />));
    await settle();
    for (const box of boxes()) click(box);
    expect(exportButton().disabled).toBe(true);
    expect(host.querySelector('.export-annotators')?.textContent).toContain('Choose at least one annotator.');
    click(exportButton());
    await settle();
    expect(asked).toEqual([]);
    click(boxes()[2]!);
    click(exportButton());
    await settle();
    expect(asked).toEqual([{ format: 'jsonl', authors: [''] }]);
  });
});
