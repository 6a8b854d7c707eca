'use strict';
// electron-builder `afterPack` hook used only by test/packaging/asar-layout.test.ts
// (passed on the command line as -c.afterPack=./test/packaging/capture-linux-metadata.cjs;
// electron-builder.yml does not reference it, so real builds never run it).
//
// The offline `--linux dir` build makes no .desktop file, icon set or MIME package, so
// this hook asks electron-builder's own Linux helper what the AppImage/deb targets would
// write, and saves that with the configuration electron-builder actually loaded, as JSON,
// to the path in NEWSROOM_PACKAGING_REPORT.

const fs = require('node:fs');

module.exports = async function captureLinuxMetadata(context) {
  const reportPath = process.env.NEWSROOM_PACKAGING_REPORT;
  if (!reportPath) return;

  const { packager } = context;
  const config = packager.config;
  const report = {
    electronPlatformName: context.electronPlatformName,
    appOutDir: context.appOutDir,
    executableName: packager.executableName,
    config: {
      appId: config.appId,
      productName: config.productName,
      asar: config.asar,
      fileAssociations: config.fileAssociations,
      linux: config.linux,
      win: config.win,
      mac: config.mac,
    },
    fileAssociations: packager.fileAssociations,
  };

  try {
    // Internal module of app-builder-lib (not part of its public API): if a future
    // electron-builder moves it, the test reports `linuxHelperError` instead of crashing here.
    const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper');
    const helper = new LinuxTargetHelper(packager);
    const icons = await helper.icons;
    report.icons = icons.map((icon) => ({ file: icon.file, size: icon.size }));
    report.desktopEntry = await helper.computeDesktopEntry(packager.platformSpecificBuildOptions);
    const mimeFile = await helper.mimeTypeFiles;
    report.mimeInfo = mimeFile ? fs.readFileSync(mimeFile, 'utf8') : null;
  } catch (error) {
    report.linuxHelperError = String((error && error.stack) || error);
  }

  fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
};
