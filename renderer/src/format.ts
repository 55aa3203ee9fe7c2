import { toBengaliDigits } from '../../shared/validation/digits';
import { currentLanguage } from './i18n';

let useBengaliDigits = false;

export function setBengaliDigits(on: boolean): void {
  useBengaliDigits = on;
}

/** The user's "Bengali digits" setting (it applies where the language is Bangla: the screens, a Bangla report). */
export function bengaliDigitsOn(): boolean {
  return useBengaliDigits;
}

/** Numbers in the user's digit set: Bengali digits only when Bangla is on and the setting asks for them. */
export function formatNumber(n: number): string {
  const text = String(n);
  return currentLanguage() === 'bn' && useBengaliDigits ? toBengaliDigits(text) : text;
}

export function formatDateTime(iso: string): string {
  const locale = currentLanguage() === 'bn' ? (useBengaliDigits ? 'bn-BD' : 'bn-BD-u-nu-latn') : 'en-GB';
  // The same 24-hour clock in both languages: Bangla's default is "১২:৪২ AM", half English and ambiguous.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
}

/** Options for a counted message: `count` picks the plural form (`_one` / `_other`), `n` shows it in the user's digits. */
export function counted(count: number, extra: Record<string, string> = {}): { count: number; n: string } & Record<string, string | number> {
  return { count, n: formatNumber(count), ...extra };
}
