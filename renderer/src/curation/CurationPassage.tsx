// The document around the focused span group, so the editor reads it in context: the passage
// (not the whole text) with every group in it marked, the focused one scrolled into sight.
import { useEffect, useMemo, useRef } from 'react';
import type { Label } from '../../../electron/contract/window-api';
import { groupState, type SpanGroup } from '../../../electron/contract/curation';
import { groupMarkLabel, groupsWithin, passageAround } from './passage';

interface Props {
  text: string;
  groups: readonly SpanGroup[];
  at: number;
  rejected: ReadonlySet<string>;
  labels: readonly Label[];
  onChoose(index: number): void;
}

export function CurationPassage({ text, groups, at, rejected, labels, onChoose }: Props) {
  const group = groups[at];
  const focusedRef = useRef<HTMLElement>(null);
  const passage = useMemo(() => (group ? passageAround(text, group.start, group.end) : null), [text, group]);
  useEffect(() => {
    // happy-dom has no scrollIntoView; Chromium does.
    focusedRef.current?.scrollIntoView?.({ block: 'center' });
  }, [at, passage]);
  if (!group || !passage) return null;

  const parts: React.ReactNode[] = [];
  let cursor = passage.from;
  for (const index of groupsWithin(groups, passage.from, passage.to)) {
    const g = groups[index]!;
    const start = Math.max(g.start, passage.from);
    const end = Math.min(g.end, passage.to);
    if (start > cursor) parts.push(text.slice(cursor, start));
    const state = groupState(g, rejected);
    const isFocused = index === at;
    parts.push(
      <mark
        key={g.key}
        ref={isFocused ? focusedRef : undefined}
        className={`curation-mark state-${state.kind}${isFocused ? ' focused' : ''}`}
        aria-label={groupMarkLabel(g, state, labels)}
        aria-current={isFocused || undefined}
        onClick={() => onChoose(index)}
      >
        {text.slice(start, end)}
      </mark>,
    );
    cursor = end;
  }
  if (cursor < passage.to) parts.push(text.slice(cursor, passage.to));

  return (
    <section className="curation-passage" aria-label="The group in the document">
      {passage.from > 0 && <p className="passage-more">… the text before</p>}
      <div className="passage-text">{parts}</div>
      {passage.to < text.length && <p className="passage-more">the text after …</p>}
    </section>
  );
}
