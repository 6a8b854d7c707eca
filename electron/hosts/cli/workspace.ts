// Opening and starting the workspace a command works on, and the services behind the handlers.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError, type ExportFormat } from '../../contract/api.js';
import { AnnotatorService } from '../../services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers, type ApiHandlers, type HostOnlyMethods } from '../../services/handlers/api-handlers.js';
import type { ExportStep } from '../../services/handlers/workspace-tasks.js';
import { acquireWorkspaceLock, type WorkspaceLock } from '../../services/store/workspace-lock.js';
import { WorkspaceStore } from '../../services/store/workspace-store.js';
import type { Io } from './command.js';
import { bar } from './options.js';

/** Commands that write pass `locks`: they hold the workspace's lock, so no app writes it meanwhile. */
export async function openStore(dir: string, locks?: WorkspaceLock[]): Promise<WorkspaceStore> {
  try {
    await fs.access(path.join(dir, 'workspace.json'));
  } catch {
    // Quoted where it has spaces (the app's own folder does), so the command can be pasted.
    const asArgument = /\s/.test(dir) ? `"${dir}"` : dir;
    throw new ApiError('not-found', `There is no workspace in ${dir} (no workspace.json). Give the folder the app uses with --store, or start one with annotator init --store ${asArgument}.`);
  }
  if (locks) locks.push(await acquireWorkspaceLock(dir, 'cli'));
  return WorkspaceStore.open(dir);
}

/**
 * Starts a workspace in `dir` (the folder made if missing), or opens the one there with
 * `whenThere: 'open'`. Holds the lock from before the check, so two runs cannot both create it.
 */
export async function createStore(dir: string, locks: WorkspaceLock[], whenThere: 'open' | 'refuse'): Promise<{ store: WorkspaceStore; created: boolean }> {
  const there = () => fs.access(path.join(dir, 'workspace.json')).then(() => true, () => false);
  const refuse = () => new ApiError('bad-request', `There is already a workspace in ${dir}; nothing was changed. Use it with --store ${dir}.`);
  if (await there()) {
    if (whenThere === 'refuse') throw refuse();
    return { store: await openStore(dir, locks), created: false };
  }
  await fs.mkdir(dir, { recursive: true });
  locks.push(await acquireWorkspaceLock(dir, 'cli'));
  if (await there()) {
    // Another run created it meanwhile.
    if (whenThere === 'refuse') throw refuse();
    return { store: await WorkspaceStore.open(dir), created: false };
  }
  // The store starts an empty workspace.json itself (and refuses where only its backups are left).
  const store = await WorkspaceStore.open(dir);
  await store.flush();
  return { store, created: true };
}

export const createdLine = (dir: string) => `Created a new workspace in ${dir}.\n`;

/** The workspace's status names, by id, for the conflicts' lines. */
export const statusNames = (store: WorkspaceStore) => new Map(store.data.statuses.map((s) => [s.id, s.name]));

/** What the options chose: where an export goes, which workspace to merge. */
export interface CliChoices {
  out?: string;
  format?: ExportFormat;
  otherDir?: string;
  /** Set by the export: whether it was written as a folder (CoNLL by several authors is). */
  folder?: boolean;
}

/** The CLI as a host: what a window would choose in a dialog, it was given as an option. */
function cliHost(io: Io, chosen: CliChoices): HostOnlyMethods {
  return {
    ...browserHostOnlyMethods,
    async chooseExportDestination(_format, what) {
      chosen.folder = what.folder;
      return chosen.out ? { path: chosen.out } : 'cancelled';
    },
    async chooseWorkspaceToMerge() {
      return chosen.otherDir ?? null;
    },
    exportProgress(step: ExportStep) {
      io.progress?.(step === 'writing' ? `Writing ${chosen.format}…` : step === 'ready' ? '' : `Reading documents ${bar(step.reading, step.of)} ${step.reading}/${step.of}`);
    },
  };
}

export function handlersFor(store: WorkspaceStore, io: Io, chosen: CliChoices = {}): { service: AnnotatorService; handlers: ApiHandlers } {
  const service = new AnnotatorService(store, 'browser');
  return { service, handlers: createApiHandlers(service, cliHost(io, chosen)) };
}
