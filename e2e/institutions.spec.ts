import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

test('an inspector registers an institution with a programme, and it is still there after a restart', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Institutions' })).toBeVisible();
  await expect(page.getByText('No institutions yet')).toBeVisible();
  await screenshot(page, 'institutions-empty-en');

  await page.getByRole('link', { name: 'New institution' }).click();
  await page.getByLabel('Name (English)').fill('Khulna Technical Training Centre');
  await page.getByLabel('Name (Bangla)').fill('খুলনা কারিগরি প্রশিক্ষণ কেন্দ্র');
  await page.getByLabel('Type of institution').selectOption('technical-training-centre');
  await page.getByLabel('Registered with').selectOption('NSDA');
  await page.getByLabel('Registration number').fill('NSDA-TTC-0042');
  await page.getByLabel('Division').selectOption('khulna');
  // District, destination country and language are closed lists (issue 14).
  await page.getByRole('combobox', { name: 'District', exact: true }).selectOption({ label: 'Khulna' });
  await page.getByLabel('Construction').check();
  await screenshot(page, 'institution-form-en');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { name: 'Khulna Technical Training Centre' })).toBeVisible();
  await page.getByRole('link', { name: 'Add programme' }).click();
  await page.getByLabel('Programme title (English)').fill('Welding (mobility track)');
  await page.getByRole('combobox', { name: 'Sector', exact: true }).selectOption('construction');
  await page.getByRole('textbox', { name: 'Occupation', exact: true }).fill('Welder');
  // Bengali digits typed on a Bangla keyboard are accepted in number fields.
  await page.getByLabel('ISCO-08 code').fill('7212');
  await page.getByLabel('BNQF / NTVQF level').fill('৩');
  await page.getByLabel('Indicative EQF level').fill('3');
  await page.getByLabel('Annual intake').fill('৬০');
  await page.getByLabel('Welding or cutting').check();
  await page.getByLabel(/mobility track/).check();
  await page.getByLabel('Destination country').selectOption({ label: 'Romania' });
  await page.getByLabel('Destination language').selectOption({ label: 'Romanian' });
  await page.getByLabel('Target CEFR level').selectOption('A2');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { name: 'Welding (mobility track)' })).toBeVisible();
  await expect(page.getByText('BNQF 3 · EQF 3 (indicative)')).toBeVisible();
  await expect(page.getByText('Mobility track to Romania · Romanian A2')).toBeVisible();
  await screenshot(page, 'institution-page-en');

  await host.restart();
  await page.goto(host.url);
  await page.getByLabel('Search institutions').fill('খুলনা');
  const row = page.getByRole('row', { name: /Khulna Technical Training Centre/ });
  await expect(row).toBeVisible();
  // Programmes, then the accreditation cycle: no inspection finalised yet.
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');
  await expect(row.getByRole('cell').last()).toHaveText('Never inspected');
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Welding (mobility track)' })).toBeVisible();
});

test('invalid input is refused with a message at the field and nothing is written', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'New institution' }).click();
  await page.getByLabel('Phone').fill('call me maybe');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('alert').first()).toContainText('Please correct the highlighted fields');
  await expect(page.getByLabel('Name (English)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#nameEn-error')).toHaveText('This field is required.');
  await expect(page.locator('#district-error')).toHaveText('This field is required.');
  await expect(page.locator('#contactEmail-error')).toHaveText('Enter an email address such as name@example.org.');
  await expect(page.locator('#contactPhone-error')).toContainText('Enter a phone number');
  await screenshot(page, 'institution-form-errors-en');

  // The services refuse the same input on their own (the renderer is not trusted to validate).
  const response = await page.request.post(`${host.origin}/api/invoke`, {
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    data: {
      channel: 'institutions:create',
      request: { nameEn: ' ', registrationBody: 'BTEB', type: 'government-polytechnic', division: 'dhaka', district: 'Dhaka', sectors: [] },
    },
  });
  const body = (await response.json()) as { ok: boolean; error: { code: string; issues: { path: string[]; message: string }[] } };
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe('validation');
  expect(body.error.issues).toContainEqual({ path: ['nameEn'], message: 'validation.required' });

  // What was typed is not saved: leaving asks first.
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByText('No institutions yet')).toBeVisible();
});

test('the app works in Bangla and remembers the choice', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('Language').selectOption('bn');
  await expect(page.getByRole('heading', { name: 'প্রতিষ্ঠানসমূহ' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await page.getByRole('link', { name: 'নতুন প্রতিষ্ঠান' }).click();
  await page.getByRole('button', { name: 'সংরক্ষণ করুন' }).click();
  await expect(page.locator('#nameEn-error')).toHaveText('এই ঘরটি পূরণ করা আবশ্যক।');
  await screenshot(page, 'institution-form-errors-bn');
  await page.getByLabel('নাম (ইংরেজি)').fill('Rajshahi Polytechnic Institute');
  await page.getByLabel('নাম (বাংলা)').fill('রাজশাহী পলিটেকনিক ইনস্টিটিউট');
  await page.getByLabel('নিবন্ধন নম্বর').fill('৫০০৭১');
  await page.getByLabel('বিভাগ').selectOption('rajshahi');
  await page.getByRole('combobox', { name: 'জেলা', exact: true }).selectOption({ label: 'রাজশাহী' });
  await page.getByRole('button', { name: 'সংরক্ষণ করুন' }).click();
  await expect(page.getByRole('heading', { name: 'রাজশাহী পলিটেকনিক ইনস্টিটিউট' })).toBeVisible();
  await screenshot(page, 'institution-page-bn');

  await host.restart();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'প্রতিষ্ঠানসমূহ' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'রাজশাহী পলিটেকনিক ইনস্টিটিউট' })).toBeVisible();
  await screenshot(page, 'institutions-list-bn');
});

test('archiving asks first, hides the institution, and can be undone', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'New institution' }).click();
  await page.getByLabel('Name (English)').fill('Sylhet TTC');
  await page.getByLabel('Registration number').fill('B-1');
  await page.getByLabel('Division').selectOption('sylhet');
  await page.getByRole('combobox', { name: 'District', exact: true }).selectOption('sylhet');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('nothing is deleted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('This institution is archived.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This institution is archived.')).toBeVisible();
  await page.getByRole('link', { name: '← Institutions' }).click();
  await expect(page.getByText('No institutions yet')).toBeVisible();
  await page.getByLabel('Show archived').check();
  await page.getByRole('link', { name: 'Sylhet TTC' }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('This institution is archived.')).toHaveCount(0);
});
