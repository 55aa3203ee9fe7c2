import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { pdf } from '../electron/services/evidence/sample-files';
import { catalogues } from '../shared/i18n';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { actingAs } from './support/reviewer';

const bn = catalogues.bn;

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/** Bangla, through the header as a user would: Bangla screens always write numbers in Bengali digits (issue 14). */
async function banglaWithBengaliDigits(page: Page) {
  await page.locator('#language-select').selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
}

/** Issue 16, point 9: plurals, the Bangla clock, who added the bundled framework (both languages, with axe). */
test('counted messages use real plurals, Bangla times use the 24-hour clock, and the bundled framework is added by the app', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  // With only OI-03 answered, the provisional outcome has nine reasons: eight are shown, "and 1 more reason".
  await must(host, 'assessments:save-rating', {
    assessmentId: id,
    criterionId: 'OI-03',
    programmeId: seeded.programmeId,
    patch: { data: { cohort_entrants: 60, cohort_completers: 40 } },
  });
  await open(page, host, `#/assessments/${id}`);
  const reasons = page.locator('.workspace__score .reasons').first().locator('li');
  await expect(reasons.last()).toHaveText('and 1 more reason');

  // One file attached, then two: "1 file attached.", "2 files attached." — never "file(s)".
  const card = page.locator('#unit-GQ-01-institution');
  const zone = card.locator('.attach-zone');
  await zone.getByLabel('Evidence type').selectOption('DOC');
  await zone
    .locator('input[type=file]')
    .setInputFiles({ name: 'registration.pdf', mimeType: 'application/pdf', buffer: pdf('Registration 2026') });
  await expect(zone.locator('.attach-zone__status')).toHaveText('1 file attached.');
  await zone.locator('input[type=file]').setInputFiles([
    { name: 'board-minutes.pdf', mimeType: 'application/pdf', buffer: pdf('Board minutes 2025') },
    { name: 'audit.pdf', mimeType: 'application/pdf', buffer: pdf('Audit 2025') },
  ]);
  await expect(zone.locator('.attach-zone__status')).toHaveText('2 files attached.');

  // In Bangla with Bengali digits: the same messages, the count in Bengali digits.
  await banglaWithBengaliDigits(page);
  await expect(reasons.last()).toHaveText('এবং আরও ১টি কারণ');
  await zone.locator('input[type=file]').setInputFiles({ name: 'fees.pdf', mimeType: 'application/pdf', buffer: pdf('Fee schedule') });
  await expect(zone.locator('.attach-zone__status')).toHaveText('১টি ফাইল সংযুক্ত হয়েছে।');
  await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'inspector-day-plurals-bn');
  await expectAccessible(page, 'workspace in Bangla with Bengali digits');
  await page.locator('#language-select').selectOption('en');

  // Everything but one criterion rated: "Not ready to submit: 1 item still to do".
  await rateAll(host, id);
  await must(host, 'assessments:save-rating', { assessmentId: id, criterionId: 'GQ-02', programmeId: null, patch: { rating: null } });
  await page.reload();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not ready to submit: 1 item still to do' })).toBeVisible();
  await page.locator('#language-select').selectOption('bn');
  await expect(page.getByText('এখনও জমা দেওয়া যাবে না: ১টি কাজ বাকি')).toBeVisible();
  await page.locator('#language-select').selectOption('en');

  // The bundled framework was added by the app, not by the operating-system account of the first run.
  const versions = await must(host, 'frameworks:list', {});
  expect(versions.items.find((v) => v.source === 'bundled')?.importedBy).toBe('TVET Inspector');
  await open(page, host, '#/frameworks');
  const row = page.getByRole('row', { name: /Bangladesh/ }).first();
  await expect(row).toContainText(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} by TVET Inspector/);
  await expect(row).not.toContainText(/root|AM|PM/);

  // Bangla: the same 24-hour clock (never "১২:৪২ AM"), in Bengali digits when the setting is on.
  await banglaWithBengaliDigits(page);
  const added = page.getByRole('table').first().locator('tbody tr').first();
  await expect(added).toContainText('যোগ করেছেন টিভেট ইন্সপেক্টর');
  await expect(added).toContainText(/[০-৯]{2}:[০-৯]{2}, যোগ করেছেন/);
  await expect(added).not.toContainText(/AM|PM|পূর্বাহ্ণ|অপরাহ্ণ|root/);
  await shot(page, 'inspector-day-framework-added-bn');
  await expectAccessible(page, 'framework library in Bangla');
});

/** Issue 16, point 9: the Bengali-digits setting reaches the report preview and the signed PDF. */
test('the Bengali-digits setting reaches the report preview and the signed PDF', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-digits-'));
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  await rateAll(host, id);
  // A team member submits; this profile, the lead inspector, signs (which finalises: four eyes).
  await actingAs(host, { userName: 'Tanvir Hasan', role: 'inspector' }, async () =>
    must(host, 'assessments:submit', { id, revision: (await must(host, 'assessments:get', { id })).assessment.revision }),
  );
  await must(host, 'signing:identities:create', {
    name: 'Rahima Akter',
    role: 'Lead inspector',
    organisation: 'NSDA Accreditation Unit',
    passphrase: 'trial passphrase 2026',
  });

  await open(page, host, `#/assessments/${id}/report`);
  await banglaWithBengaliDigits(page);
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await page.getByLabel(bn.reports.screen.language).selectOption('bn');
  await expect(page.locator('#report-digits')).toHaveText(bn.reports.screen.digitsBengali);
  await expect(preview.locator('.chip--3').first()).toHaveText('৩ · পূরণ হয়েছে', { timeout: 30_000 });
  await expect(preview.locator('.outcome__score')).toContainText(/[০-৯]+\.[০-৯]%/);
  await expect(preview.locator('body')).not.toContainText('3 · পূরণ হয়েছে');
  await shot(page, 'inspector-day-report-digits-bn');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-testid="report-preview"]')
    .analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Signed from the screen: the PDF has the same digits, its page numbers too.
  await page.getByRole('button', { name: bn.reports.screen.sign }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#sign-passphrase').fill('trial passphrase 2026');
  await dialog.getByRole('button', { name: bn.reports.signDialog.sign, exact: true }).click();
  await expect(page.getByTestId('signed-notice')).toBeVisible({ timeout: 90_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('signed-notice').getByRole('button', { name: bn.reports.screen.download }).click();
  const file = path.join(work, 'report-bn-digits.pdf');
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('৩ · পূরণ হয়েছে');
  expect(text).not.toContain('3 · পূরণ হয়েছে');
  expect(text).toMatch(/পৃষ্ঠা ১ \/ [০-৯]+/);

  // There is no setting to switch back to Western digits in Bangla any more (issue 14): one system per language.
  await expect(page.getByLabel(bn.app.digits)).toHaveCount(0);
  fs.rmSync(work, { recursive: true, force: true });
});
