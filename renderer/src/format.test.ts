import { afterEach, describe, expect, it } from 'vitest';
import i18next from './i18n';
import { counted, formatDateTime, formatNumber } from './format';
import { formatDate } from './screens/assessments/model/dates';

const at = '2026-03-10T06:42:00Z';

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('formatDateTime', () => {
  it('uses the 24-hour clock in both languages, never "AM"/"PM"', async () => {
    const en = formatDateTime(at);
    expect(en).toMatch(/\d{2}:42$/);
    await i18next.changeLanguage('bn');
    const bn = formatDateTime(at);
    expect(bn).toMatch(/[০-৯]{2}:৪২$/);
    expect(bn).not.toMatch(/AM|PM|পূর্বাহ্ণ|অপরাহ্ণ/);
  });

  it('writes Bengali digits whenever the language is Bangla, and Western digits in English', async () => {
    expect(formatDateTime(at)).not.toMatch(/[০-৯]/);
    expect(formatNumber(96.6)).toBe('96.6');
    await i18next.changeLanguage('bn');
    expect(formatDateTime(at)).not.toMatch(/[0-9]|AM|PM/);
    expect(formatNumber(96.6)).toBe('৯৬.৬');
    expect(formatDate('2025-03-09')).toMatch(/^[^0-9]*$/);
    expect(formatDate('2025-03-09')).toContain('২০২৫');
  });
});

describe('counted messages (i18next plurals)', () => {
  it('pick the singular for one and the plural otherwise, in English', () => {
    expect(i18next.t('assessments.score.moreReasons', counted(1))).toBe('and 1 more reason');
    expect(i18next.t('assessments.score.moreReasons', counted(2))).toBe('and 2 more reasons');
    expect(i18next.t('evidence.attach.done', counted(1))).toBe('1 file attached.');
    expect(i18next.t('evidence.attach.done', counted(3))).toBe('3 files attached.');
    expect(i18next.t('assessments.workflow.notReady', counted(1))).toBe('Not ready to submit: 1 item still to do');
    expect(i18next.t('assessments.workflow.notReady', counted(63))).toBe('Not ready to submit: 63 items still to do');
  });

  it('have both forms in Bangla, with the count in Bengali digits', async () => {
    await i18next.changeLanguage('bn');
    expect(i18next.t('evidence.attach.done', counted(1))).toBe('১টি ফাইল সংযুক্ত হয়েছে।');
    expect(i18next.t('evidence.attach.done', counted(12))).toBe('১২টি ফাইল সংযুক্ত হয়েছে।');
    expect(i18next.t('assessments.score.moreReasons', counted(0))).toBe('এবং আরও ০টি কারণ');
  });

  it('write a raw number passed to a Bangla message in Bengali digits; strings (codes) stay as they are', async () => {
    await i18next.changeLanguage('bn');
    expect(i18next.t('evidence.attach.done', { count: 12, n: 12 })).toBe('১২টি ফাইল সংযুক্ত হয়েছে।');
    expect(i18next.t('assessments.card.weight', { weight: 2 })).toBe('গুরুত্বমান ২');
    expect(i18next.t('assessments.card.weight', { weight: 'LS-03' })).toBe('গুরুত্বমান LS-03');
    await i18next.changeLanguage('en');
    expect(i18next.t('evidence.attach.done', { count: 12, n: 12 })).toBe('12 files attached.');
  });
});
