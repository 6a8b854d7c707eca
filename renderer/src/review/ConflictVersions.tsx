// A claim in conflict, on the desk's side panel: its verdict here and who set it, and each
// verdict that disagrees (from an import) with who set it and where from. The editor picks one
// with its button; setting the status settles the conflict (the service clears it), and one
// undo brings the conflict back.
import type { ClaimRow, Status } from '../../../electron/contract/window-api';
import { conflictsOf } from '../state/claim-conflicts';
import { shortTime } from './claim-table';

/** Where a version came from: a file ("from budget.ann"), or another machine ("via team sync"). */
const sourceWords = (from: string) => (from === 'team sync' ? 'via team sync' : `from ${from}`);

interface Props {
  claim: ClaimRow;
  statuses: Status[];
  onPick(statusId: string): void;
}

export function ConflictVersions({ claim, statuses, onPick }: Props) {
  const conflicts = conflictsOf(claim);
  if (conflicts.length === 0) return null;
  const name = (id: string) => statuses.find((s) => s.id === id)?.name ?? id;
  return (
    <section className="desk-conflict" aria-label="Verdicts in conflict">
      <h3>In conflict: pick the verdict</h3>
      <ul>
        <li>
          <span className="conflict-version">
            <strong>{name(claim.status)}</strong> here{claim.reviewer ? `, set by ${claim.reviewer}` : ', set by no reviewer yet'}
          </span>
          <button type="button" className="secondary" onClick={() => onPick(claim.status)}>
            Keep {name(claim.status)}
          </button>
        </li>
        {conflicts.map((c, index) => (
          <li key={`${c.status}/${c.by}/${c.at}/${index}`}>
            <span className="conflict-version">
              <strong>{name(c.status)}</strong>
              {c.by ? `, set by ${c.by}` : ', set by someone unnamed'}
              {c.from && ` · ${sourceWords(c.from)}`}
              {shortTime(c.at) && ` · ${shortTime(c.at)}`}
            </span>
            <button type="button" className="secondary" onClick={() => onPick(c.status)}>
              Take {name(c.status)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
