// Each cause `npm start` names when Electron's installer fails. The fixtures are what the installer
// really printed (through our fetch hook) in runs against a local mirror made to fail that way:
// answering 404/500, serving wrong checksums or a file that is not a zip, dropping the connection,
// a refused port, an unknown host, a full tmpfs, an unwritable package folder (run as nobody),
// a SIGKILL, and Node 20.18.3 / 22.11.0 (real binaries) and 20.20 with --no-experimental-require-module.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyInstallFailure, electronMirror, fallbackLine, type InstallerOutcome } from '../../../../../electron/hosts/desktop/launcher/install-failure.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/electron-install');
const MIRROR = 'http://127.0.0.1:8765/';
/** A captured run, with the mirror setting it had (the local mirror, unless it fetched from GitHub). */
const captured = (name: string, mirror: string | null = MIRROR): InstallerOutcome => ({
  ...JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')),
  mirror,
});
const zip = 'http://127.0.0.1:8765/v45.5.0/electron-v45.5.0-linux-x64.zip';
const online = 'run `npm start` again when online, or set ELECTRON_MIRROR to a mirror you can reach';
const mirrorUp = (mirror: string) => `check that the mirror at ${mirror} is running and reachable, then run \`npm start\` again`;
const notFound = `check that the mirror at ${MIRROR} has that file (ELECTRON_CUSTOM_DIR changes its folder), then run \`npm start\` again`;
const mirrorSums = `run \`npm start\` again; if it fails again, check that the mirror at ${MIRROR} serves Electron's own release files`;

