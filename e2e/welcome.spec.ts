import { test as base, expect } from '@playwright/test';
import { BrowserHost } from './support/browser-host';

const test = base.extend<{ freshHost: BrowserHost }>({
  freshHost: async ({}, use) => {
    const host = await new BrowserHost(undefined, { skipWelcome: false }).start();
    await use(host);
    await host.stop();
    host.cleanup();
  },
});

test('a new user is welcomed, creates a profile in Bangla, and is not asked again', async ({ page, freshHost: host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to TVET Inspector' })).toBeVisible();
  await page.locator('#welcome-language').selectOption('bn');
  await expect(page.getByRole('heading', { name: 'টিভেট ইন্সপেক্টরে স্বাগতম' })).toBeVisible();
  await page.getByRole('button', { name: 'খালি নিবন্ধন দিয়ে শুরু করুন' }).click();
  await expect(page.locator('#userName-error')).toHaveText('এই ঘরটি পূরণ করা আবশ্যক।');
  await page.getByRole('textbox', { name: 'আপনার নাম' }).fill('ফারহানা ইসলাম');
  await page.getByRole('combobox', { name: 'আপনার ভূমিকা' }).selectOption('inspector');
  await page.getByRole('textbox', { name: 'প্রতিষ্ঠান/সংস্থা' }).fill('BTEB');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'e2e/artifacts/welcome-bn.png', fullPage: true });
  await page.getByRole('button', { name: 'খালি নিবন্ধন দিয়ে শুরু করুন' }).click();
  await expect(page.getByRole('heading', { name: 'প্রতিষ্ঠানসমূহ' })).toBeVisible();

  // Changes are recorded under the profile's name.
  await page.getByRole('link', { name: 'নতুন প্রতিষ্ঠান' }).click();
  await page.getByRole('textbox', { name: 'নাম (ইংরেজি)' }).fill('Narsingdi TTC');
  await page.getByRole('textbox', { name: 'নিবন্ধন নম্বর' }).fill('N-1');
  // The district is a closed list with Bangla names (issue 14).
  await page.getByRole('combobox', { name: 'জেলা', exact: true }).selectOption({ label: 'নরসিংদী' });
  await page.getByRole('button', { name: 'সংরক্ষণ করুন' }).click();
  await expect(page.getByText(/করেছেন ফারহানা ইসলাম/)).toBeVisible();

  await host.restart();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'প্রতিষ্ঠানসমূহ' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'টিভেট ইন্সপেক্টরে স্বাগতম' })).toHaveCount(0);
});
