import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, translateMessage } from '../../shared/i18n';
import type { Language } from '../../shared/settings/schema';

void i18next.use(initReactI18next).init({
  resources: { en: { translation: catalogues.en }, bn: { translation: catalogues.bn } },
  lng: 'en',
  fallbackLng: 'en',
  // Keys like `validation.range:1:10` carry parameters after ':'; they are not namespaces.
  nsSeparator: false,
  interpolation: { escapeValue: false },
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
