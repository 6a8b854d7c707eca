// The curation view: one document's span groups, each person's version in a lane of its own and
// the curated layer below them, beside the passage of the document the focused group is in; keys
// accept, reject and edit (see the registry's Curation group). Only the groups in sight and one
// passage are rendered, so a long transcript stays quick.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, DocumentSummary, Label } from '../../../electron/contract/window-api';
import { curationPeople, groupState, groupStateText, spanGroups, versionsAgree, type CurationPerson, type SpanGroup } from '../../../electron/contract/curation';
import { handlerOf, runKey, type Handlers } from '../commands/dispatch';
import { COMMANDS } from '../commands/registry';
import type { Step } from '../state/history';
import { acceptSteps, asOneStep, rejectSteps } from './curation-steps';
import { CurationPassage } from './CurationPassage';

const CURATION_COMMANDS = COMMANDS.filter((c) => c.when === 'curation');

export interface CurationViewProps {
  document: DocumentSummary;
  text: string;
  annotations: readonly Annotation[];
  labels: readonly Label[];
  /** Who curates: the window's person's name (the service records the calling person). */
  curator: string;
  perform(step: Step): void;
  relabel(annotationId: string, labelId: string): void;
  newId(): string;
  say(text: string): void;
  onClose(): void;
}

function describe(highlights: readonly Annotation[], labels: readonly Label[]): string {
  return highlights.map((h) => `${labels.find((l) => l.id === h.labelId)?.name ?? h.labelId}: “${h.text}”`).join(' · ');
}

/** A group's text in a few words, quoted, for the status line. */
function excerpt(text: string, group: SpanGroup): string {
  const words = text.slice(group.start, group.end).replace(/\s+/g, ' ').trim();
  return `“${words.length > 40 ? `${words.slice(0, 39).trimEnd()}…` : words}”`;
}

