import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_NAME, defaultWorkspaceDir, userDataDir } from '../../../electron/services/store/paths.js';

// os.homedir() follows HOME on Linux and macOS, so the expected folders are known exactly.
const HOME = '/home/tester';

beforeEach(() => {
  vi.stubEnv('HOME', HOME);
  vi.stubEnv('USERPROFILE', HOME);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.runIf(process.platform !== 'win32')('userDataDir', () => {
  it('is named after the app, like Electron’s userData folder', () => {
    expect(APP_NAME).toBe('Newsroom Annotator');
  });

  it('uses ~/.config on Linux without XDG_CONFIG_HOME', () => {
    expect(userDataDir({}, 'linux')).toBe('/home/tester/.config/Newsroom Annotator');
  });

  it('uses XDG_CONFIG_HOME on Linux when it is set', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux')).toBe('/data/cfg/Newsroom Annotator');
  });

  it('other Unix-like systems follow the Linux rule', () => {
    expect(userDataDir({}, 'freebsd')).toBe('/home/tester/.config/Newsroom Annotator');
  });

  it('treats an empty XDG_CONFIG_HOME as unset', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe('/home/tester/.config/Newsroom Annotator');
  });

  it('uses ~/Library/Application Support on macOS, ignoring XDG_CONFIG_HOME', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'darwin')).toBe('/home/tester/Library/Application Support/Newsroom Annotator');
  });

  it('uses APPDATA on Windows', () => {
    const appData = path.join('/', 'Users', 'ann', 'AppData', 'Roaming');
    expect(userDataDir({ APPDATA: appData }, 'win32')).toBe(path.join(appData, 'Newsroom Annotator'));
  });

  it('falls back to ~/AppData/Roaming on Windows without APPDATA', () => {
    expect(userDataDir({}, 'win32')).toBe(path.join(HOME, 'AppData', 'Roaming', 'Newsroom Annotator'));
  });

  it('reads process.env and process.platform by default', () => {
    vi.stubEnv('XDG_CONFIG_HOME', '/from/env');
    const expected = process.platform === 'darwin' ? '/home/tester/Library/Application Support/Newsroom Annotator' : '/from/env/Newsroom Annotator';
    expect(userDataDir()).toBe(expected);
  });

  it('puts the default workspace in a "workspace" folder inside it', () => {
    expect(defaultWorkspaceDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux')).toBe('/data/cfg/Newsroom Annotator/workspace');
    expect(defaultWorkspaceDir({}, 'darwin')).toBe('/home/tester/Library/Application Support/Newsroom Annotator/workspace');
  });

  it('always gives an absolute path', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(path.isAbsolute(userDataDir({}, platform)), platform).toBe(true);
    }
  });
});
