// electron-builder.yml and the packaging resources in assets/, checked against what the readers
// open (DOCUMENT_EXTENSIONS) and against electron-builder's own loader and schema. What
// electron-builder generates from them is checked in test/packaging/.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS } from '../../electron/services/documents/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));

/**
 * The MIME type of each extension the readers open, as shared-mime-info (freedesktop.org.xml,
 * which Linux desktops match file names with) and the IANA media-type registry name it.
 * A reader that adds an extension must add its type here and to linux.mimeTypes.
 */
const MIME_TYPE_OF: Record<string, string> = {
  '.txt': 'text/plain', // IANA (RFC 2046); shared-mime-info glob *.txt
  '.text': 'text/plain', // no glob in shared-mime-info: detected by content as text/plain
  '.md': 'text/markdown', // IANA (RFC 7763); shared-mime-info glob *.md
  '.markdown': 'text/markdown', // shared-mime-info glob *.markdown
  '.html': 'text/html', // IANA; shared-mime-info glob *.html (weight 80, over xhtml's 50)
  '.htm': 'text/html', // shared-mime-info glob *.htm
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', // IANA (ECMA-376)
  '.srt': 'application/x-subrip', // shared-mime-info glob *.srt (SubRip has no IANA registration)
  '.vtt': 'text/vtt', // IANA (W3C WebVTT); shared-mime-info glob *.vtt
};
/** Older names desktops may still use for the same files. */
const MIME_ALIASES: Record<string, string> = { 'text/x-markdown': 'text/markdown' };

interface FileAssociation {
  ext: string | string[];
  name?: string;
  role?: string;
  rank?: string;
  mimeType?: string;
}
interface BuilderConfig {
  files: Array<string | { filter: string[] }>;
  fileAssociations?: FileAssociation[];
  linux: { mimeTypes: string[]; executableArgs?: string[]; fileAssociations?: FileAssociation[]; executableName: string };
  deb: { executableArgs?: string[] };
  appImage: { executableArgs?: string[] };
  win: { fileAssociations?: FileAssociation[] };
  nsis: { include?: string; perMachine?: boolean };
  mac: {
    fileAssociations: FileAssociation[];
    hardenedRuntime?: boolean;
    notarize?: boolean;
    identity?: string | null;
    entitlements?: string;
    entitlementsInherit?: string;
  };
}

const extensionsOf = (associations: FileAssociation[] | undefined): string[] =>
  (associations ?? []).flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext])).map((ext) => `.${ext.replace(/^\./, '').toLowerCase()}`);

const sorted = (values: Iterable<string>): string[] => [...values].sort();

let config: BuilderConfig;

beforeAll(async () => {
  // electron-builder's own loader (the one the CLI uses), then its schema check.
  const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
});

