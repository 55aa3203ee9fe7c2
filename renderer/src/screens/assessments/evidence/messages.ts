import type { TFunction } from 'i18next';
import { parseRefusal } from '../../../../../shared/evidence/refusals';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { formatNumber } from '../../../format';
import { translateServiceMessage } from '../../../i18n';

/** Digits in the user's digit set inside a refusal's values (sizes, limits). */
function localDigits(value: string): string {
  return /^[0-9.]+$/.test(value)
    ? value
        .split('.')
        .map((p) => formatNumber(Number(p)))
        .join('.')
    : value;
}

/**
 * An error from the evidence services as lines in the user's language: refusals carry catalogue keys
 * with their values (file name, sizes); anything else falls back to the service's message or the
 * general text for its code.
 */
export function errorLines(t: TFunction, error: AppErrorData): string[] {
  const lines = (error.issues ?? [])
    .map((issue) => {
      const parsed = parseRefusal(issue.message);
      if (parsed === null) return translateServiceMessage(issue.message);
      const params = Object.fromEntries(Object.entries(parsed.params).map(([k, v]) => [k, localDigits(v)]));
      return t(`evidence.refused.${parsed.key}`, params);
    })
    .filter((l) => l !== '');
  if (lines.length > 0) return lines;
  return [error.message === 'network' ? t('errors.network') : t(`errors.${error.code}`)];
}

export function sizeText(t: TFunction, bytes: number): string {
  if (bytes < 1024 * 1024) return t('evidence.item.sizeKb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
  return t('evidence.item.size', { size: localDigits((bytes / (1024 * 1024)).toFixed(1)) });
}

/** One decimal; anything above nothing shows as at least 0.1, so a few small files never read "0 MB". */
export function megabytesText(bytes: number): string {
  const tenths = Math.round((bytes / (1024 * 1024)) * 10);
  return localDigits(String((bytes > 0 ? Math.max(1, tenths) : 0) / 10));
}
