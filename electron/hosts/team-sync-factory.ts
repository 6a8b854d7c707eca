// Where the hosts get their team sync engine (services/sync/team-sync.ts). A window's host keeps
// it replicating live while the workspace is linked, and opens no replica while it is not: an
// unlinked workspace gets no sync folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../contract/api.js';
import type { AnnotatorService } from '../services/annotator-service.js';
import { SYNC_DIR } from '../services/sync/sync-state.js';
import type { CredentialStore, TeamSyncEngine } from '../services/sync/team-sync-api.js';
import { syncRefusalCode, TeamSync } from '../services/sync/team-sync.js';

/** Makes the engine of one workspace, keeping its password in `credentials`. */
export type TeamSyncFactory = (service: AnnotatorService, credentials: CredentialStore) => TeamSyncEngine;

const linked = (service: AnnotatorService) =>
  fs.access(path.join(service.store.dir, SYNC_DIR, 'link.json')).then(
    () => true,
    () => false,
  );

/** The engine for a window: live once linked, and closed (its replica too) when the host stops. */
export const defaultTeamSyncFactory: TeamSyncFactory = (service, credentials) => {
  const engine = new TeamSync(service, credentials);
  const goLive = async () => {
    if (await linked(service)) engine.startLive();
  };
  return {
    status: () => engine.status(),
    onStatus: (listener) => engine.onStatus(listener),
    onArrived: (listener) => engine.onArrived(listener),
    async link(args) {
      const status = await engine.link(args);
      // A refused link is an error in the window's words: the form stays, with what to do.
      if (!(await linked(service))) throw new ApiError(syncRefusalCode(status), status.message ?? 'The link was refused.');
      // The first replication runs once, with progress in the status, then replication goes live.
      if (await linked(service)) void engine.syncOnce().catch(() => undefined).finally(() => void goLive());
      return status;
    },
    unlink: () => engine.unlink(),
    syncOnce: () => engine.syncOnce(),
    startLive: () => void goLive(),
    stop: () => engine.close(),
    conflicts: () => engine.conflicts(),
    resolve: (id, keepRev) => engine.resolve(id, keepRev),
    quarantined: () => engine.quarantined(),
  };
};
