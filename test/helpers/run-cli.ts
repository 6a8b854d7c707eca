// Runs the command line in-process, keeping what it printed and its exit code.
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../electron/hosts/cli/main.js';

/** Where a test's "app workspace" is looked for: never the real one of whoever runs the tests. */
export const NO_APP_CONFIG = path.join(os.tmpdir(), `annotator-tests-no-app-config-${process.pid}`);

export async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = { XDG_CONFIG_HOME: NO_APP_CONFIG, APPDATA: NO_APP_CONFIG }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd, env });
  return { code, out, err };
}
