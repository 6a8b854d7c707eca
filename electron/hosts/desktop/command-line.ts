// What the desktop app reads from its command line: Electron's argv on the first start, and
// the argv a second copy hands over (main.ts). Opening the files is desktop-files.ts's job.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_EXTENSIONS } from '../../services/documents/index.js';

export interface ShellCommandLine {
  /** --store DIR (or --store=DIR): the workspace folder, resolved; undefined for the default. */
  storeDir?: string;
  /** Documents named on the command line (paths resolved against `cwd`, or file:// URLs). */
  files: string[];
}

/** `scheme://...` (two letters or more, so not a Windows drive); `notes:draft.txt` stays a name. */
const URL_WITH_AUTHORITY = /^[a-z][a-z0-9+.-]+:\/\//i;

/**
 * Reads what the app cares about from an Electron argv. The executable, the app folder (when
 * run as `electron .`) and Chromium's own --switches are skipped, since only positionals with
 * a document extension count as files. Desktops that launch with %U (the AppImage's entry
 * always does) pass file:// URLs: those become paths; other URL schemes are ignored. After `--`
 * every argument is a positional, as for `npm start` (launch-args.ts) and the installer's
 * `"app.exe" -- "%1"`, so `-draft.txt` is a file there and `--store` a name.
 */
export function parseShellCommandLine(argv: readonly string[], cwd: string = process.cwd()): ShellCommandLine {
  const result: ShellCommandLine = { files: [] };
  const args = argv.slice(1);
  let positionalsOnly = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!positionalsOnly) {
      if (arg === '--') {
        positionalsOnly = true;
        continue;
      }
      if (arg === '--store') {
        const value = args[i + 1];
        if (value !== undefined && !value.startsWith('-')) {
          result.storeDir = path.resolve(cwd, value);
          i++;
        }
        continue;
      }
      if (arg.startsWith('--store=')) {
        const value = arg.slice('--store='.length);
        if (value) result.storeDir = path.resolve(cwd, value);
        continue;
      }
      if (arg.startsWith('-')) continue;
    }
    let filePath = arg;
    if (arg.toLowerCase().startsWith('file:')) {
      try {
        // Decodes %20 and UTF-8 escapes; throws for a remote host or an encoded slash.
        filePath = fileURLToPath(arg);
      } catch {
        continue;
      }
    } else if (URL_WITH_AUTHORITY.test(arg)) {
      continue; // https://, smb://...: not a file on this machine
    }
    if (DOCUMENT_EXTENSIONS.includes(path.extname(filePath).toLowerCase())) result.files.push(path.resolve(cwd, filePath));
  }
  return result;
}
