// Why Electron's installer failed, read from what it printed and how it ended, as one short
// reason and one way to retry. Pure, so every cause is tested on stderr captured from real runs.
import { readInstallerReport } from './installer-report.js';

export type InstallFailureCause =
  | 'unsupported-node'
  | 'http-status'
  | 'dns'
  | 'refused'
  | 'network'
  | 'tls'
  | 'cut-off'
  | 'checksum'
  | 'extract'
  | 'disk-full'
  | 'permission'
  | 'killed'
  | 'no-binary'
  | 'unknown';

export interface InstallFailure {
  cause: InstallFailureCause;
  /** What went wrong, without a final full stop. */
  reason: string;
  /** How to try again, without a final full stop. */
  retry: string;
}

export interface InstallerOutcome {
  stderr: string;
  code: number | null;
  signal: string | null;
  /** process.version of the Node that ran the installer. */
  nodeVersion: string;
  /** The mirror it downloaded from (electronMirror), or null for Electron's GitHub releases. */
  mirror: string | null;
}

/** The mirror setting @electron/get reads, in its order (.npmrc, package.json, then the environment). */
export function electronMirror(env: NodeJS.ProcessEnv): string | null {
  return (
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror ||
    env.ELECTRON_MIRROR ||
    null
  );
}

const AGAIN = 'run `npm start` again';

/** The ways to retry that depend on where the download came from: a mirror the user set, or GitHub. */
function retries(mirror: string | null) {
  return mirror
    ? {
        unreachable: `check that the mirror at ${mirror} is running and reachable, then ${AGAIN}`,
        notFound: `check that the mirror at ${mirror} has that file (ELECTRON_CUSTOM_DIR changes its folder), then ${AGAIN}`,
        serverError: `${AGAIN} later, or set ELECTRON_MIRROR to another mirror`,
        checksum: `${AGAIN}; if it fails again, check that the mirror at ${mirror} serves Electron's own release files`,
      }
    : {
        unreachable: `${AGAIN} when online, or set ELECTRON_MIRROR to a mirror you can reach`,
        notFound: `set ELECTRON_MIRROR to a mirror that has that file, then ${AGAIN}`,
        serverError: `${AGAIN} later, or set ELECTRON_MIRROR to a mirror you can reach`,
        checksum: `${AGAIN}; if it fails again, something on the way (a proxy?) is changing the download`,
      };
}
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

const hostOf = (url: string | undefined): string => {
  try {
    return url ? new URL(url).host : 'the download server';
  } catch {
    return 'the download server';
  }
};

/** The installer's own error line: "HTTPError: …", "Error [ERR_REQUIRE_ESM]: …", else its first line. */
function errorLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /^[A-Za-z]*Error( \[[A-Z_]+\])?: /.test(line)) ?? lines[0] ?? '';
}

export function classifyInstallFailure(outcome: InstallerOutcome): InstallFailure {
  const { events, output } = readInstallerReport(outcome.stderr);
  const line = errorLine(output);
  const fetchError = [...events].reverse().find((event) => event.event === 'fetch-error');
  const retry = retries(outcome.mirror);

  if (/ERR_REQUIRE_ESM/.test(output)) {
    return {
      cause: 'unsupported-node',
      reason: `Node ${outcome.nodeVersion} cannot run Electron's installer, which require()s an ES module (Node 20.19+ or 22.12+ can)`,
      retry: 'install Node 22.12 or newer (or 20.19+), then run `npm start` again',
    };
  }
  const http = /HTTPError: Response code (\d+) \(([^)]*)\) for (\S+)/.exec(output);
  if (http) {
    const [, status, text, url] = http;
    return {
      cause: 'http-status',
      reason: `${hostOf(url)} answered ${status} ${text} for ${url}`,
      retry: status === '404' ? retry.notFound : retry.serverError,
    };
  }
  if (/did not match expected checksum|No checksum found in checksum file/.test(output)) {
    const file = /for "([^"]+)"/.exec(line)?.[1] ?? 'zip';
    return {
      cause: 'checksum',
      reason: /No checksum found/.test(output)
        ? `the mirror's SHASUMS256.txt has no checksum for ${file}`
        : `the downloaded ${file} does not match its SHA-256 checksum`,
      retry: retry.checksum,
    };
  }
  if (/No space left|ENOSPC/i.test(output)) {
    return { cause: 'disk-full', reason: 'the disk is full', retry: `free some disk space (the download goes to the temp folder, then the Electron cache and node_modules/electron), then ${AGAIN}` };
  }
  if (/Permission denied|EACCES|EPERM|EROFS/.test(output)) {
    const target = /'([^']+)'/.exec(line)?.[1];
    return {
      cause: 'permission',
      reason: target ? `no permission to write ${target}` : `no permission to write: ${line}`,
      retry: `${AGAIN} as the user who ran \`npm install\`, or fix the owner of node_modules/electron`,
    };
  }
  const archive = /^Error: (?:failed to (?:open|read) archive|failed to (?:create|write|flush)|refusing to) /.test(line);
  if (archive || /Cannot find native binding|extract-zip/.test(output)) {
    const zip = /archive '([^']+)'/.exec(line)?.[1];
    return {
      cause: 'extract',
      reason: `the Electron zip could not be unpacked (${line.replace(/^Error: (failed to (open|read) archive '[^']+': )?/, '')})`,
      retry: zip ? `delete ${zip} and ${AGAIN}` : `run \`force_no_cache=true npm start\` to download it again`,
    };
  }
  if (fetchError) {
    const host = hostOf(fetchError.url);
    const code = fetchError.code ?? '';
    if (DNS_CODES.has(code)) {
      return { cause: 'dns', reason: `could not look up ${host} (${code}: no network, or a DNS failure)`, retry: retry.unreachable };
    }
    if (code === 'ECONNREFUSED') {
      return { cause: 'refused', reason: `${host} refused the connection`, retry: retry.unreachable };
    }
    if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
      return {
        cause: 'tls',
        reason: `the HTTPS connection to ${host} failed (${code})`,
        retry: `check the clock and any proxy that intercepts HTTPS (NODE_EXTRA_CA_CERTS names its certificate), then ${AGAIN}`,
      };
    }
    const detail = code && !fetchError.message.includes(code) ? `${code}: ${fetchError.message}` : fetchError.message;
    return { cause: 'network', reason: `could not reach ${host} (${detail})`, retry: retry.unreachable };
  }
  if (/^TypeError: terminated/m.test(output)) {
    return { cause: 'cut-off', reason: 'the connection dropped during the download', retry: AGAIN };
  }
  if (/^TypeError: fetch failed/m.test(output)) {
    return { cause: 'network', reason: 'could not reach the download server (no network?)', retry: retry.unreachable };
  }
  if (outcome.signal) {
    return { cause: 'killed', reason: `the installer was ended by ${outcome.signal}`, retry: AGAIN };
  }
  if (outcome.code === 0) {
    return {
      cause: 'no-binary',
      reason: 'the installer finished but left no Electron binary',
      retry: 'delete node_modules/electron, run `npm install`, then `npm start`',
    };
  }
  return {
    cause: 'unknown',
    reason: `Electron's installer failed${line ? `: ${line}` : ` with code ${outcome.code}`}`,
    retry: `${AGAIN}; \`node node_modules/electron/install.js\` shows the whole error`,
  };
}

/** The one line `npm start` prints before serving the app in the browser instead. */
export function fallbackLine(version: string, failure: InstallFailure): string {
  return `Could not get Electron ${version}: ${failure.reason}. Serving the app in your browser instead. To retry: ${failure.retry}; \`npm start -- --browser\` skips Electron.`;
}
