import type { Page } from '@playwright/test';
import type { RatingPatch } from '../shared/assessments/schema';
import type { BrowserHost } from './support/browser-host';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open, screenshot } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { finaliseAsReviewer } from './support/reviewer';

async function finalise(host: BrowserHost, id: string): Promise<void> {
  const submitted = await must(host, 'assessments:submit', {
    id,
    revision: (await must(host, 'assessments:get', { id })).assessment.revision,
  });
  await finaliseAsReviewer(host, id, submitted.revision);
}

const completion = { cohort_entrants: 60, cohort_completers: 51, cohort_dropouts: 9 };
const language = { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 24 };

/** The institution's view of itself: generous, with a few honest doubts. */
const selfRatings: Record<string, RatingPatch> = {
  'QC-04': { rating: 2 },
  'IL-04': { rating: 1 },
  'OI-03': { rating: 3, data: completion },
  'LS-03': { rating: 3, data: language },
};
/** The inspector's view: several over-ratings (TA-04 by 3 points) and two under-ratings. */
const inspectorRatings: Record<string, RatingPatch> = {
  'TA-04': { rating: 0 },
  'GQ-03': { rating: 1 },
  'IF-06': { rating: 1 },
  'LS-06': { rating: 2 },
  'CU-05': { rating: 2 },
  'QC-04': { rating: 3 },
  'IL-04': { rating: 3 },
  'OI-03': { rating: 3, data: completion },
  'LS-03': { rating: 3, data: { ...language, certified_at_target: 17 } },
  // "Met" typed on an interview alone: it counts 2 (§7.1), in the score, the report and the comparison.
  'IL-01': { rating: 3, evidenceSeen: ['INT-M'] },
};

