// What `npm start -- --help` and `--version` print. Answered before anything else, so asking for
// help never starts a download.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentExtensionList } from '../../../services/documents/index.js';
import { defaultWorkspaceDir } from '../../../services/store/paths.js';

export function startUsage(): string {
  return `Usage: npm start -- [--browser] [--store DIR] [--port N] [FILE...]

Opens Newsroom Annotator in its desktop window. The first start downloads the Electron runtime
(once); if that fails, the app is served in your browser instead, after a line saying why.

  --browser      serve the app in your browser, on 127.0.0.1, and never download Electron
  --store DIR    workspace folder (default: ${defaultWorkspaceDir()})
  --port N       browser host only: its port on 127.0.0.1 (default 0: any free port)
  FILE...        documents to open (${documentExtensionList()});
                 after --, every argument is a file, even one that starts with -
  -h, --help     show this and exit
  -v, --version  show the app's version and exit

Environment:
  ANNOTATOR_BROWSER=1              the same as --browser
  ELECTRON_MIRROR=URL              download Electron from this mirror instead of GitHub
  electron_config_cache=DIR        the folder Electron's download is cached in; a zip put there
                                   as the README says installs with no network
  ELECTRON_OVERRIDE_DIST_PATH=DIR  run the unzipped Electron in DIR; nothing is downloaded
`;
}

/** "Newsroom Annotator 0.1.0", from the app's package.json. */
export function versionLine(appDir: string): string {
  const pkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { productName?: string; name: string; version: string };
  return `${pkg.productName ?? pkg.name} ${pkg.version}`;
}
