// Ctrl+C or a `kill` aimed at `npm start` must reach the program it runs (installer or Electron).
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Forwards SIGINT/SIGTERM/SIGHUP to `child` until it exits; `forwarded()` tells the last one sent. */
export function forwardSignals(child: ChildProcess): { forwarded: () => NodeJS.Signals | null; stop: () => void } {
  let last: NodeJS.Signals | null = null;
  const handlers = FORWARDED.map((signal) => {
    const handler = () => {
      last = signal;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    forwarded: () => last,
    stop: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}

/** The shell's convention for "ended by a signal": 128 + its number. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0);
}