async function inBangla(page: Page, run: () => Promise<void>) {
  await page.getByLabel('Language').selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await run();
  await page.getByLabel('ভাষা').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('a self-assessment and an inspection of the same institution show their gaps side by side', async ({ page, host }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const seeded = await seedInstitution(host);
  const self = await startAssessment(host, seeded, 'self-assessment');
  await rateAll(host, self.id, (id) => selfRatings[id] ?? { rating: 3 });
  await finalise(host, self.id);
  const inspection = await startAssessment(host, seeded, 'inspection');
  await rateAll(host, inspection.id, (id) => inspectorRatings[id] ?? { rating: 3 });
  await finalise(host, inspection.id);
  // One action is already late, so the institution page shows an overdue action.
  const actions = await must(host, 'corrective-actions:list', { assessmentId: inspection.id });
  const late = actions.items.find((a) => a.criterionId === 'TA-04')!;
  await must(host, 'corrective-actions:update', {
    id: late.id,
    revision: late.revision,
    update: {
      owner: 'Md. Abdul Karim',
      dueDate: '2026-01-15',
      status: 'in-progress',
      institutionResponse: '',
      description: late.description,
    },
  });

  const rows = page.locator('tr.gap-row');
  await test.step('side by side, the largest over-rating first', async () => {
    // Side by side, the largest over-rating first.
    await open(page, host, `#/institutions/${seeded.institutionId}/gap`);
    await expect(page.getByRole('heading', { name: 'Self-assessment vs inspection' })).toBeVisible();
    await expect(rows.first()).toContainText('TA-04');
    await expect(rows.first()).toContainText('+3');
    await expect(rows.first()).toHaveClass(/gap--over/);
    await expect(rows.nth(1)).toContainText('+2');
    await expect(page.locator('tr.gap-row', { hasText: 'QC-04' })).toHaveClass(/gap--under/);
    await expect(page.locator('tr.gap-row', { hasText: 'QC-04' }).locator('td').last()).toContainText('−1');
    await expect(page.locator('.gap-groups')).toContainText('TA Trainers & assessors');
  });
  await test.step('the comparison shows the rating that counts and says why', async () => {
    // The comparison shows the rating that counts, never the one typed, and says why they differ.
    const il01 = page.locator('tr.gap-row', { hasText: 'IL-01' });
    await expect(il01).toHaveClass(/gap--over/);
    await expect(il01.locator('td').nth(1)).toContainText('2 Largely met');
    await expect(il01.locator('td').nth(1)).toContainText('Rated 3; counts as 2: interviews only');
    await expect(il01.locator('td').last()).toContainText('+1');
    await expect(page.locator('.gap-view__intro')).toContainText('Both columns show the rating that counts');
    await screenshot(page, 'assessments-gap-en');
    await il01.screenshot({ path: 'e2e/artifacts/assessments-gap-counted-en.png' });
    await expectAccessible(page, 'self-assessment vs inspection');

    await page.getByLabel('Group').selectOption('GQ');
    await expect(rows.first()).toContainText('GQ-03');
    await expect(page.locator('tr.gap-row', { hasText: 'TA-04' })).toHaveCount(0);
    await page.getByLabel('Show').selectOption('over');
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Group').selectOption('');
    await page.getByLabel('Show').selectOption('all');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'assessments-gap-print-en');
    await page.emulateMedia({ media: 'screen' });
    await inBangla(page, async () => {
      await expect(page.getByRole('heading', { name: 'স্ব-মূল্যায়ন বনাম পরিদর্শন' })).toBeVisible();
      await expect(rows.first()).toContainText('বেশি');
      await expect(il01.locator('td').nth(1)).toContainText('রেটিং ৩; গণ্য ২: শুধু সাক্ষাৎকারের প্রমাণ');
      await screenshot(page, 'assessments-gap-bn');
      await il01.screenshot({ path: 'e2e/artifacts/assessments-gap-counted-bn.png' });
    });
  });
  await test.step("the institution's history: both assessments, the trend, open actions", async () => {
    // The institution's history: both assessments, the score trend, the open corrective actions.
    await open(page, host, `#/institutions/${seeded.institutionId}`);
    const history = page.locator('.institution-assessments');
    await expect(history.getByRole('img', { name: 'Overall score over time' })).toBeVisible();
    await expect(history.locator('.assessment-history tbody tr')).toHaveCount(2);
    await expect(history.locator('tr.row--overdue')).toContainText('TA-04');
    await expect(history.locator('tr.row--overdue')).toContainText('overdue');
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'assessments-history-en');
    await expectAccessible(page, 'institution page with assessments');
    await inBangla(page, () => screenshot(page, 'assessments-history-bn'));
  });
  await test.step('the pre-visit list: what the institution should have ready', async () => {
    // What the institution should have ready before the visit.
    await open(page, host, `#/assessments/${inspection.id}/prepare`);
    await expect(page.getByRole('heading', { name: 'Pre-visit preparation' })).toBeVisible();
    const people = page.getByRole('region', { name: 'People to interview' });
    await expect(people.getByRole('heading', { name: 'INT-M Interview: management' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Workshops and practice to see' })).toContainText('CON-');
    await screenshot(page, 'assessments-previsit-en');
    await expectAccessible(page, 'pre-visit list');
    await inBangla(page, async () => {
      await expect(page.getByRole('heading', { name: 'পরিদর্শন-পূর্ব প্রস্তুতি' })).toBeVisible();
      await screenshot(page, 'assessments-previsit-bn');
    });
  });
  await test.step("the administrator's side: guidance, maturity view, what is missing", async () => {
    // The administrator's side: guidance addressed to the institution, the 0–4 maturity view, what is missing.
    const draft = await startAssessment(host, seeded, 'self-assessment');
    await open(page, host, `#/assessments/${draft.id}`);
    await expect(page.getByText('Show that your institution is legally constituted')).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^QC EQAVET/ })
      .click();
    await page.getByLabel('Use the 0–4 maturity view for the quality-cycle group').check();
    await page.locator('article.criterion--current').focus();
    await page.keyboard.press('4');
    const qc01 = page.locator('#unit-QC-01-institution');
    await expect(qc01.getByRole('radio', { name: /Reviewed and improving/ })).toBeChecked();
    await expect(qc01.getByRole('radio', { name: 'Met (3)' })).toBeChecked();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await page.getByRole('button', { name: 'Before the inspection' }).click();
    await expect(page.getByRole('heading', { name: 'What is still missing before the inspection' })).toBeVisible();
    await expect(page.getByText('1 of 73 answered (1%)')).toBeVisible();
    await screenshot(page, 'assessments-self-missing-en');
    const stored = await must(host, 'assessments:get', { id: draft.id });
    expect(stored.ratings.find((r) => r.criterionId === 'QC-01')).toMatchObject({ rating: 3, maturity: 4 });
  });
  await test.step('a follow-up verifies the corrective actions and closes one on evidence', async () => {
    // A follow-up of the inspection verifies its corrective actions and closes one on evidence.
    await open(page, host, `#/institutions/${seeded.institutionId}/assessments/new`);
    await page.getByRole('radio', { name: /^Follow-up inspection/ }).check();
    await page.locator('#followsAssessmentId').selectOption(inspection.id);
    await page.getByLabel('Name of member 1').fill('Rahima Akter');
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await expect(page.getByRole('heading', { name: /^Follow-up inspection — Khulna/ })).toBeVisible();
    await expectAccessible(page, 'follow-up workspace');
    await page.getByRole('button', { name: 'Corrective actions' }).click();
    const action = page.locator('.action-row', { hasText: 'TA-04' });
    await expect(action).toContainText('overdue');
    await action.getByLabel('What the follow-up saw').fill('Signed development plans seen for all 12 trainers.');
    await action.getByRole('button', { name: 'Closed — evidence seen' }).click();
    await expect(page.locator('.action-row', { hasText: 'TA-04' })).toHaveCount(0);
  });
  await test.step('every assessment on this machine, filtered by kind and status', async () => {
    // Every assessment on this machine, filtered by kind and status.
    await open(page, host, '#/assessments');
    const list = page.locator('table.table tbody tr');
    await expect(list).toHaveCount(4);
    await page.getByLabel('Kind').selectOption('self-assessment');
    await expect(list).toHaveCount(2);
    await expect(page.getByText('Showing 2 of 2 assessments, newest first')).toBeVisible();
    await page.getByLabel('Status').selectOption('finalised');
    await expect(list).toHaveCount(1);
    await expect(list.first()).toContainText('Recommended with conditions');
    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Status').selectOption('');
    await expect(list).toHaveCount(4);
    await screenshot(page, 'assessments-list-en');
    const closed = await must(host, 'corrective-actions:list', { assessmentId: inspection.id });
    expect(closed.items.find((a) => a.criterionId === 'TA-04')).toMatchObject({
      status: 'verified-closed',
      verificationNote: 'Signed development plans seen for all 12 trainers.',
    });
  });
});
