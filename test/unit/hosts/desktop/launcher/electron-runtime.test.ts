import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { electronExecutable, findElectronBinary, findElectronPackage } from '../../../../../electron/hosts/desktop/launcher/electron-runtime.js';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** A project folder with an electron package, as npm leaves it with or without the download. */
async function project(options: { pathTxt?: string; binary?: boolean }): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'electron-runtime-'));
  made.push(root);
  const pkg = path.join(root, 'node_modules', 'electron');
  await fs.mkdir(path.join(pkg, 'dist'), { recursive: true });
  await fs.writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  // The real index.js downloads when required; ours must never be required.
  await fs.writeFile(path.join(pkg, 'index.js'), 'throw new Error("required electron/index.js");');
  if (options.pathTxt !== undefined) await fs.writeFile(path.join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary) await fs.writeFile(path.join(pkg, 'dist', options.pathTxt ?? 'electron'), '');
  return root;
}

const from = (root: string) => pathToFileURL(path.join(root, 'start.js')).href;

describe('findElectronBinary', () => {
  it('finds the downloaded runtime without requiring the package', async () => {
    const root = await project({ pathTxt: 'electron', binary: true });
    expect(findElectronBinary(from(root), {})).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('answers null when the download never happened (offline install)', async () => {
    expect(findElectronBinary(from(await project({})), {})).toBeNull();
    expect(findElectronBinary(from(await project({ pathTxt: 'electron' })), {})).toBeNull();
  });

  it('answers null when the electron package is not installed at all', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'electron-runtime-'));
    made.push(root);
    expect(findElectronBinary(from(root), {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const root = await project({ pathTxt: 'electron' });
    const dist = await fs.mkdtemp(path.join(os.tmpdir(), 'electron-dist-'));
    made.push(dist);
    await fs.writeFile(path.join(dist, 'electron'), '');
    expect(findElectronBinary(from(root), { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(path.join(dist, 'electron'));
  });

  it('finds an unzipped runtime in ELECTRON_OVERRIDE_DIST_PATH by the platform’s executable name, with no path.txt', async () => {
    const root = await project({});
    const dist = await fs.mkdtemp(path.join(os.tmpdir(), 'electron-dist-'));
    made.push(dist);
    await fs.writeFile(path.join(dist, 'electron.exe'), '');
    expect(findElectronBinary(from(root), { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'win32')).toBe(path.join(dist, 'electron.exe'));
    expect(findElectronBinary(from(root), { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux')).toBeNull();
    expect(electronExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('findElectronPackage', () => {
  it('names the package folder, its version and its installer, as resolved from the start script', async () => {
    const root = await project({});
    const dir = path.join(root, 'node_modules', 'electron');
    expect(findElectronPackage(from(root))).toEqual({ dir, version: '45.5.0', installScript: path.join(dir, 'install.js') });
  });

  it('answers null when the electron package is not installed', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'electron-runtime-'));
    made.push(root);
    await fs.writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'newsroom-annotator' }));
    expect(findElectronPackage(from(root))).toBeNull();
  });

  it('finds the project’s own package from a start script in a subfolder (dist/electron/start.js)', async () => {
    const root = await project({});
    await fs.writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'newsroom-annotator' }));
    const start = pathToFileURL(path.join(root, 'dist', 'electron', 'start.js')).href;
    expect(findElectronPackage(start)?.dir).toBe(path.join(root, 'node_modules', 'electron'));
  });

  it('never takes another program’s Electron from a folder above the project', async () => {
    // Node's require would walk on up to it (and to /node_modules, as on some CI machines).
    const outer = await project({ pathTxt: 'electron', binary: true });
    const inner = path.join(outer, 'projects', 'annotator');
    await fs.mkdir(inner, { recursive: true });
    await fs.writeFile(path.join(inner, 'package.json'), JSON.stringify({ name: 'newsroom-annotator' }));
    expect(findElectronPackage(from(inner))).toBeNull();
    expect(findElectronBinary(from(inner), {})).toBeNull();
  });

  it('answers null for a damaged package.json instead of throwing', async () => {
    const root = await project({});
    await fs.writeFile(path.join(root, 'node_modules', 'electron', 'package.json'), '{ not json');
    expect(findElectronPackage(from(root))).toBeNull();
  });
});
