// assets/installer.nsh for real, where this machine has the tools (Debian: `apt-get install nsis`
// for makensis; `dpkg --add-architecture i386 && apt-get install wine wine32:i386` for Wine, as
// NSIS builds 32-bit programs). A small installer made of electron-builder's two hooks
// (customInstall, customUnInstall) is compiled, then installed and uninstalled in a scratch Wine
// registry that already holds another program's entries. Without the tools these tests are
// skipped; test/unit/packaging-nsis.test.ts reads the script statically either way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS } from '../../electron/services/documents/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const haveMakensis = has('makensis', ['-VERSION']);
const haveWine = haveMakensis && has('wine', ['--version']);

// The same context electron-builder gives the hooks: $appExe set, SHELL_CONTEXT per user.
const HARNESS = `Unicode true
OutFile "install.exe"
RequestExecutionLevel user
!define PRODUCT_NAME "Newsroom Annotator"
!define APP_EXECUTABLE_FILENAME "Newsroom Annotator.exe"
Var appExe
!include "${path.join(root, 'assets', 'installer.nsh')}"
Section
  SetShellVarContext current
  StrCpy $appExe "C:\\Program Files\\Newsroom Annotator\\\${APP_EXECUTABLE_FILENAME}"
  !insertmacro customInstall
  WriteUninstaller "$EXEDIR\\uninstall.exe"
SectionEnd
Section "un.Uninstall"
  SetShellVarContext current
  !insertmacro customUnInstall
SectionEnd
`;

describe.skipIf(!haveMakensis)('assets/installer.nsh with makensis', () => {
  let dir = '';
  let prefixEnv: NodeJS.ProcessEnv = {};

  const wine = (...args: string[]) => {
    const run = spawnSync('wine', args, { cwd: dir, env: prefixEnv, encoding: 'utf8', timeout: 120_000 });
    spawnSync('wineserver', ['-w'], { env: prefixEnv, timeout: 120_000 });
    return run;
  };
  /** HKCU\Software\Classes as `wine reg export` writes it (UTF-16), decoded and without blank lines. */
  const classes = (): string => {
    const file = path.join(dir, 'classes.reg');
    fs.rmSync(file, { force: true });
    expect(wine('reg', 'export', 'HKCU\\Software\\Classes', 'classes.reg', '/y').status).toBe(0);
    const bytes = fs.readFileSync(file);
    const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
    return text.replace(/\r\n/g, '\n').replace(/\n{2,}/g, '\n').trim();
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-nsis-'));
    fs.writeFileSync(path.join(dir, 'harness.nsi'), HARNESS);
    prefixEnv = { ...process.env, WINEPREFIX: path.join(dir, 'prefix'), WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', DISPLAY: '' };
  });
  afterAll(() => {
    if (dir && !process.env.NA_KEEP_PACKAGING_TMP) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('compiles, with warnings treated as errors', () => {
    const run = spawnSync('makensis', ['-V2', '-WX', 'harness.nsi'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(fs.existsSync(path.join(dir, 'install.exe'))).toBe(true);
  });

  it.skipIf(!haveWine)('installs as "Open with" only, then uninstalls back to exactly what was there (Wine)', () => {
    expect(spawnSync('wineboot', ['-i'], { env: prefixEnv, timeout: 120_000 }).status).toBe(0);
    spawnSync('wineserver', ['-w'], { env: prefixEnv, timeout: 120_000 });
    // Another editor already offers itself for .md, and .html has a default program.
    expect(wine('reg', 'add', 'HKCU\\Software\\Classes\\.md\\OpenWithProgids', '/v', 'Other.Editor', '/t', 'REG_NONE', '/f').status).toBe(0);
    expect(wine('reg', 'add', 'HKCU\\Software\\Classes\\.html', '/ve', '/d', 'OtherBrowser.html', '/f').status).toBe(0);
    const before = classes();

    expect(wine('install.exe', '/S').status).toBe(0);
    const installed = classes();
    for (const ext of DOCUMENT_EXTENSIONS) {
      expect(installed, ext).toContain(`[HKEY_CURRENT_USER\\Software\\Classes\\${ext}\\OpenWithProgids]\n"NewsroomAnnotator.Document"=hex(0):`);
      expect(installed).toMatch(new RegExp(`\\\\SupportedTypes\\][^[]*"\\${ext}"=""`));
    }
    // Nobody's default changed: .html still opens in the other program, and no type names us.
    expect(installed).toContain('[HKEY_CURRENT_USER\\Software\\Classes\\.html]\n@="OtherBrowser.html"');
    expect(installed).not.toMatch(/\\Classes\\\.[a-z]+\]\n@="NewsroomAnnotator/);
    expect(installed).toContain('"Other.Editor"=hex(0):');
    expect(installed).toContain('[HKEY_CURRENT_USER\\Software\\Classes\\NewsroomAnnotator.Document\\shell\\open\\command]\n@="\\"C:\\\\Program Files\\\\Newsroom Annotator\\\\Newsroom Annotator.exe\\" -- \\"%1\\""');

    // `_?=` runs the uninstaller in place, so wine waits for it.
    expect(wine('uninstall.exe', '/S', `_?=Z:${dir.replace(/\//g, '\\')}`).status).toBe(0);
    expect(classes()).toBe(before);
  });
});
