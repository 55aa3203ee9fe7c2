import type { Language } from '../settings/schema';
import { iscoGroups } from './occupations';
import { countries, districts, languages, type ListEntry } from './places';

export { countries, districts, languages, type Country, type District, type ListEntry } from './places';
export { iscoGroups, type IscoGroup } from './occupations';

const fold = (text: string) =>
  text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[\s_-]+/g, ' ');

function indexOf(list: readonly ListEntry[]): Map<string, ListEntry> {
  const map = new Map<string, ListEntry>();
  for (const e of list) for (const key of [e.code, e.en, e.bn, ...(e.aliases ?? [])]) map.set(fold(key), e);
  return map;
}

export type ListName = 'district' | 'country' | 'language';
const indexes: Record<ListName, Map<string, ListEntry>> = {
  district: indexOf(districts),
  country: indexOf(countries),
  language: indexOf(languages),
};

/**
 * The list entry a stored value stands for: its code (what the forms store now), or a name or older
 * spelling typed as free text before the lists existed ("Germany", "জার্মানি", "Chittagong").
 */
export function findListEntry(list: ListName, value: string): ListEntry | null {
  if (value.trim() === '') return null;
  return indexes[list].get(fold(value)) ?? null;
}

/** The code a stored value maps to, or null when it is free text the list does not know. */
export function listCode(list: ListName, value: string): string | null {
  return findListEntry(list, value)?.code ?? null;
}

/** The name to show for a stored value in a language; text the list does not know is shown as typed. */
export function listName(list: ListName, value: string, language: Language): string {
  const entry = findListEntry(list, value);
  return entry ? entry[language] : value;
}

/** Both names of a stored value (unknown free text: the text in both). */
export function listNames(list: ListName, value: string): { en: string; bn: string } {
  const entry = findListEntry(list, value);
  return entry ? { en: entry.en, bn: entry.bn } : { en: value, bn: value };
}

/** The occupation to show: in Bangla the Bangla title of its ISCO-08 unit group when known, else the text as typed. */
export function occupationName(occupation: string, iscoCode: string, language: Language): string {
  if (language !== 'bn') return occupation;
  return iscoGroups.find((g) => g.code === iscoCode.trim())?.bn ?? occupation;
}
