// The team sync status as the window shows it: asked for at once, then kept live by asking the
// host for the next change after the version in hand (the host answers when the status changes,
// or after ~20 s as it is), and again at once after each action. "Synced 2 s ago" ticks by itself.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../../electron/contract/window-api';
import { teamStatusWords } from '../../../../electron/contract/team-status-words';
import type { AnnotatorClient } from '../../api/client';

/** The pause before asking again after a failed ask, or an answer with nothing new. */
export const TEAM_RETRY_MS = 2000;

export type TeamViewStatus = ApiResult<'getTeamStatus'>;

export interface TeamStatusView {
  status: TeamViewStatus | null;
  /** "Synced 2 s ago", "Not linked"…; '' before the first answer, or where the host has no team sync. */
  words: string;
  /** Why this host has no team sync (the browser build without it, a test host); null when it has. */
  unavailable: string | null;
  refresh(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useTeamStatus(client: AnnotatorClient): TeamStatusView {
  const [status, setStatus] = useState<TeamViewStatus | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const latest = useRef<TeamViewStatus | null>(null);
  const alive = useRef(true);

  // A later version never gives way to an earlier answer that arrived late.
  const take = useCallback((next: TeamViewStatus) => {
    if (!alive.current || (latest.current && next.version < latest.current.version)) return;
    latest.current = next;
    setUnavailable(null);
    setStatus(next);
    setNow(new Date());
  }, []);

  /** Answers false where the host has no team sync (nothing to follow). */
  const ask = useCallback(
    async (changedAfter?: number): Promise<boolean> => {
      try {
        take(await client.getTeamStatus(changedAfter === undefined ? {} : { changedAfter }));
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'unsupported') {
          if (alive.current) setUnavailable((error as Error).message);
          return false;
        }
        await pause(TEAM_RETRY_MS);
        return true;
      }
    },
    [client, take],
  );

  const refresh = useCallback(async () => void (await ask()), [ask]);

  useEffect(() => {
    alive.current = true;
    // This effect's own loop: one that outlived a re-render stops at its next turn.
    const loop = { running: true };
    void (async () => {
      if (!(await ask())) return;
      while (loop.running) {
        const held = latest.current?.version;
        if (!(await ask(held))) return;
        // A host that answers at once with nothing new is asked again after a pause, not in a loop.
        if (latest.current?.version === held) await pause(TEAM_RETRY_MS);
      }
    })();
    return () => {
      loop.running = false;
      alive.current = false;
    };
  }, [ask]);

  // "Synced 12 s ago" moves on between changes.
  const linked = status !== null && status.state !== 'unlinked';
  useEffect(() => {
    if (!linked) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [linked]);

  return { status, words: status && !unavailable ? teamStatusWords(status, now) : '', unavailable, refresh };
}
