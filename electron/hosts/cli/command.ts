// What every `annotator` command is given, and the shape a command takes in the table.
import type { WorkspaceLock } from '../../services/store/workspace-lock.js';
import type { CliValues } from './options.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A progress line on a terminal (redrawn in place); absent when output goes to a file or a script. */
  progress?(text: string): void;
  /** Asks the person at the terminal (hidden: not echoed); absent when no one is there to answer. */
  ask?(question: string, options?: { hidden?: boolean }): Promise<string>;
  /** Where relative paths are resolved from. */
  cwd: string;
  /** Where the app's own workspace is looked for (XDG_CONFIG_HOME, APPDATA); the process's by default. */
  env?: NodeJS.ProcessEnv;
}

export interface CommandContext {
  io: Io;
  values: CliValues;
  positionals: string[];
  /** --store, resolved; the app's own workspace when it was not given. */
  storeDir: string;
  /** Commands that write hold the workspace's lock, released after the command. */
  locks: WorkspaceLock[];
}

export interface CliCommand {
  name: string;
  /** Its lines in the usage: the synopsis, then what it does, indented. */
  usage: string;
  /** Works on files alone: no workspace is opened or named unless --store is given. */
  withoutStore?: boolean;
  run(context: CommandContext): Promise<number>;
}

/** "1 document", "3 documents": every count the command line prints goes through here. */
export const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
