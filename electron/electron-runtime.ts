// Whether the Electron runtime was downloaded: offline installs skip it. We look for the binary
// ourselves, because requiring the electron package tries to download it when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function findElectronBinary(requireFrom: string = import.meta.url, env: NodeJS.ProcessEnv = process.env): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(requireFrom).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : executable
      ? path.join(packageDir, 'dist', executable)
      : null;
  return binary && existsSync(binary) ? binary : null;
}
