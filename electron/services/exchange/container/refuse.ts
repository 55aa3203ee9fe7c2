import {
  exchangeRefusal,
  exchangeRefusalInEnglish,
  type ExchangeRefusalKey,
  type ExchangeRefusalParams,
} from '../../../../shared/exchange/refusals';
import { AppError } from '../../../../shared/ipc/result';

/**
 * A refused package: a validation error whose one issue is the catalogue key with its values (shown in
 * the user's language), and whose message is the English text (logs, command line).
 */
export function refused(key: ExchangeRefusalKey, params: ExchangeRefusalParams = {}): AppError {
  const message = exchangeRefusal(key, params);
  return new AppError('validation', exchangeRefusalInEnglish(message), [{ path: [], message }]);
}

/** The refusal key of an error, or null when it is not a package refusal. */
export function refusalKeyOf(error: unknown): ExchangeRefusalKey | null {
  if (!(error instanceof AppError)) return null;
  const message = error.issues?.[0]?.message ?? '';
  const m = /^exchange\.refused\.(\w+)/.exec(message);
  return m ? (m[1] as ExchangeRefusalKey) : null;
}
