// @vitest-environment happy-dom
// A label key draws its highlight in the editor at once, before the window's list holds it
// (issue 16: a highlight in one frame), and never twice or after it was undone.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../electron/contract/api.js';
import type { Annotation } from '../../../electron/contract/window-api.js';
import { AnnotationEditor } from '../../../renderer/src/editor/AnnotationEditor.js';
import { press, queueSelectionChange } from '../../helpers/react.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TEXT = 'The minister said we will build homes on Friday.';
const WORDS = 'we will build homes';
const FROM = TEXT.indexOf(WORDS);

queueSelectionChange();

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function quote(id: string): Annotation {
  return { id, documentId: 'doc', labelId: 'quote', start: FROM, end: FROM + WORDS.length, text: WORDS, note: '', speakerId: null, createdAt: '', updatedAt: '' } as Annotation;
}

interface Shown {
  annotations: Annotation[];
  made?: Annotation;
  labels?: typeof DEFAULT_LABELS;
}
function show({ annotations, made, labels = DEFAULT_LABELS }: Shown): void {
  act(() =>
    root.render(
      createElement(AnnotationEditor, {
        documentId: 'doc',
        text: TEXT,
        annotations,
        labels,
        selectedId: null,
        scrollRequest: 0,
        onSelectAnnotation: () => undefined,
        // As the window does it: the list is told after the paint, the made highlight answered now.
        onLabelSelection: () => made,
        onResize: () => undefined,
      }),
    ),
  );
}

/** Selects the words and presses the quote key in the text. */
function quoteTheWords(): void {
  const view = EditorView.findFromDOM(host.querySelector<HTMLElement>('.cm-editor')!)!;
  act(() => view.dispatch({ selection: { anchor: FROM, head: FROM + WORDS.length } }));
  press('q', {}, host.querySelector('.cm-content')!);
}

const quoteMarks = () => [...host.querySelectorAll('.cm-hl[data-label="quote"]')].map((mark) => mark.textContent);

describe('a highlight made with a label key', () => {
  it('is on the text as soon as the key is handled, before the list holds it', () => {
    show({ annotations: [], made: quote('ann-new') });
    quoteTheWords();
    expect(quoteMarks()).toEqual([WORDS]);
  });

  it('is drawn once when the list catches up with it, and taken off like any other', () => {
    const made = quote('ann-new');
    show({ annotations: [], made });
    quoteTheWords();
    show({ annotations: [made], made });
    expect(quoteMarks()).toEqual([WORDS]);
    show({ annotations: [], made });
    expect(quoteMarks()).toEqual([]);
  });

  it('stays drawn when the labels change before the list holds it (a teammate’s edit in that frame)', () => {
    const made = quote('ann-new');
    show({ annotations: [], made });
    quoteTheWords();
    show({ annotations: [], made, labels: DEFAULT_LABELS.map((l) => ({ ...l })) });
    expect(quoteMarks()).toEqual([WORDS]);
    show({ annotations: [made], made, labels: DEFAULT_LABELS.map((l) => ({ ...l })) });
    expect(quoteMarks()).toEqual([WORDS]);
  });

  it('is drawn beside an identical highlight already there, and taking it off leaves that one', () => {
    const before = quote('ann-old');
    const made = quote('ann-new');
    show({ annotations: [before], made });
    quoteTheWords();
    show({ annotations: [before, made], made });
    show({ annotations: [before], made });
    expect(quoteMarks()).toEqual([WORDS]);
  });
});
