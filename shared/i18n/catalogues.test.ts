import { describe, expect, it } from 'vitest';
import { bn } from './bn';
import { en } from './en';
import { translateMessage } from './index';

function flatten(node: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

describe('message catalogues', () => {
  const enKeys = flatten(en);
  const bnKeys = flatten(bn);

  it('have the same keys in English and Bangla', () => {
    expect(Object.keys(bnKeys).sort()).toEqual(Object.keys(enKeys).sort());
  });

  it('have no empty message, and Bangla messages are written in Bengali script', () => {
    for (const [key, text] of Object.entries(bnKeys)) {
      expect(text.trim(), key).not.toBe('');
      // Acronyms (BTEB, ISCO-08) may stay in Latin letters; an ordinary English word means a missing translation.
      if (/[a-z]{3,}/.test(text) && !/[\u0980-\u09FF]/.test(text)) {
        expect.fail(`Bangla text for ${key} has no Bengali script: ${text}`);
      }
    }
  });

  it('keep the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(enKeys)) {
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(bnKeys[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('count with plural forms: no hand-made "(s)", and every `_one` has its `_other` in both languages', () => {
    for (const [language, keys] of [
      ['en', enKeys],
      ['bn', bnKeys],
    ] as const) {
      for (const [key, text] of Object.entries(keys)) {
        expect(text, `${language} ${key}`).not.toMatch(/\w\(s\)/);
        if (key.endsWith('_one')) expect(keys[key.replace(/_one$/, '_other')], `${language} ${key}`).toBeDefined();
      }
    }
  });

  it('translates schema message keys with parameters and leaves plain text alone', () => {
    expect(translateMessage('validation.range:1:10', 'en')).toBe('Enter a number from 1 to 10.');
    expect(translateMessage('validation.tooLongMax:60', 'en')).toBe('At most 60 characters.');
    expect(translateMessage('validation.tooLongMax:60', 'bn')).toBe('সর্বোচ্চ ৬০টি অক্ষর।');
    expect(translateMessage('validation.required', 'bn')).toBe('এই ঘরটি পূরণ করা আবশ্যক।');
    expect(translateMessage('No institution has this id.', 'bn')).toBe('No institution has this id.');
  });
});
