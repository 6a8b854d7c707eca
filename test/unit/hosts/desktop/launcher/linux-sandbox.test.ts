// The Ubuntu 23.10+ sandbox check before Electron starts (electron/electron#42510): the sysctl's
// text and chrome-sandbox's owner and mode decide whether Chromium's sandbox can start.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linuxSandboxHint, sandboxHint, shellQuote, TEST_SYSCTL_ENV } from '../../../../../electron/hosts/desktop/launcher/linux-sandbox.js';

const SANDBOX = '/home/ana/annotator/node_modules/electron/dist/chrome-sandbox';
const HINT =
  `This system restricts unprivileged user namespaces (AppArmor, as on Ubuntu 23.10+) and ${SANDBOX} is not owned by root with mode 4755, ` +
  `so Electron's sandbox cannot start and Electron will abort. To fix: \`sudo chown root:root ${SANDBOX} && sudo chmod 4755 ${SANDBOX}\`, ` +
  'or run `npm start -- --browser`.';
// st_mode as stat gives it: a regular file (0o100000) plus the permission bits.
const asNpmLeftIt = { uid: 1000, mode: 0o100755 };
const fixed = { uid: 0, mode: 0o104755 };

describe('sandboxHint', () => {
  it.each([
    ['restricted, helper the user’s (as npm unzips it)', '1\n', asNpmLeftIt, HINT],
    ['restricted, helper root’s but not setuid', '1\n', { uid: 0, mode: 0o100755 }, HINT],
    ['restricted, helper setuid but not root’s', '1\n', { uid: 1000, mode: 0o104755 }, HINT],
    ['restricted, helper root’s, setuid but not executable by others', '1\n', { uid: 0, mode: 0o104750 }, HINT],
    ['restricted, helper root’s with mode 4755', '1\n', fixed, null],
    ['restricted, no helper', '1\n', null, null],
    ['not restricted (sysctl 0)', '0\n', asNpmLeftIt, null],
    ['no such sysctl', null, asNpmLeftIt, null],
  ] as const)('%s', (_case, restrictUserns, sandbox, hint) => {
    expect(sandboxHint({ restrictUserns, sandboxPath: SANDBOX, sandbox, argv: [] })).toBe(hint);
  });

  it('says nothing when Electron is told --no-sandbox, unless that word comes after `--` (a file name)', () => {
    const state = { restrictUserns: '1', sandboxPath: SANDBOX, sandbox: asNpmLeftIt };
    expect(sandboxHint({ ...state, argv: ['story.txt', '--no-sandbox'] })).toBeNull();
    expect(sandboxHint({ ...state, argv: ['--', '--no-sandbox'] })).toBe(HINT);
  });

  it('quotes a path with spaces so the command can be pasted', () => {
    const hint = sandboxHint({ restrictUserns: '1', sandboxPath: "/home/ana/my stories/chrome-sandbox", sandbox: asNpmLeftIt, argv: [] });
    expect(hint).toContain("`sudo chown root:root '/home/ana/my stories/chrome-sandbox' && sudo chmod 4755 '/home/ana/my stories/chrome-sandbox'`");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('linuxSandboxHint', () => {
  const made: string[] = [];
  afterEach(async () => {
    for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
  });

  /** An unzipped runtime with a chrome-sandbox of the given mode, and a sysctl file saying `value`. */
  async function runtime(value: string) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linux-sandbox-'));
    made.push(dir);
    await fs.writeFile(path.join(dir, 'electron'), '', { mode: 0o755 });
    // Not setuid, whoever runs the test: npm never leaves it so.
    await fs.writeFile(path.join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
    await fs.writeFile(path.join(dir, 'sysctl'), value);
    return { binary: path.join(dir, 'electron'), env: { [TEST_SYSCTL_ENV]: path.join(dir, 'sysctl') }, dir };
  }

  it('reads the sysctl and the chrome-sandbox next to the executable', async () => {
    const { binary, env, dir } = await runtime('1\n');
    expect(linuxSandboxHint(binary, [], env, 'linux')).toContain(`${path.join(dir, 'chrome-sandbox')} is not owned by root with mode 4755`);
    await fs.writeFile(env[TEST_SYSCTL_ENV], '0\n');
    expect(linuxSandboxHint(binary, [], env, 'linux')).toBeNull();
  });

  it('says nothing when the sysctl or the helper is missing, or on another system', async () => {
    const { binary, env, dir } = await runtime('1\n');
    expect(linuxSandboxHint(binary, [], env, 'darwin')).toBeNull();
    expect(linuxSandboxHint(binary, [], { [TEST_SYSCTL_ENV]: path.join(dir, 'no-such-sysctl') }, 'linux')).toBeNull();
    await fs.rm(path.join(dir, 'chrome-sandbox'));
    expect(linuxSandboxHint(binary, [], env, 'linux')).toBeNull();
  });
});
