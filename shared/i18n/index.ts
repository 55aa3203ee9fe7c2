import { bn } from './bn';
import { en, type Catalogue } from './en';
import type { Language } from '../settings/schema';
import { toBengaliDigits } from '../validation/digits';

export const catalogues: Record<Language, Catalogue> = { en, bn };

/**
 * Translates a message that may be a catalogue key with parameters, e.g. `validation.range:1:10`.
 * Plain text (not a key) is returned as it is, so service messages in English still show.
 */
export function translateMessage(message: string, language: Language): string {
  const [key = '', ...raw] = message.split(':');
  // Numbers in a Bangla message are written in Bengali digits ("সর্বোচ্চ ৬০টি অক্ষর।").
  const params = language === 'bn' ? raw.map(toBengaliDigits) : raw;
  const found = lookup(catalogues[language], key);
  if (typeof found !== 'string') return message;
  if (key === 'validation.range') return found.replace('{{min}}', params[0] ?? '').replace('{{max}}', params[1] ?? '');
  if (key === 'validation.tooLongMax') return found.replace('{{max}}', params[0] ?? '');
  return found;
}

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}
