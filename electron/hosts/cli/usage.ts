// What `annotator` says about itself: the whole usage, one command's part of it, and the one
// line that follows a mistake (the message says what is wrong; the usage is a --help away).
import type { CliCommand } from './command.js';
import { COMMANDS } from './commands.js';

const NOTES = `Without --store DIR, a command works on the app's own workspace and says which folder on stderr.
The command line has no window, so no person of its own: what it writes is recorded under
import's --author NAME where given, else the workspace's name (the window's first-use suggestion).
Offsets in jsonl, spacy, brat, labelstudio and w3c count Unicode code points, as Python does.
`;

export const USAGE = `Usage: annotator <command> [options]

Commands:
${COMMANDS.map((command) => command.usage).join('')}
${NOTES}`;

/** `annotator export --help`, `annotator help export`. */
export const commandUsage = (command: CliCommand) => `Usage: annotator ${command.name} [options]

${command.usage}
${NOTES}Run \`annotator --help\` for every command.
`;

/** After a wrong command line: where the options are explained. */
export const usageHint = (command?: CliCommand) =>
  command ? `Run \`annotator ${command.name} --help\` for the options.` : 'Run `annotator --help` for the commands.';
