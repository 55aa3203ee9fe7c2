import type { Page } from '@playwright/test';
import { catalogues } from '../shared/i18n';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { expectAccessible } from './support/accessibility';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';

/**
 * Issue 14, point 5: Bangla screens write numbers in Bengali digits (never both systems in one line), and
 * district, destination country and language show by their Bangla names from the closed lists — also
 * for free text typed before the lists existed ("Khulna", "Romania", "Romanian"). Inputs accept both
 * digit systems: the ISCO code field takes "৭২১২" as its own Bangla hint shows it.
 */

const bn = catalogues.bn;
const western = /[0-9]/;

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

async function bangla(page: Page) {
  await page.locator('#language-select').selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
}

test('Bangla screens write numbers in Bengali digits and places by their Bangla names', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  // A few institution-level criteria rated, so the score panel has a score and counts to show.
  for (const [criterionId, rating] of [
    ['GQ-01', 3],
    ['GQ-03', 2],
    ['GQ-04', 3],
  ] as const) {
    await must(host, 'assessments:save-rating', {
      assessmentId: id,
      criterionId,
      programmeId: null,
      patch: { rating, evidenceSeen: ['DOC', 'REC'] },
    });
  }

  // The institution page: district, destination and language typed as English free text show in Bangla.
  await open(page, host, `#/institutions/${seeded.institutionId}`);
  await bangla(page);
  const details = page.locator('dl.details');
  await expect(details).toContainText('খুলনা, খুলনা');
  await expect(details).not.toContainText('Khulna');
  const mobility = page.locator('.tag--mobility').first();
  await expect(mobility).toContainText('রোমানিয়া');
  await expect(mobility).toContainText('রোমানীয়');
  await expect(mobility).not.toContainText('Romania');
  const level = page.locator('.card .secondary').first();
  await expect(level).toContainText('৩');
  await expect(level).not.toHaveText(western);
  // The occupation shows its Bangla ISCO-08 title; the code itself stays as it is.
  await expect(page.locator('.card').first()).toContainText('ওয়েল্ডার ও ফ্লেম কাটার · ISCO-08 7212');
  await shot(page, 'bangla-digits-institution-1366');
  await expectAccessible(page, 'institution page (Bangla)');

  // The workspace: progress and score panel in Bengali digits.
  await open(page, host, `#/assessments/${id}`);
  const overall = page.getByTestId('overall-score');
  await expect(overall).toHaveText(/^[০-৯]+(\.[০-৯])?%$/, { timeout: 30_000 });
  const answered = page.locator('.score-panel > p.secondary').first();
  await expect(answered).toHaveText(/[০-৯]/);
  await expect(answered).not.toHaveText(western);
  await expect(page.locator('.score-panel')).not.toHaveText(/\d+(\.\d)?%/);
  await shot(page, 'bangla-digits-workspace-1366');
  await expectAccessible(page, 'workspace with score panel (Bangla)');
});

test('the ISCO code field accepts "৭২১২" in Bengali digits, and destination and language are chosen from Bangla lists', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  await open(page, host, `#/institutions/${seeded.institutionId}`);
  await bangla(page);
  await open(page, host, `#/institutions/${seeded.institutionId}/programmes/new`);
  await page.locator('#titleEn').fill('Electrical installation');
  await page.locator('#occupation').fill('Building electrician');
  await expect(page.getByText(bn.programmes.hints.iscoCode)).toBeVisible();
  await page.locator('#iscoCode').pressSequentially('৭২১২');
  await page.locator('input[type="checkbox"][name="mobilityTrack"]').check();
  await expect(page.getByText(bn.programmes.hints.recruitment)).toBeVisible();
  const country = page.locator('#destinationCountry');
  await expect(country.locator('option', { hasText: 'জার্মানি' })).toHaveCount(1);
  await country.selectOption({ label: 'জার্মানি' });
  await page.locator('#targetLanguage').selectOption({ label: 'জার্মান' });
  await page.locator('#targetCefr').selectOption('B1');
  await shot(page, 'bangla-programme-form-lists-1366');
  await expectAccessible(page, 'programme form with closed lists (Bangla)');
  await page.getByRole('button', { name: bn.common.save }).click();

  // Saved: the code is stored in Western digits, the place names show in Bangla.
  await expect(page.getByRole('heading', { level: 3, name: 'Electrical installation' })).toBeVisible();
  const { programmes } = await must(host, 'institutions:get', { id: seeded.institutionId });
  const saved = programmes.find((p) => p.titleEn === 'Electrical installation');
  expect(saved).toMatchObject({ iscoCode: '7212', destinationCountry: 'DE', targetLanguage: 'de' });
  await expect(page.locator('.tag--mobility', { hasText: 'জার্মানি' })).toContainText('জার্মান');
});
