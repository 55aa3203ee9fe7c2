import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open, screenshot } from './support/screens';
import { expectAccessible } from './support/accessibility';

/**
 * Issue 15, point 3: the inspection's workspace compares with the self-assessment the report does — the
 * institution's submitted or finalised one. A draft the institution is still writing is not shown as
 * what the institution said.
 */
test('the inspection workspace shows the institution’s self-rating only once its self-assessment is submitted', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  const self = await startAssessment(host, seeded, 'self-assessment');
  await rateAll(host, self.id);
  const inspection = await startAssessment(host, seeded, 'inspection');

  await open(page, host, `#/assessments/${inspection.id}`);
  const firstCard = page.locator('article.criterion').first();
  await expect(firstCard).toBeVisible();
  await expect(page.locator('.criterion__self')).toHaveCount(0);
  await screenshot(page, 'self-comparison-draft-hidden-en');

  const { assessment } = await must(host, 'assessments:get', { id: self.id });
  await must(host, 'assessments:submit', { id: self.id, revision: assessment.revision });
  await page.reload();
  await expect(firstCard.locator('.criterion__self')).toHaveText(/^Self-assessment: 3/);
  await screenshot(page, 'self-comparison-submitted-en');
  await expectAccessible(page, 'inspection workspace with the submitted self-assessment');
});
