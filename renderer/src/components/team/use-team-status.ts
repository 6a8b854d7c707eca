// The team sync status as the window shows it: asked for at once, then every 2 s while the
// workspace is linked, and again at once after each action.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../../electron/contract/api';
import { teamStatusWords } from '../../../../electron/contract/team-status-words';
import type { AnnotatorClient } from '../../api/client';

export const TEAM_POLL_MS = 2000;

export type TeamViewStatus = ApiResult<'getTeamStatus'>;

export interface TeamStatusView {
  status: TeamViewStatus | null;
  /** "Synced 2 s ago", "Not linked"…; '' before the first answer, or where the host has no team sync. */
  words: string;
  /** Why this host has no team sync (the browser build without it, a test host); null when it has. */
  unavailable: string | null;
  refresh(): Promise<void>;
}

export function useTeamStatus(client: AnnotatorClient): TeamStatusView {
  const [status, setStatus] = useState<TeamViewStatus | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    clearTimeout(timer.current);
    let next: TeamViewStatus;
    try {
      next = await client.getTeamStatus({});
    } catch (error) {
      if (!alive.current) return;
      // A host without team sync says so: nothing to poll. A host that did not answer is asked again.
      if ((error as { code?: string }).code === 'unsupported') return void setUnavailable((error as Error).message);
      timer.current = setTimeout(() => void refresh(), TEAM_POLL_MS);
      return;
    }
    if (!alive.current) return;
    setUnavailable(null);
    setStatus(next);
    if (next.state !== 'unlinked') timer.current = setTimeout(() => void refresh(), TEAM_POLL_MS);
  }, [client]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, [refresh]);

  return { status, words: status && !unavailable ? teamStatusWords(status) : '', unavailable, refresh };
}
