// Narrow the highlight list by label, speaker, or to what still needs attributing.
import type { Label, Speaker } from '../../../electron/contract/api';

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
      <select aria-label="Show label" value={filter.labelId} onChange={(event) => onChange({ ...filter, labelId: event.target.value })}>
        <option value="">All labels</option>
        {labels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <select aria-label="Show speaker" value={filter.speakerId} onChange={(event) => onChange({ ...filter, speakerId: event.target.value })}>
        <option value="">All speakers</option>
        {speakers.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
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
