import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // Redrawn in place on a terminal; scripts and files get none of it.
  ...(process.stderr.isTTY && {
    progress: (text: string) => process.stderr.write(`\r\x1b[2K${text}`),
  }),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
