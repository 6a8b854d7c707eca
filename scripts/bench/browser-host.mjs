// The built browser host (dist/electron/serve.js) on a workspace, for the speed benchmark:
// started on a free port, stopped at cleanup, and callable from Node as the page calls it.
import { spawn } from 'node:child_process';
import { onCleanup, trackChild } from './cleanup.mjs';

const TOKEN_HEADER = 'x-annotator-token';

export async function startServer(serveJs, cwd, storeDir) {
  const child = spawn(process.execPath, [serveJs, '--store', storeDir, '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM'); // serve.ts closes the host and flushes the store on SIGTERM
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(stop);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the browser host did not start within 15 s:\n${out}${stderr}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${code ?? signal}) before it started:\n${out}${stderr}`));
    });
  });
  child.stdout.resume();
  const parsed = new URL(url);
  return {
    url,
    pid: child.pid,
    stop,
    stderr: () => stderr,
    /** A contract call straight from Node, as the page would make it. */
    async call(method, args) {
      const response = await fetch(new URL(`/api/${method}`, parsed.origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: parsed.searchParams.get('token') },
        body: JSON.stringify(args),
      });
      const body = await response.json();
      if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
      return body.result;
    },
  };
}
