// Packaging check: runs electron-builder offline (test/packaging/offline-build.cjs) and inspects
// what it produced and computed: the unpacked Linux layout with resources/app.asar, the deb's and
// the AppImage's desktop entries and the deb's AppArmor profile (each target stopped just before
// downloading its tool), and what the Windows NSIS target would add to its script.
//
// Real installers need the Electron zip and AppImage/fpm/NSIS tools from the network, so the
// builds use a local placeholder "Electron distribution" and route any HTTP(S) through a dead
// proxy: if electron-builder ever tries to download something, the test fails fast instead of
// hanging. Needs dist/ (runs `npm run build` when dist/electron/main.js is missing).
//
// Set NA_KEEP_PACKAGING_TMP=1 to keep the temporary output for inspection.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const RUNNER = path.join(root, 'test', 'packaging', 'offline-build.cjs');

interface PackageJson {
  name?: string;
  main?: string;
  type?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------
// asar reading. The format: an 8-byte pickle holding the header size, then a pickle
// holding the header JSON (uint32 payload size, uint32 string length, UTF-8 string), then
// the file data; each file's `offset` is relative to the end of the header.

interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  link?: string;
}

class AsarArchive {
  readonly entries = new Map<string, AsarNode>();
  private readonly dataStart: number;

  constructor(readonly file: string) {
    const fd = fs.openSync(file, 'r');
    try {
      const sizePickle = Buffer.alloc(8);
      fs.readSync(fd, sizePickle, 0, 8, 0);
      if (sizePickle.readUInt32LE(0) !== 4) throw new Error(`${file}: not an asar archive`);
      const headerSize = sizePickle.readUInt32LE(4);
      const headerPickle = Buffer.alloc(headerSize);
      fs.readSync(fd, headerPickle, 0, headerSize, 8);
      const length = headerPickle.readUInt32LE(4);
      const header = JSON.parse(headerPickle.toString('utf8', 8, 8 + length)) as AsarNode;
      this.dataStart = 8 + headerSize;
      this.walk(header, '');
    } finally {
      fs.closeSync(fd);
    }
  }

  private walk(node: AsarNode, prefix: string): void {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const p = prefix ? `${prefix}/${name}` : name;
      this.entries.set(p, child);
      if (child.files) this.walk(child, p);
    }
  }

  /** Every path (files and directories), relative, with forward slashes. */
  get paths(): string[] {
    return [...this.entries.keys()];
  }

  get filePaths(): string[] {
    return this.paths.filter((p) => !this.entries.get(p)?.files);
  }

  has(p: string): boolean {
    return this.entries.has(p);
  }

  read(p: string): Buffer {
    const entry = this.entries.get(p);
    if (!entry || entry.files || entry.link) throw new Error(`${p} is not a regular file in ${this.file}`);
    if (entry.unpacked) return fs.readFileSync(path.join(`${this.file}.unpacked`, p));
    const buf = Buffer.alloc(entry.size ?? 0);
    const fd = fs.openSync(this.file, 'r');
    try {
      fs.readSync(fd, buf, 0, buf.length, this.dataStart + Number(entry.offset));
    } finally {
      fs.closeSync(fd);
    }
    return buf;
  }
}

