import { AppError } from '../../../shared/ipc/result';
import type { IdentityStore } from './identity-store';

/** A wrong passphrase lands on the form's passphrase field (reports and package exports ask the same way). */
export function checkPassphrase(identities: IdentityStore, id: string, passphrase: string): void {
  try {
    identities.checkPassphrase(id, passphrase);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation')
      throw new AppError('validation', error.message, [{ path: ['passphrase'], message: 'reports.errors.wrongPassphrase' }]);
    throw error;
  }
}
