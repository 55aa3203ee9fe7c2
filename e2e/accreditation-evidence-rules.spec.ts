import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { metWithFigures, rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { pdf } from '../electron/services/evidence/sample-files';

const reason = 'The safety register is kept at the district office; the principal showed the signed letter on screen.';

/** What the inspector sees at the laptop size they use, kept for people to look at. */
async function shot(page: Page, at: Locator, name: string) {
  await at.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -8));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/**
 * Issue 14, point 2 (domain notes §7.1): evidence rules are rules. IF-03 (workshop safety, always
 * critical) rated "Met" on one interview: the card says it counts as 2 and asks for an override reason,
 * the services refuse to submit and the refusal links to the card; with the reason written it submits.
 */
test('a critical "Met" on an interview alone counts as 2 and needs an override reason to submit, in English and Bangla', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Pinned to 1.0.0: the rules apply to assessments on every version, the ones already started included.
  const seeded = await seedInstitution(host);
  const v100 = (await must(host, 'frameworks:list', {})).items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.0.0')!;
  const { id } = await startAssessment(host, { ...seeded, frameworkVersionId: v100.id });
  await rateAll(host, id, (criterionId) =>
    criterionId === 'IF-03' ? { rating: 3, evidenceSeen: ['INT-L'] } : metWithFigures(criterionId),
  );
  await open(page, host, `#/assessments/${id}`);
  await expect(page.getByRole('heading', { name: /^Inspection — Khulna Technical Training Centre/ })).toBeVisible();

  await page.locator('#criteria-search').fill('IF-03');
  const card = page.locator('#unit-IF-03-institution');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Interviews alone support at most “Largely met”: this rating counts as 2.');
  const field = card.getByTestId('override-reason');
  await expect(field).toBeVisible();
  await expect(card.getByLabel(/^Override reason/)).toHaveValue('');

  // Submit: refused by the services, the criterion named and linked to its card.
  await page.locator('#criteria-search').fill('');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const refusal = page.locator('.banner--error');
  await expect(refusal).toContainText(
    '“Met” on a critical criterion without observation or record evidence: write the override reason before submitting.',
  );
  const link = refusal.getByRole('button', { name: /^IF-03 / });
  await expect(link).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'e2e/artifacts/evidence-rules-refused-en.png' });
  await link.click();
  await expect(card).toBeInViewport();
  await shot(page, card, 'evidence-rules-card-en');
  await expectAccessible(page, 'workspace with an override reason needed');
  expect((await must(host, 'assessments:get', { id })).assessment.status).toBe('draft');

  // The same in Bangla, with Bengali digits.
  await page.getByLabel('Language', { exact: true }).selectOption('bn');
  await expect(card).toContainText('শুধু সাক্ষাৎকারের প্রমাণে সর্বোচ্চ “অধিকাংশ পূরণ হয়েছে” দেওয়া যায়: এই রেটিং ২ হিসেবে গণ্য হবে।');
  await expect(card.getByLabel(/^ব্যতিক্রমের কারণ/)).toBeVisible();
  await shot(page, card, 'evidence-rules-card-bn');
  await expectAccessible(page, 'workspace in Bangla with an override reason needed');
  await page.getByLabel('ভাষা', { exact: true }).selectOption('en');

  // The reason written and saved: the inspection submits.
  await card.getByLabel(/^Override reason/).fill(reason);
  await card.getByLabel(/^Override reason/).blur();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('assessment-status')).toHaveText('Submitted for review');
  const stored = await must(host, 'assessments:get', { id });
  expect(stored.assessment.status).toBe('submitted');
  expect(stored.ratings.find((r) => r.criterionId === 'IF-03')).toMatchObject({ rating: 3, overrideReason: reason });
});

/**
 * Issue 14 leftovers: the live score, the card's finding and the missing items follow what counts, and
 * a file attached or removed changes what counts at once. IF-03 (always critical) rated "Met" on one
 * interview counts as 2 — an observation, shown on the card and counted in the score panel — and needs an
 * override reason; an observation note attached makes it count 3: the finding goes, the score panel
 * shows 100 %, nothing is missing. Removing the file brings the cap back.
 */
