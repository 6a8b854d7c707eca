// `npm start -- --browser` or ANNOTATOR_BROWSER=1: the browser host on purpose, no Electron download.
// Everything else (files, --store, --port) goes on unchanged to whichever host runs.

export const BROWSER_FLAG = '--browser';
export const BROWSER_ENV = 'ANNOTATOR_BROWSER';

export interface LaunchChoice {
  browser: boolean;
  /** The user's arguments without --browser, for Electron's main or the browser host. */
  argv: string[];
}

/** "1", "true", "yes" (any case) switch it on; unset, "", "0", "false", "no" leave it off. */
export function envSwitch(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

export function chooseLaunch(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchChoice {
  const end = argv.indexOf('--');
  // After `--` every word is a file name, even one spelt --browser.
  const options = end < 0 ? argv : argv.slice(0, end);
  const rest = end < 0 ? [] : argv.slice(end);
  const kept = options.filter((arg) => arg !== BROWSER_FLAG);
  return { browser: kept.length !== options.length || envSwitch(env[BROWSER_ENV]), argv: [...kept, ...rest] };
}
