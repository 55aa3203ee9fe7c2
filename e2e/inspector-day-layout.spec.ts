import type { Page } from '@playwright/test';
import { catalogues } from '../shared/i18n';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/** The element's box lies wholly inside the visible window (no scrolling needed to see it). */
async function expectInViewport(page: Page, selector: string, what: string) {
  const viewport = page.viewportSize()!;
  const box = await page.locator(selector).first().boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what} starts below the top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} ends above the bottom of the ${viewport.height} px window`).toBeLessThanOrEqual(viewport.height);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const) {
  for (const language of ['en', 'bn'] as const) {
    /** Issue 16, point 8: the first criterion's rating and the score summary show without scrolling. */
    test(`the workspace at ${size.width}×${size.height} shows the first criterion's rating and the score summary (${language})`, async ({
      page,
      host,
    }) => {
      await page.setViewportSize(size);
      const seeded = await seedInstitution(host);
      // As the app starts a new inspection: on the newest framework, so no "newer version" notice above the cards.
      const newest = (await must(host, 'frameworks:list', {})).items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.1.0')!;
      const { id } = await startAssessment(host, { ...seeded, frameworkVersionId: newest.id });
      await page.goto(host.url);
      if (language === 'bn') await page.locator('#language-select').selectOption('bn');
      await open(page, host, `#/assessments/${id}`);
      await expect(page.locator('#workspace-heading')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      const firstCard = page.locator('.criteria-list article.criterion').first();
      await expect(firstCard).toHaveAttribute('id', 'unit-GQ-01-institution');
      const choices = firstCard.locator('.criterion__rating input[type=radio]');
      await expect(choices).toHaveCount(5);
      for (const i of [0, 4])
        await expectInViewport(page, `#unit-GQ-01-institution .criterion__rating input[type=radio] >> nth=${i}`, `rating choice ${i + 1}`);
      await expectInViewport(page, '[data-testid="overall-score"]', 'overall score');
      await expectInViewport(page, '[data-testid="decision"]', 'provisional outcome');
      // Groups, programmes and mobility readiness are in the panel's first screen, not below its fold.
      await expectInViewport(page, '.workspace__score .group-scores', 'group scores');
      await expectInViewport(page, '.workspace__score .programme-result', 'programme result and mobility readiness');
      // The placeholder of the search box is not cut off.
      const clipped = await page.locator('#criteria-search').evaluate((el: HTMLInputElement) => {
        const probe = document.createElement('span');
        const style = getComputedStyle(el);
        probe.style.font = style.font;
        probe.style.position = 'absolute';
        probe.style.whiteSpace = 'pre';
        probe.textContent = el.placeholder;
        document.body.append(probe);
        const needed = probe.getBoundingClientRect().width;
        probe.remove();
        return needed > el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      });
      expect(clipped, 'search placeholder cut off').toBe(false);

      // Further down the list the score summary stays in view.
      await page.mouse.wheel(0, 1500);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
      await expectInViewport(page, '[data-testid="overall-score"]', 'overall score after scrolling');
      await page.evaluate(() => window.scrollTo(0, 0));

      await shot(page, `inspector-day-workspace-${size.width}x${size.height}-${language}`);
      await expectAccessible(page, `workspace at ${size.width}×${size.height} (${language})`);
      expect(catalogues[language].app.name).toBeTruthy();
    });
  }
}