test("attaching or removing an observation moves the counted rating, the card's finding, the score panel and the missing items at once", async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  await open(page, host, `#/assessments/${id}`);
  await page.locator('#criteria-search').fill('IF-03');
  const card = page.locator('#unit-IF-03-institution');
  await expect(card).toBeVisible();
  const score = page.locator('.workspace__score');
  const overall = score.getByTestId('overall-score');
  const observations = score.locator('.finding-count.finding--observation dd');

  // Met, with an interview of the learners as the only evidence seen: it counts as 2.
  await card.locator('.evidence-picker button', { has: page.locator('abbr', { hasText: /^INT-L$/ }) }).click();
  await card.locator('label.rating-choice--v3').click();
  await expect(card).toContainText('Interviews alone support at most “Largely met”: this rating counts as 2.');
  await expect(card.locator('.criterion__tags .finding')).toHaveText('Observation');
  await expect(card).toHaveClass(/criterion--observation/);
  await expect(overall).toHaveText('66.6%');
  await expect(observations).toHaveText('1');
  await page.getByRole('button', { name: 'What is still missing' }).click();
  const overrideMissing = page.locator('.missing-view li', { hasText: 'IF-03' }).filter({
    hasText: '“Met” without observation or record evidence needs an override reason',
  });
  await expect(overrideMissing).toBeVisible();
  await page.getByRole('button', { name: 'Criteria', exact: true }).click();
  await page.locator('#criteria-search').fill('IF-03');

  // An observation note attached: it counts 3, no finding, 100 %, nothing missing for it.
  const zone = card.locator('.attach-zone');
  await zone.getByLabel('Evidence type').selectOption('OBS');
  await zone
    .locator('input[type=file]')
    .setInputFiles({ name: 'workshop-walkthrough.pdf', mimeType: 'application/pdf', buffer: pdf('Workshop walk-through, bays 1 to 4') });
  await expect(zone.getByRole('status')).toHaveText('1 file attached.');
  await expect(overall).toHaveText('100%');
  await expect(observations).toHaveText('0');
  await expect(card.locator('.criterion__tags .finding')).toHaveCount(0);
  await expect(card).not.toContainText('this rating counts as 2');
  await expect(card.getByTestId('override-reason')).toHaveCount(0);
  await shot(page, card, 'evidence-rules-attached-en');
  await page.getByRole('button', { name: 'What is still missing' }).click();
  await expect(page.locator('.missing-view')).toBeVisible();
  await expect(overrideMissing).toHaveCount(0);
  await page.getByRole('button', { name: 'Criteria', exact: true }).click();
  await page.locator('#criteria-search').fill('IF-03');

  // The file removed: interviews alone again, counted 2.
  await card.getByRole('button', { name: /^Remove workshop-walkthrough/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(overall).toHaveText('66.6%');
  await expect(observations).toHaveText('1');
  await expect(card.locator('.criterion__tags .finding')).toHaveText('Observation');

  // In Bangla the card's finding says the same.
  await page.getByLabel('Language', { exact: true }).selectOption('bn');
  await expect(card.locator('.criterion__tags .finding')).toHaveText('পর্যবেক্ষণ');
  await expect(overall).toHaveText('৬৬.৬%');
  await shot(page, card, 'evidence-rules-counted-bn');
  await page.getByLabel('ভাষা', { exact: true }).selectOption('en');
});

/** Issue 14, point 4: the framework browser shows the EQAVET quality cycle and indicators, and each criterion id goes to it. */
test('the framework browser lists the EQAVET phases and indicators with their criteria, in English and Bangla', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  await open(page, host, `#/frameworks/${seeded.frameworkVersionId}`);
  const panel = page.getByTestId('eqavet-panel');
  await panel.getByText('EQAVET quality cycle (4 phases) and indicators (10)').click();
  for (const phase of ['Planning', 'Implementation', 'Evaluation', 'Review'])
    await expect(panel.getByText(phase, { exact: true })).toBeVisible();
  await expect(panel.getByText('5. Placement rate')).toBeVisible();
  await expect(panel.getByText(/^10\. Access to VET/)).toBeVisible();
  await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'e2e/artifacts/frameworks-eqavet-en.png' });
  await expectAccessible(page, 'framework browser with the EQAVET panel');

  // A criterion id goes to that criterion, with the search cleared so it is shown.
  await page.getByLabel('Search criteria').fill('GQ-01');
  await panel.getByRole('button', { name: 'Go to criterion OI-05' }).first().click();
  const heading = page.locator('#criterion-OI-05');
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page.getByLabel('Search criteria')).toHaveValue('');

  await page.getByLabel('Language', { exact: true }).selectOption('bn');
  await expect(panel.getByText('EQAVET মান-চক্র (৪টি ধাপ) ও সূচক (১০টি)')).toBeVisible();
  await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'e2e/artifacts/frameworks-eqavet-bn.png' });
  await expectAccessible(page, 'framework browser in Bangla with the EQAVET panel');
});