/** Lists the archive with @electron/asar (a dependency of electron-builder), when present. */
function listWithElectronAsar(file: string): string[] | null {
  try {
    const asar = requireFromRoot('@electron/asar') as {
      listPackage(archive: string, options: { isPack: boolean }): string[];
    };
    return asar
      .listPackage(file, { isPack: false })
      .map((p) => p.split(path.sep).join('/').replace(/^\/+/, ''));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (buf.subarray(0, 8).toString('hex') !== signature) throw new Error(`${file} is not a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/**
 * Production dependency closure as installed: asar-relative package dirs
 * (e.g. "node_modules/lowdb", "node_modules/lowdb/node_modules/x").
 */
function productionPackages(): string[] {
  const found = new Set<string>();
  const visit = (pkgDir: string, deps: string[]): void => {
    for (const name of deps) {
      // Node's lookup: the package's own node_modules, then each ancestor's.
      let dir = pkgDir;
      let hit: string | null = null;
      for (;;) {
        const candidate = path.join(dir, 'node_modules', name);
        if (fs.existsSync(path.join(candidate, 'package.json'))) {
          hit = candidate;
          break;
        }
        if (path.resolve(dir) === root || path.dirname(dir) === dir) break;
        dir = path.dirname(dir);
        while (path.basename(dir) === 'node_modules' || path.basename(dir).startsWith('@')) {
          dir = path.dirname(dir);
        }
      }
      if (!hit) continue; // optional dependency not installed on this platform
      const rel = path.relative(root, hit).split(path.sep).join('/');
      if (found.has(rel)) continue;
      found.add(rel);
      const pkg = readJson<PackageJson>(path.join(hit, 'package.json'));
      visit(hit, [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
    }
  };
  const rootPkg = readJson<PackageJson>(path.join(root, 'package.json'));
  visit(root, Object.keys(rootPkg.dependencies ?? {}));
  return [...found].sort();
}

/** Module specifiers a bundled file loads: static imports/exports, import() and require(). */
function specifiersOf(code: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const found = new Set<string>();
  for (const re of patterns) for (const m of code.matchAll(re)) if (m[1]) found.add(m[1]);
  return [...found];
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

interface BuildReport {
  appOutDir: string;
  executableName?: string;
  fileAssociations: Array<{ ext: string | string[] }>;
  deb?: { fpmArgs: string[]; desktopEntry: string | null; afterInstall: string | null; afterRemove: string | null; appArmorProfile: string | null };
  appImage?: { desktopEntry: string; desktopFileName: string };
  nsisInclude?: string | null;
  nsisGeneratedScript?: string;
}

/** The `Key=value` lines of a desktop entry's [Desktop Entry] group. */
function desktopKeys(entry: string): Record<string, string> {
  const group = entry.split(/^\[/m).find((g) => g.startsWith('Desktop Entry]')) ?? '';
  return Object.fromEntries(group.split('\n').slice(1).filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

// ---------------------------------------------------------------------------------------

describe('electron-builder offline (placeholder Electron): Linux deb + AppImage, Windows NSIS', () => {
  let tmp = '';
  let outDir = '';
  let archive: AsarArchive;
  let buildSeconds = 0;
  let linux: BuildReport;
  let windows: BuildReport;
  let config: { linux: { mimeTypes: string[] } };

  beforeAll(() => {
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

    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'na-packaging-'));
    outDir = path.join(tmp, 'out');

    const electronVersion = readJson<PackageJson>(path.join(root, 'node_modules', 'electron', 'package.json')).version;
    expect(electronVersion).toMatch(/^\d+\.\d+\.\d+/);

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
    linux = runBuild('linux');
    windows = runBuild('win');
    config = (requireFromRoot('js-yaml') as { load(text: string): unknown }).load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as typeof config;
    archive = new AsarArchive(path.join(linux.appOutDir, 'resources', 'app.asar'));
  });

  afterAll(() => {
    if (tmp && !process.env.NA_KEEP_PACKAGING_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('produces the unpacked layout with the app in resources/app.asar', () => {
    expect(buildSeconds).toBeGreaterThan(0);
    const appOut = linux.appOutDir;
    expect(fs.existsSync(path.join(appOut, 'newsroom-annotator'))).toBe(true);
    expect(fs.existsSync(path.join(appOut, 'resources', 'app.asar'))).toBe(true);
    expect(fs.existsSync(path.join(appOut, 'resources', 'app'))).toBe(false);
  });

  it('our asar reader agrees with @electron/asar', () => {
    const reference = listWithElectronAsar(archive.file);
    if (reference === null) return; // not installed: our own reader is used alone
    expect([...archive.paths].sort()).toEqual([...reference].sort());
  });

  it('contains the built app and package.json pointing at it', () => {
    for (const p of ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(archive.has(p), `${p} in app.asar`).toBe(true);
    }
    const pkg = JSON.parse(archive.read('package.json').toString('utf8')) as PackageJson;
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(pkg.type).toBe('module');
    expect(archive.has(pkg.main ?? '')).toBe(true);
    expect(pkg.devDependencies).toBeUndefined();
  });

  it('ships exactly the desktop app’s own files: main, preload, the renderer and package.json', () => {
    const renderer = listFiles(path.join(root, 'dist', 'renderer'))
      .filter((f) => !f.endsWith('.map'))
      .map((f) => `dist/renderer/${f}`);
    const ours = archive.filePaths.filter((p) => !p.startsWith('node_modules/'));
    expect(ours.sort()).toEqual(['package.json', 'dist/electron/main.js', 'dist/electron/preload.cjs', ...renderer].sort());
    // start/serve/cli are built for a clone (npm start, npm run serve, the CLI), not the app.
    for (const clone of ['dist/electron/start.js', 'dist/electron/serve.js', 'dist/electron/cli.js']) {
      expect(fs.existsSync(path.join(root, clone)), `${clone} is built`).toBe(true);
      expect(archive.has(clone), `${clone} in app.asar`).toBe(false);
    }
  });

  it('main process and preload load only Node built-ins, electron and packaged modules', () => {
    const builtins = new Set(builtinModules);
    const unresolved: string[] = [];
    const seen = new Set<string>();
    const queue = ['dist/electron/main.js', 'dist/electron/preload.cjs'];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of specifiersOf(archive.read(file).toString('utf8'))) {
        if (spec.startsWith('.')) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
          if (archive.has(target)) queue.push(target);
          else unresolved.push(`${file} -> ${spec}`);
          continue;
        }
        if (spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0] ?? '')) continue;
        if (spec === 'electron' || spec.startsWith('electron/')) continue; // provided by the runtime
        if (!archive.has(`node_modules/${packageNameOf(spec)}/package.json`)) unresolved.push(`${file} -> ${spec}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('contains the production dependencies and their dependencies', () => {
    expect(archive.has('node_modules/lowdb/package.json')).toBe(true);
    expect(archive.has('node_modules/zod/package.json')).toBe(true);
    // electron-builder lays node_modules out afresh (it hoists what npm nested beside a
    // devDependency's other version), so packages are compared by name and version.
    const nameOf = (dir: string) => dir.split('node_modules/').pop() as string;
    const shipped = archive.paths
      .filter((p) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(p))
      .map((p) => p.slice(0, -'/package.json'.length));
    const shippedIds = new Set(shipped.map((dir) => `${nameOf(dir)}@${(JSON.parse(archive.read(`${dir}/package.json`).toString('utf8')) as PackageJson).version}`));
    const missing = productionPackages()
      .map((dir) => `${nameOf(dir)}@${readJson<PackageJson>(path.join(root, dir, 'package.json')).version}`)
      .filter((id) => !shippedIds.has(id));
    expect(missing).toEqual([]);
  });

  it('lets every shipped package find its dependencies the way Node looks them up', () => {
    const unresolved: string[] = [];
    const shipped = archive.paths.filter((p) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(p)).map((p) => p.slice(0, -'/package.json'.length));
    for (const dir of shipped) {
      const pkg = JSON.parse(archive.read(`${dir}/package.json`).toString('utf8')) as PackageJson;
      for (const name of Object.keys(pkg.dependencies ?? {})) {
        const parts = dir.split('/');
        let found = false;
        for (let i = parts.length; i >= 0 && !found; i--) {
          const last = parts[i - 1];
          if (last === 'node_modules' || last?.startsWith('@')) continue;
          found = archive.has([...parts.slice(0, i), 'node_modules', name, 'package.json'].join('/'));
        }
        if (!found) unresolved.push(`${dir} -> ${name}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('leaves out sources, tests, tooling and devDependencies', () => {
    const files = archive.paths;
    const topLevel = new Set(files.map((p) => p.split('/')[0]));
    for (const dir of ['test', 'electron', 'renderer', 'scripts', 'assets', 'samples', 'release', 'src']) {
      expect(topLevel.has(dir), `${dir}/ in app.asar`).toBe(false);
    }
    for (const file of ['tsconfig.json', 'vitest.config.ts', 'vite.config.ts', 'electron-builder.yml', 'package-lock.json']) {
      expect(archive.has(file), `${file} in app.asar`).toBe(false);
    }
    expect(files.filter((p) => p.startsWith('renderer/src') || p.includes('/renderer/src/'))).toEqual([]);
    expect(archive.filePaths.filter((p) => /\.(ts|tsx|mts|cts|map)$/.test(p))).toEqual([]);

    // No devDependency anywhere in the tree (checked by package directory, so that
    // node_modules/electron does not match e.g. node_modules/electron-to-chromium).
    const rootPkg = readJson<PackageJson>(path.join(root, 'package.json'));
    const production = new Set(productionPackages().map((dir) => dir.split('node_modules/').pop()));
    const devOnly = Object.keys(rootPkg.devDependencies ?? {}).filter((name) => !production.has(name));
    for (const name of ['react', 'react-dom', 'vite', 'electron']) expect(devOnly).toContain(name);
    const shipped = devOnly.filter((name) =>
      files.some((p) => p === `node_modules/${name}` || p.endsWith(`/node_modules/${name}`)),
    );
    expect(shipped).toEqual([]);
    expect(files.some((p) => p.split('/').includes('.bin'))).toBe(false);
  });

  it('electron-builder.yml declares the app identity, targets and icons', () => {
    const yaml = requireFromRoot('js-yaml') as { load(text: string): unknown };
    const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
      appId: string;
      productName: string;
      asar: boolean;
      directories: { output: string };
      linux: { target: string[]; category: string; icon: string; maintainer?: string };
      win: { target: string[]; icon: string };
      mac: { target: string[]; icon: string };
    };
    expect(config.appId).toBe('org.newsroom.annotator');
    expect(config.productName).toBe('Newsroom Annotator');
    expect(config.asar).toBe(true);
    expect(config.directories.output).toBe('release');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');

    // Icons referenced by the config exist and are large enough for each platform
    // (macOS needs at least 512x512 to derive .icns, Windows 256x256 for .ico).
    for (const icon of [config.win.icon, config.mac.icon]) {
      expect(pngSize(path.join(root, icon))).toEqual({ width: 512, height: 512 });
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(path.join(root, config.linux.icon, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('the deb installs a desktop entry that passes files (%F) for every document type, with the icon set', () => {
    const deb = linux.deb!;
    const keys = desktopKeys(deb.desktopEntry ?? '');
    expect(keys).toMatchObject({ Name: 'Newsroom Annotator', Icon: 'newsroom-annotator', Categories: 'Office;', Type: 'Application', StartupWMClass: 'newsroom-annotator' });
    expect(keys.Exec).toBe('"/opt/Newsroom Annotator/newsroom-annotator" %F');
    expect(keys.MimeType).toBe(`${config.linux.mimeTypes.join(';')};`);
    expect(deb.fpmArgs.some((a) => a.endsWith('=/usr/share/applications/newsroom-annotator.desktop'))).toBe(true);
    // The system's types are reused: no MIME package of our own.
    expect(deb.fpmArgs.filter((a) => a.includes('/usr/share/mime/'))).toEqual([]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(deb.fpmArgs, `${size}px icon`).toContain(`${path.join(root, 'assets', 'icons', `${size}x${size}.png`)}=/usr/share/icons/hicolor/${size}x${size}/apps/newsroom-annotator.png`);
    }
  });

  it('the AppImage’s desktop entry keeps the sandbox (no --no-sandbox) and passes URLs (%U), which the app reads', () => {
    const appImage = linux.appImage!;
    const keys = desktopKeys(appImage.desktopEntry);
    expect(appImage.desktopFileName).toBe('newsroom-annotator.desktop');
    expect(keys.Exec).toBe('AppRun %U');
    expect(keys.MimeType).toBe(`${config.linux.mimeTypes.join(';')};`);
  });

  it('the deb installs (and on removal removes) an AppArmor profile letting the app use user namespaces', () => {
    const deb = linux.deb!;
    const profile = deb.appArmorProfile ?? '';
    expect(profile).toMatch(/^profile "newsroom-annotator" "\/opt\/Newsroom Annotator\/newsroom-annotator" flags=\(unconfined\) \{$/m);
    expect(profile).toMatch(/^\s+userns,$/m);
    expect(fs.existsSync(path.join(linux.appOutDir, 'resources', 'apparmor-profile'))).toBe(true);
    expect(deb.afterInstall).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/newsroom-annotator'");
    expect(deb.afterRemove).toContain("APPARMOR_PROFILE_DEST='/etc/apparmor.d/newsroom-annotator'");
  });

  it('Windows: electron-builder adds no file association of its own; the NSIS target uses assets/installer.nsh', () => {
    expect(windows.fileAssociations).toEqual([]);
    expect(windows.nsisInclude).toBe(path.join(root, 'assets', 'installer.nsh'));
    expect(windows.nsisGeneratedScript).not.toMatch(/APP_ASSOCIATE|registerFileAssociations|FileAssociation\.nsh/);
    expect(fs.existsSync(path.join(windows.appOutDir, 'resources', 'app.asar'))).toBe(true);
    // On Linux too, no association (and so no MIME package): the types are in linux.mimeTypes.
    expect(linux.fileAssociations).toEqual([]);
  });
});
