// Runs the command line in-process, keeping what it printed and its exit code.
import { runCli } from '../../electron/hosts/cli/main.js';

export async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}
