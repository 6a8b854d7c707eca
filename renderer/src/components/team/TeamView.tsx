// The Team settings view: link the workspace to the team's CouchDB database (or unlink it), its
// live status and the first sync's progress, "Sync now", the conflicts to settle and the
// documents quarantined.
import { useCallback, useEffect, useState } from 'react';
import type { LinkTeamArgs, QuarantinedDocument, SyncConflict, SyncResult } from '../../../../electron/contract/window-api';
import { insecureAddressWarning } from '../../../../electron/contract/team-address';
import type { AnnotatorClient } from '../../api/client';
import { Dialog } from '../Dialog';
import { QuarantinedList, TeamConflicts } from './TeamConflicts';
import { TeamLinkForm } from './TeamLinkForm';
import type { TeamStatusView } from './use-team-status';
import { counted as plural } from '../../../../electron/contract/counted';

interface Props {
  client: AnnotatorClient;
  team: TeamStatusView;
  onClose(): void;
}

const syncedWords = (r: SyncResult) =>
  `Sync finished: ${plural(r.pushed, 'change')} sent, ${plural(r.pulled, 'change')} received${r.conflicts ? `, ${plural(r.conflicts, 'conflict')} to settle` : ''}.`;

export function TeamView({ client, team, onClose }: Props) {
  const { status, words, unavailable } = team;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const [quarantined, setQuarantined] = useState<QuarantinedDocument[]>([]);
  const linked = status !== null && status.state !== 'unlinked';

  const loadLists = useCallback(async () => {
    if (!linked) return (setConflicts([]), setQuarantined([]));
    try {
      const [c, q] = await Promise.all([client.listSyncConflicts({}), client.listQuarantined({})]);
      setConflicts(c);
      setQuarantined(q);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [client, linked]);
  // Again whenever the counts move (a sync brought a conflict, another machine settled one).
  useEffect(() => void loadLists(), [loadLists, status?.conflicts, status?.quarantined]);

  /** One action at a time; then the status at once, not at the next poll. */
  const act = async <T,>(work: () => Promise<T>, done?: (result: T) => void): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    setNote(null);
    try {
      const result = await work();
      done?.(result);
      return true;
    } catch (error) {
      setProblem((error as Error).message);
      return false;
    } finally {
      setBusy(false);
      await team.refresh();
    }
  };
  const link = (args: LinkTeamArgs) => act(() => client.linkTeam(args));
  const unlink = () => act(() => client.unlinkTeam({}), () => setNote('Unlinked. The workspace stays on this computer as it is; the password is forgotten.'));
  const syncNow = () => act(() => client.syncTeamNow({}), (result) => setNote(syncedWords(result)));
  const keep = (conflict: SyncConflict, rev: string) => act(() => client.resolveSyncConflict({ id: conflict.id, keepRev: rev }), () => void loadLists());

  const progress = status?.state === 'first-replication' ? status.progress : null;
  const insecure = linked && status.url ? insecureAddressWarning(status.url) : null;
  return (
    <Dialog title="Team" onClose={onClose}>
      <div className="team-view">
        {unavailable ? (
          <p className="team-unavailable">{unavailable}</p>
        ) : (
          <>
            <p className={`team-status-line team-${status?.state ?? 'unknown'}`} role="status" aria-live="polite">
              {words || 'Asking for the team status…'}
            </p>
            {progress && (
              <div
                className="team-progress"
                role="progressbar"
                aria-label="First sync"
                aria-valuemin={0}
                aria-valuemax={progress.total ?? undefined}
                aria-valuenow={progress.done}
                aria-valuetext={words}
              >
                <div style={{ width: progress.total ? `${Math.min(100, (100 * progress.done) / progress.total)}%` : '5%' }} />
              </div>
            )}
            {problem && (
              <p className="field-error" role="alert">
                {problem}
              </p>
            )}
            {note && <p className="team-note">{note}</p>}
            {status && !linked && (
              <>
                <p>Link this workspace to your newsroom’s CouchDB database to work on it with your team. Everything keeps working offline; changes go out when the server can be reached.</p>
                <TeamLinkForm busy={busy} onLink={link} onProblem={setProblem} />
              </>
            )}
            {linked && (
              <>
                <dl className="team-link">
                  <div>
                    <dt>Database</dt>
                    <dd>{status.url}</dd>
                  </div>
                  <div>
                    <dt>User name</dt>
                    <dd>{status.username}</dd>
                  </div>
                  {status.passwordKept && (
                    <div>
                      <dt>Password</dt>
                      <dd>{status.passwordKept}</dd>
                    </div>
                  )}
                </dl>
                {insecure && <p className="field-error">{insecure}</p>}
                <div className="sheet-actions">
                  <button type="button" className="primary" disabled={busy} onClick={() => void syncNow()}>
                    Sync now
                  </button>
                  <button type="button" className="danger" disabled={busy} onClick={() => void unlink()}>
                    Unlink
                  </button>
                </div>
                <TeamConflicts conflicts={conflicts} busy={busy} onKeep={(conflict, rev) => void keep(conflict, rev)} />
                <QuarantinedList documents={quarantined} />
              </>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
