// Runs electron-builder offline (offline-build.cjs) for the Linux deb + AppImage and the Windows
// NSIS targets, against a placeholder Electron, and returns what each computed.
//
// Real installers need the Electron zip and AppImage/fpm/NSIS tools from the network, so the
// builds use a local placeholder "Electron distribution" and route any HTTP(S) through a dead
// proxy: if electron-builder ever tries to download something, the build fails fast instead of
// hanging. Needs dist/ (runs `npm run build` when dist/electron/main.js is missing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readJson, root, type PackageJson } from './project.js';

const RUNNER = path.join(root, 'test', 'packaging', 'offline-build.cjs');

export interface BuildReport {
  appOutDir: string;
  executableName?: string;
  fileAssociations: Array<{ ext: string | string[] }>;
  deb?: { fpmArgs: string[]; desktopEntry: string | null; afterInstall: string | null; afterRemove: string | null; appArmorProfile: string | null };
  appImage?: { desktopEntry: string; desktopFileName: string };
  nsisInclude?: string | null;
  nsisGeneratedScript?: string;
}

export interface OfflineBuilds {
  linux: BuildReport;
  windows: BuildReport;
  /** Wall-clock time of both builds. */
  buildSeconds: number;
}

/** The `Key=value` lines of a desktop entry's [Desktop Entry] group. */
export function desktopKeys(entry: string): Record<string, string> {
  const group = entry.split(/^\[/m).find((g) => g.startsWith('Desktop Entry]')) ?? '';
  return Object.fromEntries(group.split('\n').slice(1).filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/** Builds into `tmp` (output, placeholder Electron, electron-builder's cache and the reports). */
export function runOfflineBuilds(tmp: string): OfflineBuilds {
  if (!fs.existsSync(path.join(root, 'dist', 'electron', 'main.js'))) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const built = spawnSync(npm, ['run', 'build'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      shell: process.platform === 'win32',
    });
    if (built.status !== 0) {
      throw new Error(`npm run build failed (status ${built.status}):\n${built.stdout}\n${built.stderr}`);
    }
  }

  const outDir = path.join(tmp, 'out');
  const electronVersion = readJson<PackageJson>(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  if (!/^\d+\.\d+\.\d+/.test(electronVersion ?? '')) throw new Error(`node_modules/electron has no version (${electronVersion})`);

  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // builder-util changes behaviour under vitest (silences logs, uses hard links).
    if (!key.startsWith('VITEST')) env[key] = value;
  }
  Object.assign(env, {
    CSC_IDENTITY_AUTO_DISCOVERY: 'false', // no code-signing identity lookup
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_BUILDER_CACHE: path.join(tmp, 'cache'),
    USE_HARD_LINKS: 'false',
    HTTP_PROXY: 'http://127.0.0.1:9', // any download attempt fails at once
    HTTPS_PROXY: 'http://127.0.0.1:9',
    http_proxy: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
    NO_PROXY: '',
    no_proxy: '',
  });

  let buildSeconds = 0;
  const runBuild = (platform: 'linux' | 'win'): BuildReport => {
    const reportFile = path.join(tmp, `report-${platform}.json`);
    const started = Date.now();
    const run = spawnSync(process.execPath, [RUNNER, platform, path.join(outDir, platform), reportFile, electronVersion ?? ''], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 180_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    buildSeconds += (Date.now() - started) / 1000;
    if (run.status !== 0) {
      throw new Error(`electron-builder (${platform}) failed (status ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}\n${run.error ?? ''}`);
    }
    return readJson<BuildReport>(reportFile);
  };
  const linux = runBuild('linux');
  const windows = runBuild('win');
  return { linux, windows, buildSeconds };
}
