// Where a linked workspace keeps its user name and password (<workspace>/sync/credentials.json):
// a file only this user may read, or the same file holding only ciphertext that the desktop
// shell's safeStorage made. No electron import: the shell hands its encrypt/decrypt in.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../store/durable-json-file.js';
import type { CredentialStore } from './team-sync-api.js';

export const CREDENTIALS_SCHEMA_VERSION = 1;
/** Readable and writable by this user only. */
export const CREDENTIALS_FILE_MODE = 0o600;

export const credentialsFileOf = (workspaceDir: string) => path.join(workspaceDir, 'sync', 'credentials.json');

type Credentials = { username: string; password: string };

/** How the password is kept, in words for the Team view. */
export interface DescribedCredentialStore extends CredentialStore {
  readonly kept: string;
}

export interface Encryption {
  encrypt(plain: string): Uint8Array;
  decrypt(cipher: Uint8Array): string;
  available(): boolean;
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`The saved team password could not be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): link the workspace again.`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    // Never quote the file: it may hold the password.
    throw new Error('The saved team password is damaged: unlink and link the workspace again.');
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFileDurably(file, `${JSON.stringify(value)}\n`, { mode: CREDENTIALS_FILE_MODE });
}

const asCredentials = (value: unknown): Credentials | null => {
  const { username, password } = (value ?? {}) as Partial<Credentials>;
  return typeof username === 'string' && typeof password === 'string' ? { username, password } : null;
};

async function clearFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/** JSON in a file only this user may read (mode 0600). */
export function fileCredentialStore(file: string): DescribedCredentialStore {
  return {
    kept: 'Your password is kept in a file only your user account can read (this system offers no encryption for it).',
    async read() {
      const json = await readJson(file);
      return json && asCredentials(json);
    },
    async write(credentials) {
      await writeJson(file, { schemaVersion: CREDENTIALS_SCHEMA_VERSION, username: credentials.username, password: credentials.password });
    },
    clear: () => clearFile(file),
  };
}

/**
 * The same file holding only ciphertext (base64) from the system's encryption (Electron's
 * safeStorage). Where the system offers none, the 0600 file, and the Team view says so.
 */
export function encryptedCredentialStore(file: string, encryption: Encryption): DescribedCredentialStore {
  if (!encryption.available()) return fileCredentialStore(file);
  return {
    kept: 'Your password is kept encrypted by this computer’s keychain.',
    async read() {
      const json = await readJson(file);
      if (!json) return null;
      if (typeof json.ciphertext !== 'string') throw new Error('The saved team password was not kept encrypted: unlink and link the workspace again.');
      let plain: string;
      try {
        plain = encryption.decrypt(Buffer.from(json.ciphertext, 'base64'));
      } catch {
        throw new Error('The saved team password cannot be decrypted on this computer (another user account, or a new keychain): link the workspace again.');
      }
      return asCredentials(JSON.parse(plain));
    },
    async write(credentials) {
      const cipher = encryption.encrypt(JSON.stringify({ username: credentials.username, password: credentials.password }));
      await writeJson(file, { schemaVersion: CREDENTIALS_SCHEMA_VERSION, encrypted: true, ciphertext: Buffer.from(cipher).toString('base64') });
    },
    clear: () => clearFile(file),
  };
}
