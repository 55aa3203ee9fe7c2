import { toBengaliDigits } from '../../shared/validation/digits';
import { currentLanguage } from './i18n';

let useBengaliDigits = false;

export function setBengaliDigits(on: boolean): void {
  useBengaliDigits = on;
}

/** Numbers in the user's digit set: Bengali digits only when Bangla is on and the setting asks for them. */
export function formatNumber(n: number): string {
  const text = String(n);
  return currentLanguage() === 'bn' && useBengaliDigits ? toBengaliDigits(text) : text;
}

export function formatDateTime(iso: string): string {
  const locale = currentLanguage() === 'bn' ? (useBengaliDigits ? 'bn-BD' : 'bn-BD-u-nu-latn') : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
