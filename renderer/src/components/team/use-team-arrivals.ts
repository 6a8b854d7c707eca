// Changes from the team reaching this workspace while a window is open: the document list (titles,
// counts) follows at once; the open document is not swapped under the person's hands, they are
// told and choose when to see it ("Show them"), as a live feed of others' notes does.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotatorClient } from '../../api/client';
import { TEAM_RETRY_MS } from './use-team-status';

export interface TeamArrivalsOptions {
  /** The document on screen, if any. */
  currentDocumentId(): string | null;
  /** The list of documents again (titles, counts). */
  refreshDocuments(): Promise<unknown>;
  /** The document on screen again, as it is now in the workspace. */
  reopen(documentId: string): Promise<unknown>;
}

export interface TeamArrivals {
  /** The document on screen holds changes from the team not shown yet. */
  waiting: boolean;
  show(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useTeamArrivals(client: AnnotatorClient, options: TeamArrivalsOptions): TeamArrivals {
  const [waitingIn, setWaitingIn] = useState<string | null>(null);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const loop = { running: true };
    void (async () => {
      let version: number;
      try {
        version = (await client.waitTeamArrivals({})).version;
      } catch {
        // A host without team sync: nothing will arrive.
        return;
      }
      while (loop.running) {
        let answer: { version: number; documentIds: string[] | null };
        try {
          answer = await client.waitTeamArrivals({ after: version });
        } catch (error) {
          if ((error as { code?: string }).code === 'unsupported') return;
          await pause(TEAM_RETRY_MS);
          continue;
        }
        if (!loop.running) return;
        if (answer.version === version) {
          // Nothing new: a host that answers at once is asked again after a pause, never in a loop.
          await pause(TEAM_RETRY_MS);
          continue;
        }
        version = answer.version;
        const { currentDocumentId, refreshDocuments } = latest.current;
        await refreshDocuments().catch(() => undefined);
        const current = currentDocumentId();
        if (current && (answer.documentIds === null || answer.documentIds.includes(current))) setWaitingIn(current);
      }
    })();
    return () => {
      loop.running = false;
    };
  }, [client]);

  const current = options.currentDocumentId();
  const waiting = waitingIn !== null && waitingIn === current;
  const show = useCallback(async () => {
    const id = latest.current.currentDocumentId();
    setWaitingIn(null);
    if (id) await latest.current.reopen(id);
  }, []);
  return { waiting, show };
}
