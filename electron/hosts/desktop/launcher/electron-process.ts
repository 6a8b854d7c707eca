// Runs the Electron binary with the app folder and passes on how it ended.
import { spawn } from 'node:child_process';
import { forwardSignals, signalExitCode } from './child-signals.js';

export interface ElectronExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The signal we passed on from the user (Ctrl+C, kill), if any. */
  forwarded: NodeJS.Signals | null;
  /** Why it could not be started at all (spawn failed). */
  error?: string;
}

/** `npm start`'s exit code, and the one line to print when Electron did not end normally. */
export function describeElectronExit(exit: ElectronExit): { exitCode: number; message: string | null } {
  if (exit.signal) {
    // Ended by the signal the user sent us: that is a stop, not a crash.
    if (exit.signal === exit.forwarded) return { exitCode: signalExitCode(exit.signal), message: null };
    return { exitCode: signalExitCode(exit.signal), message: `Electron was ended by ${exit.signal}.` };
  }
  if (exit.error !== undefined || exit.code === null) {
    return { exitCode: 1, message: `Electron could not be started${exit.error ? `: ${exit.error}` : ''}.` };
  }
  if (exit.code !== 0) return { exitCode: exit.code, message: `Electron exited with code ${exit.code}.` };
  return { exitCode: 0, message: null };
}

export function runElectron(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ElectronExit> {
  const child = spawn(binary, args, { stdio: 'inherit', cwd, env });
  const signals = forwardSignals(child);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      signals.stop();
      resolve({ code: null, signal: null, forwarded: null, error: error.message });
    });
    child.on('exit', (code, signal) => {
      signals.stop();
      resolve({ code, signal, forwarded: signals.forwarded() });
    });
  });
}
