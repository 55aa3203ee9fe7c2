import type { Language } from '../settings/schema';
import type { LocalizedText } from './schema';

/**
 * Framework text in the reader's language. A framework may lack Bangla for some texts (an imported
 * sheet, a newer criterion): the English stands in, on screen and in the report alike. A Bangla text
 * of only spaces counts as missing, so a cell someone blanked does not print as an empty line.
 */
export function localizedText(text: LocalizedText | undefined, language: Language): string {
  if (text === undefined) return '';
  return hasBangla(text.bn, language) ? text.bn : text.en;
}

/** The language `localizedText` actually gave, for the `lang` attribute (fonts, screen readers, hyphenation). */
export function localizedTextLanguage(text: LocalizedText | undefined, language: Language): Language {
  return text !== undefined && hasBangla(text.bn, language) ? 'bn' : 'en';
}

/** The same fallback for a framework's title kept as two fields (version lists, summaries). */
export function localizedTitle(title: { titleEn: string; titleBn: string }, language: Language): string {
  return hasBangla(title.titleBn, language) ? title.titleBn : title.titleEn;
}

function hasBangla(bn: string, language: Language): boolean {
  return language === 'bn' && bn.trim() !== '';
}
