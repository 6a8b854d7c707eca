// The find bar (Ctrl/Cmd+F) in the window's own look: a labelled field, Previous and Next, the
// options in words, and where the current match is among all of them ("3 of 12"). Typing marks
// the first match at or after the caret as current; Enter selects it, then goes on to the next.
import { EditorSelection, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, runScopeHandlers, type DecorationSet, type Panel, type ViewUpdate } from '@codemirror/view';
import { SearchQuery, closeSearchPanel, findNext, findPrevious, getSearchQuery, search, searchPanelOpen, selectMatches, setSearchQuery } from '@codemirror/search';
import { currentMatchIndex, findMatches, matchCountText, type Matches } from './find-count';

const currentMark = Decoration.mark({ class: 'cm-find-current' });

/** Counts the open query's matches and marks the current one; tells the find bar. */
class MatchCounter {
  query: SearchQuery | null = null;
  matches: Matches = { ranges: [], more: false };
  current = -1;
  decorations: DecorationSet = Decoration.none;
  /** The matches are of the current query and text (counted only while the bar is open). */
  private counted = false;
  readonly listeners = new Set<() => void>();

  constructor(view: EditorView) {
    this.recount(view.state, true);
  }

  update(update: ViewUpdate) {
    const query = getSearchQuery(update.state);
    const changed = update.docChanged || !this.query || !query.eq(this.query);
    if (changed || update.selectionSet || searchPanelOpen(update.state) !== searchPanelOpen(update.startState)) this.recount(update.state, changed);
  }

  private recount(state: EditorView['state'], queryChanged: boolean) {
    const open = searchPanelOpen(state);
    if (queryChanged) {
      this.query = getSearchQuery(state);
      this.counted = false;
      this.matches = { ranges: [], more: false };
    }
    if (open && !this.counted) {
      this.matches = findMatches(this.query!, state);
      this.counted = true;
    }
    const selection = state.selection.main;
    this.current = open ? currentMatchIndex(this.matches, selection) : -1;
    const range = this.current >= 0 ? this.matches.ranges[this.current]! : null;
    // The selected match is already drawn as selected; mark only one the caret has not reached.
    this.decorations = range && !(range.from === selection.from && range.to === selection.to) ? Decoration.set([currentMark.range(range.from, range.to)]) : Decoration.none;
    for (const listener of this.listeners) listener();
  }

  get currentRange(): { from: number; to: number } | null {
    return this.current >= 0 ? this.matches.ranges[this.current]! : null;
  }

  get text(): string {
    return this.query ? matchCountText(this.query, this.matches, this.current) : '';
  }
}

const matchCounter = ViewPlugin.fromClass(MatchCounter, { decorations: (counter) => counter.decorations });

/** Enter: select the current match if the caret has not reached it, else go on to the next. */
function takeOrNext(view: EditorView): boolean {
  const range = view.plugin(matchCounter)?.currentRange;
  const selection = view.state.selection.main;
  if (range && !(range.from === selection.from && range.to === selection.to)) {
    view.dispatch({ selection: EditorSelection.single(range.from, range.to), effects: EditorView.scrollIntoView(range.from, { y: 'center' }), userEvent: 'select.search' });
    return true;
  }
  return findNext(view);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function findPanel(view: EditorView): Panel {
  const query = getSearchQuery(view.state);
  const field = element('input', { type: 'text', class: 'find-field', 'aria-label': 'Find', placeholder: 'Find in the text', 'main-field': 'true', spellcheck: 'false', autocomplete: 'off' });
  field.value = query.search;
  const option = (name: string, checked: boolean) => {
    const box = element('input', { type: 'checkbox', name });
    box.checked = checked;
    return box;
  };
  const caseBox = option('case', query.caseSensitive);
  const wordBox = option('word', query.wholeWord);
  const patternBox = option('re', query.regexp);
  const count = element('span', { class: 'find-count', role: 'status', 'aria-live': 'polite' });
  const button = (name: string, title: string, label: string, run: () => void) => {
    const node = element('button', { type: 'button', name, title }, label);
    node.addEventListener('click', run);
    return node;
  };
  const commit = () => {
    const next = new SearchQuery({ search: field.value, caseSensitive: caseBox.checked, wholeWord: wordBox.checked, regexp: patternBox.checked });
    if (next.eq(getSearchQuery(view.state))) return;
    view.dispatch({ effects: setSearchQuery.of(next) });
    // Bring the current match (the first after the caret) into sight as it is typed, without moving the caret.
    const current = view.plugin(matchCounter)?.currentRange;
    if (current) view.dispatch({ effects: EditorView.scrollIntoView(current.from, { y: 'center' }) });
  };
  field.addEventListener('input', commit);
  for (const box of [caseBox, wordBox, patternBox]) box.addEventListener('change', commit);
  const dom = element(
    'div',
    { class: 'cm-search find-bar', role: 'search', 'aria-label': 'Find in the text' },
    field,
    count,
    button('prev', 'Previous match (Shift+Enter)', 'Previous', () => findPrevious(view)),
    button('next', 'Next match (Enter)', 'Next', () => takeOrNext(view)),
    button('select', 'Select every match', 'Select all', () => selectMatches(view)),
    element('label', {}, caseBox, 'Match case'),
    element('label', {}, wordBox, 'Whole words'),
    element('label', {}, patternBox, 'Regular expression'),
    element('button', { type: 'button', name: 'close', class: 'find-close', 'aria-label': 'Close the find bar (Esc)', title: 'Close (Esc)' }, '×'),
  );
  dom.querySelector('[name=close]')!.addEventListener('click', () => closeSearchPanel(view));
  dom.addEventListener('keydown', (event) => {
    if (runScopeHandlers(view, event, 'search-panel')) event.preventDefault();
    else if (event.key === 'Enter' && event.target === field) {
      event.preventDefault();
      if (event.shiftKey) findPrevious(view);
      else takeOrNext(view);
    }
  });
  const show = () => {
    const counter = view.plugin(matchCounter);
    count.textContent = counter?.text ?? '';
    count.classList.toggle('find-none', count.textContent === 'No matches' || count.textContent === 'Not a valid pattern');
  };
  let counter: MatchCounter | null = null;
  return {
    dom,
    top: true,
    mount() {
      counter = view.plugin(matchCounter);
      counter?.listeners.add(show);
      show();
      field.select();
    },
    update(update) {
      // Another find (Ctrl+F on a selection, say) set the query: the fields follow.
      for (const tr of update.transactions)
        for (const effect of tr.effects)
          if (effect.is(setSearchQuery)) {
            const next = effect.value;
            if (field.value !== next.search) field.value = next.search;
            caseBox.checked = next.caseSensitive;
            wordBox.checked = next.wholeWord;
            patternBox.checked = next.regexp;
          }
    },
    destroy() {
      counter?.listeners.delete(show);
    },
  };
}

/** Find in the document: every match is marked while the bar is open, and counted. */
export function findBar(): Extension {
  return [search({ top: true, createPanel: findPanel }), matchCounter];
}
