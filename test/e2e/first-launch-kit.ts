// What the first-launch tests need: a throwaway copy of the built app whose node_modules/electron
// is a real copy (so its install.js unzips there, never into the repo's), a local Electron mirror
// serving a stand-in runtime, and `node dist/electron/start.js` run in the copy.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const REPO_MODULES = path.join(ROOT, 'node_modules');
export const ELECTRON_VERSION: string = JSON.parse(
  await fs.readFile(path.join(REPO_MODULES, 'electron', 'package.json'), 'utf8'),
).version;
/** The name @electron/get asks the mirror for on this machine. */
export const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;

const made: string[] = [];
const started: ChildProcess[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Stops every process these helpers started (by pid) and removes every folder they made. */
export async function cleanUp(): Promise<void> {
  await Promise.all(started.splice(0).map((child) => stop(child, 'SIGKILL')));
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
}

/** A copy of the built app, laid out like a fresh clone after `npm install` (no runtime yet). */
export async function appCopy(): Promise<string> {
  if (!existsSync(path.join(ROOT, 'dist/electron/start.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const app = await tempDir('first-launch-app-');
  await fs.copyFile(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  // Real copies: Node resolves a symlinked entry point to its real path, and then the electron
  // package would be found next to the repo's start.js instead of the copy's.
  await fs.mkdir(path.join(app, 'dist/electron'), { recursive: true });
  for (const name of await fs.readdir(path.join(ROOT, 'dist/electron'))) {
    await fs.copyFile(path.join(ROOT, 'dist/electron', name), path.join(app, 'dist/electron', name));
  }
  await fs.symlink(path.join(ROOT, 'dist/renderer'), path.join(app, 'dist/renderer'), 'dir');
  await fs.mkdir(path.join(app, 'node_modules'));
  const electron = path.join(REPO_MODULES, 'electron');
  await fs.cp(electron, path.join(app, 'node_modules/electron'), {
    recursive: true,
    dereference: true,
    // Only the package as npm installs it: never a runtime a developer unzipped into the repo.
    filter: (source) => ![path.join(electron, 'dist'), path.join(electron, 'path.txt')].includes(source),
  });
  for (const name of await fs.readdir(REPO_MODULES)) {
    if (name === 'electron') continue;
    await fs.symlink(path.join(REPO_MODULES, name), path.join(app, 'node_modules', name));
  }
  return app;
}

/**
 * Stands in for the Electron binary: writes how it was started to $STANDIN_RECEIPT, then does
 * what $STANDIN says (exit 3, die by a signal, or wait for SIGTERM/SIGINT and note which came).
 * 'trap' ends as Chromium's FATAL does, by SIGTRAP, after a line on the stderr it shares with npm start.
 */
const STAND_IN = `#!/bin/sh
{ echo "cwd=$(pwd)"; for arg in "$@"; do echo "arg=$arg"; done; } > "$STANDIN_RECEIPT"
case "$STANDIN" in
  code3) exit 3 ;;
  segv) kill -SEGV $$ ;;
  trap) echo "stand-in: started" >&2; kill -TRAP $$ ;;
  kill) kill -KILL $$ ;;
  wait)
    trap 'echo "got=TERM" >> "$STANDIN_RECEIPT"; exit 0' TERM
    trap 'echo "got=INT" >> "$STANDIN_RECEIPT"; exit 0' INT
    echo "ready" >> "$STANDIN_RECEIPT"
    # Ends with npm start, should a broken test leave it behind.
    while kill -0 $PPID 2>/dev/null; do sleep 0.1; done ;;
esac
exit 0
`;

/** An unzipped stand-in runtime in `dir`, as for ELECTRON_OVERRIDE_DIST_PATH. */
export async function writeStandIn(dir: string): Promise<void> {
  await fs.writeFile(path.join(dir, 'electron'), STAND_IN, { mode: 0o755 });
}

/** A zip shaped like Electron's: the executable (mode 755) and a version file; `padding` adds bytes. */
export async function standInZip(padding = 0): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('electron', STAND_IN, { unixPermissions: 0o755 });
  zip.file('version', `v${ELECTRON_VERSION}`, { unixPermissions: 0o644 });
  if (padding) zip.file('resources.pak', crypto.randomBytes(padding), { compression: 'STORE', unixPermissions: 0o644 });
  return zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
}

export interface Mirror {
  /** For ELECTRON_MIRROR. */
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface MirrorOptions {
  /** 'ok' serves the zip and a matching SHASUMS256.txt; '404' answers 404 to everything; 'bad-checksum' lists another sum. */
  mode?: 'ok' | '404' | 'bad-checksum';
  zip?: Buffer;
  /** Sends this many bytes of the zip, then waits for the promise before sending the rest. */
  holdAfter?: { bytes: number; until: Promise<unknown> };
}

export async function startMirror(options: MirrorOptions = {}): Promise<Mirror> {
  const zip = options.zip ?? (await standInZip());
  const sum = options.mode === 'bad-checksum' ? '0'.repeat(64) : crypto.createHash('sha256').update(zip).digest('hex');
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    if (options.mode === '404') return res.writeHead(404).end('Not Found');
    if (url === `/v${ELECTRON_VERSION}/${ZIP_NAME}`) {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
      const hold = options.holdAfter;
      if (!hold) return res.end(zip);
      res.write(zip.subarray(0, hold.bytes));
      void hold.until.then(() => res.end(zip.subarray(hold.bytes)));
      return;
    }
    if (url === `/v${ELECTRON_VERSION}/SHASUMS256.txt`) return res.writeHead(200).end(`${sum} *${ZIP_NAME}\n`);
    res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The environment `npm start` gets in these tests: the machine's, without any Electron download
 * setting of the developer's (so nothing reaches the real network), plus `extra`.
 */
export function launchEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(electron_|npm_config_electron|npm_package_config_electron|force_no_cache$|annotator_browser$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` in the copy, as npm runs it: `node dist/electron/start.js ARGS`. */
export function startApp(app: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [path.join(app, 'dist/electron/start.js'), ...args], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Waits until `check` passes on the output (or the process ends, or 30 s pass: then it fails). */
export async function waitForOutput(run: Started, check: RegExp): Promise<RegExpExecArray> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = check.exec(run.output());
    if (match) return match;
    if (ended || Date.now() > deadline) throw new Error(`expected ${check} in the output of npm start:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `check()` is true; fails after 30 s, saying what it waited for. */
export async function waitFor(check: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `file` holds a line matching `check`. */
export async function waitForFileLine(file: string, check: RegExp): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    if (check.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`expected ${check} in ${file}:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends `signal` to the process by its pid and waits for it to end. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(child.pid, signal);
  } catch {
    return;
  }
  await ended;
}

/** The stand-in's receipt: the folder it ran in and its arguments. */
export async function readReceipt(file: string): Promise<{ cwd: string; args: string[]; lines: string[] }> {
  const lines = (await fs.readFile(file, 'utf8')).trim().split('\n');
  return {
    cwd: lines.find((line) => line.startsWith('cwd='))!.slice(4),
    args: lines.filter((line) => line.startsWith('arg=')).map((line) => line.slice(4)),
    lines,
  };
}
