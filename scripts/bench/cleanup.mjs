// Cleanup for the speed benchmark: runs on success, failure and Ctrl+C alike, last registered first.
import { log } from './stats.mjs';

const cleanups = [];
let cleaning = null;
export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        log(`cleanup: ${error.message}`);
      }
    }
  })();
  return cleaning;
}
// Playwright's own signal handlers are off (see launch), so these are the only ones.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}
// Last resort if Node exits some other way: never leave a server behind.
const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** `fn` runs at cleanup, before everything registered earlier. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** A child process that is killed when Node exits, whatever the way. */
export function trackChild(child) {
  children.add(child);
}
