// `annotator`: the trainers' command line. Every command reads the same workspace the app
// writes, through the same handlers the windows call (the CLI is a host: its "dialogs" are
// its options). Errors go to stderr with a non-zero exit code. The commands are in
// commands.ts, each in its own module; this runs one and turns its failures into messages.
import path from 'node:path';
import { ApiError } from '../../contract/api.js';
import { StoreFileError } from '../../services/store/durable-json-file.js';
import { defaultWorkspaceDir } from '../../services/store/paths.js';
import type { WorkspaceLock } from '../../services/store/workspace-lock.js';
import type { CliCommand, Io } from './command.js';
import { findCommand } from './commands.js';
import { need, parseOptions, UsageError } from './options.js';
import { commandUsage, USAGE, usageHint } from './usage.js';

export type { Io } from './command.js';
export { describeImport } from './import-command.js';
export { bar, UsageError } from './options.js';
export { USAGE } from './usage.js';

/** --store DIR, or the app's own workspace, named on stderr so nobody writes to it unawares. */
function workspaceDir(store: string | undefined, io: Io): string {
  if (store !== undefined) return path.resolve(io.cwd, need(store, '--store DIR'));
  const dir = defaultWorkspaceDir(io.env ?? process.env);
  io.err(`Using the app's workspace at ${dir}; pass --store DIR for another.\n`);
  return dir;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const locks: WorkspaceLock[] = [];
  let command: CliCommand | undefined;
  try {
    if (!name || name === '--help' || name === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (name === 'help') {
      const about = rest[0] === undefined ? undefined : findCommand(rest[0]);
      if (rest[0] !== undefined && !about) throw new UsageError(`There is no command "${rest[0]}".`);
      io.out(about ? commandUsage(about) : USAGE);
      return 0;
    }
    command = findCommand(name);
    if (!command) throw new UsageError(`There is no command "${name}".`);
    const { values, positionals } = parseOptions(rest);
    if (values.help) {
      io.out(commandUsage(command));
      return 0;
    }
    const storeDir = command.withoutStore && values.store === undefined ? '' : workspaceDir(values.store, io);
    return await command.run({ io, values, positionals, storeDir, locks });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${usageHint(command)}\n`);
      return 2;
    }
    if (error instanceof StoreFileError || error instanceof ApiError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      const file = (error as NodeJS.ErrnoException).path ?? '';
      io.err(`${file}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'that is a folder, not a file' : 'it cannot be read (permission denied)'}.\n`);
      return 1;
    }
    io.err(`annotator: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await Promise.all(locks.map((lock) => lock.release()));
  }
}
