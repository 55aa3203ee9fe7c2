import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { frameworkToSheets } from '../shared/framework/framework-to-sheets';
import { validateFramework, type Framework } from '../shared/framework';
import { expect, test } from './support/fixtures';
import { toBengaliDigits } from '../shared/validation/digits';

const defaultFile = path.resolve(import.meta.dirname, '..', 'resources', 'frameworks', 'bd-eu-tvet-1.0.0.json');
const xss = '<img src=x onerror="window.__pwned=1">';

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  // Chromium without a GPU leaves the lower part of a long full-page capture unpainted; a window as tall
  // as the page, painted before the capture, shows everything.
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
  await page.setViewportSize(viewport);
}

async function expectAccessible(page: Page, screen: string) {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * A version 1.9.0 of the default framework (1.0.0 and 1.1.0 are bundled) as an accrediting body might send it: GQ-01 reworded, GQ-02
 * re-weighted, GQ-06 dropped, and a new GQ-08 whose title is markup and which has no Bangla yet.
 */
function nextVersion(): Framework {
  const result = validateFramework(JSON.parse(fs.readFileSync(defaultFile, 'utf8')));
  if (!result.ok) throw new Error('the default framework must be valid');
  const fw = structuredClone(result.framework);
  fw.version = '1.9.0';
  const gq = fw.groups[0]!;
  gq.criteria[0]!.title.en = 'Legal status, registration and its scope';
  gq.criteria[1]!.weight = 3;
  gq.criteria.splice(5, 1);
  gq.criteria.push({
    id: 'GQ-08',
    title: { en: xss, bn: '' },
    guidance: { en: 'Check the safeguarding policy and who is trained in it.', bn: '' },
    evidence: ['DOC', 'INT-M'],
    critical: { mode: 'never' },
    weight: 2,
    level: 'institution',
    basis: 'Test basis',
  });
  return fw;
}

/** The framework as an XLSX workbook written by plain exceljs, with one cell changed. */
async function workbook(fw: Framework, change?: { criterion: string; column: string; value: ExcelJS.CellValue }) {
  const wb = new ExcelJS.Workbook();
  let changedRow = 0;
  for (const table of frameworkToSheets(fw)) {
    const sheet = wb.addWorksheet(table.name);
    for (const row of table.rows) {
      const added = sheet.addRow(row.cells);
      if (change && table.name === 'criteria' && row.cells[1] === change.criterion) {
        added.getCell(table.rows[0]!.cells.indexOf(change.column) + 1).value = change.value;
        changedRow = added.number;
      }
    }
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), changedRow };
}

async function libraryCount(page: Page, host: { origin: string; token: string }): Promise<number> {
  const response = await page.request.post(`${host.origin}/api/invoke`, {
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    data: { channel: 'frameworks:list', request: {} },
  });
  return ((await response.json()) as { value: { items: unknown[] } }).value.items.length;
}

