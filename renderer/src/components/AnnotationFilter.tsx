// Narrow the highlight list by label, speaker, or to what still needs attributing.
import type { Label, Speaker } from '../../../electron/contract/api';
import { ChoiceSelect } from './ChoiceSelect';

export interface ListFilter {
  labelId: string;
  speakerId: string;
  unattributedOnly: boolean;
  /** Placed on similar text after the file changed, and not yet checked. */
  toCheckOnly: boolean;
}

export const NO_FILTER: ListFilter = { labelId: '', speakerId: '', unattributedOnly: false, toCheckOnly: false };

export function AnnotationFilter({
  filter,
  labels,
  speakers,
  toCheck,
  onChange,
}: {
  filter: ListFilter;
  labels: Label[];
  speakers: Speaker[];
  /** How many highlights need a check of their placement. */
  toCheck: number;
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
      {(toCheck > 0 || filter.toCheckOnly) && (
        <label className="check">
          <input type="checkbox" checked={filter.toCheckOnly} onChange={(event) => onChange({ ...filter, toCheckOnly: event.target.checked })} />
          To check ({toCheck})
        </label>
      )}
    </div>
  );
}
