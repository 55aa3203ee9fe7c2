import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Serious and critical axe violations fail the test; the report names each rule and element. */
async function expectAccessible(page: Page, screen: string) {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const language of ['en', 'bn'] as const) {
  test(`registry screens have no serious accessibility violations (${language})`, async ({ page, host }) => {
    // Six full axe scans: allow for a slow, busy machine.
    test.setTimeout(180_000);
    await page.goto(host.url);
    if (language === 'bn') await page.getByLabel('Language').selectOption('bn');
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expectAccessible(page, 'institutions list (empty)');

    await page.locator('a[href="#/institutions/new"]').click();
    await expect(page.locator('#nameEn')).toBeVisible();
    await expectAccessible(page, 'new institution form');
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('#nameEn-error')).toBeVisible();
    await expectAccessible(page, 'new institution form with errors');

    await page.locator('#nameEn').fill('Cumilla Technical School and College');
    await page.locator('#registrationNumber').fill('BTEB-7');
    // District is a closed list (issue 14): the division first, then one of its districts.
    await page.locator('#division').selectOption('chattogram');
    await page.locator('#district').selectOption('cumilla');
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('#institution-heading')).toBeVisible();
    await expectAccessible(page, 'institution page');

    await page.locator('a[href$="/programmes/new"]').click();
    await expect(page.locator('#titleEn')).toBeVisible();
    await page.locator('input[type="checkbox"][name="mobilityTrack"]').check();
    await expectAccessible(page, 'programme form');

    // The programme form has an unsaved change: leaving asks first (issue 16, point 6).
    await page.goto(`${host.origin}/#/institutions`);
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'unsaved changes question');
    await page.getByRole('dialog').locator('button.danger').click();
    await expect(page.locator('table')).toBeVisible();
    await expectAccessible(page, 'institutions list');
  });
}

test('the registry can be used with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  // Skip link first, then the main navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.getByRole('link', { name: 'New institution' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name (English)')).toBeVisible();
  await page.getByLabel('Name (English)').focus();
  await page.keyboard.type('Gazipur TTC');
  // The district is a closed list: typing its name on the focused list picks it, as with any select.
  await page.getByRole('combobox', { name: 'District', exact: true }).focus();
  await page.keyboard.type('Gazipur');
  await expect(page.getByRole('combobox', { name: 'District', exact: true })).toHaveValue('gazipur');
  await page.getByRole('textbox', { name: 'Affiliation or registration number', exact: true }).focus();
  await page.keyboard.type('NSDA-9');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Gazipur TTC' })).toBeVisible();
  // Archive asks first; Escape cancels the dialog and nothing changes.
  await page.getByRole('button', { name: 'Archive' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('This institution is archived.')).toHaveCount(0);
});