test('the library lists the default framework, which can be browsed and searched in English and Bangla', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Frameworks' }).click();
  await expect(page.getByRole('heading', { name: 'Frameworks', level: 1 })).toBeVisible();
  // Both bundled versions: 1.0.0 (106 criteria) and 1.1.0 (107: LS-03 split, OI-09 added).
  const row = page.getByRole('row', { name: /Bangladesh TVET Quality Framework.* 1\.0\.0 / });
  await expect(row).toContainText('106');
  await expect(row).toContainText('Bundled with the app');
  await expect(row.locator('code')).toHaveText(/^[0-9a-f]{12}$/);
  const row110 = page.getByRole('row', { name: /Bangladesh TVET Quality Framework.* 1\.1\.0 / });
  await expect(row110).toContainText('107');
  await expect(row110).toContainText('Bundled with the app');
  await screenshot(page, 'frameworks-library-en');
  await expectAccessible(page, 'framework library');

  await row.getByRole('link', { name: /Open Bangladesh TVET Quality Framework.* version 1\.0\.0/ }).click();
  await expect(page.getByRole('heading', { name: 'Bangladesh TVET Quality Framework (EU-aligned)', level: 1 })).toBeVisible();
  await expect(page.getByText('106 of 106 criteria')).toBeVisible();

  const search = page.getByLabel('Search criteria');
  await search.fill('ls-03');
  await expect(page.getByText('1 of 106 criteria')).toBeVisible();
  const ls03 = page.getByRole('article', { name: /LS-03/ });
  await expect(ls03).toContainText('Critical when: ');
  await expect(ls03).toContainText('mobility');
  await expect(ls03.getByRole('table', { name: 'Data fields' })).toBeVisible();
  await expect(ls03).toContainText('green at 70 or more, amber at 50 or more, otherwise red');
  await expect(ls03).toContainText('Weight 3');
  await screenshot(page, 'frameworks-browse-en');

  // A Bangla word finds the criterion whatever the UI language.
  await search.fill('নিবন্ধনের পরিধি');
  await expect(page.getByRole('article', { name: /GQ-01/ })).toBeVisible();
  await search.fill('');
  await page.getByLabel('Group').selectOption('CON');
  await expect(page.getByRole('heading', { name: /CON Construction module Sector module: Construction/ })).toBeVisible();
  await expect(page.getByRole('article', { name: /CON-03/ })).toContainText('Applies only when');
  await expectAccessible(page, 'framework browse');

  await page.getByLabel('Language').selectOption('bn');
  await expect(page.getByRole('heading', { level: 1, name: /বাংলাদেশ TVET মান কাঠামো/ })).toBeVisible();
  await page.getByLabel('গ্রুপ').selectOption('');
  await page.getByLabel('মানদণ্ড খুঁজুন').fill('ভাষা প্রশিক্ষণ');
  await expect(page.getByRole('article', { name: /LS-03/ })).toContainText('অপরিহার্য যখন');
  await screenshot(page, 'frameworks-browse-bn');
  await expectAccessible(page, 'framework browse (bn)');
  await page.getByRole('link', { name: 'সব কাঠামো' }).click();
  await expect(page.getByRole('heading', { name: 'কাঠামোসমূহ', level: 1 })).toBeVisible();
  await screenshot(page, 'frameworks-library-bn');
});

