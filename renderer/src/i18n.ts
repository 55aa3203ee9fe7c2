import i18next, { type FormatterModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, translateMessage } from '../../shared/i18n';
import type { Language } from '../../shared/settings/schema';
import { toBengaliDigits } from '../../shared/validation/digits';

/**
 * Every number interpolated into a message ({{count}}, {{n}}, {{pct}} …) is written in Bengali digits
 * in Bangla, so a Bangla sentence never mixes the two systems even where a screen passes a raw number.
 * Strings (ids, codes, already formatted text) pass through unchanged. No message uses i18next's named
 * formats, so this replaces the built-in formatter.
 */
const digitsFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, lng) => (typeof value === 'number' && lng === 'bn' ? toBengaliDigits(String(value)) : value) as string,
};

void i18next
  .use(initReactI18next)
  .use(digitsFormatter)
  .init({
    resources: { en: { translation: catalogues.en }, bn: { translation: catalogues.bn } },
    lng: 'en',
    fallbackLng: 'en',
    // Keys like `validation.range:1:10` carry parameters after ':'; they are not namespaces.
    nsSeparator: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18next.language === 'bn' ? 'bn' : 'en';
}

/** A message from the services or a schema: a catalogue key (maybe with parameters) or plain text. */
export function translateServiceMessage(message: string): string {
  return translateMessage(message, currentLanguage());
}

export default i18next;
