import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVE_USAGE, parseServeArgs, type ServeOptions } from '../../../../electron/hosts/browser/serve.js';
import { defaultWorkspaceDir } from '../../../../electron/services/store/paths.js';

function options(argv: string[]): ServeOptions {
  const parsed = parseServeArgs(argv);
  if (parsed === 'help') throw new Error('expected options, got "help"');
  return parsed;
}

describe('parseServeArgs', () => {
  it('defaults to the user-data workspace, any free port and no files', () => {
    expect(parseServeArgs([])).toEqual({ store: defaultWorkspaceDir(), port: 0, files: [] });
  });

  it('reads --store and --port, in either spelling', () => {
    expect(parseServeArgs(['--store', '/tmp/ws', '--port', '8123'])).toEqual({ store: '/tmp/ws', port: 8123, files: [] });
    expect(parseServeArgs(['--store=/srv/newsroom', '--port=0'])).toEqual({ store: '/srv/newsroom', port: 0, files: [] });
    expect(options(['--port', '65535']).port).toBe(65535);
  });

  it('takes positionals as files to open, in order, wherever they appear', () => {
    // Relative to the folder npm was run from (INIT_CWD), not the package's.
    const base = process.env.INIT_CWD ?? process.cwd();
    expect(parseServeArgs(['a.txt', '--port', '0', 'b c.md', '--store', 'ws', 'd.txt'])).toEqual({
      store: path.resolve(base, 'ws'),
      port: 0,
      files: ['a.txt', 'b c.md', 'd.txt'].map((file) => path.resolve(base, file)),
    });
    // After --, even a name that looks like an option is a file.
    expect(options(['--', '--port']).files).toEqual([path.resolve(base, '--port')]);
  });

  it.each(['abc', '65536', '99999', '8080.5', '-1', 'NaN', 'Infinity'])('refuses --port %s with a message naming the allowed range', (port) => {
    expect(() => parseServeArgs([`--port=${port}`])).toThrow(/--port must be a whole number from 0 to 65535/);
  });

  it('quotes the bad value in the message', () => {
    expect(() => parseServeArgs(['--port', 'eighty'])).toThrow('not "eighty"');
  });

  it.each(['', ' ', '0x1F90', '1e3'])('refuses the non-decimal --port value %j', (port) => {
    expect(() => parseServeArgs([`--port=${port}`])).toThrow(/--port/);
  });

  it('refuses an empty --store', () => {
    expect(() => parseServeArgs(['--store='])).toThrow(/--store/);
  });

  it('throws on an unknown option and on an option without its value', () => {
    expect(() => parseServeArgs(['--bogus'])).toThrow(/bogus/);
    expect(() => parseServeArgs(['--port'])).toThrow(/port/);
    expect(() => parseServeArgs(['--store'])).toThrow(/store/);
  });

  it('returns "help" for --help and -h, even next to other arguments', () => {
    expect(parseServeArgs(['--help'])).toBe('help');
    expect(parseServeArgs(['-h'])).toBe('help');
    expect(parseServeArgs(['a.txt', '--port', '1', '--help'])).toBe('help');
  });

  it('documents every option in the usage text', () => {
    for (const option of ['--store DIR', '--port N', 'FILE...']) expect(SERVE_USAGE).toContain(option);
    expect(SERVE_USAGE).toContain(defaultWorkspaceDir());
  });
});
