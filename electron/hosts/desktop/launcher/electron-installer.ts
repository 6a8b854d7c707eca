// Runs the electron package's own installer (install.js → @electron/get), so every setting it
// reads from the environment (ELECTRON_MIRROR, electron_config_cache, force_no_cache, ...) applies.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forwardSignals } from './child-signals.js';
import { INSTALLER_HOOK, readInstallerReport, zipDownload } from './installer-report.js';

export interface InstallerProgress {
  /** 'unpacking' once the zip is complete and has moved to the cache. */
  phase: 'downloading' | 'unpacking';
  transferred: number;
  total: number | null;
  elapsedMs: number;
}

export interface InstallerResult {
  /** What it printed (stdout and stderr), our tagged fetch reports included. */
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when we passed on SIGINT/SIGTERM from the user: they stopped it, it did not fail. */
  stoppedBy: NodeJS.Signals | null;
  download: { url: string; size: number | null } | null;
  elapsedMs: number;
}

const POLL_MS = 250;

export async function runElectronInstaller(options: {
  installScript: string;
  env: NodeJS.ProcessEnv;
  onProgress?: (progress: InstallerProgress) => void;
}): Promise<InstallerResult> {
  const started = Date.now();
  // @electron/get downloads into os.tmpdir() before moving the zip to its cache. Giving it a
  // folder of its own (inside the user's temp dir) lets us watch the zip grow for the progress line.
  const tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-electron-'));
  const child = spawn(process.execPath, ['-e', INSTALLER_HOOK, options.installScript], {
    env: { ...options.env, TMPDIR: tempDir, TMP: tempDir, TEMP: tempDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const signals = forwardSignals(child);
  // install.js prints nothing on stdout; whatever comes is kept with stderr for the diagnosis.
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  let polling = false;
  let finished = false;
  let seen = 0;
  const poll = options.onProgress
    ? setInterval(() => {
        if (polling) return;
        polling = true;
        void downloadedBytes(tempDir)
          .then((bytes) => {
            const download = zipDownload(readInstallerReport(stderr).events);
            // A poll still under way when the installer ends must not redraw the cleared line.
            if (!download || finished) return;
            // The zip leaves the temp folder when it is complete, for the cache, and is then unpacked.
            const phase = bytes === 0 && seen > 0 ? 'unpacking' : 'downloading';
            seen = Math.max(seen, bytes);
            options.onProgress!({ phase, transferred: seen, total: download.size, elapsedMs: Date.now() - started });
          })
          .finally(() => (polling = false));
      }, POLL_MS)
    : undefined;

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (error) => {
      stderr += `${error.message}\n`;
      resolve({ code: null, signal: null });
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  finished = true;
  if (poll) clearInterval(poll);
  signals.stop();
  await fs.rm(tempDir, { recursive: true, force: true });
  return {
    stderr,
    code,
    signal,
    stoppedBy: signals.forwarded(),
    download: zipDownload(readInstallerReport(stderr).events),
    elapsedMs: Date.now() - started,
  };
}

/** Size of the zip being written under @electron/get's temp folder (0 before it starts). */
async function downloadedBytes(tempDir: string): Promise<number> {
  let largest = 0;
  try {
    for (const sub of await fs.readdir(tempDir)) {
      for (const name of await fs.readdir(path.join(tempDir, sub)).catch(() => [] as string[])) {
        if (!name.endsWith('.zip')) continue;
        const stat = await fs.stat(path.join(tempDir, sub, name)).catch(() => null);
        if (stat && stat.size > largest) largest = stat.size;
      }
    }
  } catch {
    // The folder is removed as the installer finishes.
  }
  return largest;
}
