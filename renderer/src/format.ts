import { toBengaliDigits } from '../../shared/validation/digits';
import { currentLanguage } from './i18n';

/**
 * Numbers, dates and percentages as the screens show them: Bengali digits (০–৯) whenever the language is
 * Bangla, Western digits in English — never both systems in one sentence. Identifiers (criterion ids,
 * ISCO codes, hashes, versions) are not numbers and are shown as they are.
 */
export function formatNumber(n: number): string {
  const text = String(n);
  return currentLanguage() === 'bn' ? toBengaliDigits(text) : text;
}

export function formatDateTime(iso: string): string {
  const locale = currentLanguage() === 'bn' ? 'bn-BD' : 'en-GB';
  // The same 24-hour clock in both languages: Bangla's default is "১২:৪২ AM", half English and ambiguous.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
}

/** Options for a counted message: `count` picks the plural form (`_one` / `_other`), `n` shows it in the user's digits. */
export function counted(count: number, extra: Record<string, string> = {}): { count: number; n: string } & Record<string, string | number> {
  return { count, n: formatNumber(count), ...extra };
}
