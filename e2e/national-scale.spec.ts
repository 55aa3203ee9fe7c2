import path from 'node:path';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { BrowserHost } from './support/browser-host';
import { createNationalDataFolder } from '../electron/services/test-support/national-data-folder';

// Thousands of rows: a trace would serialise every page and swamp the run.
test.use({ trace: 'off' });

const institutions = 2_000;

/**
 * Head office's laptop with a country in it, made by the same seeded generator as the benchmarks (B3,
 * B6): the registry pages and finds one institution among thousands by its Bangla name, and the
 * dashboard counts the whole country, in English and in Bangla. Timings go to annotations (the
 * benchmarks own the numbers); the limits here only catch a collapse.
 */
test('a country of 2,000 institutions: the registry finds one by its Bangla name and head office counts them all', async ({ page }) => {
  test.setTimeout(240_000);
  const timing = (name: string, ms: number) => test.info().annotations.push({ type: 'timing', description: `${name}: ${ms} ms` });

  const folder = await test.step('the national generator fills a data folder', async () => {
    const started = Date.now();
    const made = await createNationalDataFolder(path.resolve(import.meta.dirname, '..', 'resources', 'frameworks'), {
      institutions,
      assessmentsPerInstitution: 5,
      seed: 7,
    });
    timing('generate the country', Date.now() - started);
    expect(made.counts.institutions).toBe(institutions);
    return made;
  });
  const host = new BrowserHost(folder.dataDir);
  try {
    await host.start();

    await test.step('the registry shows the first page of all 2,000 and finds one by its Bangla name', async () => {
      const started = Date.now();
      await page.goto(host.url);
      await expect(page.getByText(/^\d+ of 2,?000 institutions$/)).toBeVisible();
      timing('institutions list', Date.now() - started);
      const list = await must(host, 'institutions:list', {
        search: 'NSDA-1234',
        sort: 'name',
        includeArchived: false,
        limit: 5,
        offset: 0,
      });
      expect(list.items).toHaveLength(1);
      const wanted = list.items[0]!;
      expect(wanted.nameBn).toMatch(/১২৩৫$/);
      await page.getByLabel('Search institutions').fill(wanted.nameBn);
      const rows = page.locator('table.table tbody tr');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(wanted.nameEn);
    });

    await test.step('head office counts the whole country', async () => {
      const started = Date.now();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Head office' }).click();
      await expect(page.getByText(/^2,?000 institutions · [\d,]+ finalised assessments/)).toBeVisible({ timeout: 60_000 });
      timing('head-office dashboard', Date.now() - started);
      await expect(page.getByText(/^[\d,]+ institutions assessed: [\d,]+ aligned/)).toBeVisible();
    });

    await test.step('and in Bangla, with Bengali digits', async () => {
      await must(host, 'settings:update', { language: 'bn' });
      await page.reload();
      await expect(page.getByText(/^২,?০০০টি প্রতিষ্ঠান · [০-৯,]+টি চূড়ান্ত মূল্যায়ন/)).toBeVisible({ timeout: 60_000 });
    });
  } finally {
    await host.stop();
    host.cleanup();
  }
});
