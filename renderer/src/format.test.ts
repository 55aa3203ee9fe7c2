import { afterEach, describe, expect, it } from 'vitest';
import i18next from './i18n';
import { counted, formatDateTime, setBengaliDigits } from './format';

const at = '2026-03-10T06:42:00Z';

afterEach(async () => {
  setBengaliDigits(false);
  await i18next.changeLanguage('en');
});

describe('formatDateTime', () => {
  it('uses the 24-hour clock in both languages, never "AM"/"PM"', async () => {
    const en = formatDateTime(at);
    expect(en).toMatch(/\d{2}:42$/);
    await i18next.changeLanguage('bn');
    const bn = formatDateTime(at);
    expect(bn).toMatch(/\d{2}:42$/);
    expect(bn).not.toMatch(/AM|PM|পূর্বাহ্ণ|অপরাহ্ণ/);
    // The same hour as English, whatever the machine's time zone.
    expect(bn.slice(-5)).toBe(en.slice(-5));
  });

  it('writes Bengali digits in Bangla when the setting is on, with the same clock', async () => {
    await i18next.changeLanguage('bn');
    setBengaliDigits(true);
    const bn = formatDateTime(at);
    expect(bn).toMatch(/[০-৯]{2}:৪২$/);
    expect(bn).not.toMatch(/[0-9]|AM|PM/);
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

  it('have both forms in Bangla, with the count in the user’s digits', async () => {
    await i18next.changeLanguage('bn');
    setBengaliDigits(true);
    expect(i18next.t('evidence.attach.done', counted(1))).toBe('১টি ফাইল সংযুক্ত হয়েছে।');
    expect(i18next.t('evidence.attach.done', counted(12))).toBe('১২টি ফাইল সংযুক্ত হয়েছে।');
    expect(i18next.t('assessments.score.moreReasons', counted(0))).toBe('এবং আরও ০টি কারণ');
  });
});
