// The desktop keeps the team password through Electron's safeStorage (the system keychain):
// the file holds only ciphertext. Where the system offers no encryption, a 0600 file instead,
// and the Team view says so.
import { safeStorage } from 'electron';
import { credentialsFileOf, encryptedCredentialStore, type DescribedCredentialStore } from '../../services/sync/credentials.js';

/** Linux without a keyring: safeStorage "encrypts" with a fixed key, which protects nothing. */
const onlyObscured = () => process.platform === 'linux' && typeof safeStorage.getSelectedStorageBackend === 'function' && safeStorage.getSelectedStorageBackend() === 'basic_text';

export function keychainCredentialStore(workspaceDir: string): DescribedCredentialStore {
  return encryptedCredentialStore(credentialsFileOf(workspaceDir), {
    available: () => safeStorage.isEncryptionAvailable() && !onlyObscured(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
  });
}
