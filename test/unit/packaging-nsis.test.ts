// assets/installer.nsh (the NSIS installer's "Open with" registration), read statically with
// packaging/nsis-script.ts; test/packaging/nsis-open-with.test.ts also compiles and runs it
// where makensis (and Wine) are installed.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS } from '../../electron/services/documents/index.js';
import { loadBuilderConfig, requireFromRoot, root, type BuilderConfig } from './packaging/builder-config.js';
import { expandMacro, type RegistryOp } from './packaging/nsis-script.js';

const sorted = (values: Iterable<string>): string[] => [...values].sort();

let config: BuilderConfig;

beforeAll(async () => {
  config = await loadBuilderConfig();
});

describe('assets/installer.nsh (Windows "Open with")', () => {
  const script = fs.readFileSync(path.join(root, 'assets', 'installer.nsh'), 'utf8');
  const defines = { APP_EXECUTABLE_FILENAME: 'Newsroom Annotator.exe', PRODUCT_NAME: 'Newsroom Annotator' };
  const install = expandMacro(script, 'customInstall', defines);
  const uninstall = expandMacro(script, 'customUnInstall', defines);
  const classesKey = (ext: string) => `SHELL_CONTEXT\\Software\\Classes\\${ext}`;
  const isUnder = (key: string, ancestor: string) => key === ancestor || key.startsWith(`${ancestor}\\`);

  it('is needed: electron-builder’s own NSIS association makes itself the default program', () => {
    // Why fileAssociations are macOS-only: APP_ASSOCIATE sets .ext's default value to the app's
    // class, and APP_UNASSOCIATE leaves that default behind. If a release stops doing this, the
    // top-level fileAssociations could come back.
    const template = fs.readFileSync(requireFromRoot.resolve('app-builder-lib/templates/nsis/include/FileAssociation.nsh'), 'utf8');
    const associate = /!macro APP_ASSOCIATE EXT[\s\S]*?!macroend/.exec(template)?.[0] ?? '';
    expect(associate).toMatch(/WriteRegStr SHELL_CONTEXT "Software\\Classes\\\.\$\{EXT\}" "" "\$\{FILECLASS\}"/);
  });

  it('is the include electron-builder.yml names', () => {
    expect(config.nsis.include).toBe('assets/installer.nsh');
    expect(config.nsis.perMachine).not.toBe(true); // per-user by default: HKCU, no admin rights
  });

  it('registers every extension the readers open, and only those', () => {
    const listed = [...script.matchAll(/!insertmacro \$\{MACRO\} "([^"]+)"/g)].map((m) => m[1]!);
    expect(sorted(listed)).toEqual(sorted(DOCUMENT_EXTENSIONS));
    const openWith = install.ops.filter((op) => /\\OpenWithProgids$/.test(op.key)).map((op) => op.key.split('\\').at(-2)!);
    expect(sorted(openWith)).toEqual(sorted(DOCUMENT_EXTENSIONS));
    const supported = install.ops.filter((op) => op.key.endsWith('\\SupportedTypes')).map((op) => op.value!);
    expect(sorted(supported)).toEqual(sorted(DOCUMENT_EXTENSIONS));
  });

  it('never writes an extension’s default program, nor anything else on the extension’s own key', () => {
    for (const ext of DOCUMENT_EXTENSIONS) {
      const onExtKey = install.ops.filter((op) => op.command.startsWith('Write') && op.key === classesKey(ext));
      expect(onExtKey, ext).toEqual([]);
    }
    const writes = install.ops.filter((op) => op.command.startsWith('Write'));
    expect(writes.length).toBeGreaterThan(DOCUMENT_EXTENSIONS.length);
    // Every write under .ext is our ProgID's name in OpenWithProgids.
    for (const op of writes.filter((w) => /\\Software\\Classes\\\.[^\\]+\\/.test(w.key))) {
      expect(op).toMatchObject({ command: 'WriteRegNone', value: 'NewsroomAnnotator.Document' });
      expect(op.key).toMatch(/\\OpenWithProgids$/);
    }
  });

  it('writes only to SHELL_CONTEXT, the hive the uninstaller cleans', () => {
    for (const op of [...install.ops, ...uninstall.ops]) expect(op.key, op.command).toMatch(/^SHELL_CONTEXT\\/);
  });

  it('undoes every write on uninstall', () => {
    const unconditionalDeletes = uninstall.ops.filter((op) => !op.via.includes('NA_DELETE_KEY_IF_EMPTY'));
    const undone = (write: RegistryOp): boolean =>
      unconditionalDeletes.some(
        (del) =>
          (del.command === 'DeleteRegValue' && del.key === write.key && del.value === write.value) ||
          (del.command === 'DeleteRegKey' && isUnder(write.key, del.key)),
      );
    const left = install.ops.filter((op) => op.command.startsWith('Write') && !undone(op));
    expect(left.map((op) => `${op.key} ${op.value ?? ''}`)).toEqual([]);
  });

  it('removes only its own entries under shared keys: other programs’ “Open with” entries stay', () => {
    for (const op of uninstall.ops.filter((o) => o.command === 'DeleteRegKey' && !o.via.includes('NA_DELETE_KEY_IF_EMPTY'))) {
      for (const ext of DOCUMENT_EXTENSIONS) expect(isUnder(classesKey(ext), op.key), `${op.key} would delete ${ext}`).toBe(false);
      expect(op.key).not.toBe('SHELL_CONTEXT\\Software\\Classes\\Applications');
    }
    for (const ext of DOCUMENT_EXTENSIONS) {
      expect(uninstall.ops).toContainEqual(expect.objectContaining({ command: 'DeleteRegValue', key: `${classesKey(ext)}\\OpenWithProgids`, value: 'NewsroomAnnotator.Document' }));
    }
  });

  it('starts the app with "--" before the file, so a file name cannot pass as a switch', () => {
    const commands = install.ops.filter((op) => op.key.endsWith('\\shell\\open\\command'));
    expect(commands.length).toBe(2);
    for (const op of commands) expect(op).toMatchObject({ value: '', data: '"$appExe" -- "%1"' });
  });

  it('tells Explorer the associations changed, after installing and after uninstalling', () => {
    for (const { lines } of [install, uninstall]) expect(lines.some((l) => /SHChangeNotify.*0x08000000/.test(l))).toBe(true);
  });
});