test('a spreadsheet with one bad row imports nothing; fixed, it imports, browses, exports and compares', async ({ page, host }) => {
  page.on('dialog', () => {
    throw new Error('framework text must never run as code');
  });
  const fw = nextVersion();
  const bad = await workbook(fw, { criterion: 'GQ-08', column: 'weight', value: 5 });

  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Frameworks' }).click();
  const chooser = page.getByLabel('Framework file (.json, .xlsx or .csv)');
  await chooser.setInputFiles({ name: 'standards-2025.xlsx', mimeType: 'application/vnd.ms-excel', buffer: bad.buffer });

  await expect(page.getByRole('alert').filter({ hasText: 'Errors: 1.' })).toBeVisible();
  const errors = page.getByRole('table', { name: 'Problems found in standards-2025.xlsx' });
  await expect(errors.getByRole('row')).toHaveCount(2);
  await expect(errors.getByRole('row').nth(1)).toContainText(
    `sheet criteria, row ${bad.changedRow}, column weight, cell L${bad.changedRow}`,
  );
  await expect(errors.getByRole('row').nth(1)).toContainText('Must be one of: 1, 2, 3.');
  await expect(errors.getByRole('row').nth(1).getByRole('cell').last()).toHaveText('5');
  await expect(page.getByRole('button', { name: 'Import this framework' })).toHaveCount(0);
  await screenshot(page, 'frameworks-import-errors-en');
  await expectAccessible(page, 'import with errors');
  expect(await libraryCount(page, host)).toBe(2);

  await page.getByLabel('Language').selectOption('bn');
  await expect(page.getByRole('table', { name: 'standards-2025.xlsx ফাইলে পাওয়া সমস্যা' })).toContainText(
    `সারি ${toBengaliDigits(String(bad.changedRow))}`,
  );
  await screenshot(page, 'frameworks-import-errors-bn');
  await page.getByLabel('ভাষা').selectOption('en');

  const good = await workbook(fw);
  await chooser.setInputFiles({ name: 'standards-2025.xlsx', mimeType: 'application/vnd.ms-excel', buffer: good.buffer });
  await expect(
    page.getByText('No errors. Bangladesh TVET Quality Framework (EU-aligned), version 1.9.0: 106 criteria in 16 groups.'),
  ).toBeVisible();
  // Warnings are listed apart from errors: GQ-08 has no Bangla yet, which does not stop the import.
  await page.getByText('Warnings: 2.').click();
  const warnings = page.getByRole('table', { name: 'Warnings for standards-2025.xlsx' });
  await expect(warnings.getByRole('row').nth(1)).toContainText('column title_bn');
  await screenshot(page, 'frameworks-import-ready-en');
  await page.getByRole('button', { name: 'Import this framework' }).click();
  await expect(page.getByText('Imported “Bangladesh TVET Quality Framework (EU-aligned)” version 1.9.0.')).toBeVisible();
  expect(await libraryCount(page, host)).toBe(3);
  const newRow = page.getByRole('row', { name: /1\.9\.0/ });
  await expect(newRow).toContainText('Imported from XLSX');

  // Browse the imported version: the markup in a title is shown as text and never runs.
  await page.getByRole('link', { name: 'Open it' }).click();
  await page.getByLabel('Search criteria').fill('GQ-08');
  const gq08 = page.getByRole('article', { name: /GQ-08/ });
  await expect(gq08.getByRole('heading')).toHaveText(`GQ-08 ${xss}`);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await screenshot(page, 'frameworks-browse-imported-en');

  // Export in all three formats, from the browse screen.
  const downloads: Record<string, Buffer> = {};
  for (const format of ['JSON', 'XLSX', 'CSV']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download Bangladesh TVET Quality Framework (EU-aligned) version 1.9.0 as ${format}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bd-eu-tvet-1.9.0.${format.toLowerCase()}`);
    downloads[format] = fs.readFileSync((await download.path())!);
  }
  expect(JSON.parse(downloads.JSON!.toString('utf8'))).toMatchObject({ id: 'bd-eu-tvet', version: '1.9.0' });
  expect(downloads.XLSX!.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(downloads.CSV!.toString('utf8')).toMatch(/^\uFEFF#sheet:criteria\r\n/);

  // Compare the two versions side by side.
  await page.getByRole('link', { name: 'All frameworks' }).click();
  const optionFor = (version: string) =>
    page
      .getByLabel('Older version')
      .locator('option', { hasText: `— ${version} (` })
      .getAttribute('value');
  await page.getByLabel('Older version').selectOption((await optionFor('1.0.0'))!);
  await page.getByLabel('Newer version').selectOption((await optionFor('1.9.0'))!);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Changes from version .* 1\.0\.0 to .* 1\.9\.0/ })).toBeVisible();
  await expect(page.getByText('Added 1 · removed 1 · reworded 1 · changed in scoring 1 · unchanged 103')).toBeVisible();
  const reworded = page.getByRole('region', { name: /GQ-01/ });
  await expect(reworded).toContainText('Legal status and scope of registration');
  await expect(reworded).toContainText('Legal status, registration and its scope');
  await expect(page.getByRole('region', { name: /GQ-06/ })).toContainText('Not in this version');
  await expect(page.getByRole('region', { name: /GQ-08/ })).toContainText('Added');
  await screenshot(page, 'frameworks-compare-en');
  await expectAccessible(page, 'framework compare');
  await page.getByLabel('Language').selectOption('bn');
  await expect(page.getByRole('region', { name: /GQ-02/ })).toContainText('স্কোরিংয়ে বদলেছে');
  await screenshot(page, 'frameworks-compare-bn');
});

test('the library can be used with the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Frameworks' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: /Open Bangladesh TVET Quality Framework.* version 1\.0\.0/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('106 of 106 criteria')).toBeVisible();
  await page.getByLabel('Search criteria').focus();
  await page.keyboard.type('TEX-04');
  await expect(page.getByText('1 of 106 criteria')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Group')).toBeFocused();
  // The export buttons and the file picker are reachable and show where the focus is.
  await page.getByRole('button', { name: /as CSV/ }).focus();
  await expect(page.getByRole('button', { name: /as CSV/ })).toBeFocused();
  await page.getByRole('link', { name: 'All frameworks' }).focus();
  await page.keyboard.press('Enter');
  const picker = page.getByLabel('Framework file (.json, .xlsx or .csv)');
  await picker.focus();
  await expect(picker).toBeFocused();
  const outline = await page.locator('label[for="framework-file"]').evaluate((label) => getComputedStyle(label).outlineStyle);
  expect(outline).toBe('solid');
});
