// Where the hosts get their team sync engine. The engine (services/sync/team-sync.ts) is built
// apart; until it is wired in here, the hosts run without team sync and the Team view says so.
import type { CredentialStore, TeamSyncEngine } from '../services/sync/team-sync-api.js';
// wired at merge: import { createTeamSync } from '../services/sync/team-sync.js';

/** Makes the engine of one workspace, keeping its password in `credentials`. */
export type TeamSyncFactory = (workspaceDir: string, credentials: CredentialStore) => TeamSyncEngine;

// wired at merge: export const defaultTeamSyncFactory: TeamSyncFactory | undefined = createTeamSync;
export const defaultTeamSyncFactory: TeamSyncFactory | undefined = undefined;
