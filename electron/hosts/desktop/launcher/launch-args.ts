// `npm start -- --browser` or ANNOTATOR_BROWSER=1: the browser host on purpose, no Electron download.
// --help and --version are answered by npm start itself. Everything else (files, --store, --port)
// goes on unchanged to whichever host runs.

export const BROWSER_FLAG = '--browser';
export const BROWSER_ENV = 'ANNOTATOR_BROWSER';

export interface LaunchChoice {
  browser: boolean;
  /** --help/-h or --version/-v: print it and exit, before anything is downloaded. */
  info: 'help' | 'version' | null;
  /** The user's arguments without --browser, for Electron's main or the browser host. */
  argv: string[];
}

/** "1", "true", "yes" (any case) switch it on; unset, "", "0", "false", "no" leave it off. */
export function envSwitch(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** The arguments before `--`: after it every word is a file name, even one spelt --browser or -h. */
export function optionsPart(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

export function chooseLaunch(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchChoice {
  const options = optionsPart(argv);
  const rest = argv.slice(options.length);
  const kept = options.filter((arg) => arg !== BROWSER_FLAG);
  const info = options.some((arg) => arg === '--help' || arg === '-h')
    ? 'help'
    : options.some((arg) => arg === '--version' || arg === '-v')
      ? 'version'
      : null;
  return { browser: kept.length !== options.length || envSwitch(env[BROWSER_ENV]), info, argv: [...kept, ...rest] };
}
