// The first `npm start` in a fresh clone: it installs Electron's runtime through the electron
// package's own installer (from a local mirror here), opens the app, and when that cannot work it
// serves the app in the browser and names the cause in one line. Runs the built start.js in a
// throwaway copy of the app; the "Electron" it installs is a shell script that records its argv.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ELECTRON_VERSION,
  ROOT,
  ZIP_NAME,
  appCopy,
  cleanUp,
  closedPort,
  launchEnv,
  readReceipt,
  standInZip,
  startApp,
  startMirror,
  stop,
  tempDir,
  waitFor,
  waitForFileLine,
  writeStandIn,
  waitForOutput,
  type Mirror,
} from './first-launch-kit';

const V = ELECTRON_VERSION.replaceAll('.', '\\.');
const RUNNING = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;
const FALLBACK = new RegExp(`^Could not get Electron ${V}: (.+)\\. Serving the app in your browser instead\\. To retry: (.+); \`npm start -- --browser\` skips Electron\\.$`, 'm');

const mirrors: Mirror[] = [];
afterEach(async () => {
  await Promise.all(mirrors.splice(0).map((mirror) => mirror.close()));
  await cleanUp();
});

async function mirror(options?: Parameters<typeof startMirror>[0]): Promise<Mirror> {
  const started = await startMirror(options);
  mirrors.push(started);
  return started;
}

/** A user's folder with a story, and the settings that point the installer at `mirrorUrl`. */
async function user(mirrorUrl: string, extra: Record<string, string> = {}) {
  const home = await tempDir('first-launch-user-');
  await fs.writeFile(path.join(home, 'story.txt'), 'The mayor said the bridge will open in May.');
  const cache = path.join(home, 'electron-cache');
  const receipt = path.join(home, 'receipt.txt');
  const env = launchEnv({
    ELECTRON_MIRROR: mirrorUrl,
    electron_config_cache: cache,
    // The package's checksums.json holds the real zip's sums; the stand-in's are on the mirror.
    electron_use_remote_checksums: '1',
    INIT_CWD: home,
    STANDIN_RECEIPT: receipt,
    ...extra,
  });
  return { home, cache, receipt, env };
}

/** Starts the app, expects the browser host, returns its output, and stops it by its pid. */
async function expectBrowserHost(app: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const run = startApp(app, args, env);
  await waitForOutput(run, RUNNING);
  await stop(run.child);
  return run.output();
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist/electron/start.js'))) throw new Error('run `npm run build` first');
});

