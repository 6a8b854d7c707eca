// The small pure parts of `npm start`: choosing the browser host, exit codes, progress lines,
// and the fetch hook that tells us why a download failed.
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signalExitCode } from '../../../../../electron/hosts/desktop/launcher/child-signals.js';
import { describeElectronExit } from '../../../../../electron/hosts/desktop/launcher/electron-process.js';
import { INSTALLER_HOOK, readInstallerReport, zipDownload } from '../../../../../electron/hosts/desktop/launcher/installer-report.js';
import { chooseLaunch, envSwitch } from '../../../../../electron/hosts/desktop/launcher/launch-args.js';
import { formatBytes, installedLine, progressLine, startLine } from '../../../../../electron/hosts/desktop/launcher/progress.js';

describe('chooseLaunch', () => {
  it('takes --browser out and keeps every other argument in order', () => {
    expect(chooseLaunch(['a.txt', '--browser', '--store', 'ws', '--port', '8080'], {})).toEqual({
      browser: true,
      info: null,
      argv: ['a.txt', '--store', 'ws', '--port', '8080'],
    });
    expect(chooseLaunch(['a.txt', '--store', 'ws'], {})).toEqual({ browser: false, info: null, argv: ['a.txt', '--store', 'ws'] });
  });

  it('passes everything after `--` on as file names, even words spelt like its options', () => {
    const argv = ['--store', 'ws', '--', '--browser', '--help', '-h', '--version', '-v', '-notes.txt', '--'];
    expect(chooseLaunch(argv, {})).toEqual({ browser: false, info: null, argv });
    expect(chooseLaunch(['--browser', '--', '--browser'], {})).toEqual({ browser: true, info: null, argv: ['--', '--browser'] });
  });

  it.each([
    [['--help'], 'help'],
    [['a.txt', '-h'], 'help'],
    [['--browser', '--help'], 'help'],
    // Help wins over the version when both are asked for.
    [['-v', '--help'], 'help'],
    [['--version'], 'version'],
    [['-v', 'a.txt'], 'version'],
    [['--helper.txt', '-vh'], null],
  ] as const)('%j asks for %s', (argv, info) => {
    expect(chooseLaunch(argv, {}).info).toBe(info);
  });

  it('honours ANNOTATOR_BROWSER', () => {
    expect(chooseLaunch(['a.txt'], { ANNOTATOR_BROWSER: '1' })).toEqual({ browser: true, info: null, argv: ['a.txt'] });
    expect(chooseLaunch(['a.txt'], { ANNOTATOR_BROWSER: '0' }).browser).toBe(false);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['YES', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['', false],
    [undefined, false],
  ])('envSwitch(%j) is %s', (value, on) => {
    expect(envSwitch(value)).toBe(on);
  });
});

describe('describeElectronExit', () => {
  it('passes a clean exit through silently', () => {
    expect(describeElectronExit({ code: 0, signal: null, forwarded: null })).toEqual({ exitCode: 0, message: null });
  });

  it('names a crash by its signal and exits 128 + its number', () => {
    expect(describeElectronExit({ code: null, signal: 'SIGSEGV', forwarded: null })).toEqual({
      exitCode: 139,
      message: 'Electron was ended by SIGSEGV.',
    });
    expect(signalExitCode('SIGKILL')).toBe(137);
  });

  it('names a failing exit code and keeps it', () => {
    expect(describeElectronExit({ code: 3, signal: null, forwarded: null })).toEqual({ exitCode: 3, message: 'Electron exited with code 3.' });
  });

  it('does not call a stop the user asked for a crash', () => {
    expect(describeElectronExit({ code: null, signal: 'SIGTERM', forwarded: 'SIGTERM' })).toEqual({ exitCode: 143, message: null });
  });

  it('says when Electron could not be started at all', () => {
    expect(describeElectronExit({ code: null, signal: null, forwarded: null, error: 'spawn /x/electron EACCES' })).toEqual({
      exitCode: 1,
      message: 'Electron could not be started: spawn /x/electron EACCES.',
    });
  });
});

describe('progress lines', () => {
  it('counts bytes in kB below a megabyte and in MB above', () => {
    expect(formatBytes(0)).toBe('0 kB');
    expect(formatBytes(200_000)).toBe('200 kB');
    expect(formatBytes(105_234_567)).toBe('105.2 MB');
  });

  it('shows what has come of how much, and for how long', () => {
    expect(startLine('45.5.0')).toBe('Installing Electron 45.5.0 (first start only)…');
    expect(progressLine('45.5.0', { phase: 'downloading', transferred: 38_200_000, total: 105_000_000, elapsedMs: 12_400 })).toBe(
      'Downloading Electron 45.5.0: 38.2 MB of 105.0 MB, 12 s (first start only)',
    );
    expect(progressLine('45.5.0', { phase: 'downloading', transferred: 38_200_000, total: null, elapsedMs: 2_000 })).toBe(
      'Downloading Electron 45.5.0: 38.2 MB, 2 s (first start only)',
    );
    expect(progressLine('45.5.0', { phase: 'unpacking', transferred: 105_000_000, total: 105_000_000, elapsedMs: 30_000 })).toBe(
      'Unpacking Electron 45.5.0 (105.0 MB downloaded in 30 s)…',
    );
  });

  it('says whether the runtime was downloaded or came from the cache', () => {
    expect(installedLine('45.5.0', { size: 105_000_000 }, 31_000)).toBe('Electron 45.5.0 is installed (downloaded 105.0 MB in 31 s); opening the window.');
    expect(installedLine('45.5.0', null, 3_000)).toBe('Electron 45.5.0 is installed (from the download cache); opening the window.');
  });
});

describe('the installer hook', () => {
  const made: string[] = [];
  afterEach(async () => {
    for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
  });

  /** Runs `script` the way the launcher runs install.js: `node -e HOOK script`. */
  async function runHooked(script: string): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'installer-hook-'));
    made.push(dir);
    const file = path.join(dir, 'fake-install.cjs');
    await fs.writeFile(file, script);
    // Async, so this process's test server can answer while the child waits.
    const child = spawn(process.execPath, ['-e', INSTALLER_HOOK, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    return stderr;
  }

  it('reports each response and the cause the installer drops, and leaves the rest of stderr alone', async () => {
    const server = http.createServer((req, res) => res.writeHead(200, { 'content-length': 5 }).end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // A port nothing listens on, so the second fetch is refused.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    try {
      const stderr = await runHooked(`
        fetch('http://127.0.0.1:${port}/v1/electron.zip')
          .then((r) => r.text())
          .then(() => fetch('http://127.0.0.1:${closed}/x'))
          .catch((error) => console.error(error.message));
      `);
      const report = readInstallerReport(stderr);
      expect(report.events).toEqual([
        { event: 'response', url: `http://127.0.0.1:${port}/v1/electron.zip`, status: 200, size: 5 },
        { event: 'fetch-error', url: `http://127.0.0.1:${closed}/x`, code: 'ECONNREFUSED', message: `connect ECONNREFUSED 127.0.0.1:${closed}` },
      ]);
      expect(report.output.trim()).toBe('fetch failed');
      expect(zipDownload(report.events)).toEqual({ url: `http://127.0.0.1:${port}/v1/electron.zip`, size: 5 });
    } finally {
      server.close();
    }
  });

  it('runs the script given to it as a CommonJS module, with its own __dirname', async () => {
    const stderr = await runHooked('console.error(require("node:path").basename(__dirname).startsWith("installer-hook-"))');
    expect(stderr.trim()).toBe('true');
    expect(spawnSync(process.execPath, ['-e', INSTALLER_HOOK, '/no/such/install.js']).status).toBe(1);
  });

  it('does not count a 404 or the checksums as the zip download', () => {
    expect(
      zipDownload([
        { event: 'response', url: 'http://m/v1/electron-v1-linux-x64.zip', status: 404, size: null },
        { event: 'response', url: 'http://m/v1/SHASUMS256.txt', status: 200, size: 97 },
      ]),
    ).toBeNull();
  });
});
