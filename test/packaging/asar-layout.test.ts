// Packaging check: runs electron-builder offline (builds.ts, offline-build.cjs) and inspects
// what it produced and computed: the unpacked Linux layout with resources/app.asar, the deb's and
// the AppImage's desktop entries and the deb's AppArmor profile (each target stopped just before
// downloading its tool), and what the Windows NSIS target would add to its script.
//
// Set NA_KEEP_PACKAGING_TMP=1 to keep the temporary output for inspection.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { AsarArchive, listWithElectronAsar } from './asar.js';
import { desktopKeys, runOfflineBuilds, type BuildReport } from './builds.js';
import { LEFT_OUT_PACKAGES, packageNameOf, productionPackages, specifiersOf } from './dependencies.js';
import { readJson, requireFromRoot, root, type PackageJson } from './project.js';
import { lines, pdfFile } from '../helpers/pdf-file.js';

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
 * Every file of ours in app.asar (node_modules aside), one pattern per file. Vite names the
 * bundle index-<hash>.js/.css; the icons are the only files taken from assets/ (vite.config.ts).
 */
const OWN_FILES: RegExp[] = [
  /^package\.json$/,
  /^dist\/electron\/main\.js$/,
  /^dist\/electron\/preload\.cjs$/,
  // main.js reads every document in a worker thread started from this file.
  /^dist\/electron\/document-reader-worker\.js$/,
  // and works out suggestions in another (electron/services/suggestions/in-worker.ts).
  /^dist\/electron\/suggestions-worker\.js$/,
  /^dist\/renderer\/index\.html$/,
  // The page's small entry (it asks for the first load), then the window's own chunk and its styles.
  /^dist\/renderer\/assets\/index-[\w-]{8}\.js$/,
  /^dist\/renderer\/assets\/window-[\w-]{8}\.js$/,
  /^dist\/renderer\/assets\/window-[\w-]{8}\.css$/,
  /^dist\/renderer\/icon\.svg$/,
  /^dist\/renderer\/icon\.png$/,
];

// ---------------------------------------------------------------------------------------

