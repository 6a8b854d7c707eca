// Where a workspace lives when the user has not chosen: the same user-data folder Electron's
// app.getPath('userData') gives, so the desktop app and the browser host share one workspace.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Newsroom Annotator';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

export function defaultWorkspaceDir(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string {
  return path.join(userDataDir(env, platform), 'workspace');
}
