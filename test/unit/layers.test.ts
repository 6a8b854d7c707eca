// The layer and cycle check (.dependency-cruiser.cjs, `npm run check:layers` in `npm test`):
// shown to fail on a small tree with every kind of wrong import, and to pass on ours.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dirs.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const makeTempDir = useTempDirs();

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

function depcruise(cwd: string, outputType: 'json' | 'err') {
  return spawnSync(process.execPath, [DEPCRUISE, 'electron', 'renderer/src', '--config', CONFIG, '--output-type', outputType], { cwd, encoding: 'utf8' });
}

/** The check as `npm run check:layers` runs it, in `cwd`: its violations, and its exit code as npm sees it. */
function checkLayers(cwd: string): { status: number | null; violations: Violation[] } {
  const json = depcruise(cwd, 'json');
  if (!json.stdout) throw new Error(`depcruise printed nothing: ${json.stderr}`);
  // The json reporter always exits 0; the err reporter (the npm script's) exits with the error count.
  return { status: depcruise(cwd, 'err').status, violations: JSON.parse(json.stdout).summary.violations };
}

/** A module resolved into a package folder, wherever that folder is, by its package's name. */
function packageName(modulePath: string): string {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(modulePath)?.[1] ?? modulePath;
}

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
}

describe('the layer and cycle check', () => {
  it('runs inside npm test, before the build', () => {
    const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts['check:layers']).toMatch(/^depcruise electron renderer\/src --config \.dependency-cruiser\.cjs/);
    expect(scripts.test).toMatch(/npm run check:layers && .*vitest run/);
  });

  // Whether `electron` resolves depends on the machine (a /node_modules above the temp folder, say),
  // so the check is shown to catch it both unresolved and resolved into a package folder.
  it.each([
    ['not installed', {}],
    ['installed', { 'node_modules/electron/package.json': '{"name":"electron","main":"index.js"}', 'node_modules/electron/index.js': 'module.exports = {};\n' }],
  ])('reports every wrong-way import and an import cycle, type-only imports included (electron %s)', { timeout: 60_000 }, async (_, electronPackage) => {
    const dir = await makeTempDir('annotator-layers-');
    await writeTree(dir, {
      ...electronPackage,
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }),
      'electron/contract/api.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'electron/contract/ok.ts': "export const fine = 1;\n",
      // A cycle held together by a type-only import on one side.
      'electron/services/review/desk.ts': "import type { Row } from './rows.js';\nexport const rows: Row[] = [];\n",
      'electron/services/review/rows.ts': "import { rows } from './desk.js';\nexport type Row = { id: string };\nexport const count = () => rows.length;\n",
      'electron/services/store/store.ts': "import { app } from 'electron';\nimport { openWindow } from '../../hosts/desktop/main.js';\nexport const where = () => [app, openWindow];\n",
      'electron/hosts/desktop/main.ts': "import { policy } from '../browser/server.js';\nexport const openWindow = () => policy;\n",
      'electron/hosts/browser/server.ts': "import { fine } from '../../contract/ok.js';\nexport const policy = fine;\n",
      'electron/hosts/cli/main.ts': "import { dialog } from 'electron';\nexport const ask = dialog;\n",
      'renderer/src/App.tsx': "import { fine } from '../../electron/contract/ok.js';\nimport { where } from '../../electron/services/store/store.js';\nimport path from 'node:path';\nexport const App = () => [fine, where, path];\n",
    });

    const { status, violations } = checkLayers(dir);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} → ${packageName(v.to)}`).sort();
    expect(status).not.toBe(0);
    expect(found).toEqual(
      [
        'contract-pure: electron/contract/api.ts → fs',
        'hosts-apart: electron/hosts/desktop/main.ts → electron/hosts/browser/server.ts',
        'no-cycle: electron/services/review/desk.ts → electron/services/review/rows.ts',
        'only-desktop-imports-electron: electron/hosts/cli/main.ts → electron',
        'only-desktop-imports-electron: electron/services/store/store.ts → electron',
        'renderer-only-contract: renderer/src/App.tsx → electron/services/store/store.ts',
        'renderer-only-contract: renderer/src/App.tsx → path',
        'services-no-hosts: electron/services/store/store.ts → electron/hosts/desktop/main.ts',
      ].sort(),
    );
  });

  it('keeps zod out of the window: the window and the plain contract take the schemas as types only', { timeout: 60_000 }, async () => {
    const dir = await makeTempDir('annotator-layers-');
    await writeTree(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }),
      'electron/contract/schemas/people.ts': "import { z } from 'zod';\nexport const personSchema = z.object({ id: z.string() });\nexport type Person = { id: string };\n",
      'electron/contract/methods.ts': "import { personSchema } from './schemas/people.js';\nexport const apiMethods = { whoAmI: personSchema };\n",
      'electron/contract/api.ts': "export * from './window-api.js';\nexport { personSchema } from './schemas/people.js';\n",
      'electron/contract/window-api.ts': "export type { Person } from './schemas/people.js';\nexport { known } from './people-rules.js';\n",
      'electron/contract/people-rules.ts': "import type { Person } from './schemas/people.js';\nexport const known: Person[] = [];\n",
      'electron/contract/annotator-filter.ts': "import { personSchema } from './schemas/people.js';\nexport const filter = personSchema;\n",
      'renderer/src/App.tsx': "import { known, type Person } from '../../electron/contract/window-api.js';\nimport type { Person as Same } from '../../electron/contract/api.js';\nexport const App = (p: Person, q: Same) => [known, p, q];\n",
      'renderer/src/person.ts': "import { personSchema } from '../../electron/contract/api.js';\nimport { apiMethods } from '../../electron/contract/methods.js';\nexport const check = [personSchema, apiMethods];\n",
    });
    await fs.mkdir(path.join(dir, 'node_modules'));
    await fs.symlink(path.join(ROOT, 'node_modules/zod'), path.join(dir, 'node_modules/zod'));
    await fs.writeFile(path.join(dir, 'renderer/src/parse.ts'), "import { z } from 'zod';\nexport const name = z.string();\n");

    const { status, violations } = checkLayers(dir);
    const found = violations.filter((v) => v.rule.name === 'window-no-zod').map((v) => `${v.from} → ${v.to.replace(/^.*node_modules\/zod\/.*$/, 'zod')}`);
    expect(status).not.toBe(0);
    expect(found.sort()).toEqual(
      [
        'electron/contract/annotator-filter.ts → electron/contract/schemas/people.ts',
        'renderer/src/parse.ts → zod',
        'renderer/src/person.ts → electron/contract/api.ts',
        'renderer/src/person.ts → electron/contract/methods.ts',
      ].sort(),
    );
    expect(violations.filter((v) => v.rule.name !== 'window-no-zod')).toEqual([]);
  });

  it('finds nothing wrong in our own tree', { timeout: 60_000 }, () => {
    const { status, violations } = checkLayers(ROOT);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`)).toEqual([]);
    expect(status).toBe(0);
  });
});