export function CurationView({ document, text, annotations, labels, curator, perform, relabel, newId, say, onClose }: CurationViewProps) {
  const people = useMemo(() => curationPeople(annotations), [annotations]);
  const groups = useMemo(() => spanGroups(annotations, people), [annotations, people]);
  const rejected = useMemo(() => new Set(document.curationRejected ?? []), [document.curationRejected]);
  const [focused, setFocused] = useState(0);
  const at = Math.min(focused, Math.max(0, groups.length - 1));
  const group: SpanGroup | undefined = groups[at];
  const listRef = useRef<HTMLDivElement>(null);
  const editRef = useRef<HTMLSelectElement>(null);
  const virtualizer = useVirtualizer({ count: groups.length, getScrollElement: () => listRef.current, estimateSize: () => 44 + 28 * (people.length + 1), overscan: 6 });
  useEffect(() => virtualizer.scrollToIndex(at, { align: 'auto' }), [at, virtualizer]);
  useEffect(() => listRef.current?.focus(), []);

  const counts = useMemo(() => {
    const c = { agreed: 0, disagreed: 0, accepted: 0, rejected: 0 };
    for (const g of groups) c[groupState(g, rejected).kind]++;
    return c;
  }, [groups, rejected]);

  // The step is named as the editor did it, so Ctrl+Z says "Undone: Accepted Ben’s version of …".
  const apply = (steps: Step[], done: string) => {
    const step = asOneStep(steps, done);
    if (!step) return false;
    perform(step);
    say(`${done}.`);
    return true;
  };
  const accept = (person: CurationPerson | null) => {
    if (!group) return true;
    if (person && !group.versions.some((v) => v.person.key === person.key)) return (say(`${person.name} marked nothing in this group.`), true);
    if (!person && !versionsAgree(group)) return (say('A: the versions disagree here; press a person’s number to choose one.'), true);
    const of = `of ${excerpt(text, group)}`;
    apply(acceptSteps(document.id, group, person?.key ?? null, curator, newId, rejected), person ? `Accepted ${person.name}’s version ${of}` : `Accepted the agreed version ${of}`);
    return true;
  };
  const acceptAll = (person: CurationPerson) => {
    const steps = groups.flatMap((g) => (g.versions.some((v) => v.person.key === person.key) ? acceptSteps(document.id, g, person.key, curator, newId, rejected) : []));
    if (!apply(steps, `Accepted ${person.name}’s whole version`)) say(`${person.name} has no highlights here.`);
  };

  const keys: Handlers<'curation'> = {
    'curation-move': (event) => {
      const down = event.key === 'j' || event.key === 'ArrowDown';
      setFocused(Math.max(0, Math.min(groups.length - 1, at + (down ? 1 : -1))));
      return true;
    },
    'curation-accept-person': (event) => {
      const person = people[Number(event.key) - 1];
      if (!person) return (say(`${event.key}: there ${people.length === 1 ? 'is one person' : `are ${people.length} people`} here.`), true);
      return accept(person);
    },
    'curation-accept-agreed': () => accept(null),
    'curation-reject': () => (group ? apply(rejectSteps(document.id, group), `Rejected every version of ${excerpt(text, group)}`) || true : true),
    'curation-edit': () => {
      if (!group?.curated.length) return (say('E: accept a version first, then E edits its label.'), true);
      editRef.current?.focus();
      return true;
    },
    'curation-close': () => (onClose(), true),
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target !== listRef.current) return;
    runKey(CURATION_COMMANDS, event.nativeEvent, handlerOf(keys));
  };

  return (
    <main className="curation" aria-label={`Curating ${document.title}`}>
      <header className="curation-head">
        <h2>Curating “{document.title}”</h2>
        <p className="curation-people">
          {people.map((p, i) => (
            <span key={p.key} className="curation-person">
              <kbd>{i + 1}</kbd> {p.name}{' '}
              <button type="button" onClick={() => acceptAll(p)}>
                Accept all of {p.name}
              </button>
            </span>
          ))}
        </p>
        <p className="curation-counts" role="status" aria-live="polite">
          {groups.length} groups: {counts.agreed} agreed, {counts.disagreed} disagreed, {counts.accepted} accepted, {counts.rejected} rejected
        </p>
        <button type="button" onClick={onClose}>
          Back to the document
        </button>
      </header>
      {groups.length === 0 ? (
        <p className="empty-hint">No highlights to curate in this document yet.</p>
      ) : (
        <div className="curation-body">
          <div
            ref={listRef}
            className="curation-groups"
            role="listbox"
            tabIndex={0}
            aria-label="Span groups (J/K to move, 1–9 accept a person’s version, A accept agreed, R reject, E edit)"
            aria-activedescendant={group ? `group-${group.key}` : undefined}
            onKeyDown={onKeyDown}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const g = groups[item.index]!;
                const state = groupState(g, rejected);
                const isFocused = item.index === at;
                return (
                  <div
                    key={g.key}
                    id={`group-${g.key}`}
                    role="option"
                    aria-selected={isFocused}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    className={`curation-group state-${state.kind}${isFocused ? ' focused' : ''}`}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                    onClick={() => (setFocused(item.index), listRef.current?.focus())}
                  >
                    <div className="curation-text">
                      <span className="curation-state">{groupStateText(state)}</span> “{text.slice(g.start, g.end)}”
                    </div>
                    {people.map((p, i) => {
                      const version = g.versions.find((v) => v.person.key === p.key);
                      return (
                        <div key={p.key} className="curation-lane">
                          <span className="lane-name">
                            {i + 1} {p.name}
                          </span>{' '}
                          {version ? describe(version.highlights, labels) : <span className="lane-none">—</span>}
                        </div>
                      );
                    })}
                    <div className="curation-lane curated-lane">
                      <span className="lane-name">Curated</span>{' '}
                      {g.curated.length ? describe(g.curated, labels) : <span className="lane-none">{state.kind === 'rejected' ? 'rejected' : '—'}</span>}
                      {isFocused && g.curated[0] && (
                        <select
                          ref={editRef}
                          aria-label="Curated highlight’s label"
                          value={g.curated[0].labelId}
                          onChange={(e) => relabel(g.curated[0]!.id, e.target.value)}
                          onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), listRef.current?.focus())}
                        >
                          {labels.map((l) => (
                            <option key={l.id} value={l.id}>
                              {l.name}
                            </option>
                          ))}
                        </select>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
          <CurationPassage text={text} groups={groups} at={at} rejected={rejected} labels={labels} onChoose={(index) => (setFocused(index), listRef.current?.focus())} />
        </div>
      )}
    </main>
  );
}
