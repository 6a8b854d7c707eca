// The reading pane: a read-only CodeMirror view of the document with highlights drawn on it.
import { useEffect, useRef, useState } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, keymap } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { openSearchPanel, searchKeymap } from '@codemirror/search';
import { findBar } from './find-bar';
import type { Annotation, Label, Speaker, Status, Suggestion } from '../../../electron/contract/window-api';
import {
  addHighlights,
  diffSortedSpans,
  highlightAt,
  highlightField,
  removeHighlights,
  resetHighlights,
  selectHighlight,
  selectedField,
  spanKey,
  spansWithKey,
  type HighlightNames,
  type HighlightSpan,
} from './highlights';
import { compareSpans } from '../../../electron/contract/spans';
import { pageMarks } from './page-marks';
import { setSuggestions, suggestionField, suggestionTheme } from './suggestion-marks';
import { trimRange, wordSnapping } from './word-snap';
import {
  nextSentenceStart,
  nextWordEnd,
  nextWordStart,
  previousSentenceStart,
  previousWordEnd,
  previousWordStart,
  quotationAround,
  sentenceAt,
} from './text-units';

/** Grow to the sentence around the selection; again, to take in the next sentence too. */
function growToSentence(text: string, from: number, to: number): { from: number; to: number } {
  const first = sentenceAt(text, from);
  const last = sentenceAt(text, Math.max(from, to - 1));
  if (first.from === from && last.to === to && to < text.length) return { from, to: sentenceAt(text, nextSentenceStart(text, to)).to };
  return { from: first.from, to: last.to };
}

/** The sentence command's keys (Alt+↓ / Alt+↑) move by sentence; with Shift they extend the selection. */
function readingKeymap(getText: () => string) {
  const move = (forward: boolean, extend: boolean) => (view: EditorView) => {
    const main = view.state.selection.main;
    const text = getText();
    const head = forward ? nextSentenceStart(text, main.head) : previousSentenceStart(text, main.head);
    view.dispatch({ selection: extend ? { anchor: main.anchor, head } : { anchor: head }, scrollIntoView: true });
    return true;
  };
  return command('sentence').keys.map((binding) => {
    const forward = binding.key === 'ArrowDown';
    return { key: codeMirrorKey(binding), run: move(forward, false), shift: move(forward, true) };
  });
}

/** The text's own commands (not CodeMirror's), the labels' among them. */
function textCommands(labels: readonly Label[]): Command[] {
  return allCommands(labels).filter((c) => c.when === 'text' && c.keysOwner !== 'codemirror');
}
import { SelectionToolbar } from '../components/SelectionToolbar';
import { allCommands, command, type Command } from '../commands/registry';
import { codeMirrorKey } from '../commands/keys';
import { handlerOf, runKey, type Handlers } from '../commands/dispatch';

export interface EditorSelectionInfo {
  from: number;
  to: number;
  /** Where the toolbar goes, relative to the editor's box. */
  top: number;
  left: number;
}

interface Props {
  documentId: string;
  text: string;
  /** A PDF's page starts, shown as "p. 3" beside the text. */
  pageStarts?: readonly number[];
  annotations: Annotation[];
  labels: Label[];
  /** For the highlights' accessible names ("Quote by Robert Wood", "Claim, Unreviewed"). */
  speakers?: readonly Speaker[];
  statuses?: readonly Status[];
  selectedId: string | null;
  /** Bumped to scroll the selected highlight into view (e.g. from the list). */
  scrollRequest: number;
  onSelectAnnotation(id: string | null): void;
  /** Makes the highlight; the one it answers is drawn at once, before `annotations` holds it. */
  onLabelSelection(labelId: string, from: number, to: number): HighlightSpan | undefined;
  /** Proposed highlights, drawn dashed apart from the highlights (see suggestion-marks.ts). */
  suggestions?: readonly Suggestion[];
  /** A click on a suggestion (where no highlight is): show it in the suggestions list. */
  onPickSuggestion?(key: string): void;
  /** Moves a highlight's start or end (keys , . < > or dragging its handles). */
  onResize(annotationId: string, start: number, end: number): void;
  /** Says in the status line why a key could not act ("\": no quotation around the caret"). */
  onSay?(text: string): void;
  /** Filled in with commands the rest of the window may run on the editor. */
  commandsRef?: React.MutableRefObject<EditorCommands | null>;
}

export interface EditorCommands {
  openFind(): void;
  focus(): void;
  /** The selected text's range (trimmed of blank space), or null when nothing is selected. */
  selectedRange(): { from: number; to: number } | null;
  collapseSelection(): void;
  /** Scrolls [from, to) into view; `select`: as the text selection, with the text focused (to edit it). */
  showRange(from: number, to: number, select: boolean): void;
}

