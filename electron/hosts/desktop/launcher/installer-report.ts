// What Electron's installer did on the network. install.js prints only `err.stack` on failure, and
// for a network error that is just "TypeError: fetch failed": the cause (DNS, refused, ...) is in
// `err.cause`, which it drops. So we run install.js behind a small hook that reports each fetch's
// outcome on stderr as one tagged JSON line, and read those lines back here.

export const REPORT_TAG = 'annotator-launch:';

/**
 * CommonJS source for `node -e`: wraps the global fetch that @electron/get calls, then runs the
 * installer given as the first argument. It only observes; the installer runs unchanged.
 */
export const INSTALLER_HOOK = `
const tag = ${JSON.stringify(REPORT_TAG)};
const report = (fields) => process.stderr.write(tag + JSON.stringify(fields) + '\\n');
const realFetch = globalThis.fetch;
globalThis.fetch = async function (input, init) {
  const url = String(input && typeof input === 'object' && 'url' in input ? input.url : input);
  try {
    const response = await realFetch.call(this, input, init);
    const size = Number(response.headers.get('content-length'));
    report({ event: 'response', url, status: response.status, size: size > 0 ? size : null });
    return response;
  } catch (error) {
    const cause = error && error.cause;
    report({ event: 'fetch-error', url, code: (cause && cause.code) || null, message: String((cause && cause.message) || (error && error.message)) });
    throw error;
  }
};
require(process.argv[1]);
`;

export type InstallerEvent =
  | { event: 'response'; url: string; status: number; size: number | null }
  | { event: 'fetch-error'; url: string; code: string | null; message: string };

export interface InstallerReport {
  events: InstallerEvent[];
  /** Everything the installer itself printed, without our tagged lines. */
  output: string;
}

export function readInstallerReport(stderr: string): InstallerReport {
  const events: InstallerEvent[] = [];
  const kept: string[] = [];
  for (const line of stderr.split('\n')) {
    if (line.startsWith(REPORT_TAG)) {
      try {
        events.push(JSON.parse(line.slice(REPORT_TAG.length)) as InstallerEvent);
        continue;
      } catch {
        // A line cut short (the installer was killed mid-write) is kept as plain output.
      }
    }
    kept.push(line);
  }
  return { events, output: kept.join('\n') };
}

/** The zip's response, once the download of the runtime itself has begun. */
export function zipDownload(events: readonly InstallerEvent[]): { url: string; size: number | null } | null {
  for (const event of events) {
    if (event.event === 'response' && event.status === 200 && /\.zip$/i.test(new URL(event.url).pathname)) {
      return { url: event.url, size: event.size };
    }
  }
  return null;
}
