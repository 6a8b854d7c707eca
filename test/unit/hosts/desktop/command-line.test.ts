import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShellCommandLine } from '../../../../electron/hosts/desktop/command-line.js';

describe('parseShellCommandLine', () => {
  it('takes .txt/.md positionals and --store, and skips the executable, the app folder and Chromium switches', () => {
    const parsed = parseShellCommandLine(
      ['/opt/electron/electron', '/work/app', '--no-sandbox', '--store', 'ws', 'a.txt', '--inspect=9229', 'B.MD', 'notes.odt', '--enable-logging'],
      '/home/me',
    );
    expect(parsed).toEqual({ storeDir: path.resolve('/home/me', 'ws'), files: [path.resolve('/home/me', 'a.txt'), path.resolve('/home/me', 'B.MD')] });
  });

  it('understands --store=DIR and absolute file paths, and has no store by default', () => {
    expect(parseShellCommandLine(['app', '--store=/data/ws', '/x/y.md'], '/cwd')).toEqual({ storeDir: path.resolve('/data/ws'), files: [path.resolve('/x/y.md')] });
    expect(parseShellCommandLine(['Newsroom Annotator.exe'], '/cwd')).toEqual({ files: [] });
  });

  it('takes every extension the readers open, in any case', () => {
    const names = ['a.txt', 'b.TEXT', 'c.md', 'd.Markdown', 'e.html', 'f.HTM', 'g.docx', 'h.srt', 'i.vtt', 'j.PDF'];
    expect(parseShellCommandLine(['app', ...names], '/cwd').files).toEqual(names.map((name) => path.resolve('/cwd', name)));
  });

  it('turns file:// URLs (what a %U desktop entry passes) into paths, decoding percent-escapes', () => {
    const parsed = parseShellCommandLine(
      ['newsroom-annotator', 'file:///home/me/My%20Documents/bridge%20story.txt', 'file:///home/me/R%C3%A9sum%C3%A9%20%2350.md', 'file://localhost/srv/notes.vtt'],
      '/elsewhere',
    );
    expect(parsed.files).toEqual([path.resolve('/home/me/My Documents/bridge story.txt'), path.resolve('/home/me/Résumé #50.md'), path.resolve('/srv/notes.vtt')]);
  });

  it('ignores other URL schemes, remote file URLs and unreadable extensions in URLs', () => {
    const parsed = parseShellCommandLine(
      ['app', 'https://example.org/story.txt', 'smb://server/share/a.md', 'file://server/share/b.md', 'file:///home/me/a%2Fb.txt', 'file:///home/me/photo.png', 'file:///home/me/ok.md'],
      '/cwd',
    );
    expect(parsed.files).toEqual([path.resolve('/home/me/ok.md')]);
  });

  it('reads a name with a colon as a file name, and skips the "--" that ends the switches', () => {
    expect(parseShellCommandLine(['app', '--', 'notes:draft.txt', '--', '/x/y.srt'], '/cwd').files).toEqual([path.resolve('/cwd', 'notes:draft.txt'), path.resolve('/x/y.srt')]);
  });

  it('takes every argument after "--" as a file, even one that starts with "-" or is spelt --store', () => {
    expect(parseShellCommandLine(['app', '--', '-draft.txt', '--notes.md', '--store', 'ws.md', '--store=x'], '/cwd')).toEqual({
      files: [path.resolve('/cwd', '-draft.txt'), path.resolve('/cwd', '--notes.md'), path.resolve('/cwd', 'ws.md')],
    });
    // Before "--" the same words are switches (Chromium's, or --store).
    expect(parseShellCommandLine(['app', '-draft.txt', '--store', 'ws', '--', '-draft.txt'], '/cwd')).toEqual({ storeDir: path.resolve('/cwd', 'ws'), files: [path.resolve('/cwd', '-draft.txt')] });
  });
});