/** Speaker and status names by id, read by the highlights' accessible names. */
function namesOf(speakers: readonly Speaker[] = [], statuses: readonly Status[] = []): HighlightNames {
  return { speakers: new Map(speakers.map((s) => [s.id, s.name])), statuses: new Map(statuses.map((s) => [s.id, s.name])) };
}

const readingTheme = EditorView.theme({
  '&': { height: '100%' },
  // A visible ring while the text has the keyboard (F6, Tab), on the pane rather than the long text column.
  '&:has(.cm-content:focus-visible)': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--reading-font)', lineHeight: '1.7', overflow: 'auto' },
  '.cm-content': { maxWidth: '72ch', margin: '0 auto', padding: '2rem 1.5rem 40vh', caretColor: 'var(--text)' },
  '&.cm-focused': { outline: 'none' },
});

export function AnnotationEditor(props: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  /** The highlights drawn now, and the labels they were drawn with. */
  const shownRef = useRef<readonly Annotation[]>([]);
  /** Highlights drawn when made, before `annotations` held them: not to be drawn twice. */
  const drawnAheadRef = useRef(new Map<string, HighlightSpan>());
  const labelsRef = useRef<Label[]>([]);
  const namesRef = useRef<{ speakers?: readonly Speaker[]; statuses?: readonly Status[] }>({});
  const propsRef = useRef(props);
  propsRef.current = props;
  const [selection, setSelection] = useState<EditorSelectionInfo | null>(null);

  // A new view per document: its text is immutable, only the highlights change.
  useEffect(() => {
    const host = hostRef.current!;
    const measure = (view: EditorView) => {
      const main = view.state.selection.main;
      // Nothing to label in an empty or blank selection, so no toolbar either.
      if (main.empty || !trimRange(view.state.doc, main.from, main.to)) return setSelection(null);
      const coords = view.coordsAtPos(main.head, main.head > main.anchor ? -1 : 1);
      const box = host.getBoundingClientRect();
      if (!coords) return setSelection(null);
      setSelection({ from: main.from, to: main.to, top: coords.bottom - box.top + 6, left: Math.max(8, coords.left - box.left - 40) });
    };
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: props.text,
        extensions: [
          EditorState.readOnly.of(true),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Document text', 'aria-readonly': 'true' }),
          drawSelection(),
          wordSnapping,
          highlightField,
          selectedField,
          suggestionField,
          suggestionTheme,
          readingTheme,
          pageMarks(props.pageStarts, props.text.length),
          // Find in the document (Ctrl/Cmd+F): every match marked and counted while the bar is open.
          findBar(),
          // The document's text never changes in the editor, so the prop is the doc (no copying 5 MB).
          keymap.of([...readingKeymap(() => propsRef.current.text), ...searchKeymap, ...defaultKeymap]),
          EditorView.updateListener.of((update) => {
            if (update.selectionSet || update.geometryChanged) measure(update.view);
          }),
          EditorView.domEventHandlers({
            keydown(event, view) {
              if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
              const main = view.state.selection.main;
              const { annotations, selectedId, onSelectAnnotation, labels } = propsRef.current;
              /** The key is taken, and the status line says why it did nothing. */
              const cannot = (text: string) => (propsRef.current.onSay?.(text), true);
              const selected = annotations.find((a) => a.id === selectedId);
              /** , and . move the selected highlight's end by a word; < and > its start. */
              const nudge = (key: string) => {
                if (!selected) return cannot(`${key}: select a highlight first (click it, or press ] or [), then , . move its end and < > its start.`);
                if (!main.empty) return false;
                const text = propsRef.current.text;
                let { start, end } = selected;
                if (key === '.') end = nextWordEnd(text, end);
                if (key === ',') end = previousWordEnd(text, end);
                if (key === '<') start = previousWordStart(text, start);
                if (key === '>') start = nextWordStart(text, start);
                const trimmed = trimRange(view.state.doc, start, end);
                if (trimmed && (trimmed.from !== selected.start || trimmed.to !== selected.end)) {
                  propsRef.current.onResize(selected.id, trimmed.from, trimmed.to);
                }
                return true;
              };
              const grow = (range: { from: number; to: number } | null) => {
                if (range) view.dispatch({ selection: { anchor: range.from, head: range.to }, scrollIntoView: true });
                return true;
              };
              const handlers: Handlers<'text'> = {
                'grow-to-sentence': () => grow(growToSentence(propsRef.current.text, main.from, main.to)),
                'grow-to-quotation': () => {
                  const quotation = quotationAround(propsRef.current.text, main.from, main.to);
                  return quotation ? grow(quotation) : cannot('": no quotation around the caret. Put the caret between quotation marks, or select the words.');
                },
                // The previous and next highlight, from the caret or the selected one.
                'step-highlight': ({ key }) => {
                  const from = selected ? selected.start : main.head;
                  const target =
                    key === ']'
                      ? annotations.find((a) => a.start > from || (a.start === from && selected && a !== selected && annotations.indexOf(a) > annotations.indexOf(selected)))
                      : [...annotations].reverse().find((a) => a.start < from);
                  if (!target) return cannot(annotations.length === 0 ? `${key}: no highlights in this document yet.` : key === ']' ? ']: no highlight after this one.' : '[: no highlight before this one.');
                  onSelectAnnotation(target.id);
                  view.dispatch({ selection: { anchor: target.start }, effects: EditorView.scrollIntoView(target.start, { y: 'center' }) });
                  return true;
                },
                'move-end': ({ key }) => nudge(key),
                'move-start': ({ key }) => nudge(key),
                // Enter picks the highlight at the cursor, so the keyboard reaches every highlight.
                'pick-at-caret': () => {
                  if (!main.empty) return false;
                  const hit = highlightAt(annotations, main.head, selectedId) ?? highlightAt(annotations, main.head - 1, selectedId);
                  if (!hit) return cannot('Enter: no highlight at the caret. Move the caret into one, or press ] or [.');
                  onSelectAnnotation(hit.id);
                  return true;
                },
              };
              const label = {
                prefix: 'label:',
                run: (labelId: string) => {
                  if (main.empty) {
                    const label = labels.find((l) => l.id === labelId);
                    const key = label?.hotkey.toUpperCase() ?? '';
                    return cannot(`${key}: select the words first (drag, Shift+arrows, or E for the sentence), then ${key} labels them ${label?.name ?? ''}.`);
                  }
                  labelSelection(view, labelId);
                  return true;
                },
              };
              return runKey(textCommands(labels), event, handlerOf(handlers, label)) !== null;
            },
            mousedown(event, view) {
              const handle = (event.target as HTMLElement).closest<HTMLElement>('[data-handle]');
              const selected = propsRef.current.annotations.find((a) => a.id === propsRef.current.selectedId);
              if (!handle || !selected) return false;
              event.preventDefault();
              dragEnd(view, selected, handle.dataset.handle === 'start' ? 'start' : 'end');
              return true;
            },
            click(event, view) {
              if (!view.state.selection.main.empty) return false;
              const boundary = view.posAtCoords({ x: event.clientX, y: event.clientY }, false);
              // posAtCoords gives the nearest gap between characters; the click was on the one
              // before it when it landed left of that gap.
              const gap = view.coordsAtPos(boundary);
              const pos = gap && boundary > 0 && event.clientX < gap.left && event.clientY >= gap.top && event.clientY <= gap.bottom ? boundary - 1 : boundary;
              const { annotations, selectedId, onSelectAnnotation, onPickSuggestion } = propsRef.current;
              const hit = highlightAt(annotations, pos, selectedId);
              const suggested = (event.target as HTMLElement).closest<HTMLElement>('[data-suggestion]')?.dataset.suggestion;
              if (!hit && suggested && onPickSuggestion) onPickSuggestion(suggested);
              else onSelectAnnotation(hit?.id ?? null);
              return false;
            },
          }),
        ],
      }),
    });
    view.scrollDOM.addEventListener('scroll', () => measure(view), { passive: true });
    viewRef.current = view;
    if (propsRef.current.commandsRef) {
      propsRef.current.commandsRef.current = {
        openFind: () => openSearchPanel(view),
        focus: () => view.focus(),
        selectedRange: () => {
          const main = view.state.selection.main;
          return main.empty ? null : trimRange(view.state.doc, main.from, main.to);
        },
        collapseSelection: () => view.dispatch({ selection: { anchor: view.state.selection.main.head } }),
        showRange: (from, to, select) => {
          view.dispatch({ ...(select && { selection: { anchor: from, head: to } }), effects: EditorView.scrollIntoView(from, { y: 'center' }) });
          if (select) view.focus();
        },
      };
    }
    shownRef.current = propsRef.current.annotations;
    labelsRef.current = propsRef.current.labels;
    namesRef.current = { speakers: propsRef.current.speakers, statuses: propsRef.current.statuses };
    view.dispatch({ effects: resetHighlights.of({ spans: shownRef.current, labels: labelsRef.current, names: namesOf(propsRef.current.speakers, propsRef.current.statuses) }) });
    return () => {
      if (propsRef.current.commandsRef) propsRef.current.commandsRef.current = null;
      view.destroy();
      viewRef.current = null;
      setSelection(null);
    };
    // The view belongs to one document; its text never changes while it is open.
  }, [props.documentId]);

  // Bring the drawn highlights in line with the list: only what changed is touched.
  useEffect(() => {
    const view = viewRef.current;
    const previous = shownRef.current;
    const next = props.annotations;
    if (!view || previous === next) return;
    shownRef.current = next;
    const diff = diffSortedSpans(previous, next, compareSpans);
    const { removed } = diff;
    // Highlights made here were drawn when made (labelSelection); not again.
    const drawnAhead = drawnAheadRef.current;
    const added = drawnAhead.size ? diff.added.filter((span) => !drawnAhead.delete(span.id)) : diff.added;
    if (added.length === 0 && removed.length === 0) return;
    const removedKeys = new Set(removed.map(spanKey));
    // Identical spans share a key, so removing one removes all; put back those still there.
    const restored = removed.flatMap((span) => spansWithKey(next, span)).filter((span) => !added.includes(span));
    const effects = [];
    if (removedKeys.size) effects.push(removeHighlights.of(removedKeys));
    if (added.length || restored.length) effects.push(addHighlights.of([...added, ...new Set(restored)]));
    view.dispatch({ effects });
  }, [props.annotations]);

  useEffect(() => {
    const view = viewRef.current;
    const names = namesRef.current;
    if (!view || (labelsRef.current === props.labels && names.speakers === props.speakers && names.statuses === props.statuses)) return;
    labelsRef.current = props.labels;
    namesRef.current = { speakers: props.speakers, statuses: props.statuses };
    // Drawn when made but not yet in the list: redrawn too, or a speaker's edit arriving in that frame would wipe it.
    const ahead = [...drawnAheadRef.current.values()];
    const spans = ahead.length ? [...shownRef.current, ...ahead].sort(compareSpans) : shownRef.current;
    view.dispatch({ effects: resetHighlights.of({ spans, labels: props.labels, names: namesOf(props.speakers, props.statuses) }) });
  }, [props.labels, props.speakers, props.statuses]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: setSuggestions.of(props.suggestions ?? []) });
  }, [props.suggestions, props.documentId]);

  // Selected highlight: outline it, and scroll to it when asked.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const selected = props.annotations.find((a) => a.id === props.selectedId) ?? null;
    view.dispatch({ effects: selectHighlight.of(selected) });
  }, [props.selectedId, props.annotations]);

  useEffect(() => {
    const view = viewRef.current;
    const selected = propsRef.current.annotations.find((a) => a.id === propsRef.current.selectedId);
    if (!view || !selected || props.scrollRequest === 0) return;
    view.dispatch({ effects: EditorView.scrollIntoView(selected.start, { y: 'center' }) });
  }, [props.scrollRequest]);

  /** Drags one end of a highlight; the text selection shows the new span until the mouse is let go. */
  function dragEnd(view: EditorView, annotation: Annotation, end: 'start' | 'end') {
    const fixed = end === 'start' ? annotation.end : annotation.start;
    let moving = end === 'start' ? annotation.start : annotation.end;
    const onMove = (event: MouseEvent) => {
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }, false);
      if ((end === 'start' && pos < fixed) || (end === 'end' && pos > fixed)) moving = pos;
      view.dispatch({ selection: { anchor: fixed, head: moving } });
    };
    const onUp = () => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
      // Whole words, as with a fresh selection.
      const word = view.state.wordAt(moving);
      if (word && word.from < moving && moving < word.to) moving = end === 'start' ? word.from : word.to;
      const range = trimRange(view.state.doc, Math.min(fixed, moving), Math.max(fixed, moving));
      view.dispatch({ selection: { anchor: range ? range.to : fixed } });
      if (range && (range.from !== annotation.start || range.to !== annotation.end)) propsRef.current.onResize(annotation.id, range.from, range.to);
    };
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', onUp);
  }

  function labelSelection(view: EditorView, labelId: string) {
    const main = view.state.selection.main;
    const range = trimRange(view.state.doc, main.from, main.to);
    if (!range) return;
    const made = propsRef.current.onLabelSelection(labelId, range.from, range.to);
    if (made) drawnAheadRef.current.set(made.id, made);
    view.dispatch({ selection: { anchor: range.to }, effects: made ? addHighlights.of([made]) : [] });
    view.focus();
  }

  return (
    <div className="editor-host" ref={hostRef}>
      {selection && (
        <SelectionToolbar
          labels={props.labels}
          top={selection.top}
          left={selection.left}
          onLabel={(labelId) => viewRef.current && labelSelection(viewRef.current, labelId)}
        />
      )}
    </div>
  );
}
