// Highlights as CodeMirror mark decorations: only the visible part of the text is ever drawn,
// so 50,000 highlights on a 5 MB transcript cost no more on screen than ten.
import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { Annotation, Label } from '../../../electron/contract/window-api';

export interface HighlightSpan {
  id: string;
  labelId: string;
  start: number;
  end: number;
  /** Re-anchored onto similar text after the file changed: drawn dashed until someone checks it. */
  anchor?: 'fuzzy';
  /** Who said it (or whom a Speaker highlight names), and a claim's status: in its accessible name. */
  speakerId?: string | null;
  claim?: { status: string };
  /** The editor's curated layer: drawn outlined, so it is never taken for a person's own highlight. */
  layer?: 'curated';
}

/** Speaker and status names by id, for the highlights' accessible names. */
export interface HighlightNames {
  speakers: ReadonlyMap<string, string>;
  statuses: ReadonlyMap<string, string>;
}
const NO_NAMES: HighlightNames = { speakers: new Map(), statuses: new Map() };

/** What a screen reader says of a highlight: "Quote by Robert Wood", "Claim, Unreviewed", "Speaker: Joonkook Hwang". */
export function accessibleName(span: HighlightSpan, labels: readonly Label[], names: HighlightNames = NO_NAMES): string {
  const label = labels.find((l) => l.id === span.labelId)?.name ?? span.labelId;
  const speaker = span.speakerId ? names.speakers.get(span.speakerId) : undefined;
  if (span.labelId === 'speaker') return speaker ? `${label}: ${speaker}` : `${label}, not linked to a speaker`;
  if (span.claim) {
    const status = names.statuses.get(span.claim.status) ?? span.claim.status;
    return speaker ? `${label} by ${speaker}, ${status}` : `${label}, ${status}`;
  }
  if (span.labelId === 'quote' && !speaker) return `${label}, unattributed`;
  return speaker ? `${label} by ${speaker}` : label;
}

export const resetHighlights = StateEffect.define<{ spans: readonly HighlightSpan[]; labels: Label[]; names?: HighlightNames }>();
export const addHighlights = StateEffect.define<readonly HighlightSpan[]>();
export const removeHighlights = StateEffect.define<Set<string>>();
export const selectHighlight = StateEffect.define<HighlightSpan | null>();

/**
 * One shared decoration per label, speaker and status keeps memory flat however many highlights
 * there are (a transcript's 50,000 share a few dozen).
 */
const markCache = new Map<string, Decoration>();
function markFor(span: HighlightSpan, labels: readonly Label[], names: HighlightNames): Decoration {
  const { labelId } = span;
  const fuzzy = span.anchor === 'fuzzy';
  const label = labels.find((l) => l.id === labelId);
  const curated = span.layer === 'curated';
  const name = accessibleName(span, labels, names) + (curated ? ', curated layer' : '');
  const key = `${labelId}|${label?.color ?? ''}|${fuzzy}|${curated}|${span.speakerId ?? ''}|${span.claim?.status ?? ''}|${name}`;
  let mark = markCache.get(key);
  if (!mark) {
    mark = Decoration.mark({
      class: `cm-hl${fuzzy ? ' cm-hl-fuzzy' : ''}${curated ? ' cm-hl-curated' : ''}`,
      attributes: {
        'data-label': labelId,
        style: `--hl-color: ${label?.color ?? '#999999'}`,
        // A named group: the mark role may not carry a name, a group may.
        role: 'group',
        'aria-roledescription': 'highlight',
        'aria-label': name,
        ...(span.speakerId && { 'data-speaker': span.speakerId }),
        ...(span.claim && { 'data-status': span.claim.status }),
        ...(curated && { 'data-layer': 'curated' }),
        ...(fuzzy && { 'data-anchor': 'fuzzy', title: 'Placed on similar text after the file changed: check it' }),
      },
    });
    markCache.set(key, mark);
  }
  return mark;
}

const selectedMark = Decoration.mark({ class: 'cm-hl-selected' });

