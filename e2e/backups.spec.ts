import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { catalogues } from '../shared/i18n';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { open, screenshot } from './support/screens';
import { expectAccessible } from './support/accessibility';
import type { BrowserHost } from './support/browser-host';

const en = catalogues.en.backups;
const bn = catalogues.bn.backups;

async function institutionNames(host: BrowserHost): Promise<string[]> {
  return (await must(host, 'institutions:list', {})).items.map((i) => i.nameEn).sort();
}

function row(page: Page, reason: string) {
  return page.getByTestId('backups-table').locator('tbody tr').filter({ hasText: reason });
}

/** Issue 12, point 4: the Backups screen — list, back up now, restore (current state backed up first), a damaged backup refused. */
test('backups: made at start and on demand, restored after a confirmation that backs up the current state, in English and Bangla', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await must(host, 'institutions:create', {
    nameEn: 'Sylhet Technical Training Centre',
    registrationBody: 'NSDA',
    registrationNumber: 'NSDA-TTC-0007',
    type: 'technical-training-centre',
    division: 'sylhet',
    district: 'Sylhet',
    sectors: [],
  });

  // The host makes the daily backup when it starts (a new data folder has none), a few seconds after
  // listening so that it does not slow the first screen.
  await expect
    .poll(async () => (await must(host, 'backups:list', {})).items.map((b) => b.reason), { timeout: 30_000 })
    .toEqual(['scheduled']);
  await open(page, host, '#/backups');
  await page.getByRole('navigation').getByRole('link', { name: en.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.title })).toBeVisible();
  await expect(row(page, en.reason.scheduled)).toHaveCount(1);

  await page.getByRole('button', { name: en.createNow }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup made:' })).toBeVisible();
  await expect(row(page, en.reason.manual)).toHaveCount(1);
  await expect(page.getByTestId('backups-table').locator('caption')).toHaveText('2 backups');
  await expectAccessible(page, 'backups (English)');
  await screenshot(page, 'backups-en');

  // Work saved after the backup, then the backup restored.
  await must(host, 'institutions:create', {
    nameEn: 'Saved after the backup',
    registrationBody: 'BTEB',
    registrationNumber: 'BTEB-1',
    type: 'government-polytechnic',
    division: 'dhaka',
    district: 'Dhaka',
    sectors: [],
  });
  await row(page, en.reason.manual)
    .getByRole('button', { name: /^Restore the backup made/ })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('The current state is backed up first (“Before a restore”), so you can go back to it.');
  await expectAccessible(page, 'backups restore confirmation (English)');
  await screenshot(page, 'backups-confirm-en');
  await dialog.getByRole('button', { name: en.restoreConfirmButton }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is restored' })).toBeVisible();
  await expect(row(page, en.reason['before-restore'])).toHaveCount(1);
  expect(await institutionNames(host)).toEqual(['Sylhet Technical Training Centre']);
  // The institutions screen shows the restored registry.
  await page.getByRole('navigation').getByRole('link', { name: 'Institutions' }).click();
  await expect(page.getByRole('link', { name: 'Sylhet Technical Training Centre' })).toBeVisible();
  await expect(page.getByText('Saved after the backup')).toHaveCount(0);

  // Bangla: the same screen, and a damaged backup refused with a clear message that nothing changed.
  await page.locator('#language-select').selectOption('bn');
  await page.getByRole('navigation').getByRole('link', { name: bn.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: bn.title })).toBeVisible();
  await expect(row(page, bn.reason['before-restore'])).toHaveCount(1);
  const manualId = await row(page, bn.reason.manual).getAttribute('data-backup-id');
  fs.writeFileSync(path.join(host.dataDir, 'backups', manualId!, 'tvet-inspector.db'), 'not a database any more');
  await row(page, bn.reason.manual)
    .getByRole('button', { name: new RegExp(`${bn.restore}$`) })
    .click();
  await expect(page.getByRole('dialog')).toContainText('বর্তমান অবস্থার আগে একটি ব্যাকআপ নেওয়া হয়');
  await page.getByRole('dialog').getByRole('button', { name: bn.restoreConfirmButton }).click();
  await expect(page.getByRole('alert')).toHaveText(bn.refused.damagedDatabase);
  expect(await institutionNames(host)).toEqual(['Sylhet Technical Training Centre']);
  await expect(page.getByTestId('backups-table').locator('tbody tr')).toHaveCount(3);
  await expectAccessible(page, 'backups (Bangla)');
  await screenshot(page, 'backups-bn');
});
