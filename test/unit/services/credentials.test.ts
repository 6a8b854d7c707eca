import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsFileOf, encryptedCredentialStore, fileCredentialStore } from '../../../electron/services/sync/credentials.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true }))));
async function workspace() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-credentials-'));
  dirs.push(dir);
  return dir;
}
const secret = { username: 'ben', password: 'correct horse battery staple' };
/** A reversible fake of safeStorage that marks its output, as the desktop stand-in does. */
const fakeEncryption = (available = true) => ({
  available: () => available,
  encrypt: (plain: string) => Buffer.from(`ENC:${Buffer.from(plain).reverse().toString('latin1')}`, 'latin1'),
  decrypt: (cipher: Uint8Array) => {
    const text = Buffer.from(cipher).toString('latin1');
    if (!text.startsWith('ENC:')) throw new Error('not ours');
    return Buffer.from(text.slice(4), 'latin1').reverse().toString();
  },
});

describe('fileCredentialStore', () => {
  it('keeps the password in <workspace>/sync/credentials.json, readable by this user only (mode 0600)', async () => {
    const file = credentialsFileOf(await workspace());
    const store = fileCredentialStore(file);
    await store.write(secret);
    expect(file.endsWith(path.join('sync', 'credentials.json'))).toBe(true);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fileCredentialStore(file).read()).toEqual(secret);
    // No temp file left beside it.
    expect(await fs.readdir(path.dirname(file))).toEqual(['credentials.json']);
  });

  it('clear() removes the file; reading then finds nothing', async () => {
    const file = credentialsFileOf(await workspace());
    const store = fileCredentialStore(file);
    expect(await store.read()).toBeNull();
    await store.write(secret);
    await store.clear();
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.read()).toBeNull();
  });

  it('a damaged file is reported without quoting it', async () => {
    const file = credentialsFileOf(await workspace());
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `{"password": "${secret.password}"`);
    const error = await fileCredentialStore(file).read().catch((e: Error) => e);
    expect(String(error)).toMatch(/damaged: unlink and link/);
    expect(String(error)).not.toContain(secret.password);
  });
});

describe('encryptedCredentialStore', () => {
  it('the file holds only ciphertext: no plain password or user name, and mode 0600', async () => {
    const file = credentialsFileOf(await workspace());
    const store = encryptedCredentialStore(file, fakeEncryption());
    await store.write(secret);
    const onDisk = await fs.readFile(file, 'utf8');
    expect(onDisk).not.toContain(secret.password);
    expect(onDisk).not.toContain('ben');
    expect(Buffer.from(JSON.parse(onDisk).ciphertext, 'base64').toString('latin1')).toMatch(/^ENC:/);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await encryptedCredentialStore(file, fakeEncryption()).read()).toEqual(secret);
    expect(store.kept).toMatch(/encrypted/);
    await store.clear();
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('without system encryption, falls back to the 0600 file and says so', async () => {
    const file = credentialsFileOf(await workspace());
    const store = encryptedCredentialStore(file, fakeEncryption(false));
    await store.write(secret);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).password).toBe(secret.password);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(store.kept).toMatch(/only your user account can read .*no encryption/);
  });

  it('ciphertext another keychain cannot decrypt asks to link again, without the ciphertext', async () => {
    const file = credentialsFileOf(await workspace());
    await encryptedCredentialStore(file, fakeEncryption()).write(secret);
    const other = { ...fakeEncryption(), decrypt: () => { throw new Error('bad key'); } };
    await expect(encryptedCredentialStore(file, other).read()).rejects.toThrow(/cannot be decrypted on this computer.*link the workspace again/);
  });
});
