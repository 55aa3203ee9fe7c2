import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { call, must } from './support/api';
import { metWithFigures, rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { finaliseAsReviewer } from './support/reviewer';

/** The card in view at the laptop size the inspectors use, kept for people to look at. */
async function cardShot(page: Page, card: Locator, name: string) {
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -8));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

async function findCard(page: Page, criterionId: string, programmeId: string): Promise<Locator> {
  await page.locator('#criteria-search').fill(criterionId);
  const card = page.locator(`#unit-${criterionId}-${programmeId}`);
  await expect(card).toBeVisible();
  return card;
}

/**
 * Issue 16, point 1: on a criterion scored from its figures (LS-03, IL-03, OI-03/05/06/07) the card
 * shows the rating that counts — the one the score panel, the corrective action and the report use —
 * and why; a rating key records nothing and stops at the missing figures; the services refuse a key.
 */
test('a criterion scored from its figures shows the rating that counts and why, in English and Bangla', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  const p = seeded.programmeId;
  const { id } = await startAssessment(host, seeded);
  await open(page, host, `#/assessments/${id}`);
  await expect(page.getByRole('heading', { name: /^Inspection — Khulna Technical Training Centre/ })).toBeVisible();
  const alert = page.getByRole('alert');
  const findings = page.locator('.finding-counts');

  // OI-03, nothing recorded: no 0–3 choice to press, and the card says what the figures are.
  let card = await findCard(page, 'OI-03', p);
  await expect(card.getByRole('radio')).toHaveCount(0);
  await expect(card.getByRole('group', { name: 'Rating — from the figures' })).toBeVisible();
  await expect(card.getByTestId('rating-that-counts')).toHaveText('Not rated yet');
  await expect(card.getByTestId('rating-why')).toHaveText(
    'Enter the figures: Entrants in the cohort, Completers from the cohort. If the institution keeps none, record that: it scores 0 · Not met.',
  );

  // "3" records nothing: the keyboard stops at the first missing figure and says which are missing.
  await card.focus();
  await page.keyboard.press('3');
  await expect(card.getByLabel('Entrants in the cohort')).toBeFocused();
  await expect(alert.filter({ hasText: 'OI-03 is scored from its figures, not with a rating key.' })).toContainText(
    'Enter the missing figures: Entrants in the cohort, Completers from the cohort.',
  );
  await expect(card.getByLabel('Entrants in the cohort')).toHaveValue('');
  await expect(card.getByTestId('rating-that-counts')).toHaveText('Not rated yet');
  await expect(card.locator('.finding')).toHaveCount(0);
  await cardShot(page, card, 'inspector-day-figures-key-stops-en');
  expect((await must(host, 'assessments:get', { id })).ratings.filter((r) => r.criterionId === 'OI-03')).toEqual([]);

  // The figures decide: 40 of 60 completed is 66.7 %, amber, which scores 2 — whatever key was pressed.
  await page.keyboard.type('60');
  await page.keyboard.press('Tab');
  await page.keyboard.type('40');
  await page.keyboard.press('Escape');
  await expect(card).toBeFocused();
  await expect(card.getByTestId('rating-that-counts')).toHaveText('2 · Largely met');
  await expect(card.getByTestId('rating-why')).toHaveText('The figures give 66.7%: amber, so it scores 2 · Largely met.');
  await expect(card.locator('.finding')).toHaveText('Observation');
  await expect(findings.locator('.finding--observation dd')).toHaveText('1');
  // A screen reader hears the rating that counts and why when the card gets focus.
  await expect(card).toHaveAccessibleDescription(/2 · Largely met.*The figures give 66\.7%: amber/);
  await page.keyboard.press('3');
  await expect(alert.filter({ hasText: 'It counts as 2 · Largely met.' })).toContainText('The figures give 66.7%: amber');
  await expect(card).toBeFocused();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  const stored = (await must(host, 'assessments:get', { id })).ratings.find((r) => r.criterionId === 'OI-03');
  expect(stored).toMatchObject({ rating: null, data: { cohort_entrants: 60, cohort_completers: 40 } });
  await cardShot(page, card, 'inspector-day-figures-amber-en');

  // IL-03: the institution keeps no figures. Recording that scores 0, and the card names what is missing.
  card = await findCard(page, 'IL-03', p);
  await card.getByRole('button', { name: 'No figures kept (scores 0)' }).click();
  await expect(card.getByTestId('rating-that-counts')).toHaveText('0 · Not met');
  await expect(card.getByTestId('rating-why')).toHaveText(
    'Scores 0 · Not met: these figures are missing or not usable: Learners in the cohort, Learners with a structured workplace period (agreement, plan, mentor). Missing data counts as not met.',
  );
  await expect(card.locator('.finding')).toHaveText('Major non-conformity');
  await expect(findings.locator('.finding--major dd')).toHaveText('1');
  await expect(card.getByRole('button', { name: /No figures kept/ })).toHaveCount(0);
  await cardShot(page, card, 'inspector-day-figures-missing-en');
  await expectAccessible(page, 'workspace with a criterion scored from its figures');

  // The services refuse a rating key on these criteria, whoever sends it.
  const refused = await call(host, 'assessments:save-rating', {
    assessmentId: id,
    criterionId: 'OI-05',
    programmeId: p,
    patch: { rating: 3 },
  });
  expect(!refused.ok && refused.error.issues).toEqual([{ path: ['patch', 'rating'], message: 'assessments.errors.ratedFromFigures' }]);

  // The same in Bangla, which always writes numbers in Bengali digits.
  await page.getByLabel('Language').selectOption('bn');
  card = await findCard(page, 'OI-03', p);
  await expect(card.getByRole('group', { name: 'রেটিং — সংখ্যা থেকে' })).toBeVisible();
  await expect(card.getByTestId('rating-that-counts')).toHaveText('২ · অধিকাংশ পূরণ হয়েছে');
  await expect(card.getByTestId('rating-why')).toHaveText('সংখ্যাগুলো থেকে পাওয়া যায় ৬৬.৭%: হলুদ, তাই স্কোর ২ · অধিকাংশ পূরণ হয়েছে।');
  await cardShot(page, card, 'inspector-day-figures-amber-bn');
  card = await findCard(page, 'IL-03', p);
  await expect(card.getByTestId('rating-that-counts')).toHaveText('০ · পূরণ হয়নি');
  await expect(card.getByTestId('rating-why')).toContainText('ব্যাচের শিক্ষার্থী');
  await cardShot(page, card, 'inspector-day-figures-missing-bn');
  card = await findCard(page, 'OI-05', p);
  await expect(card.getByTestId('rating-that-counts')).toHaveText('এখনো রেটিং হয়নি');
  await card.focus();
  await page.keyboard.press('3');
  await expect(card.getByLabel('৬ মাসের ট্রেসার জরিপের আওতাভুক্ত সমাপ্তকারী')).toBeFocused();
  await expect(alert.filter({ hasText: 'OI-05 রেটিং কী দিয়ে নয়, সংখ্যা থেকে স্কোর হয়।' })).toBeAttached();
  await cardShot(page, card, 'inspector-day-figures-key-stops-bn');
  await expectAccessible(page, 'workspace in Bangla');
  await page.getByLabel('ভাষা').selectOption('en');

  // Finalised, the corrective action and the report say what the card said: IL-03 0, OI-03 2.
  await rateAll(host, id, (criterionId) => (criterionId === 'OI-03' || criterionId === 'IL-03' ? {} : metWithFigures(criterionId)));
  const submitted = await must(host, 'assessments:submit', {
    id,
    revision: (await must(host, 'assessments:get', { id })).assessment.revision,
  });
  await finaliseAsReviewer(host, id, submitted.revision);
  const actions = await must(host, 'corrective-actions:list', { assessmentId: id });
  expect(actions.items.map((a) => a.criterionId)).toContain('IL-03');
  expect(actions.items.map((a) => a.criterionId)).not.toContain('OI-03');
  const report = await must(host, 'reports:preview', { assessmentId: id, language: 'en', identityId: null });
  const chipAfter = (criterionId: string) =>
    new RegExp(`<strong>${criterionId}</strong>[\\s\\S]*?class="chip chip--\\d">([^<]*)<`).exec(report.bodyHtml)?.[1];
  expect(chipAfter('OI-03')).toBe('2 · Largely met');
  expect(chipAfter('IL-03')).toBe('0 · Not met');
  await page.reload();
  card = await findCard(page, 'IL-03', p);
  await expect(card.getByTestId('rating-that-counts')).toHaveText('0 · Not met');
});
