// Where the electron package and its runtime are. We look for the binary ourselves, because
// requiring the electron package downloads the runtime as a side effect when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronPackage {
  dir: string;
  version: string;
  /** The package's own installer: downloads the runtime through @electron/get and unzips it into dir/dist. */
  installScript: string;
}

export function findElectronPackage(requireFrom: string = import.meta.url): ElectronPackage | null {
  let manifest: string;
  try {
    manifest = createRequire(requireFrom).resolve('electron/package.json');
  } catch {
    return null;
  }
  const dir = path.dirname(manifest);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir, version, installScript: path.join(dir, 'install.js') };
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
