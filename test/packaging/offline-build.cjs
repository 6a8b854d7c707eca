'use strict';
// Runs electron-builder's real targets offline, for test/packaging/asar-layout.test.ts:
//
//   node test/packaging/offline-build.cjs linux|win <outDir> <reportFile> <electronVersion>
//
// electron-builder.yml is loaded as usual; only the Electron runtime (a placeholder folder made
// here) and the output folder are overridden. Linux: the deb and AppImage targets run until just
// before they would download their tools; effectiveOptionComputed, electron-builder's own hook
// for that, receives what each computed (the deb's fpm arguments and .desktop file, the
// AppImage's desktop entry) and answers "stop". Windows: the build stops in afterPack, the last
// point before the NSIS target's downloads, after reading what that target would add to its
// script. The findings are written to <reportFile> as JSON. Real builds never run this file.

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const [platform, outDir, reportFile, electronVersion] = process.argv.slice(2);
const root = process.cwd();
const requireFromBuilder = createRequire(require.resolve('app-builder-lib/package.json', { paths: [root] }));
const { build, Platform, Arch } = require(require.resolve('electron-builder', { paths: [root] }));

class CapturedEnough extends Error {}

const readIfExists = (file) => (file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

/** A folder electron-builder accepts as the Electron runtime; nothing in it can run. */
function placeholderElectron(dir) {
  fs.mkdirSync(dir, { recursive: true });
  if (platform === 'linux') {
    fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "placeholder Electron from test/packaging" >&2\nexit 1\n', { mode: 0o755 });
    return;
  }
  // An empty PE with a version resource, which electron-builder rewrites to embed the asar
  // integrity hash (resedit is what it uses for that).
  const ResEdit = requireFromBuilder('resedit');
  const exe = ResEdit.NtExecutable.createEmpty(true, false);
  const resource = ResEdit.NtExecutableResource.from(exe);
  const version = ResEdit.Resource.VersionInfo.createEmpty();
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'placeholder' });
  version.outputToResourceEntries(resource.entries);
  resource.outputResource(exe);
  fs.writeFileSync(path.join(dir, 'electron.exe'), Buffer.from(exe.generate()));
}

async function main() {
  const report = { platform };
  const electronDist = path.join(outDir, '..', `electron-dist-${platform}`);
  placeholderElectron(electronDist);

  const afterPack = async (context) => {
    const { packager } = context;
    report.appOutDir = context.appOutDir;
    report.executableName = packager.executableName;
    report.fileAssociations = packager.fileAssociations;
    const nsis = context.targets.find((target) => target.name === 'nsis');
    if (nsis) {
      report.nsisInclude = await packager.getResource(nsis.options.include, 'installer.nsh');
      // What electron-builder adds to its installer script on its own (file associations...).
      report.nsisGeneratedScript = await nsis.computeFinalScript('', true, new Map());
      // The NSIS target downloads its tools (and an icon converter) before anything else it
      // computes, so the Windows build stops here.
      throw new CapturedEnough();
    }
  };

  const effectiveOptionComputed = async (options) => {
    if (Array.isArray(options) && Array.isArray(options[0])) {
      const [fpmArgs, desktopFile] = options;
      const after = (flag) => fpmArgs[fpmArgs.indexOf(flag) + 1];
      report.deb = {
        fpmArgs,
        desktopEntry: readIfExists(desktopFile),
        afterInstall: readIfExists(after('--after-install')),
        afterRemove: readIfExists(after('--after-remove')),
        appArmorProfile: readIfExists(path.join(report.appOutDir, 'resources', 'apparmor-profile')),
      };
    } else if (options && typeof options.desktop === 'string') {
      report.appImage = { desktopEntry: options.desktop, desktopFileName: options.desktopFileName };
    }
    return true;
  };

  const targets = platform === 'linux' ? Platform.LINUX.createTarget(['deb', 'AppImage'], Arch.x64) : Platform.WINDOWS.createTarget(['nsis'], Arch.x64);
  try {
    await build({
    projectDir: root,
    targets,
    publish: 'never',
    config: {
      electronDist,
      electronVersion,
      directories: { output: outDir },
      afterPack,
      // Editing the .exe's icon and version needs rcedit, a download; the asar integrity
      // resource (resedit, above) is still written into the .exe.
      ...(platform === 'win' ? { win: { signAndEditExecutable: false } } : {}),
    },
    effectiveOptionComputed,
    });
  } catch (error) {
    if (!(error instanceof CapturedEnough)) throw error;
  }
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