describe('electron-builder.yml: the document types', () => {
  it('associates exactly the readers’ extensions on macOS, and nothing at the top level', () => {
    expect(sorted(extensionsOf(config.mac.fileAssociations))).toEqual(sorted(DOCUMENT_EXTENSIONS));
    expect(new Set(extensionsOf(config.mac.fileAssociations)).size).toBe(extensionsOf(config.mac.fileAssociations).length);
    // A top-level (or win) list would make electron-builder's NSIS script take over each
    // extension's default program; Linux uses mimeTypes instead.
    expect(config.fileAssociations ?? []).toEqual([]);
    expect(config.win.fileAssociations ?? []).toEqual([]);
    expect(config.linux.fileAssociations ?? []).toEqual([]);
  });

  it('never claims to be the default editor on macOS', () => {
    for (const association of config.mac.fileAssociations) {
      expect(association, String(association.ext)).toMatchObject({ role: 'Editor', rank: 'Alternate' });
      expect(association.name).toBeTruthy();
    }
  });

  it('has a known MIME type for every extension the readers open', () => {
    const unknown = DOCUMENT_EXTENSIONS.filter((ext) => !MIME_TYPE_OF[ext]);
    expect(unknown, 'add these to MIME_TYPE_OF and linux.mimeTypes').toEqual([]);
  });

  it('lists on Linux every reader’s MIME type, and no type that no reader opens', () => {
    const wanted = new Set(DOCUMENT_EXTENSIONS.map((ext) => MIME_TYPE_OF[ext]));
    const listed = config.linux.mimeTypes;
    expect(sorted(new Set(listed))).toEqual(sorted(listed)); // no repeats
    expect([...wanted].filter((type) => type && !listed.includes(type))).toEqual([]);
    expect(listed.filter((type) => !wanted.has(MIME_ALIASES[type] ?? type))).toEqual([]);
  });

  const sharedMimeInfo = '/usr/share/mime/packages/freedesktop.org.xml';
  it.skipIf(!fs.existsSync(sharedMimeInfo))('agrees with this machine’s shared-mime-info on every extension that has a glob', () => {
    const xml = fs.readFileSync(sharedMimeInfo, 'utf8');
    const best = new Map<string, { type: string; weight: number }>();
    for (const block of xml.matchAll(/<mime-type type="([^"]+)">([\s\S]*?)<\/mime-type>/g)) {
      for (const glob of block[2]!.matchAll(/<glob pattern="\*(\.[^"*?[]+)"(?:\s+weight="(\d+)")?/g)) {
        const ext = glob[1]!.toLowerCase();
        const weight = Number(glob[2] ?? 50);
        if ((best.get(ext)?.weight ?? -1) < weight) best.set(ext, { type: block[1]!, weight });
      }
    }
    for (const ext of DOCUMENT_EXTENSIONS) {
      const found = best.get(ext);
      if (found) expect(found.type, ext).toBe(MIME_TYPE_OF[ext]);
    }
  });
});

describe('electron-builder.yml: Linux launchers', () => {
  it('has the deb’s desktop entry pass files (%F), and keeps the AppImage’s free of --no-sandbox', () => {
    expect(config.deb.executableArgs).toEqual(['%F']);
    // linux.* is merged (arrays concatenated) into appImage, whose Exec always ends in %U:
    // a %F there would give it two field codes.
    expect(config.linux.executableArgs).toBeUndefined();
    expect(config.appImage.executableArgs).toEqual([]);
  });
});

