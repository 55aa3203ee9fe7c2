import { safeStorage } from 'electron';
import type { SecretWrapper } from '../services/signing/secret-wrapper';

/**
 * Wraps stored signing keys with the operating system's keychain (Electron safeStorage) as a second
 * lock beside the passphrase. Where the OS offers no keychain (some Linux desktops), keys are stored
 * with the passphrase alone rather than with a fake lock.
 */
export function safeStorageSecrets(): SecretWrapper | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    wrap: (bytes) => safeStorage.encryptString(bytes.toString('base64')),
    unwrap: (bytes) => Buffer.from(safeStorage.decryptString(bytes), 'base64'),
  };
}
