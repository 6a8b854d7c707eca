// electron-builder.yml and the packaging resources in assets/, checked against what the readers
// open (DOCUMENT_EXTENSIONS) and against electron-builder's own loader and schema.
// assets/installer.nsh is read in packaging-nsis.test.ts; what electron-builder generates from
// them all is checked in test/packaging/.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS } from '../../electron/services/documents/index.js';
import { loadBuilderConfig, requireFromRoot, root, type BuilderConfig, type FileAssociation } from './packaging/builder-config.js';

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
  '.pdf': 'application/pdf', // IANA (RFC 8118); shared-mime-info glob *.pdf
  '.srt': 'application/x-subrip', // shared-mime-info glob *.srt (SubRip has no IANA registration)
  '.vtt': 'text/vtt', // IANA (W3C WebVTT); shared-mime-info glob *.vtt
};
/** Older names desktops may still use for the same files. */
const MIME_ALIASES: Record<string, string> = { 'text/x-markdown': 'text/markdown' };

const extensionsOf = (associations: FileAssociation[] | undefined): string[] =>
  (associations ?? []).flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext])).map((ext) => `.${ext.replace(/^\./, '').toLowerCase()}`);

const sorted = (values: Iterable<string>): string[] => [...values].sort();

let config: BuilderConfig;

beforeAll(async () => {
  config = await loadBuilderConfig();
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
  it('takes the desktop app’s entry points (and the document reader and suggestions workers main.js starts) only, not the clone-only start/serve/CLI bundles', () => {
    // The loader normalizes `files` to [{ filter: [...] }].
    const patterns = config.files.flatMap((set) => (typeof set === 'string' ? [set] : set.filter));
    expect(patterns).toEqual(['package.json', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/electron/document-reader-worker.js', 'dist/electron/suggestions-worker.js', 'dist/renderer/**/*', '!**/*.map', '!**/*.{ts,tsx,mts,cts}', '!**/node_modules/@napi-rs/**', '!**/node_modules/pdfjs-dist/{build,web,image_decoders,types}/**', '!**/node_modules/pdfjs-dist/legacy/{web,image_decoders}/**']);
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
