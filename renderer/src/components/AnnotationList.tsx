// The open document's highlights in text order. Virtualized: a transcript can hold 50,000.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Annotation, Label, Speaker } from '../../../electron/contract/window-api';

/** Quotes with no speaker and claims with no claimant: the ones a fact-checker must not miss. */
export function isUnattributed(annotation: Annotation): boolean {
  return (annotation.labelId === 'quote' || annotation.labelId === 'claim') && !annotation.speakerId;
}

/** A Speaker highlight that names nobody in the speaker list yet. */
export function isUnlinkedSpeaker(annotation: Annotation): boolean {
  return annotation.labelId === 'speaker' && !annotation.speakerId;
}

interface Props {
  annotations: Annotation[];
  labels: Label[];
  speakers: Speaker[];
  /** Status id -> name, for claims. */
  statusNames?: Map<string, string>;
  selectedId: string | null;
  onPick(id: string): void;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 90 ? `${flat.slice(0, 88)}…` : flat;
}

export function AnnotationList({ annotations, labels, speakers, statusNames, selectedId, onPick }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 8,
  });
  const selectedIndex = selectedId ? annotations.findIndex((a) => a.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  if (annotations.length === 0) {
    return <p className="empty-hint">No highlights here. Select text and press Q, S or C, or change the filter.</p>;
  }
  // Arrow keys walk the list and show each highlight in the text: the keyboard reaches them all.
  const onKeyDown = (event: React.KeyboardEvent) => {
    const last = annotations.length - 1;
    const next =
      event.key === 'ArrowDown' ? Math.min(last, selectedIndex + 1)
      : event.key === 'ArrowUp' ? Math.max(0, selectedIndex - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    onPick(annotations[next]!.id);
  };
  return (
    <div
      className="annotation-list"
      ref={scrollRef}
      role="listbox"
      aria-label="Highlights in text order"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `row-${annotations[selectedIndex]!.id}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const annotation = annotations[item.index]!;
          const label = labels.find((l) => l.id === annotation.labelId);
          const speaker = annotation.speakerId ? speakers.find((s) => s.id === annotation.speakerId) : undefined;
          return (
            <div
              key={annotation.id}
              role="option"
              id={`row-${annotation.id}`}
              aria-selected={annotation.id === selectedId}
              className="annotation-row"
              data-annotation-id={annotation.id}
              style={{ transform: `translateY(${item.start}px)`, ['--hl-color' as string]: label?.color ?? '#999' }}
              onClick={() => onPick(annotation.id)}
            >
              <span className="chip">{label?.name ?? annotation.labelId}</span>
              {speaker && <span className="row-speaker">{speaker.name}</span>}
              {!speaker && annotation.labelId === 'quote' && <span className="flag">Unattributed</span>}
              {!speaker && annotation.labelId === 'claim' && <span className="flag">No claimant</span>}
              {isUnlinkedSpeaker(annotation) && (
                <span className="flag flag-unlinked" title="This Speaker highlight names nobody in the speaker list yet: select it and press A to link it.">
                  Not linked<span className="sr-only"> to a speaker</span>
                </span>
              )}
              {annotation.anchor === 'fuzzy' && <span className="flag flag-fuzzy">Check placement</span>}
              {annotation.claim && statusNames && <span className="row-status">{statusNames.get(annotation.claim.status) ?? annotation.claim.status}</span>}
              <span className="row-text">{excerpt(annotation.text)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
