// Ubuntu 23.10+ restricts unprivileged user namespaces through AppArmor, which leaves Chromium only
// its setuid helper, chrome-sandbox. Unzipped by npm, that file is not root's and not setuid, so
// Electron aborts at start (FATAL, then SIGTRAP: electron/electron#42510). We say so, with the fix.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { optionsPart } from './launch-args.js';

export const USERNS_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
/** Tests only: names a file that stands in for USERNS_SYSCTL, since they cannot write to /proc. */
export const TEST_SYSCTL_ENV = 'ANNOTATOR_TEST_USERNS_SYSCTL';

export interface SandboxState {
  /** The sysctl's text, or null where the kernel has no such setting (not Ubuntu, older kernels). */
  restrictUserns: string | null;
  /** chrome-sandbox next to the Electron executable, where Chromium looks for it. */
  sandboxPath: string;
  /** Its owner and mode, or null when there is none. */
  sandbox: { uid: number; mode: number } | null;
  /** The arguments Electron gets: --no-sandbox (before `--`) means Chromium needs no helper. */
  argv: readonly string[];
}

/** The one line to print before starting Electron, or null when its sandbox can start. */
export function sandboxHint(state: SandboxState): string | null {
  if (state.restrictUserns?.trim() !== '1') return null;
  if (optionsPart(state.argv).includes('--no-sandbox')) return null;
  // Electron's Linux zip always has the helper; a runtime without one is not something we can advise on.
  if (!state.sandbox) return null;
  // Chromium's own test (setuid_sandbox_host.cc): owned by root, setuid, executable by others.
  const { uid, mode } = state.sandbox;
  if (uid === 0 && (mode & 0o4000) !== 0 && (mode & 0o001) !== 0) return null;
  const file = shellQuote(state.sandboxPath);
  return (
    `This system restricts unprivileged user namespaces (AppArmor, as on Ubuntu 23.10+) and ${state.sandboxPath} is not owned by root with mode 4755, ` +
    `so Electron's sandbox cannot start and Electron will abort. To fix: \`sudo chown root:root ${file} && sudo chmod 4755 ${file}\`, ` +
    'or run `npm start -- --browser`.'
  );
}

/** Reads the sysctl and chrome-sandbox's stat for sandboxHint; on other systems there is nothing to say. */
export function linuxSandboxHint(
  binary: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (platform !== 'linux') return null;
  let restrictUserns: string | null = null;
  try {
    restrictUserns = readFileSync(env[TEST_SYSCTL_ENV] || USERNS_SYSCTL, 'utf8');
  } catch {
    // No such sysctl: user namespaces are not restricted this way.
  }
  const sandboxPath = path.join(path.dirname(binary), 'chrome-sandbox');
  const stat = statSync(sandboxPath, { throwIfNoEntry: false });
  return sandboxHint({ restrictUserns, sandboxPath, sandbox: stat ? { uid: stat.uid, mode: stat.mode } : null, argv });
}

/** A path as a POSIX shell word, so the printed command can be pasted as it is. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
