import type { TFunction } from 'i18next';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { formatNumber } from '../../format';
import { translateServiceMessage } from '../../i18n';
import { parseExchangeRefusal } from '../../../../shared/exchange/refusals';

const prefix = 'exchange.refused.';

/** Digits in the user's digit set inside plain numbers (sizes, counts, versions stay as they are otherwise). */
export function localDigits(value: string): string {
  return /^\d+(\.\d+)?$/.test(value)
    ? value
        .split('.')
        .map((p) => formatNumber(Number(p)))
        .join('.')
    : value;
}

function messageLine(t: TFunction, message: string): string {
  const parsed = parseExchangeRefusal(message);
  if (parsed === null) return translateServiceMessage(message);
  const params = Object.fromEntries(Object.entries(parsed.params).map(([k, v]) => [k, localDigits(v)]));
  return t(`${prefix}${parsed.key}`, params);
}

/**
 * Why a package could not be read, checked or imported, as lines in the user's language: refusals are
 * catalogue keys with values; anything else is the service's message or the general text for its code.
 */
export function errorLines(t: TFunction, error: AppErrorData): string[] {
  const lines = (error.issues ?? []).map((issue) => messageLine(t, issue.message)).filter((l) => l !== '');
  if (lines.length > 0) return [...new Set(lines)];
  if (parseExchangeRefusal(error.message) !== null) return [messageLine(t, error.message)];
  // A catalogue key is said in the user's language; plain English from inside the services is not shown.
  const translated = translateServiceMessage(error.message);
  if (translated !== error.message) return [translated];
  return [error.message === 'network' ? t('errors.network') : t(`errors.${error.code}`)];
}

/** Megabytes with one decimal; anything above nothing shows as at least 0.1. */
export function megabytes(bytes: number): string {
  const tenths = Math.round((bytes / (1024 * 1024)) * 10);
  return localDigits(String((bytes > 0 ? Math.max(1, tenths) : 0) / 10));
}

/** Options for a counted message: `count` picks the plural form, `n` shows it in the user's digits. */
export const counted = (count: number, extra: Record<string, string> = {}) => ({ count, n: formatNumber(count), ...extra });
