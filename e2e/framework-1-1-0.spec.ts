import { expect, test } from './support/fixtures';
import { expectAccessible } from './support/accessibility';
import { screenshot } from './support/screens';

/**
 * Issue 14, point 1: the bundled framework 1.1.0 beside 1.0.0. Comparing them shows LS-03 changed in
 * scoring (now rated by the inspector) and OI-09 added (the language certification figures, from the
 * programme's language and CEFR target), in English and Bangla, at a laptop's 1366 × 768.
 */
test('comparing the bundled 1.0.0 and 1.1.0 shows LS-03 changed in scoring and OI-09 added, in English and Bangla', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Frameworks' }).click();
  const option = (version: string) =>
    page
      .getByLabel('Older version')
      .locator('option', { hasText: `— ${version} (` })
      .getAttribute('value');
  await page.getByLabel('Older version').selectOption((await option('1.0.0'))!);
  await page.getByLabel('Newer version').selectOption((await option('1.1.0'))!);
  await page.getByRole('button', { name: 'Compare' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Changes from version .* 1\.0\.0 to .* 1\.1\.0/ })).toBeVisible();
  await expect(page.getByText('Added 1 · removed 0 · reworded 16 · changed in scoring 4 · unchanged 90')).toBeVisible();
  const ls03 = page.getByRole('region', { name: /LS-03/ });
  await expect(ls03).toContainText('Changed in scoring');
  await expect(ls03).toContainText('Rate the process: the target is named, the teachers are qualified and an external test is used.');
  const oi09 = page.getByRole('region', { name: /OI-09/ });
  await expect(oi09).toContainText('Added');
  await expect(oi09).toContainText('Language certification at the CEFR target');
  await screenshot(page, 'framework-1-1-0-compare-en');
  await ls03.screenshot({ path: 'e2e/artifacts/framework-1-1-0-compare-ls03-en.png' });
  await oi09.screenshot({ path: 'e2e/artifacts/framework-1-1-0-compare-oi09-en.png' });
  await expectAccessible(page, 'compare 1.0.0 with 1.1.0');

  await page.getByLabel('Language', { exact: true }).selectOption('bn');
  await expect(page.getByRole('region', { name: /LS-03/ })).toContainText('স্কোরিংয়ে বদলেছে');
  await expect(page.getByRole('region', { name: /OI-09/ })).toContainText('CEFR লক্ষ্য স্তরে ভাষা-সনদপ্রাপ্তি');
  await screenshot(page, 'framework-1-1-0-compare-bn');
  await ls03.screenshot({ path: 'e2e/artifacts/framework-1-1-0-compare-ls03-bn.png' });
  await oi09.screenshot({ path: 'e2e/artifacts/framework-1-1-0-compare-oi09-bn.png' });
  await expectAccessible(page, 'compare 1.0.0 with 1.1.0 (bn)');
});
