// @vitest-environment happy-dom
// The open document's details offer "Locate file…" only when its file is gone: a file that is
// there needs no finding, and a browser upload never had a place on disk to lose.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary, SourceState } from '../../../electron/contract/api';
import { DocumentDetails } from '../../../renderer/src/components/DocumentDetails';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

const DOC: DocumentSummary = {
  id: 'doc-1',
  title: 'council-budget',
  fileName: 'council-budget.txt',
  textHash: 'a'.repeat(64),
  length: 100,
  addedAt: '2026-11-01T09:00:00.000Z',
  annotationCount: 0,
  format: 'text',
  encoding: 'utf-8',
  encodingDetected: true,
  sourceUrl: null,
  filePath: null,
};

function show(document: DocumentSummary, state: SourceState['state']): { buttons: string[]; located: number } {
  const counter = { located: 0 };
  act(() => root.render(<DocumentDetails document={document} source={{ state, report: null, problem: null }} onChangeEncoding={() => {}} onLocate={() => counter.located++} onTagTranscript={() => {}} onOpenLink={() => {}} />));
  const buttons = [...host.querySelectorAll('button')];
  buttons.find((b) => b.textContent === 'Locate file…')?.click();
  return { buttons: buttons.map((b) => b.textContent ?? ''), located: counter.located };
}

describe('Locate file…', () => {
  it('is not offered for a browser upload, whose file was never on a known path', () => {
    expect(show(DOC, 'unlinked').buttons).not.toContain('Locate file…');
  });

  it('is not offered while the file is where it was', () => {
    expect(show({ ...DOC, filePath: '/home/ana/council-budget.txt' }, 'linked').buttons).not.toContain('Locate file…');
  });

  it('is offered, and asks for the file, once the file is missing', () => {
    const shown = show({ ...DOC, filePath: '/home/ana/council-budget.txt' }, 'missing');
    expect(shown.buttons).toContain('Locate file…');
    expect(shown.located).toBe(1);
    expect(host.textContent).toContain('— missing');
  });
});
