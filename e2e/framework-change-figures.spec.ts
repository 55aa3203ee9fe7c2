import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { expectAccessible } from './support/accessibility';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open, screenshot } from './support/screens';

/**
 * Issue 14: a draft on 1.0.0 moved to 1.1.0. The review says, before anything changes, that LS-03's
 * language certification figures go to OI-09 field by field, what the inspector must still enter there,
 * and that LS-03's rating is kept but must be reviewed; the move does it, and the workspace says what to
 * look at again. In English and Bangla.
 */
test('moving a 1.0.0 draft to 1.1.0 carries the language figures to OI-09 and says what to check, in English and Bangla', async ({
  page,
  host,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const seeded = await seedInstitution(host);
  const a = await startAssessment(host, seeded);
  expect(a.frameworkVersion).toBe('1.0.0');
  await rateAll(host, a.id);
  const unit = (criterionId: string, code: string) =>
    page.getByTestId('move-notes').locator(`tr[data-unit="${criterionId}@${seeded.programmeId}"][data-code="${code}"]`);

  await open(page, host, `#/assessments/${a.id}/framework`);
  await expect(page.getByRole('heading', { name: 'Figures moved, and what to check' })).toBeVisible();
  await expect(unit('OI-09', 'figuresMoved')).toContainText(
    'Figures carried over from LS-03: Target language = Romanian; Target CEFR level (A1–C2) = A2; Learners in the mobility-track cohort = 30; Learners with an external certificate at or above the target level = 24.',
  );
  await expect(unit('OI-09', 'figuresToEnter')).toContainText('To enter: Learners who have sat the external language test.');
  await expect(unit('LS-03', 'ratingToReview')).toContainText('Rating, notes and evidence kept as they were. Review the rating');
  await expect(unit('OI-05', 'figuresToEnter')).toContainText('Completers who responded to the 12-month tracer (context; not scored)');
  const notes = page.locator('section[aria-labelledby="framework-change-moves"]');
  await expect(page.getByRole('region', { name: 'Figures moved, and what to check' })).toBeVisible();
  await screenshot(page, 'framework-change-figures-en');
  await notes.screenshot({ path: 'e2e/artifacts/framework-change-figures-notes-en.png' });
  await expectAccessible(page, 'review of a move with figures to carry');

  await page.getByLabel('Language', { exact: true }).selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await expect(unit('OI-09', 'figuresMoved')).toContainText('LS-03 থেকে আনা সংখ্যা');
  await expect(unit('OI-09', 'figuresMoved')).toContainText('মোবিলিটি ট্র্যাক ব্যাচের শিক্ষার্থী = ৩০');
  await expect(unit('LS-03', 'ratingToReview')).toContainText('রেটিংটি আবার দেখুন');
  await notes.screenshot({ path: 'e2e/artifacts/framework-change-figures-notes-bn.png' });
  await page.getByLabel('ভাষা', { exact: true }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Move to version 1.1.0' }).click();
  const moved = page.getByTestId('framework-moved');
  await expect(moved).toContainText('Moved to framework version 1.1.0');
  await expect(moved).toContainText('Look again at: LS-03');
  await expect(moved).toContainText('OI-09');
  const { assessment, ratings } = await must(host, 'assessments:get', { id: a.id });
  expect(assessment.frameworkVersion).toBe('1.1.0');
  expect(ratings.find((r) => r.criterionId === 'OI-09')).toMatchObject({
    programmeId: seeded.programmeId,
    data: { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 24 },
  });
  expect(ratings.find((r) => r.criterionId === 'LS-03')?.data).toEqual({});
});
