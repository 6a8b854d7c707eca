// A PDF's page numbers beside its text: "p. 3" in the margin left of the line where page 3
// starts (the document's pageStarts). A widget in the text, not a gutter, so it sits beside the
// centred column and a screen reader reads "Page 3" where the page begins. The text never
// changes in the editor, so the marks are built once.
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';

class PageMark extends WidgetType {
  constructor(readonly page: number) {
    super();
  }

  override eq(other: PageMark): boolean {
    return other.page === this.page;
  }

  toDOM(): HTMLElement {
    const mark = document.createElement('span');
    mark.className = 'cm-page-mark';
    mark.setAttribute('role', 'note');
    mark.setAttribute('aria-label', `Page ${this.page}`);
    mark.textContent = `p. ${this.page}`;
    return mark;
  }
}

/** The page starting at each offset; of pages sharing one (pages with no text), the last. */
export function pageMarkPositions(pageStarts: readonly number[], length: number): { at: number; page: number }[] {
  const marks: { at: number; page: number }[] = [];
  pageStarts.forEach((at, index) => {
    if (at >= length) return;
    if (marks.at(-1)?.at === at) marks.pop();
    marks.push({ at, page: index + 1 });
  });
  return marks;
}

const pageTheme = EditorView.theme({
  // Room in the margin for "p. 123" at any width ("&" outranks the reading theme's padding).
  '&.cm-editor .cm-content': { paddingLeft: '4.5rem' },
  '.cm-line': { position: 'relative' },
  '.cm-page-mark': {
    position: 'absolute',
    right: '100%',
    marginRight: '1rem',
    whiteSpace: 'nowrap',
    font: '600 0.75rem/1.7rem var(--ui-font)',
    color: 'var(--muted)',
    userSelect: 'none',
  },
});

/** The editor extension for a paged document; none for a document without pages. */
export function pageMarks(pageStarts: readonly number[] | undefined, length: number): Extension {
  if (!pageStarts?.length) return [];
  const builder = new RangeSetBuilder<Decoration>();
  for (const { at, page } of pageMarkPositions(pageStarts, length)) builder.add(at, at, Decoration.widget({ widget: new PageMark(page), side: -1 }));
  const marks: DecorationSet = builder.finish();
  return [EditorView.decorations.of(marks), pageTheme];
}
