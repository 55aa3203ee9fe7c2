import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { seedInstitution } from './support/seed';
import { open } from './support/screens';
import { largeFramework } from './support/large-framework';

// Hundreds of key presses: a trace would serialise the whole page after each one and swamp the timings.
test.use({ trace: 'off' });

/**
 * A 1,000-criterion framework: the workspace opens, rates and moves by keyboard, and filters across
 * everything without building a thousand cards at once. Timings are reported as annotations (the
 * benchmark issue owns the numbers); the limits here only catch a collapse, not a slow machine.
 */
test('the workspace stays responsive with a 1,000-criterion framework', async ({ page, host }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const imported = await must(host, 'frameworks:import-file', {
    fileName: 'large.json',
    contentBase64: Buffer.from(JSON.stringify(largeFramework(1000))).toString('base64'),
  });
  expect(imported.summary.criteria).toBe(1000);
  const seeded = await seedInstitution(host);
  const a = await must(host, 'assessments:create', {
    kind: 'inspection',
    institutionId: seeded.institutionId,
    programmeIds: [seeded.programmeId],
    frameworkVersionId: imported.summary.id,
    team: [{ name: 'Rahima Akter', role: 'lead-inspector' }],
    plannedStart: '',
    plannedEnd: '',
    siteVisitDate: '',
    followsAssessmentId: null,
  });
  const timing = (name: string, ms: number) => test.info().annotations.push({ type: 'timing', description: `${name}: ${ms} ms` });

  let t = Date.now();
  await open(page, host, `#/assessments/${a.id}`);
  await expect(page.locator('article.criterion--current')).toBeVisible();
  timing('open the workspace', Date.now() - t);
  await expect(page.getByText('0 of 967 answered')).toBeVisible();
  // The first section has about 100 criteria: a page of them is built, the rest on demand.
  const cards = page.locator('article.criterion');
  expect(await cards.count()).toBeLessThanOrEqual(50);

  t = Date.now();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(String(i % 4));
    await page.keyboard.press('j');
  }
  timing('60 ratings and moves by keyboard', Date.now() - t);
  await expect(page.getByText('60 of 967 answered')).toBeVisible();
  // Walking past the first page brought the next cards in, and the current one has focus.
  await expect(page.locator('article.criterion--current')).toBeFocused();
  await expect(page.locator('article.criterion--current')).toHaveAttribute('data-unit', /^GQ-1\d\d@$/);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  t = Date.now();
  await page.getByLabel('Search criteria').fill('e');
  await expect(page.getByRole('heading', { name: '967 matching criteria' })).toBeVisible();
  await expect(cards.first()).toBeVisible();
  timing('search matching every criterion', Date.now() - t);
  expect(Date.now() - t).toBeLessThan(20_000);
  // A page of matches, and the current criterion (60 down the list) stays rendered.
  expect(await cards.count()).toBeLessThanOrEqual(80);
  const before = await cards.count();
  await page.getByRole('button', { name: /^Show 40 more/ }).click();
  await expect(cards).toHaveCount(before + 40);

  // The current criterion far down (the last section's first): the same broad search builds the first
  // page and a window around it, not every card down to it, and typing is never held up by the list.
  await page.getByLabel('Search criteria').fill('');
  await page.locator('.section-nav__item').last().click();
  const far = page.locator('article.criterion--current');
  await expect(far).toBeVisible();
  const farUnit = (await far.getAttribute('data-unit'))!;
  t = Date.now();
  await page.getByLabel('Search criteria').fill('e');
  await expect(page.getByRole('heading', { name: '967 matching criteria' })).toBeVisible();
  await expect(page.locator(`article[data-unit="${farUnit}"]`)).toBeVisible();
  timing('search matching every criterion, current criterion far down', Date.now() - t);
  expect(await cards.count()).toBeLessThanOrEqual(80);
  // Between the first page and the window, a button brings the cards in between.
  await expect(page.getByRole('button', { name: /^Show 40 more/ }).first()).toBeVisible();
});
