import type { Page } from '@playwright/test';
import { scopeOf } from '../shared/assessments/scope';
import { catalogues } from '../shared/i18n';
import { toBengaliDigits } from '../shared/validation/digits';
import { applicableItems } from '../shared/scoring';
import type { BrowserHost } from './support/browser-host';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { finaliseAsReviewer } from './support/reviewer';

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

async function finalise(host: BrowserHost, id: string): Promise<void> {
  const submitted = await must(host, 'assessments:submit', {
    id,
    revision: (await must(host, 'assessments:get', { id })).assessment.revision,
  });
  await finaliseAsReviewer(host, id, submitted.revision);
}

/** Issue 16, point 7: the gap view's percentages say they cover only the criteria rated in both. */
test('the gap view says its percentages are over the criteria rated in both, in both languages', async ({ page, host }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host);
  const self = await startAssessment(host, seeded, 'self-assessment');
  // The institution rated everything but three criteria; those three do not count on either side.
  const skipped = new Set(['GQ-02', 'TA-04', 'IF-06']);
  await rateAll(host, self.id, (id) => (skipped.has(id) ? { rating: 'na', naReason: 'Not assessed by the institution' } : { rating: 3 }));
  await finalise(host, self.id);
  const inspection = await startAssessment(host, seeded, 'inspection');
  await rateAll(host, inspection.id, (id) => ({ rating: id.startsWith('TA') ? 1 : 3 }));
  await finalise(host, inspection.id);

  // Both rated every applicable core unit except the three the institution left out.
  const { assessment } = await must(host, 'assessments:get', { id: inspection.id });
  const { framework } = await must(host, 'frameworks:get', { id: assessment.frameworkVersionId });
  const core = new Set(framework.groups.filter((g) => g.kind === 'core').map((g) => g.id));
  const groupOf = new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, g.id] as const)));
  const coreUnits = applicableItems(framework, scopeOf(assessment.programmes)).filter(
    (u) => u.applicable && core.has(groupOf.get(u.criterionId)!),
  );
  const compared = coreUnits.filter((u) => !skipped.has(u.criterionId)).length;
  expect(compared).toBe(coreUnits.length - 3);

  await open(page, host, `#/institutions/${seeded.institutionId}/gap/${inspection.id}`);
  const basis = page.getByTestId('gap-inspector-basis');
  await expect(basis).toHaveText(`over the ${compared} criteria rated in both`);
  await shot(page, 'inspector-day-gap-basis-en');
  await expectAccessible(page, 'gap view with its basis (en)');

  await page.locator('#language-select').selectOption('bn');
  await expect(basis).toHaveText(catalogues.bn.assessments.gap.basis_other.replace('{{compared}}', toBengaliDigits(String(compared))));
  await shot(page, 'inspector-day-gap-basis-bn');
  await expectAccessible(page, 'gap view with its basis (bn)');
});
