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
import { startBrowserHost } from './server.js';

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

export async function serve(argv: string[], rendererDir: string): Promise<void> {
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
  // One writer per workspace: refuse to start beside the app or another serve.
  let lock: WorkspaceLock;
  try {
    lock = await acquireWorkspaceLock(options.store, 'browser');
  } catch (error) {
    console.error(`Cannot open the workspace in ${options.store}: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  let store: WorkspaceStore;
  try {
    store = await WorkspaceStore.open(options.store);
  } catch (error) {
    await lock.release();
    console.error(`Cannot open the workspace in ${options.store}: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const service = new AnnotatorService(store, 'browser');
  for (const outcome of await openFilesFromPaths(service, options.files)) {
    if (outcome.error) console.error(`Not opened: ${outcome.error}`);
  }
  void service.prefetchLastDocument();
  const host = await startBrowserHost({ handlers: createApiHandlers(service, browserHostOnlyMethods), rendererDir, port: options.port });
  console.log(`Newsroom Annotator is running at ${host.url}`);
  console.log(`Workspace: ${store.dir}. Open the address above in a browser; press Ctrl+C to stop.`);
  const stop = async () => {
    await host.close();
    await store.flush();
    await lock.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Built as dist/electron/serve.js, next to dist/renderer. */
export function builtRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}
