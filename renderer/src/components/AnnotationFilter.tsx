// Narrow the highlight list by label, speaker, or to what still needs attributing.
import { useEffect, useMemo, useState } from 'react';
import type { Annotation, Label, Speaker } from '../../../electron/contract/api';
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
}

export const NO_FILTER: ListFilter = { labelId: '', speakerId: '', unattributedOnly: false, unlinkedOnly: false, toCheckOnly: false };

/** The filter of the open document's highlight list, and the highlights it lets through. */
export function useListFilter(annotations: readonly Annotation[] | undefined, speakers: readonly Speaker[]) {
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  // A speaker merged away (or undone out of existence) is no longer a filter.
  useEffect(() => {
    if (filter.speakerId && !speakers.some((s) => s.id === filter.speakerId)) setFilter({ ...filter, speakerId: '' });
  }, [filter, speakers]);
  const listed = useMemo(() => {
    const all = (annotations ?? []) as Annotation[];
    if (filter === NO_FILTER) return all;
    return all.filter(
      (a) => (!filter.labelId || a.labelId === filter.labelId) && (!filter.speakerId || a.speakerId === filter.speakerId) && (!filter.unattributedOnly || isUnattributed(a)) && (!filter.unlinkedOnly || isUnlinkedSpeaker(a)) && (!filter.toCheckOnly || a.anchor === 'fuzzy'),
    );
  }, [annotations, filter]);
  const toCheck = useMemo(() => annotations?.filter((a) => a.anchor === 'fuzzy').length ?? 0, [annotations]);
  const unlinked = useMemo(() => annotations?.filter(isUnlinkedSpeaker).length ?? 0, [annotations]);
  return { filter, setFilter, listed, toCheck, unlinked };
}

export function AnnotationFilter({
  filter,
  labels,
  speakers,
  toCheck,
  unlinked = 0,
  onChange,
}: {
  filter: ListFilter;
  labels: Label[];
  speakers: Speaker[];
  /** How many highlights need a check of their placement. */
  toCheck: number;
  /** How many Speaker highlights name nobody yet. */
  unlinked?: number;
  onChange(filter: ListFilter): void;
}) {
  return (
    <div className="list-filter" role="group" aria-label="Filter highlights">
      <ChoiceSelect label="Show label" none="All labels" value={filter.labelId} choices={labels.map((l) => ({ value: l.id, label: l.name }))} onChange={(labelId) => onChange({ ...filter, labelId })} />
      <ChoiceSelect label="Show speaker" none="All speakers" value={filter.speakerId} choices={speakers.map((s) => ({ value: s.id, label: s.name }))} onChange={(speakerId) => onChange({ ...filter, speakerId })} />
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
