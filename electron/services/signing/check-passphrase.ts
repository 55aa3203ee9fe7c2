import { AppError } from '../../../shared/ipc/result';
import type { IdentityStore, UnlockedIdentity } from './identity-store';

/**
 * Opens an identity for the signatures of one task (a report, a package): the key is decrypted once,
 * before anything changes, and used after printing or packing. A wrong passphrase lands on the form's
 * passphrase field (reports and package exports ask the same way).
 */
export function openWithPassphrase(identities: IdentityStore, id: string, passphrase: string): UnlockedIdentity {
  try {
    return identities.open(id, passphrase);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation')
      throw new AppError('validation', error.message, [{ path: ['passphrase'], message: 'reports.errors.wrongPassphrase' }]);
    throw error;
  }
}
