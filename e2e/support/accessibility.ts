import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Serious and critical axe violations (WCAG 2.1 A/AA) fail the test, each named with its elements.
 * `exclude` leaves a part of the screen out (a selector), where it is checked another way.
 */
export async function expectAccessible(page: Page, screen: string, options: { exclude?: string } = {}): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.exclude) axe = axe.exclude(options.exclude);
  const results = await axe.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
