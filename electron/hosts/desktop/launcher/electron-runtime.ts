// Where the electron package and its runtime are. We look for the binary ourselves, because
// requiring the electron package downloads the runtime as a side effect when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ElectronPackage {
  dir: string;
  version: string;
  /** The package's own installer: downloads the runtime through @electron/get and unzips it into dir/dist. */
  installScript: string;
}

/**
 * The electron package this program was installed with: looked for in node_modules from the start
 * script's folder up to its project root (the nearest folder with a package.json). Not through
 * NODE_PATH or folders above the project, where another program's Electron may sit.
 */
export function findElectronPackage(requireFrom: string = import.meta.url): ElectronPackage | null {
  let dir = path.dirname(requireFrom.startsWith('file:') ? fileURLToPath(requireFrom) : requireFrom);
  for (;;) {
    const manifest = path.join(dir, 'node_modules', 'electron', 'package.json');
    if (existsSync(manifest)) return readPackage(manifest);
    const parent = path.dirname(dir);
    if (existsSync(path.join(dir, 'package.json')) || parent === dir) return null;
    dir = parent;
  }
}

function readPackage(manifest: string): ElectronPackage | null {
  try {
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
    if (typeof version !== 'string') return null;
    const dir = path.dirname(manifest);
    return { dir, version, installScript: path.join(dir, 'install.js') };
  } catch {
    return null;
  }
}

/** The executable inside an unzipped runtime, as install.js names it in path.txt. */
export function electronExecutable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

export function findElectronBinary(
  requireFrom: string = import.meta.url,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const pkg = findElectronPackage(requireFrom);
  if (!pkg) return null;
  const pathFile = path.join(pkg.dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  // An unzipped runtime named by ELECTRON_OVERRIDE_DIST_PATH needs no path.txt.
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || electronExecutable(platform))
    : executable
      ? path.join(pkg.dir, 'dist', executable)
      : null;
  return binary && existsSync(binary) ? binary : null;
}