describe('classifyInstallFailure on real installer output', () => {
  it.each([
    ['http-404', MIRROR, 'http-status', `127.0.0.1:8765 answered 404 Not Found for ${zip}`, notFound],
    ['http-500', MIRROR, 'http-status', `127.0.0.1:8765 answered 500 Internal Server Error for ${zip}`, 'run `npm start` again later, or set ELECTRON_MIRROR to another mirror'],
    ['sums-404', MIRROR, 'http-status', '127.0.0.1:8765 answered 404 Not Found for http://127.0.0.1:8765/v45.5.0/SHASUMS256.txt', notFound],
    [
      'dns',
      'http://no-such-host.invalid/',
      'dns',
      'could not look up no-such-host.invalid (ENOTFOUND: no network, or a DNS failure)',
      mirrorUp('http://no-such-host.invalid/'),
    ],
    ['offline-default', null, 'dns', 'could not look up github.com (ENOTFOUND: no network, or a DNS failure)', online],
    ['refused', 'http://127.0.0.1:34847/', 'refused', '127.0.0.1:34847 refused the connection', mirrorUp('http://127.0.0.1:34847/')],
    ['bad-port', 'http://127.0.0.1:1/', 'network', 'could not reach 127.0.0.1:1 (bad port)', mirrorUp('http://127.0.0.1:1/')],
    ['cut-off', MIRROR, 'cut-off', 'the connection dropped during the download', 'run `npm start` again'],
    ['checksum-remote', MIRROR, 'checksum', 'the downloaded electron-v45.5.0-linux-x64.zip does not match its SHA-256 checksum', mirrorSums],
    ['checksum-package', MIRROR, 'checksum', 'the downloaded electron-v45.5.0-linux-x64.zip does not match its SHA-256 checksum', mirrorSums],
    ['checksum-no-entry', MIRROR, 'checksum', "the mirror's SHASUMS256.txt has no checksum for electron-v45.5.0-linux-x64.zip", mirrorSums],
    [
      'extract-not-a-zip',
      MIRROR,
      'extract',
      'the Electron zip could not be unpacked (invalid Zip archive: Could not find EOCD)',
      'delete /tmp/exp/cache/1a6a0793d14e963fef4cdaff8d7f3772b14c8e6f272ceac5851203b436034bb0/electron-v45.5.0-linux-x64.zip and run `npm start` again',
    ],
    [
      'disk-full',
      MIRROR,
      'disk-full',
      'the disk is full',
      'free some disk space (the download goes to the temp folder, then the Electron cache and node_modules/electron), then run `npm start` again',
    ],
    [
      'permission',
      MIRROR,
      'permission',
      'no permission to write /tmp/exp/app/node_modules/electron/dist',
      'run `npm start` again as the user who ran `npm install`, or fix the owner of node_modules/electron',
    ],
    ['killed', MIRROR, 'killed', 'the installer was ended by SIGKILL', 'run `npm start` again'],
    // Exit 0 yet no binary where the package says (e.g. removed in between): not a silent success.
    ['success', MIRROR, 'no-binary', 'the installer finished but left no Electron binary', 'delete node_modules/electron, run `npm install`, then `npm start`'],
  ])('%s (mirror %s) → %s', (name, mirror, cause, reason, retry) => {
    expect(classifyInstallFailure(captured(name, mirror))).toEqual({ cause, reason, retry });
  });

  // Without a mirror the download went to GitHub, so "the mirror" means nothing: the advice is to
  // retry when online or to set one. (Same captured output; only the setting differs.)
  it.each([
    ['refused', online],
    ['bad-port', online],
    ['dns', online],
    ['http-404', 'set ELECTRON_MIRROR to a mirror that has that file, then run `npm start` again'],
    ['http-500', 'run `npm start` again later, or set ELECTRON_MIRROR to a mirror you can reach'],
    ['checksum-remote', 'run `npm start` again; if it fails again, something on the way (a proxy?) is changing the download'],
  ])('%s with no mirror set → %s', (name, retry) => {
    const failure = classifyInstallFailure(captured(name, null));
    expect(failure.retry).toBe(retry);
    expect(failure.retry).not.toContain('the mirror');
  });

  it.each(['node-20.18.3', 'node-22.11.0', 'node-no-require-module'])('%s → unsupported Node, naming its version', (name) => {
    const outcome = captured(name);
    expect(classifyInstallFailure(outcome)).toEqual({
      cause: 'unsupported-node',
      reason: `Node ${outcome.nodeVersion} cannot run Electron's installer, which require()s an ES module (Node 20.19+ or 22.12+ can)`,
      retry: 'install Node 22.12 or newer (or 20.19+), then run `npm start` again',
    });
  });

  it('quotes the error line of a failure it does not know', () => {
    const failure = classifyInstallFailure({
      stderr: 'Error: Electron builds are not available on platform: aix\n    at getPlatformPath (/x/install.js:120:13)\n',
      code: 1,
      signal: null,
      nodeVersion: 'v22.12.0',
      mirror: null,
    });
    expect(failure).toEqual({
      cause: 'unknown',
      reason: "Electron's installer failed: Error: Electron builds are not available on platform: aix",
      retry: 'run `npm start` again; `node node_modules/electron/install.js` shows the whole error',
    });
  });
});

describe('fallbackLine', () => {
  it('is one line: version, cause, the browser fallback, how to retry, and --browser', () => {
    const line = fallbackLine('45.5.0', classifyInstallFailure(captured('refused', 'http://127.0.0.1:34847/')));
    expect(line).toBe(
      'Could not get Electron 45.5.0: 127.0.0.1:34847 refused the connection. Serving the app in your browser instead. ' +
        'To retry: check that the mirror at http://127.0.0.1:34847/ is running and reachable, then run `npm start` again; ' +
        '`npm start -- --browser` skips Electron.',
    );
    expect(line).not.toContain('\n');
  });
});

describe('electronMirror', () => {
  it('reads the setting @electron/get reads, .npmrc first, and null when there is none', () => {
    expect(electronMirror({})).toBeNull();
    expect(electronMirror({ ELECTRON_MIRROR: '' })).toBeNull();
    expect(electronMirror({ ELECTRON_MIRROR: 'https://env.example/' })).toBe('https://env.example/');
    expect(electronMirror({ ELECTRON_MIRROR: 'https://env.example/', npm_package_config_electron_mirror: 'https://pkg.example/' })).toBe(
      'https://pkg.example/',
    );
    expect(electronMirror({ ELECTRON_MIRROR: 'https://env.example/', npm_config_electron_mirror: 'https://npmrc.example/' })).toBe(
      'https://npmrc.example/',
    );
  });
});
