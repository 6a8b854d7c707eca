// `npm run serve [--store DIR] [--port N] [FILE...]`: the whole app in any Chromium.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AnnotatorService } from '../../services/annotator-service.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../services/handlers/api-handlers.js';
import { openFilesFromPaths } from '../../services/documents/open-files.js';
import { defaultWorkspaceDir } from '../../services/store/paths.js';
import { acquireWorkspaceLock, type WorkspaceLock } from '../../services/store/workspace-lock.js';
import { WorkspaceStore } from '../../services/store/workspace-store.js';
import { credentialsFileOf, fileCredentialStore } from '../../services/sync/credentials.js';
import type { TeamSyncEngine } from '../../services/sync/team-sync-api.js';
import { defaultTeamSyncFactory, type TeamSyncFactory } from '../team-sync-factory.js';
import { startBrowserHost, type BrowserHost } from './server.js';
import { keepServingOnStrayRejections } from '../stray-errors.js';

export const SERVE_USAGE = `Usage: npm run serve -- [--store DIR] [--port N] [FILE...]

  --store DIR   workspace folder (default: ${defaultWorkspaceDir()})
  --port N      port on 127.0.0.1 (default 0: any free port)
  FILE...       documents to open (.txt, .md, .html, .docx, .pdf, .srt, .vtt); they stay linked, so changes are noticed
`;

export interface ServeOptions {
  store: string;
  port: number;
  files: string[];
}

export function parseServeArgs(argv: string[]): ServeOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) return 'help';
  const port = values.port === undefined ? 0 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  if (values.store !== undefined && values.store.trim() === '') throw new Error('--store needs a folder, for example --store ~/annotations.');
  // npm runs scripts from the package folder; paths the user typed are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  return {
    store: values.store === undefined ? defaultWorkspaceDir() : path.resolve(base, values.store),
    port,
    files: positionals.map((file) => path.resolve(base, file)),
  };
}

export async function serve(argv: string[], rendererDir: string, hooks: { createTeamSync?: TeamSyncFactory } = {}): Promise<void> {
  let options: ServeOptions | 'help';
  try {
    options = parseServeArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${SERVE_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(SERVE_USAGE);
    return;
  }
  const running = await startServing(options, rendererDir, hooks);
  if (!running) {
    process.exitCode = 1;
    return;
  }
  keepServingOnStrayRejections();
  console.log(`Newsroom Annotator is running at ${running.host.url}`);
  console.log(`Workspace: ${running.store.dir}. Open the address above in a browser; press Ctrl+C to stop.`);
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export interface ServingHost {
  host: BrowserHost;
  store: WorkspaceStore;
  /** Closes the host, stops team sync, puts every write on disk and frees the workspace. */
  stop(): Promise<void>;
}

/**
 * The browser host over one workspace; null (after saying why on stderr) when the workspace
 * cannot be opened. `createTeamSync` makes its team sync engine (tests hand in a fake one).
 */
export async function startServing(options: ServeOptions, rendererDir: string, hooks: { createTeamSync?: TeamSyncFactory } = {}): Promise<ServingHost | null> {
  // One writer per workspace: refuse to start beside the app or another serve.
  let lock: WorkspaceLock;
  try {
    lock = await acquireWorkspaceLock(options.store, 'browser');
  } catch (error) {
    console.error(`Cannot open the workspace in ${options.store}: ${(error as Error).message}`);
    return null;
  }
  let store: WorkspaceStore;
  try {
    store = await WorkspaceStore.open(options.store);
  } catch (error) {
    await lock.release();
    console.error(`Cannot open the workspace in ${options.store}: ${(error as Error).message}`);
    return null;
  }
  const service = new AnnotatorService(store, 'browser');
  for (const outcome of await openFilesFromPaths(service, options.files)) {
    if (outcome.error) console.error(`Not opened: ${outcome.error}`);
  }
  void service.prefetchLastDocument();
  // No keychain here: the password in a file only this user may read.
  const credentials = fileCredentialStore(credentialsFileOf(store.dir));
  const factory = hooks.createTeamSync ?? defaultTeamSyncFactory;
  const team: TeamSyncEngine | undefined = factory?.(service, credentials);
  team?.startLive();
  const handlers = createApiHandlers(service, browserHostOnlyMethods, team, { passwordKept: credentials.kept });
  const host = await startBrowserHost({ handlers, rendererDir, port: options.port });
  return {
    host,
    store,
    async stop() {
      await host.close();
      await team?.stop().catch((error: unknown) => console.error(`[annotator] stopping team sync: ${(error as Error).message}`));
      await store.flush();
      await lock.release();
    },
  };
}

/** Built as dist/electron/serve.js, next to dist/renderer. */
export function builtRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}