describe('electron-builder offline (placeholder Electron): Linux deb + AppImage, Windows NSIS', () => {
  let tmp = '';
  let archive: AsarArchive;
  let buildSeconds = 0;
  let linux: BuildReport;
  let windows: BuildReport;
  let config: { linux: { mimeTypes: string[] } };

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'na-packaging-'));
    ({ linux, windows, buildSeconds } = runOfflineBuilds(tmp));
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
    for (const p of ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/electron/document-reader-worker.js', 'dist/electron/suggestions-worker.js', 'dist/renderer/index.html', 'package.json']) {
      expect(archive.has(p), `${p} in app.asar`).toBe(true);
    }
    const pkg = JSON.parse(archive.read('package.json').toString('utf8')) as PackageJson;
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(pkg.type).toBe('module');
    expect(archive.has(pkg.main ?? '')).toBe(true);
    expect(pkg.devDependencies).toBeUndefined();
  });

  it('ships exactly the desktop app’s own files: main, preload, the document reader worker, the page, its bundle, the icons and package.json', () => {
    const ours = archive.filePaths.filter((p) => !p.startsWith('node_modules/')).sort();
    // Each pattern names one file; a new kind of file has to be added here on purpose.
    const unexpected = ours.filter((p) => !OWN_FILES.some((re) => re.test(p)));
    expect(unexpected, 'not on the allow-list').toEqual([]);
    for (const re of OWN_FILES) expect(ours.filter((p) => re.test(p)), String(re)).toHaveLength(1);
    // dist/renderer is what app:// serves: the same files, nothing left behind by the build.
    const renderer = listFiles(path.join(root, 'dist', 'renderer')).map((f) => `dist/renderer/${f}`).sort();
    expect(renderer).toEqual(ours.filter((p) => p.startsWith('dist/renderer/')));
    // start/serve/cli are built for a clone (npm start, npm run serve, the CLI), not the app.
    for (const clone of ['dist/electron/start.js', 'dist/electron/serve.js', 'dist/electron/cli.js']) {
      expect(fs.existsSync(path.join(root, clone)), `${clone} is built`).toBe(true);
      expect(archive.has(clone), `${clone} in app.asar`).toBe(false);
    }
  });

  it('ships none of assets/’s build resources, in app.asar or in dist/renderer (which app:// serves)', () => {
    const resources = listFiles(path.join(root, 'assets')).filter((f) => !['icon.png', 'icon.svg'].includes(f));
    expect(resources).toEqual(expect.arrayContaining(['installer.nsh', 'entitlements.mac.plist', 'linux/newsroom-annotator-appimage', 'icons/512x512.png']));
    const ours = archive.paths.filter((p) => !p.startsWith('node_modules/'));
    const renderer = listFiles(path.join(root, 'dist', 'renderer'));
    for (const resource of resources) {
      const name = path.posix.basename(resource);
      expect(ours.filter((p) => path.posix.basename(p) === name), `${resource} in app.asar`).toEqual([]);
      expect(renderer.filter((f) => path.posix.basename(f) === name), `${resource} in dist/renderer`).toEqual([]);
    }
    for (const folder of ['icons', 'linux']) {
      expect(ours.filter((p) => p.split('/').includes(folder)), `${folder}/ in app.asar`).toEqual([]);
    }
  });

  it('ships the icons the page and the window use: the favicon index.html links and dist/renderer/icon.png', () => {
    const html = archive.read('dist/renderer/index.html').toString('utf8');
    const favicons = [...html.matchAll(/<link\b[^>]*\brel="icon"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1]);
    expect(favicons).toEqual(['./icon.svg']);
    expect(archive.read('dist/renderer/icon.svg').equals(fs.readFileSync(path.join(root, 'assets', 'icon.svg')))).toBe(true);
    // main.ts: path.join(app.getAppPath(), 'dist', 'renderer', 'icon.png') as the window icon.
    expect(archive.read('dist/renderer/icon.png').equals(fs.readFileSync(path.join(root, 'assets', 'icon.png')))).toBe(true);
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
    // pdf.js is shipped; its canvas is not (LEFT_OUT_PACKAGES), and pdf.js reads text without it.
    expect(archive.has('node_modules/pdfjs-dist/legacy/build/pdf.mjs')).toBe(true);
    expect(archive.has('node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs')).toBe(true);
    // Its character maps and standard fonts, which pdf.ts names by path; not its browser build or viewer.
    expect(archive.filePaths.some((p) => p.startsWith('node_modules/pdfjs-dist/cmaps/'))).toBe(true);
    expect(archive.filePaths.some((p) => p.startsWith('node_modules/pdfjs-dist/standard_fonts/'))).toBe(true);
    expect(archive.filePaths.filter((p) => /^node_modules\/pdfjs-dist\/(build|web)\//.test(p))).toEqual([]);
    expect(shipped.filter((dir) => LEFT_OUT_PACKAGES.some((re) => re.test(nameOf(dir))))).toEqual([]);
  });

  it('reads a PDF with the document reader worker and only what app.asar ships (no canvas, no warnings)', async () => {
    // Unpacked to a folder and run by this Node: the files are the app's, the loader is not Electron's.
    const asar = requireFromRoot('@electron/asar') as { extractAll(archive: string, dest: string): void };
    const unpacked = path.join(tmp, 'app-unpacked');
    asar.extractAll(archive.file, unpacked);
    const script = `import { Worker } from 'node:worker_threads';
const worker = new Worker(${JSON.stringify(path.join(unpacked, 'dist', 'electron', 'document-reader-worker.js'))});
worker.on('message', (reply) => { process.stdout.write(JSON.stringify(reply)); worker.terminate(); });
worker.postMessage({ fileName: 'ruling.pdf', bytes: new Uint8Array(Buffer.from(process.argv[2], 'base64')), options: {} });`;
    const bytes = Buffer.from(pdfFile([{ texts: lines(['The court ruled.']) }, { texts: lines(['The city will appeal.']) }])).toString('base64');
    const runner = path.join(tmp, 'read-pdf.mjs');
    fs.writeFileSync(runner, script);
    const run = spawnSync(process.execPath, [runner, bytes], { cwd: os.tmpdir(), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ read: { format: 'pdf', text: 'The court ruled.\n\nThe city will appeal.', pageStarts: [0, 18] } });
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