/** The grips at either end of the selected highlight: drag one to move that end. */
class HandleWidget extends WidgetType {
  constructor(readonly end: 'start' | 'end') {
    super();
  }
  override eq(other: HandleWidget): boolean {
    return other.end === this.end;
  }
  toDOM(): HTMLElement {
    const grip = document.createElement('span');
    grip.className = `cm-handle cm-handle-${this.end}`;
    grip.dataset.handle = this.end;
    grip.title = this.end === 'start' ? 'Drag to move the start (or press < >)' : 'Drag to move the end (or press , .)';
    grip.setAttribute('aria-hidden', 'true');
    return grip;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}
const startHandle = Decoration.widget({ widget: new HandleWidget('start'), side: -1 });
const endHandle = Decoration.widget({ widget: new HandleWidget('end'), side: 1 });

interface HighlightState {
  labels: Label[];
  names: HighlightNames;
  decorations: DecorationSet;
}

function rangesFor(spans: readonly HighlightSpan[], labels: Label[], names: HighlightNames, docLength: number): Range<Decoration>[] {
  const marks = new Map<string, Decoration>();
  const ranges: Range<Decoration>[] = [];
  for (const span of spans) {
    if (span.start < span.end && span.end <= docLength) {
      const key = `${span.labelId}|${span.anchor ?? ''}|${span.speakerId ?? ''}|${span.claim?.status ?? ''}`;
      let mark = marks.get(key);
      if (!mark) marks.set(key, (mark = markFor(span, labels, names)));
      ranges.push(mark.range(span.start, span.end));
    }
  }
  return ranges;
}

export const highlightField = StateField.define<HighlightState>({
  create: () => ({ labels: [], names: NO_NAMES, decorations: Decoration.none }),
  update(value, tr) {
    let { labels, names, decorations } = value;
    decorations = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(resetHighlights)) {
        labels = effect.value.labels;
        names = effect.value.names ?? NO_NAMES;
        const ranges = rangesFor(effect.value.spans, labels, names, tr.state.doc.length);
        // Highlights arrive in text order; sorting 50,000 ranges again would cost a frame or two.
        decorations = Decoration.set(ranges, !ranges.every((range, i) => i === 0 || ranges[i - 1]!.from <= range.from));
      } else if (effect.is(addHighlights)) {
        decorations = decorations.update({ add: rangesFor(effect.value, labels, names, tr.state.doc.length), sort: true });
      } else if (effect.is(removeHighlights)) {
        const ids = effect.value;
        // Marks are shared, so removal goes by position; the caller passes the spans' ranges too.
        decorations = decorations.update({
          filter: (from, to, mark) => {
            const a = mark.spec.attributes ?? {};
            return !ids.has(spanKey({ id: '', start: from, end: to, labelId: a['data-label'], anchor: a['data-anchor'] ? 'fuzzy' : undefined, speakerId: a['data-speaker'], claim: a['data-status'] ? { status: a['data-status'] } : undefined }));
          },
        });
      }
    }
    return { labels, names, decorations };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

export const selectedField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(selectHighlight)) {
        const span = effect.value;
        value =
          span && span.end <= tr.state.doc.length
            ? Decoration.set([startHandle.range(span.start), selectedMark.range(span.start, span.end), endHandle.range(span.end)], true)
            : Decoration.none;
      }
    }
    return value;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The key removeHighlights matches on: shared marks carry no id, so position and label stand in. */
export function spanKey(span: HighlightSpan): string {
  // Who said it and a claim's status are part of it: a change to either redraws the highlight's name.
  return `${span.start}:${span.end}:${span.labelId}${span.anchor === 'fuzzy' ? ':fuzzy' : ''}${span.speakerId ? `:s=${span.speakerId}` : ''}${span.claim ? `:c=${span.claim.status}` : ''}`;
}

/**
 * The highlight a click at `pos` means: the innermost one there; clicking again on the same
 * spot walks outwards, so nested and overlapping highlights all stay reachable.
 */
export function highlightAt(annotations: readonly Annotation[], pos: number, currentId: string | null): Annotation | null {
  const hits = annotations.filter((a) => a.start <= pos && pos < a.end);
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  const current = hits.findIndex((a) => a.id === currentId);
  return hits[(current + 1) % hits.length] ?? null;
}

/**
 * What changed between two lists kept in text order. Unchanged highlights are the same objects
 * in both, so one walk comparing references finds the few that differ among 50,000.
 */
export function diffSortedSpans<T extends HighlightSpan>(
  previous: readonly T[],
  next: readonly T[],
  compare: (a: T, b: T) => number,
): { added: T[]; removed: T[] } {
  const added: T[] = [];
  const removed: T[] = [];
  let i = 0;
  let j = 0;
  while (i < previous.length || j < next.length) {
    const before = previous[i];
    const after = next[j];
    if (before !== undefined && before === after) {
      i++;
      j++;
    } else if (before !== undefined && after !== undefined && before.id === after.id) {
      if (spanKey(before) !== spanKey(after)) {
        removed.push(before);
        added.push(after);
      }
      i++;
      j++;
    } else if (after === undefined || (before !== undefined && compare(before, after) < 0)) {
      removed.push(before!);
      i++;
    } else {
      added.push(after);
      j++;
    }
  }
  return { added, removed };
}

/** Spans in `sorted` (text order) with exactly this start, end and label. */
export function spansWithKey<T extends HighlightSpan>(sorted: readonly T[], key: HighlightSpan): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start < key.start) low = mid + 1;
    else high = mid;
  }
  const found: T[] = [];
  for (let k = low; k < sorted.length && sorted[k]!.start === key.start; k++) {
    if (spanKey(sorted[k]!) === spanKey(key)) found.push(sorted[k]!);
  }
  return found;
}
