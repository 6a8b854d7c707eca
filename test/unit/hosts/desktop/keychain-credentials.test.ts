// The desktop keeps the team password through safeStorage: on disk only ciphertext, in a 0600
// file; without system encryption (or Linux's basic_text "encryption"), the plain 0600 file, said so.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);
const { safeStorage } = await import('./fake-electron.js');
const { keychainCredentialStore } = await import('../../../../electron/hosts/desktop/keychain-credentials.js');
const { credentialsFileOf } = await import('../../../../electron/services/sync/credentials.js');

const dirs: string[] = [];
afterEach(async () => {
  vi.mocked(safeStorage.isEncryptionAvailable).mockReturnValue(true);
  vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue('gnome_libsecret');
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});
async function workspace() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-keychain-'));
  dirs.push(dir);
  return dir;
}
const secret = { username: 'ben', password: 'desk-password-42' };

describe('keychainCredentialStore', () => {
  it('writes only safeStorage’s ciphertext, in a file only this user reads, and clear() removes it', async () => {
    const dir = await workspace();
    const store = keychainCredentialStore(dir);
    await store.write(secret);
    const onDisk = await fs.readFile(credentialsFileOf(dir), 'utf8');
    expect(onDisk).not.toContain(secret.password);
    expect(Buffer.from(JSON.parse(onDisk).ciphertext, 'base64').toString()).toMatch(/^fake-safeStorage:/);
    if (process.platform !== 'win32') expect((await fs.stat(credentialsFileOf(dir))).mode & 0o777).toBe(0o600);
    expect(await keychainCredentialStore(dir).read()).toEqual(secret);
    expect(store.kept).toMatch(/encrypted by this computer’s keychain/);
    await store.clear();
    await expect(fs.stat(credentialsFileOf(dir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['no system encryption', () => vi.mocked(safeStorage.isEncryptionAvailable).mockReturnValue(false)],
    ['Linux without a keyring', () => (process.platform === 'linux' ? vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue('basic_text') : vi.mocked(safeStorage.isEncryptionAvailable).mockReturnValue(false))],
  ])('with %s, keeps the 0600 file and says so', async (_what, arrange) => {
    arrange();
    const dir = await workspace();
    const store = keychainCredentialStore(dir);
    await store.write(secret);
    expect(JSON.parse(await fs.readFile(credentialsFileOf(dir), 'utf8')).password).toBe(secret.password);
    expect(store.kept).toMatch(/only your user account can read .*no encryption/);
  });
});
