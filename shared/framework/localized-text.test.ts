import { describe, expect, it } from 'vitest';
import { localizedText, localizedTextLanguage, localizedTitle } from './localized-text';

const text = (en: string, bn: string) => ({ en, bn });

describe('framework text in the reader’s language', () => {
  it('shows the Bangla to a Bangla reader and the English to an English reader', () => {
    const title = text('Legal status', 'আইনগত অবস্থা');
    expect(localizedText(title, 'bn')).toBe('আইনগত অবস্থা');
    expect(localizedTextLanguage(title, 'bn')).toBe('bn');
    expect(localizedText(title, 'en')).toBe('Legal status');
    expect(localizedTextLanguage(title, 'en')).toBe('en');
  });

  it('falls back to the English, marked as English, where the Bangla is missing or only spaces', () => {
    for (const bn of ['', '   ', '\n']) {
      expect(localizedText(text('Legal status', bn), 'bn')).toBe('Legal status');
      expect(localizedTextLanguage(text('Legal status', bn), 'bn')).toBe('en');
    }
  });

  it('gives nothing for a text the framework does not have', () => {
    expect(localizedText(undefined, 'bn')).toBe('');
    expect(localizedTextLanguage(undefined, 'bn')).toBe('en');
  });

  it('applies the same fallback to a title kept as two fields', () => {
    expect(localizedTitle({ titleEn: 'Framework', titleBn: 'কাঠামো' }, 'bn')).toBe('কাঠামো');
    expect(localizedTitle({ titleEn: 'Framework', titleBn: ' ' }, 'bn')).toBe('Framework');
    expect(localizedTitle({ titleEn: 'Framework', titleBn: 'কাঠামো' }, 'en')).toBe('Framework');
  });
});
