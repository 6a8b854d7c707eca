// @vitest-environment happy-dom
// A PDF in the window: "p. N" beside the line where each page starts, and the document's
// details say PDF with its page count and offer no encoding.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../electron/contract/api.js';
import { DocumentDetails } from '../../../renderer/src/components/DocumentDetails.js';
import { pageMarkPositions, pageMarks } from '../../../renderer/src/editor/page-marks.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => host.remove());

const TEXT = 'Page one.\n\nStill page one.\n\nPage three, after an empty page.';

describe('page marks', () => {
  it('marks each page’s first line, the last of pages that share a start, and none past the end', () => {
    const third = TEXT.indexOf('Page three');
    expect(pageMarkPositions([0, third, third, TEXT.length], TEXT.length)).toEqual([
      { at: 0, page: 1 },
      { at: third, page: 3 },
    ]);
  });

  it('draws "p. N" in the line where page N starts, named for screen readers', () => {
    const third = TEXT.indexOf('Page three');
    const view = new EditorView({ parent: host, state: EditorState.create({ doc: TEXT, extensions: [pageMarks([0, third, third], TEXT.length)] }) });
    const lines = [...view.contentDOM.querySelectorAll('.cm-line')];
    const marksIn = (line: Element) => [...line.querySelectorAll('.cm-page-mark')].map((mark) => [mark.textContent, mark.getAttribute('aria-label')]);
    expect(marksIn(lines[0]!)).toEqual([['p. 1', 'Page 1']]);
    expect(marksIn(lines[2]!)).toEqual([]);
    expect(lines[4]!.textContent).toBe('p. 3Page three, after an empty page.');
    expect(marksIn(lines[4]!)).toEqual([['p. 3', 'Page 3']]);
    // Not part of the text: offsets are unchanged.
    expect(view.state.doc.toString()).toBe(TEXT);
    view.destroy();
  });

  it('adds nothing for a document without pages', () => {
    const view = new EditorView({ parent: host, state: EditorState.create({ doc: TEXT, extensions: [pageMarks(undefined, TEXT.length)] }) });
    expect(view.contentDOM.querySelectorAll('.cm-page-mark')).toHaveLength(0);
    view.destroy();
  });
});

describe('DocumentDetails for a PDF', () => {
  let root: Root;
  beforeEach(() => {
    root = createRoot(host);
  });
  afterEach(() => act(() => root.unmount()));

  const pdf: DocumentSummary = {
    id: 'doc-1',
    title: 'City audit',
    fileName: 'audit.pdf',
    textHash: 'a'.repeat(64),
    length: 40,
    addedAt: '2024-05-10T10:00:00.000Z',
    annotationCount: 0,
    format: 'pdf',
    encoding: 'utf-8',
    encodingDetected: false,
    sourceUrl: null,
    filePath: null,
    pageStarts: [0, 12, 30],
  };
  const render = (doc: DocumentSummary) =>
    act(() => root.render(<DocumentDetails document={doc} source={{ state: 'unlinked', report: null, problem: null }} onChangeEncoding={() => {}} onLocate={() => {}} onTagTranscript={() => {}} onOpenLink={() => {}} />));

  it('says PDF and how many pages, and offers no encoding to choose', () => {
    render(pdf);
    const details = host.querySelector('dl')!.textContent!;
    expect(details).toContain('FormatPDF');
    expect(details).toContain('Pages3');
    expect(host.querySelector('#document-encoding')).toBeNull();
  });

  it('still offers the encoding for a text file', () => {
    const { pageStarts: _, ...text } = pdf;
    render({ ...text, format: 'text', fileName: 'audit.txt' });
    expect(host.querySelector('#document-encoding')).not.toBeNull();
    expect(host.querySelector('dl')!.textContent).not.toContain('Pages');
  });
});
