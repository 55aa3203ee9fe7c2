import { localizedText, localizedTextLanguage } from '../../../../../shared/framework/localized-text';
import type { LocalizedText } from '../../../../../shared/framework/schema';
import type { Language } from '../../../../../shared/settings/schema';

/** Framework text in the user's language; the English stands in where a Bangla text is missing. */
export function localized(text: LocalizedText | undefined, language: Language): string {
  return localizedText(text, language);
}

/** The `lang` attribute for a framework text shown in `language` (English when Bangla is missing). */
export function langOf(text: LocalizedText | undefined, language: Language): Language {
  return localizedTextLanguage(text, language);
}

export function programmeTitle(p: { titleEn: string; titleBn: string }, language: Language): string {
  return language === 'bn' && p.titleBn ? p.titleBn : p.titleEn;
}

export function institutionName(a: { institutionNameEn: string; institutionNameBn: string }, language: Language): string {
  return language === 'bn' && a.institutionNameBn ? a.institutionNameBn : a.institutionNameEn;
}
