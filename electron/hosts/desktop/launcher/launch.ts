// What `npm start` does: the desktop window, installing Electron's runtime on the first start;
// the browser host when asked for (--browser) or when the runtime cannot be had, saying why.
import { findElectronBinary, findElectronPackage } from './electron-runtime.js';
import { signalExitCode } from './child-signals.js';
import { runElectronInstaller } from './electron-installer.js';
import { describeElectronExit, runElectron } from './electron-process.js';
import { classifyInstallFailure, electronMirror, fallbackLine } from './install-failure.js';
import { chooseLaunch } from './launch-args.js';
import { linuxSandboxHint } from './linux-sandbox.js';
import { installedLine, progressLine, startLine } from './progress.js';
import { startUsage, versionLine } from './usage.js';

export interface LaunchContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** The folder Electron is given to run (package.json's main). */
  appDir: string;
  /** Where to resolve the electron package from: the start script's URL. */
  requireFrom: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export type LaunchResult = { host: 'browser'; argv: string[] } | { host: 'none'; exitCode: number };

export async function launch(context: LaunchContext): Promise<LaunchResult> {
  const { env, stdout, stderr } = context;
  const choice = chooseLaunch(context.argv, env);
  if (choice.info) {
    stdout.write(choice.info === 'help' ? startUsage() : `${versionLine(context.appDir)}\n`);
    return { host: 'none', exitCode: 0 };
  }
  if (choice.browser) return { host: 'browser', argv: choice.argv };
  const browserBecause = (line: string): LaunchResult => {
    stdout.write(`${line}\n`);
    return { host: 'browser', argv: choice.argv };
  };

  const pkg = findElectronPackage(context.requireFrom);
  if (!pkg) {
    return browserBecause(
      'The electron package is not installed, so the app is served in your browser instead. To get the desktop window: run `npm install`, then `npm start`.',
    );
  }
  let binary = findElectronBinary(context.requireFrom, env);
  if (!binary && env.ELECTRON_OVERRIDE_DIST_PATH) {
    // The installer would unpack into node_modules/electron/dist, not there: nothing to download.
    return browserBecause(
      `ELECTRON_OVERRIDE_DIST_PATH=${env.ELECTRON_OVERRIDE_DIST_PATH} has no Electron binary, so the app is served in your browser instead. To retry: unzip Electron ${pkg.version} there, or unset it; \`npm start -- --browser\` skips Electron.`,
    );
  }
  if (!binary) {
    const tty = stdout.isTTY === true;
    const show = (line: string) => (tty ? stdout.write(`\r\x1b[K${line}`) : undefined);
    if (tty) show(startLine(pkg.version));
    else stdout.write(`${startLine(pkg.version)}\n`);
    const result = await runElectronInstaller({
      installScript: pkg.installScript,
      env,
      onProgress: tty ? (progress) => show(progressLine(pkg.version, progress)) : undefined,
    });
    if (tty) stdout.write('\r\x1b[K');
    if (result.stoppedBy) {
      stdout.write(`Stopped installing Electron ${pkg.version}.\n`);
      return { host: 'none', exitCode: signalExitCode(result.stoppedBy) };
    }
    binary = result.code === 0 ? findElectronBinary(context.requireFrom, env) : null;
    if (!binary) {
      const failure = classifyInstallFailure({ ...result, nodeVersion: process.version, mirror: electronMirror(env) });
      return browserBecause(fallbackLine(pkg.version, failure));
    }
    stdout.write(`${installedLine(pkg.version, result.download, result.elapsedMs)}\n`);
  }

  // Relative paths in argv mean the folder the user ran `npm start` from, not the package's.
  const cwd = env.INIT_CWD ?? process.cwd();
  const sandboxHint = linuxSandboxHint(binary, choice.argv, env);
  if (sandboxHint) stderr.write(`${sandboxHint}\n`);
  const ended = await runElectron(binary, [context.appDir, ...choice.argv], cwd, env);
  const exit = describeElectronExit(ended);
  if (exit.message) stderr.write(`${exit.message}\n`);
  // Chromium's abort shows as a signal (SIGTRAP); the line above is its likely cause.
  if (sandboxHint && ended.signal && exit.message) stderr.write(`${sandboxHint}\n`);
  return { host: 'none', exitCode: exit.exitCode };
}
