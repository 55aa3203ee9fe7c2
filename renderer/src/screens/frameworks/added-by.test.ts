import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../i18n';
import { addedBy } from './framework-text';

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('who added a framework version', () => {
  it('names the app for a bundled version, even one stored with the first run’s operating-system account', async () => {
    const legacy = { source: 'bundled', importedBy: 'root' };
    expect(addedBy(i18next.t, legacy)).toBe('TVET Inspector');
    await i18next.changeLanguage('bn');
    expect(addedBy(i18next.t, legacy)).toBe('টিভেট ইন্সপেক্টর');
  });

  it('names the person for an imported version', () => {
    expect(addedBy(i18next.t, { source: 'import:xlsx', importedBy: 'Rahima Akter' })).toBe('Rahima Akter');
  });
});
