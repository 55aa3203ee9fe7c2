import { districts, findListEntry, type ListEntry, type ListName, countries, languages } from '../../../shared/reference-lists';
import type { Language } from '../../../shared/settings/schema';

const entries: Record<ListName, readonly ListEntry[]> = { district: districts, country: countries, language: languages };

/**
 * Options of a closed list (districts, countries, languages) in the user's language; the value stored is
 * the code. A value typed as free text before the lists existed, which the list does not know, stays
 * as an option shown as typed, so editing a record never loses it.
 */
export function listOptions(
  list: ListName,
  language: Language,
  current: string,
  filter: (e: ListEntry) => boolean = () => true,
): { value: string; label: string }[] {
  const collator = new Intl.Collator(language === 'bn' ? 'bn' : 'en');
  const options = entries[list]
    .filter(filter)
    .map((e) => ({ value: e.code, label: e[language] }))
    .sort((a, b) => collator.compare(a.label, b.label));
  if (current !== '' && !findListEntry(list, current)) options.unshift({ value: current, label: current });
  return options;
}

/** The code of a stored value when the list knows it (older free text included), for a form's starting value. */
export function asListCode(list: ListName, value: string): string {
  return findListEntry(list, value)?.code ?? value;
}
