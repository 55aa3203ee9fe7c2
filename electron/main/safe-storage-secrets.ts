import { safeStorage } from 'electron';
import type { SecretWrapper } from '../services/signing/secret-wrapper';

/**
 * Wraps stored signing keys with the operating system's keychain (Electron safeStorage) as a second
 * lock beside the passphrase. Where the OS offers no keychain, keys are stored with the passphrase
 * alone rather than with a fake lock. Call after `app.whenReady()`: the Linux backend is chosen then.
 */
export function safeStorageSecrets(): SecretWrapper | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  // Linux without a keyring (no GNOME Keyring or KWallet): Chromium falls back to 'basic_text', which
  // "encrypts" with a key hard-coded in every copy of Chromium. That is no lock at all, and wrapping with
  // it would only stop the command line and browser host from opening the key.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    kind: 'os-keychain',
    wrap: (bytes) => safeStorage.encryptString(bytes.toString('base64')),
    unwrap: (bytes) => Buffer.from(safeStorage.decryptString(bytes), 'base64'),
  };
}
