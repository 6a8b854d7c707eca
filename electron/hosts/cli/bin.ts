import { runCli } from './main.js';

// Piped into `head`, a closed pipe ends the output, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
import { askOnTerminal } from './terminal-prompt.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // Redrawn in place on a terminal; scripts and files get none of it.
  ...(process.stderr.isTTY && {
    progress: (text: string) => process.stderr.write(`\r\x1b[2K${text}`),
  }),
  // Someone at a terminal can be asked (a password the environment did not give); scripts cannot.
  ...(process.stdin.isTTY && process.stderr.isTTY && { ask: askOnTerminal }),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
