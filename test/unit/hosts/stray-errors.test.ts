// A stray rejection in the browser host: logged, and the host keeps answering.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../helpers/bundle.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let guard: { file: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  guard = await bundleForNode(path.join(ROOT, 'electron/hosts/stray-errors.ts'));
});
afterAll(() => guard.cleanup());

/** Runs a tiny host that rejects a promise nobody awaits, then answers on stdout. */
function runWithStrayRejection(guarded: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `
    ${guarded ? `const { keepServingOnStrayRejections } = await import(${JSON.stringify(pathToFileURL(guard.file).href)}); keepServingOnStrayRejections();` : ''}
    Promise.reject(new Error('replica timer gave up'));
    setTimeout(() => { console.log('still serving'); }, 50);
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a rejection nobody awaited', () => {
  it('is logged with its reason and the host keeps running', async () => {
    const run = await runWithStrayRejection(true);
    expect(run.stdout).toContain('still serving');
    expect(run.stderr).toContain('an operation failed in the background and was left alone; the app keeps running');
    expect(run.stderr).toContain('replica timer gave up');
    expect(run.code).toBe(0);
  });

  it('would end the process without the guard (Node’s default)', async () => {
    const run = await runWithStrayRejection(false);
    expect(run.stdout).not.toContain('still serving');
    expect(run.code).not.toBe(0);
  });
});
