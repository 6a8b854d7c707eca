// Narrow the highlight list by label, speaker, annotator, or to what still needs attributing.
import { useEffect, useMemo, useState } from 'react';
import type { Annotation, Label, Person, Speaker } from '../../../electron/contract/window-api';
import { ONLY_MINE, annotatorChoices, passesAnnotator } from '../../../electron/contract/annotator-filter';
import { currentWindowPerson } from '../api/client';
import { isUnattributed, isUnlinkedSpeaker } from './AnnotationList';
import { ChoiceSelect } from './ChoiceSelect';

export interface ListFilter {
  labelId: string;
  speakerId: string;
  unattributedOnly: boolean;
  /** Speaker highlights linked to no speaker. */
  unlinkedOnly: boolean;
  /** Placed on similar text after the file changed, and not yet checked. */
  toCheckOnly: boolean;
  /** '' everyone, "only mine", or one person (see contract/annotator-filter.ts). */
  annotator?: string;
}

export const NO_FILTER: ListFilter = { labelId: '', speakerId: '', unattributedOnly: false, unlinkedOnly: false, toCheckOnly: false, annotator: '' };

/** The filter of the open document's highlight list, and the highlights it lets through. */
export function useListFilter(annotations: readonly Annotation[] | undefined, speakers: readonly Speaker[], person: Person | null = currentWindowPerson()) {
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  // A speaker merged away (or undone out of existence) is no longer a filter.
  useEffect(() => {
    if (filter.speakerId && !speakers.some((s) => s.id === filter.speakerId)) setFilter({ ...filter, speakerId: '' });
  }, [filter, speakers]);
  const listed = useMemo(() => {
    const all = (annotations ?? []) as Annotation[];
    if (filter === NO_FILTER) return all;
    return all.filter(
      (a) => (!filter.labelId || a.labelId === filter.labelId) && (!filter.speakerId || a.speakerId === filter.speakerId) && (!filter.unattributedOnly || isUnattributed(a)) && (!filter.unlinkedOnly || isUnlinkedSpeaker(a)) && (!filter.toCheckOnly || a.anchor === 'fuzzy') && passesAnnotator(a, filter.annotator ?? '', person),
    );
  }, [annotations, filter, person]);
  const toCheck = useMemo(() => annotations?.filter((a) => a.anchor === 'fuzzy').length ?? 0, [annotations]);
  const unlinked = useMemo(() => annotations?.filter(isUnlinkedSpeaker).length ?? 0, [annotations]);
  // Names from the highlights the window was sent: under blind annotation, only people it may see.
  const annotators = useMemo(() => annotatorChoices(annotations ?? []), [annotations]);
  return { filter, setFilter, listed, toCheck, unlinked, annotators };
}

export function AnnotationFilter({
  filter,
  labels,
  speakers,
  toCheck,
  unlinked = 0,
  annotators = [],
  onChange,
}: {
  filter: ListFilter;
  labels: Label[];
  speakers: Speaker[];
  /** How many highlights need a check of their placement. */
  toCheck: number;
  /** How many Speaker highlights name nobody yet. */
  unlinked?: number;
  /** Who made the listed highlights, with how many each (see useListFilter). */
  annotators?: AnnotatorChoice[];
  onChange(filter: ListFilter): void;
}) {
  return (
    <div className="list-filter" role="group" aria-label="Filter highlights">
      <ChoiceSelect label="Show label" none="All labels" value={filter.labelId} choices={labels.map((l) => ({ value: l.id, label: l.name }))} onChange={(labelId) => onChange({ ...filter, labelId })} />
      <ChoiceSelect label="Show speaker" none="All speakers" value={filter.speakerId} choices={speakers.map((s) => ({ value: s.id, label: s.name }))} onChange={(speakerId) => onChange({ ...filter, speakerId })} />
      <AnnotatorSelect label="Show annotator" value={filter.annotator ?? ''} annotators={annotators} onChange={(annotator) => onChange({ ...filter, annotator })} />
      <label className="check">
        <input type="checkbox" checked={filter.unattributedOnly} onChange={(event) => onChange({ ...filter, unattributedOnly: event.target.checked })} />
        Unattributed only
      </label>
      {(unlinked > 0 || filter.unlinkedOnly) && (
        <label className="check">
          <input type="checkbox" checked={filter.unlinkedOnly} onChange={(event) => onChange({ ...filter, unlinkedOnly: event.target.checked })} />
          Unlinked speakers ({unlinked})
        </label>
      )}
      {(toCheck > 0 || filter.toCheckOnly) && (
        <label className="check">
          <input type="checkbox" checked={filter.toCheckOnly} onChange={(event) => onChange({ ...filter, toCheckOnly: event.target.checked })} />
          To check ({toCheck})
        </label>
      )}
    </div>
  );
}

export type AnnotatorChoice = ReturnType<typeof annotatorChoices>[number];

/** "Everyone", "Only mine" and each person with their count: the highlight list's and the desk's. */
export function AnnotatorSelect({ label, value, annotators, onChange }: { label: string; value: string; annotators: readonly AnnotatorChoice[]; onChange(value: string): void }) {
  const choices = [{ value: ONLY_MINE, label: 'Only mine' }, ...annotators.map((a) => ({ value: a.value, label: `${a.name || '(no name)'} (${a.count})` }))];
  return <ChoiceSelect label={label} none="Everyone" value={value} choices={choices} onChange={onChange} />;
}
