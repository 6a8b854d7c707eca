// Every `annotator` command, in the order the usage lists them. A new command is one entry here.
import type { CliCommand } from './command.js';
import { agreementCommand, exportCommand, splitCommand } from './dataset-commands.js';
import { compactCommand } from './compact.js';
import { importCommand } from './import-command.js';
import { suggestCommand } from './suggest-command.js';
import { syncCommand } from './sync-command.js';
import { initCommand, mergeCommand, statsCommand, validateCommand } from './workspace-commands.js';

export const COMMANDS: readonly CliCommand[] = [initCommand, importCommand, exportCommand, splitCommand, statsCommand, agreementCommand, mergeCommand, validateCommand, compactCommand, syncCommand, suggestCommand];

export const findCommand = (name: string): CliCommand | undefined => COMMANDS.find((command) => command.name === name);