describe.skipIf(process.platform === 'win32')('npm start on a fresh clone', () => {
  it('downloads Electron once, opens it with the app folder and the user’s arguments, and exits 0', async () => {
    const app = await appCopy();
    const server = await mirror();
    const { home, cache, receipt, env } = await user(server.url);

    const first = startApp(app, ['story.txt', '--store', 'workspace'], env);
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain(`Installing Electron ${ELECTRON_VERSION} (first start only)…\n`);
    expect(first.output()).toMatch(new RegExp(`^Electron ${V} is installed \\(downloaded \\d+ kB in \\d+ s\\); opening the window\\.$`, 'm'));
    expect(server.requests).toEqual([`/v${ELECTRON_VERSION}/${ZIP_NAME}`, `/v${ELECTRON_VERSION}/SHASUMS256.txt`]);

    // The runtime was unpacked into the copy's electron package, executable, and the zip cached.
    const binary = path.join(app, 'node_modules/electron/dist/electron');
    expect((await fs.stat(binary)).mode & 0o777).toBe(0o755);
    expect(await fs.readFile(path.join(app, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    const cached = await fs.readdir(cache, { recursive: true });
    expect(cached.filter((name) => name.endsWith(ZIP_NAME))).toHaveLength(1);

    // Electron ran in the user's folder with the app folder first, then their arguments as typed.
    const started = await readReceipt(receipt);
    expect(started.cwd).toBe(home);
    expect(started.args).toEqual([app + path.sep, 'story.txt', '--store', 'workspace']);

    // The second start finds the runtime: no request, no install line.
    await fs.rm(receipt);
    const second = startApp(app, ['story.txt'], env);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(server.requests).toHaveLength(2);
    expect(second.output()).not.toContain('Installing Electron');
    expect((await readReceipt(receipt)).args).toEqual([app + path.sep, 'story.txt']);
  });

  it('installs from the download cache without downloading the zip again', async () => {
    const server = await mirror();
    const { env } = await user(server.url);
    const once = startApp(await appCopy(), [], env);
    expect((await once.exited).code).toBe(0);

    // A second clone with the same cache folder: only the checksums are fetched (remote sums).
    server.requests.length = 0;
    const again = startApp(await appCopy(), [], env);
    expect((await again.exited).code).toBe(0);
    expect(server.requests).toEqual([`/v${ELECTRON_VERSION}/SHASUMS256.txt`]);
    expect(again.output()).toContain(`Electron ${ELECTRON_VERSION} is installed (from the download cache); opening the window.`);
  });

  it('installs from a cache folder filled by hand, with no network at all', async () => {
    // As the README says: <cache>/<SHA-256 of the download URL's folder>/<zip>. The mirror's port
    // is closed, so any request would fail the start.
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const { cache, receipt, env } = await user(url);
    delete env.electron_use_remote_checksums;
    const zip = await standInZip();
    const folder = crypto.createHash('sha256').update(`${url}v${ELECTRON_VERSION}`).digest('hex');
    await fs.mkdir(path.join(cache, folder), { recursive: true });
    await fs.writeFile(path.join(cache, folder, ZIP_NAME), zip);
    // The copy's checksums.json vouches for the stand-in, as the real one does for Electron's zip.
    const app = await appCopy();
    const sums = { [ZIP_NAME]: crypto.createHash('sha256').update(zip).digest('hex') };
    await fs.writeFile(path.join(app, 'node_modules/electron/checksums.json'), JSON.stringify(sums));

    const run = startApp(app, [], env);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toContain(`Electron ${ELECTRON_VERSION} is installed (from the download cache); opening the window.`);
    expect((await readReceipt(receipt)).args).toEqual([app + path.sep]);
  });

  it('runs an unzipped runtime named by ELECTRON_OVERRIDE_DIST_PATH without downloading', async () => {
    const server = await mirror();
    const runtime = await tempDir('first-launch-runtime-');
    await writeStandIn(runtime);
    const { receipt, env } = await user(server.url, { ELECTRON_OVERRIDE_DIST_PATH: runtime });
    const app = await appCopy();
    const run = startApp(app, ['story.txt'], env);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(server.requests).toEqual([]);
    expect((await readReceipt(receipt)).args).toEqual([app + path.sep, 'story.txt']);
  });

  it('says so, without downloading, when ELECTRON_OVERRIDE_DIST_PATH has no runtime', async () => {
    const server = await mirror();
    const empty = await tempDir('first-launch-runtime-');
    const output = await expectBrowserHost(await appCopy(), [], (await user(server.url, { ELECTRON_OVERRIDE_DIST_PATH: empty })).env);
    expect(output).toContain(`ELECTRON_OVERRIDE_DIST_PATH=${empty} has no Electron binary, so the app is served in your browser instead.`);
    expect(server.requests).toEqual([]);
  });

  it('falls back to the browser host when the mirror answers 404, naming the 404 and how to retry', async () => {
    const server = await mirror({ mode: '404' });
    const { home, env } = await user(server.url);
    const output = await expectBrowserHost(await appCopy(), ['story.txt', '--store', 'workspace'], env);

    const host = new URL(server.url).host;
    const [, reason, retry] = FALLBACK.exec(output)!;
    expect(reason).toBe(`${host} answered 404 Not Found for ${server.url}v${ELECTRON_VERSION}/${ZIP_NAME}`);
    expect(retry).toBe(`check that the mirror at ${server.url} has that file (ELECTRON_CUSTOM_DIR changes its folder), then run \`npm start\` again`);
    expect(output.match(/Could not get Electron/g)).toHaveLength(1);
    // The user's --store and file reached the browser host, resolved against their folder.
    expect(output).toContain(`Workspace: ${path.join(home, 'workspace')}.`);
    expect(output).not.toContain('Not opened');
  });

  it('names a checksum mismatch', async () => {
    const server = await mirror({ mode: 'bad-checksum' });
    const output = await expectBrowserHost(await appCopy(), [], (await user(server.url)).env);
    expect(FALLBACK.exec(output)?.[1]).toBe(`the downloaded ${ZIP_NAME} does not match its SHA-256 checksum`);
  });

  it('names a refused connection (no mirror listening)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const output = await expectBrowserHost(await appCopy(), [], (await user(url)).env);
    expect(FALLBACK.exec(output)?.[1]).toBe(`${new URL(url).host} refused the connection`);
    // Not "when online": the mirror the user named is what is down.
    expect(FALLBACK.exec(output)?.[2]).toBe(`check that the mirror at ${url} is running and reachable, then run \`npm start\` again`);
  });

  // Node < 20.19 and 22.0–22.11 cannot require() an ES module; this flag makes this Node behave so.
  it.skipIf(!process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module'))(
    'names a Node too old for the installer',
    async () => {
      const server = await mirror();
      const { env } = await user(server.url, { NODE_OPTIONS: '--no-experimental-require-module' });
      const output = await expectBrowserHost(await appCopy(), [], env);
      expect(FALLBACK.exec(output)?.[1]).toBe(
        `Node ${process.version} cannot run Electron's installer, which require()s an ES module (Node 20.19+ or 22.12+ can)`,
      );
      expect(server.requests).toEqual([]);
    },
  );

  it('stops when the download is interrupted (Ctrl+C), without falling back to the browser', async () => {
    // The mirror sends part of the zip and never the rest.
    const server = await mirror({ zip: await standInZip(600_000), holdAfter: { bytes: 200_000, until: new Promise(() => {}) } });
    const run = startApp(await appCopy(), [], (await user(server.url)).env);
    await waitForOutput(run, /Installing Electron/);
    await waitFor(
      () => server.requests.some((request) => request.endsWith(ZIP_NAME)),
      () => `the zip request, mirror saw ${JSON.stringify(server.requests)}`,
    );
    await stop(run.child, 'SIGINT');
    expect(await run.exited).toEqual({ code: 130, signal: null });
    expect(run.output()).toContain(`Stopped installing Electron ${ELECTRON_VERSION}.\n`);
    expect(run.output()).not.toMatch(/running at|Could not get Electron/);
  });

  const SCRIPT = '/usr/bin/script';
  it.skipIf(!existsSync(SCRIPT))('shows the download’s progress on a terminal', async () => {
    let release!: () => void;
    const until = new Promise<void>((resolve) => (release = resolve));
    // The mirror sends the first 200 kB, then holds the rest until the progress line has shown.
    const server = await mirror({ zip: await standInZip(600_000), holdAfter: { bytes: 200_000, until } });
    const { env } = await user(server.url);
    const app = await appCopy();
    // script(1) gives start.js a pseudo-terminal, so stdout.isTTY is true as in a real shell.
    const command = `'${process.execPath}' '${path.join(app, 'dist/electron/start.js')}'`;
    const child = spawn(SCRIPT, ['-q', '-e', '-c', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The first update may come before any byte is written; wait for one with bytes in it.
      const line = new RegExp(`Downloading Electron ${V}: ([1-9]\\d*) kB of (\\d+) kB, \\d+ s \\(first start only\\)`);
      await waitFor(() => line.test(output), () => `a progress line in ${JSON.stringify(output)}`);
      const [, done, total] = line.exec(output)!;
      expect(Number(done)).toBeLessThan(Number(total));
      release();
      expect(await exited).toBe(0);
      // Each update rewrites the same line.
      expect(output).toContain(`\r\x1b[KDownloading Electron ${ELECTRON_VERSION}: `);
      expect(output).toMatch(new RegExp(`Electron ${V} is installed \\(downloaded \\d+ kB in \\d+ s\\)`));
    } finally {
      release();
      if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
    }
  });
});

describe.skipIf(process.platform === 'win32')('npm start when Electron ends', () => {
  /** A copy whose first start installed the stand-in, and the settings for the next start. */
  async function installed(extra: Record<string, string>) {
    const app = await appCopy();
    const server = await mirror();
    const settings = await user(server.url, extra);
    const first = startApp(app, [], { ...settings.env, STANDIN: '' });
    expect((await first.exited).code).toBe(0);
    return { app, ...settings };
  }

  it.each([
    ['segv', 'SIGSEGV', 139],
    ['kill', 'SIGKILL', 137],
  ])('exits non-zero and says so when Electron is ended by a signal (%s)', async (standIn, signal, exitCode) => {
    const { app, env } = await installed({ STANDIN: standIn });
    const run = startApp(app, [], env);
    expect(await run.exited).toEqual({ code: exitCode, signal: null });
    expect(run.output()).toContain(`Electron was ended by ${signal}.\n`);
  });

  // Ubuntu 23.10+ (electron/electron#42510). /proc cannot be written, so the sysctl is a file named
  // by the test-only ANNOTATOR_TEST_USERNS_SYSCTL; chrome-sandbox is the user's, as npm unzips it.
  async function restricted(sysctl: string, standIn: string) {
    const sysctlFile = path.join(await tempDir('first-launch-sysctl-'), 'apparmor_restrict_unprivileged_userns');
    await fs.writeFile(sysctlFile, sysctl);
    const settings = await installed({ STANDIN: standIn, ANNOTATOR_TEST_USERNS_SYSCTL: sysctlFile });
    const sandbox = path.join(settings.app, 'node_modules/electron/dist/chrome-sandbox');
    await fs.writeFile(sandbox, '', { mode: 0o755 });
    return { ...settings, sandbox };
  }

  it.skipIf(process.platform !== 'linux')(
    'says how to fix the sandbox before starting Electron where AppArmor restricts user namespaces, and again when it aborts',
    async () => {
      const { app, env, sandbox } = await restricted('1\n', 'trap');
      const run = startApp(app, [], env);
      expect(await run.exited).toEqual({ code: 133, signal: null });
      const hint =
        `This system restricts unprivileged user namespaces (AppArmor, as on Ubuntu 23.10+) and ${sandbox} is not owned by root with mode 4755, ` +
        `so Electron's sandbox cannot start and Electron will abort. To fix: \`sudo chown root:root ${sandbox} && sudo chmod 4755 ${sandbox}\`, ` +
        'or run `npm start -- --browser`.';
      // One stderr, in order: the hint, Electron starting and aborting, what ended it, the hint again.
      expect(run.output()).toBe(`${hint}\nstand-in: started\nElectron was ended by SIGTRAP.\n${hint}\n`);
    },
  );

  it.skipIf(process.platform !== 'linux')('shows the hint once when Electron then starts fine (an AppArmor profile may allow it)', async () => {
    const { app, receipt, env } = await restricted('1\n', '');
    const run = startApp(app, ['story.txt'], env);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output().match(/restricts unprivileged user namespaces/g)).toHaveLength(1);
    expect((await readReceipt(receipt)).args).toEqual([app + path.sep, 'story.txt']);
  });

  it.skipIf(process.platform !== 'linux')('says nothing about the sandbox where user namespaces are not restricted', async () => {
    const { app, env } = await restricted('0\n', 'trap');
    const run = startApp(app, [], env);
    expect(await run.exited).toEqual({ code: 133, signal: null });
    expect(run.output()).toBe('stand-in: started\nElectron was ended by SIGTRAP.\n');
  });

  it('exits with Electron’s code when it fails', async () => {
    const { app, env } = await installed({ STANDIN: 'code3' });
    const run = startApp(app, [], env);
    expect(await run.exited).toEqual({ code: 3, signal: null });
    expect(run.output()).toContain('Electron exited with code 3.\n');
  });

  it('hands every word after `--` to Electron as a file name, --help and -v included', async () => {
    const { app, receipt, env } = await installed({ STANDIN: '' });
    const run = startApp(app, ['--store', 'workspace', '--', '--help', '-v', '--browser'], env);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).not.toContain('Usage:');
    expect((await readReceipt(receipt)).args).toEqual([app + path.sep, '--store', 'workspace', '--', '--help', '-v', '--browser']);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('passes %s on to Electron', async (signal) => {
    const { app, receipt, env } = await installed({ STANDIN: 'wait' });
    const run = startApp(app, [], env);
    await waitForFileLine(receipt, /^ready$/m);
    await stop(run.child, signal);
    // The stand-in caught it and quit cleanly, so npm start did too, with nothing to report.
    expect(await waitForFileLine(receipt, /^got=/m)).toContain(`got=${signal.slice(3)}`);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).not.toContain('Electron was ended');
  });
});

describe('npm start -- --help and --version', () => {
  it.each([
    ['--help', {}],
    ['-h', {}],
    ['-h', { ANNOTATOR_BROWSER: '1' }],
  ])('%s (%j) prints npm start’s usage and exits 0, before any download', async (flag, extra) => {
    const server = await mirror();
    const app = await appCopy();
    const run = startApp(app, ['story.txt', flag], (await user(server.url, extra)).env);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const output = run.output();
    expect(output).toMatch(/^Usage: npm start -- \[--browser\] \[--store DIR\] \[--port N\] \[FILE\.\.\.\]\n/);
    expect(output).toContain('Opens Newsroom Annotator in its desktop window. The first start downloads the Electron runtime');
    expect(output).toMatch(/^ {2}--browser {6}serve the app in your browser, on 127\.0\.0\.1, and never download Electron$/m);
    expect(output).toMatch(/^ {2}--store DIR {4}workspace folder \(default: .+\)$/m);
    expect(output).toMatch(/^ {2}--port N {7}browser host only: /m);
    expect(output).toMatch(/^ {2}FILE\.\.\. {8}documents to open \(\.txt, /m);
    for (const name of ['ANNOTATOR_BROWSER=1', 'ELECTRON_MIRROR=URL', 'electron_config_cache=DIR', 'ELECTRON_OVERRIDE_DIST_PATH=DIR']) {
      expect(output).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    }
    // Neither the download nor the browser host started.
    expect(server.requests).toEqual([]);
    expect(output).not.toMatch(/Installing Electron|running at|Usage: npm run serve/);
    expect(existsSync(path.join(app, 'node_modules/electron/dist'))).toBe(false);
  });

  it.each(['--version', '-v'])('%s prints the app’s version from package.json and exits 0, before any download', async (flag) => {
    const server = await mirror();
    const { productName, version } = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8'));
    const run = startApp(await appCopy(), [flag], (await user(server.url)).env);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toBe(`${productName} ${version}\n`);
    expect(server.requests).toEqual([]);
  });
});

describe('npm start -- --browser', () => {
  it.each([
    ['--browser', ['--browser', 'story.txt', '--store', 'workspace'], {}],
    ['ANNOTATOR_BROWSER=1', ['story.txt', '--store', 'workspace'], { ANNOTATOR_BROWSER: '1' }],
  ])('%s serves the app in the browser without asking any mirror', async (_name, args, extra) => {
    const server = await mirror();
    const { home, env } = await user(server.url, extra);
    const app = await appCopy();
    const output = await expectBrowserHost(app, args, env);
    expect(server.requests).toEqual([]);
    expect(output).not.toMatch(/Installing Electron|Could not get Electron/);
    expect(output).toContain(`Workspace: ${path.join(home, 'workspace')}.`);
    expect(output).not.toContain('Not opened');
    expect(existsSync(path.join(app, 'node_modules/electron/dist'))).toBe(false);
  });
});