describe('electron-builder.yml: app.asar contents', () => {
  it('takes the desktop app’s entry points only, not the clone-only start/serve/CLI bundles', () => {
    // The loader normalizes `files` to [{ filter: [...] }].
    const patterns = config.files.flatMap((set) => (typeof set === 'string' ? [set] : set.filter));
    expect(patterns).toEqual(['package.json', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/**/*', '!**/*.map', '!**/*.{ts,tsx,mts,cts}']);
  });
});

describe('electron-builder.yml: macOS signing and notarization', () => {
  it('signs with the hardened runtime and notarizes when the credentials are in the environment', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    // An explicit identity (or null) would override CSC_LINK / CSC_NAME from the environment.
    expect(config.mac).not.toHaveProperty('identity');
  });

  it('gives the app and its helpers only the allow-jit entitlement', async () => {
    expect(config.mac.entitlements).toBe('assets/entitlements.mac.plist');
    // Without this electron-builder's template (three entitlements) signs the helpers.
    expect(config.mac.entitlementsInherit).toBe('assets/entitlements.mac.plist');
    const { parsePlistFile } = requireFromRoot('app-builder-lib/out/util/plist') as { parsePlistFile(file: string): Promise<unknown> };
    expect(await parsePlistFile(path.join(root, 'assets', 'entitlements.mac.plist'))).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });
});

// ---------------------------------------------------------------------------------------
// assets/installer.nsh, read statically: NSIS only runs on Windows (or under Wine, which
// test/packaging/nsis-open-with.test.ts uses when it is installed).

interface RegistryOp {
  command: string;
  key: string;
  /** The value's name ('' for the key's default value). */
  value?: string;
  data?: string;
  /** The macros it was expanded from, outermost first. */
  via: string[];
}

/** Splits an NSIS line into words, honouring "...", '...' and `...` quoting. */
function nsisWords(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+)/g;
  for (const m of line.matchAll(re)) {
    if (m[4]?.startsWith(';') || m[4]?.startsWith('#')) break;
    words.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return words;
}

/** Expands a macro of the script with its !defines and arguments, collecting the registry commands. */
function expandMacro(script: string, name: string, defines: Record<string, string>): { ops: RegistryOp[]; lines: string[] } {
  const macros = new Map<string, { params: string[]; body: string[] }>();
  const allDefines = { ...defines };
  let current: { name: string; params: string[]; body: string[] } | null = null;
  for (const raw of script.split(/\r?\n/)) {
    const line = raw.trim();
    const words = nsisWords(line);
    if (words[0] === '!macro') current = { name: words[1]!, params: words.slice(2), body: [] };
    else if (words[0] === '!macroend' && current) {
      macros.set(current.name, current);
      current = null;
    } else if (current) current.body.push(line);
    else if (words[0] === '!define') allDefines[words[1]!] = words[2] ?? '';
  }
  const substitute = (text: string, vars: Record<string, string>): string => {
    let out = text;
    for (let i = 0; i < 10 && /\$\{\w+\}/.test(out); i++) out = out.replace(/\$\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);
    return out;
  };
  const ops: RegistryOp[] = [];
  const lines: string[] = [];
  const run = (macroName: string, args: string[], via: string[]): void => {
    const macro = macros.get(macroName);
    if (!macro) throw new Error(`installer.nsh: no macro ${macroName}`);
    const vars = { ...allDefines, ...Object.fromEntries(macro.params.map((p, i) => [p, args[i] ?? ''])) };
    for (const bodyLine of macro.body) {
      const words = nsisWords(substitute(bodyLine, vars));
      if (words.length === 0) continue;
      lines.push(words.join(' '));
      if (words[0] === '!insertmacro') run(words[1]!, words.slice(2), [...via, macroName]);
      else if (/^(WriteReg|DeleteReg)/.test(words[0]!)) {
        const flagless = words.filter((w) => !w.startsWith('/'));
        ops.push({ command: flagless[0]!, key: `${flagless[1]}\\${flagless[2]}`, value: flagless[3], data: flagless[4], via: [...via, macroName] });
      }
    }
  };
  run(name, [], []);
  return { ops, lines };
}

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

// ---------------------------------------------------------------------------------------

describe('assets/linux/newsroom-annotator-appimage (AppArmor, for the AppImage)', () => {
  const profile = fs.readFileSync(path.join(root, 'assets', 'linux', 'newsroom-annotator-appimage'), 'utf8');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const header = /^profile\s+(\S+)\s+(\S+)\s+flags=\(unconfined\)\s*\{$/m.exec(profile);

  it('allows user namespaces to the AppImage at one root-owned path, and restricts nothing', () => {
    expect(profile).toMatch(/^abi <abi\/4\.0>,$/m); // userns rules need AppArmor 4 (Ubuntu 23.10+)
    expect(profile).toMatch(/^include <tunables\/global>$/m);
    expect(header?.[2]).toBe('/opt/newsroom-annotator/newsroom-annotator.AppImage');
    expect(profile).toMatch(/^\s+userns,$/m);
  });

  it('does not clash with the profile the deb installs (named after the executable)', () => {
    expect(header?.[1]).toBe('newsroom-annotator-appimage');
    expect(header?.[1]).not.toBe(config.linux.executableName);
  });

  it('is installed by the README’s commands at the path it attaches to', () => {
    const packaging = readme.slice(readme.indexOf('## Packaging'));
    expect(readme).toContain('## Packaging');
    expect(packaging).toContain('/opt/newsroom-annotator/newsroom-annotator.AppImage');
    expect(packaging).toContain('assets/linux/newsroom-annotator-appimage');
    expect(packaging).toContain('apparmor_parser -r /etc/apparmor.d/newsroom-annotator-appimage');
  });
});
