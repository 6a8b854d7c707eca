// Shared documents in conflict, each with its versions (who, when, the values that differ), and
// the quarantined documents with why: a person settles what sync never merges silently.
import type { QuarantinedDocument, SyncConflict } from '../../../../electron/contract/window-api';
import { shortTime } from '../../review/claim-table';

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
};

interface ConflictProps {
  conflicts: SyncConflict[];
  busy: boolean;
  onKeep(conflict: SyncConflict, rev: string): void;
}

export function TeamConflicts({ conflicts, busy, onKeep }: ConflictProps) {
  if (conflicts.length === 0) return null;
  return (
    <section className="team-conflicts" aria-label="Conflicts">
      <h3>{conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`}: keep one version of each</h3>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.id} className="team-conflict">
            <p className="team-conflict-summary">{conflict.summary}</p>
            <ul className="team-versions">
              {conflict.versions.map((version) => {
                const who = `${version.by || 'Someone unnamed'}${shortTime(version.at) ? ` · ${shortTime(version.at)}` : ''}`;
                return (
                  <li key={version.rev} role="group" aria-label={`${version.by || 'Someone unnamed'}’s version`} className="team-version">
                    <span className="team-version-who">{who}</span>
                    <dl>
                      {Object.entries(version.values).map(([field, value]) => (
                        <div key={field}>
                          <dt>{field}</dt>
                          <dd>{shown(value)}</dd>
                        </div>
                      ))}
                    </dl>
                    <button type="button" className="secondary" disabled={busy} onClick={() => onKeep(conflict, version.rev)}>
                      Keep this version
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function QuarantinedList({ documents }: { documents: QuarantinedDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <section className="team-quarantined" aria-label="Quarantined">
      <h3>Not applied ({documents.length}): these came from the server but failed the checks</h3>
      <ul>
        {documents.map((doc) => (
          <li key={doc.id}>
            <code>{doc.id}</code>: {doc.reason}
            {shortTime(doc.receivedAt) && <span className="team-when"> · received {shortTime(doc.receivedAt)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
