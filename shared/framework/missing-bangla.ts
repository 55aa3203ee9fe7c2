import type { Framework } from './schema';
import type { Problem } from './problem';

/**
 * One warning per localized text without Bangla. Walks the parsed framework generically, so a text
 * added to the schema later is covered without listing it here: after parsing, only localized texts
 * are objects with string `en` and `bn` keys. The parsed tree is shallow (schema-bounded), so the
 * recursion cannot run away.
 */
export function missingBanglaWarnings(framework: Framework): Problem[] {
  const warnings: Problem[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && typeof record.bn === 'string') {
      if (record.bn.trim() === '') {
        warnings.push({ path: [...path, 'bn'], code: 'missing-bangla', message: 'The Bangla text is missing; the English is shown.' });
      }
      return;
    }
    for (const [key, child] of Object.entries(record)) walk(child, [...path, key]);
  };
  walk(framework, []);
  return warnings;
}
