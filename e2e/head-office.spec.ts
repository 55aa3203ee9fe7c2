import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { RatingPatch } from '../shared/assessments/schema';
import { bn } from '../shared/i18n/bn';
import { en } from '../shared/i18n/en';
import type { RequestOf } from '../shared/ipc/contract';
import { must } from './support/api';
import { metWithFigures, rateAll, type Seeded, seedInstitution } from './support/seed';
import { expectAccessible } from './support/accessibility';
import { finaliseAsReviewer } from './support/reviewer';
import type { BrowserHost } from './support/browser-host';
import { expect, test } from './support/fixtures';

const malicious = '=HYPERLINK("http://evil.example/x","Rangpur Hotel School")';

async function institution(
  host: BrowserHost,
  input: Partial<RequestOf<'institutions:create'>> & { nameEn: string },
  programme: Partial<RequestOf<'programmes:create'>['input']>,
): Promise<Seeded> {
  const created = await must(host, 'institutions:create', {
    nameBn: '',
    registrationBody: 'BTEB',
    registrationNumber: `BTEB-${Math.floor(Math.random() * 1e6)}`,
    type: 'government-polytechnic',
    division: 'dhaka',
    district: 'Dhaka',
    headName: 'Head',
    sectors: [programme.sector ?? 'ict'],
    ...input,
  });
  const p = await must(host, 'programmes:create', {
    institutionId: created.id,
    input: {
      titleEn: 'Programme',
      titleBn: '',
      sector: 'ict',
      occupation: 'Software developer',
      iscoCode: '2512',
      bnqfLevel: '5',
      eqfLevel: '5',
      durationMonths: '',
      annualIntake: '40',
      mobilityTrack: false,
      destinationCountry: '',
      targetLanguage: '',
      targetCefr: '',
      activities: [],
      ...programme,
    },
  });
  const frameworks = await must(host, 'frameworks:list', {});
  // Pinned to 1.0.0: the figures below are LS-03's there (1.1.0 asks them under OI-09).
  const v100 = frameworks.items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.0.0')!;
  return { institutionId: created.id, programmeId: p.id, frameworkVersionId: v100.id };
}

/** An inspection of the institution's programme, rated by `rating`, submitted and finalised through the real workflow. */
async function inspect(host: BrowserHost, seeded: Seeded, rating: (criterionId: string) => RatingPatch = metWithFigures) {
  const a = await must(host, 'assessments:create', {
    kind: 'inspection',
    institutionId: seeded.institutionId,
    programmeIds: [seeded.programmeId],
    frameworkVersionId: seeded.frameworkVersionId,
    team: [{ name: 'Rahima Akter', role: 'lead-inspector' }],
    plannedStart: '',
    plannedEnd: '',
    siteVisitDate: '',
    followsAssessmentId: null,
  });
  await rateAll(host, a.id, rating);
  const submitted = await must(host, 'assessments:submit', { id: a.id, revision: a.revision });
  return finaliseAsReviewer(host, a.id, submitted.revision);
}

/**
 * A small country: Khulna's welding track to Romania fails workshop safety (critical) and its Romanian
 * language results are red; Dhaka's ICT programme meets everything; an institution whose name is a
 * spreadsheet formula runs a hotel track to Italy that is partly met.
 */
async function seedCountry(host: BrowserHost) {
  const khulna = await seedInstitution(host);
  const failing = await inspect(host, khulna, (c) => {
    if (c === 'IF-03') return { rating: 0, evidenceSeen: ['OBS'] };
    // 9 of 30 certified at A2: a red light, so LS-03 scores 1 on this mobility track.
    if (c === 'LS-03') return { data: { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 9 } };
    return metWithFigures(c);
  });
  const dhaka = await institution(
    host,
    { nameEn: 'Dhaka Polytechnic Institute', nameBn: 'ঢাকা পলিটেকনিক ইনস্টিটিউট', division: 'dhaka', district: 'Dhaka' },
    { titleEn: 'Diploma in Computer Technology', sector: 'ict' },
  );
  const passing = await inspect(host, dhaka);
  const rangpur = await institution(
    host,
    { nameEn: malicious, division: 'rangpur', district: 'Rangpur', type: 'ngo-training-centre' },
    {
      titleEn: 'Hotel service (Italy)',
      sector: 'tourism',
      occupation: 'Waiter',
      iscoCode: '5131',
      bnqfLevel: '3',
      eqfLevel: '3',
      mobilityTrack: true,
      destinationCountry: 'Italy',
      targetLanguage: 'Italian',
      targetCefr: 'A2',
    },
  );
  const partly = await inspect(host, rangpur, (c) => (c === 'LS-04' ? { rating: 1, evidenceSeen: ['DOC'] } : metWithFigures(c)));
  return { failing, passing, partly };
}

const row = (table: Locator, ...cells: string[]) => table.getByRole('row').filter({ hasText: new RegExp(cells.map(escape).join('.*')) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function dashboard(page: Page, host: BrowserHost) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Head office' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.headOffice.title })).toBeVisible();
}

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  // Chromium without a GPU leaves the lower part of a long full-page capture unpainted: paint a window
  // as tall as the page first.
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
  // Each section on its own too, to look at closely.
  for (const section of ['offer', 'outcomes', 'improvement', 'actions', 'needs']) {
    await page.locator(`#ho-${section}`).screenshot({ path: `e2e/artifacts/${name}-${section}.png` });
  }
  await page.setViewportSize(viewport);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/artifacts/${name}-top.png` });
}

const table = (page: Page, caption: string) => page.getByRole('table', { name: caption, exact: true });

test('head office sees the country: outcomes, improvement and training needs, filtered, exported and accessible', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const { failing, passing } = await seedCountry(host);
  expect(failing.score?.decision).toBe('not-recommended');
  const passingBucket = passing.score?.decision === 'recommended' ? 'Aligned' : 'Conditional';

  await dashboard(page, host);
  await expect(page.getByText(/^3 institutions · 3 finalised assessments/)).toBeVisible();

  const T = en.headOffice;
  const byDivision = table(page, T.table.outcomesDivision);
  const criteria = table(page, T.table.criteriaNotMet);
  const B = bn.headOffice;
  await test.step('outcomes: the failed critical criterion makes Khulna not aligned', async () => {
    // Outcomes: Khulna failed a critical criterion, so it is not aligned.
    await expect(page.getByText(/^3 institutions assessed:/)).toBeVisible();
    await expect(row(byDivision, 'Khulna', '1', '0', '0', '1', '0')).toHaveCount(1);
    await expect(byDivision.getByRole('row', { name: /Dhaka/ })).toContainText('1');
    await expect(page.getByText(T.deferredNote)).toBeVisible();
    const byDistrict = table(page, T.table.outcomesDistrict);
    await expect(byDistrict.getByRole('row')).toHaveCount(4);
    await expect(page.getByRole('img', { name: /^Outcomes by division: Dhaka: / })).toBeVisible();
    await expect(table(page, T.table.outcomesSector).getByRole('row', { name: /Construction/ })).toContainText('1');
  });
  await test.step('the dashboard and the finalised score agree on Dhaka', async () => {
    // The dashboard and the finalised score agree on Dhaka.
    const dhakaRow = byDivision.getByRole('row', { name: /^Dhaka/ });
    await expect(dhakaRow.getByRole('cell').nth(passingBucket === 'Aligned' ? 1 : 2)).toHaveText('1');
  });
  await test.step('improvement needs: criteria not met, stop-use notices, corrective actions', async () => {
    // Improvement: the failed critical criterion is in the list, with a stop-use notice.
    await expect(criteria.getByRole('row', { name: /IF-03 Occupational safety and health in workshops/ })).toBeVisible();
    await expect(criteria.getByRole('row', { name: /LS-03/ })).toBeVisible();
    const stopUse = table(page, T.table.stopUse);
    await expect(row(stopUse, 'Khulna Technical Training Centre', 'IF-03')).toHaveCount(1);
    const actions = table(page, T.table.correctiveActions);
    await expect(actions.getByRole('row', { name: /Khulna Technical Training Centre/ })).toBeVisible();
  });
  await test.step('additional training needs: the language track a programme manager funds', async () => {
    // Additional training needs: the Romanian A2 language track is in the list a programme manager funds.
    const needs = table(page, T.table.trainingNeeds);
    await expect(row(needs, 'Romania', 'Romanian', 'A2', 'Language (CEFR target)', '1', '1', '60')).toHaveCount(1);
    await expect(row(needs, 'Italy', 'Italian', 'A2', 'Soft skills')).toHaveCount(1);
    const needProgrammes = table(page, T.table.trainingNeedsProgrammes);
    await expect(row(needProgrammes, 'Khulna Technical Training Centre', 'Welding (mobility track)', 'Romania')).toHaveCount(1);

    await expectAccessible(page, 'head office (English)');
    await screenshot(page, 'head-office-en');
  });
  await test.step('exports: CSV and XLSX of what is on screen, formulas neutralised', async () => {
    // Exports: CSV and XLSX of what is on screen; the name that is a formula comes out as text.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export “${T.table.trainingNeedsProgrammes}” as CSV` }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^head-office-training-needs-programmes-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Institution,District,Programme,Destination,Target CEFR level,Annual intake,Needs,Criteria not met,Mobility-ready',
    );
    expect(lines).toContain(`"'${malicious.replace(/"/g, '""')}",Rangpur,Hotel service (Italy),Italy,Italian A2,40,Soft skills,LS-04,Yes`);
    expect(lines).toContain(
      'Khulna Technical Training Centre,Khulna,Welding (mobility track),Romania,Romanian A2,60,Language (CEFR target),LS-03,No',
    );
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export “${T.table.institutionTrends}” as XLSX` }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await xlsxDownload.path())!) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      ...[
        'Institution',
        'District',
        'Assessments',
        'First finalised',
        'First score (%)',
        'Latest finalised',
        'Latest score (%)',
        'Change (points)',
        'Latest outcome',
      ],
    ]);
    const names: unknown[] = [];
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      names.push(r.getCell(1).value);
      for (let c = 1; c <= 9; c++) {
        const cell = r.getCell(c);
        if (cell.value !== null) expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type);
      }
    });
    expect(names).toContain(`'${malicious}`);
    expect(names).toHaveLength(3);
  });
  await test.step('a filter narrows every table to Dhaka division', async () => {
    // A filter narrows every table: Dhaka division only.
    await page.getByRole('combobox', { name: T.filters.division, exact: true }).selectOption('dhaka');
    await expect(page.getByText(/^1 institutions assessed:/)).toBeVisible();
    await expect(byDivision.getByRole('row')).toHaveCount(2);
    await expect(criteria.getByRole('row', { name: /IF-03/ })).toHaveCount(0);
    await expect(page.getByText(T.improvement.noStopUse)).toBeVisible();
    await expect(table(page, T.table.trainingNeeds).getByRole('row', { name: /Romania/ })).toHaveCount(0);
    await expect(table(page, T.table.offerSector).getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: T.filters.clear }).click();
    await expect(page.getByText(/^3 institutions assessed:/)).toBeVisible();
  });
  await test.step("one institution's trend", async () => {
    // One institution's trend.
    await page
      .getByRole('combobox', { name: T.outcomes.pickInstitution, exact: true })
      .selectOption({ label: 'Khulna Technical Training Centre' });
    await expect(page.getByRole('heading', { name: 'Score trend of Khulna Technical Training Centre' })).toBeVisible();
    await expect(table(page, T.table.institutionTrend).getByRole('row')).toHaveCount(2);
  });
  await test.step('the dashboard in Bangla, with Bengali digits', async () => {
    // Bangla: always with Bengali digits (issue 14).
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('bn');
    await expect(page.getByRole('heading', { level: 1, name: B.title })).toBeVisible();
    await expect(page.getByText(/^৩টি প্রতিষ্ঠান মূল্যায়িত:/)).toBeVisible();
    const byDivisionBn = table(page, B.table.outcomesDivision);
    await expect(row(byDivisionBn, 'খুলনা', '১', '০', '০', '১', '০')).toHaveCount(1);
    await expect(table(page, B.table.trainingNeeds).getByRole('row', { name: /রোমানিয়া.*ভাষা \(লক্ষ্য CEFR স্তর\)/ })).toBeVisible();
    await expect(page.getByRole('img', { name: new RegExp(`^${escape(B.outcomes.chartDivision)}`) })).toBeVisible();
    await expectAccessible(page, 'head office (Bangla)');
    await screenshot(page, 'head-office-bn');
  });
  await test.step('a large screen: charts and tables side by side', async () => {
    // A large screen: charts and tables side by side, nothing stretched.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('#ho-outcomes').screenshot({ path: 'e2e/artifacts/head-office-bn-1920-outcomes.png' });
    await page.setViewportSize({ width: 1366, height: 768 });

    const [bnDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `“${B.table.outcomesDivision}” CSV হিসেবে এক্সপোর্ট করুন` }).click(),
    ]);
    const bnCsv = fs.readFileSync((await bnDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(bnCsv.split('\r\n')[0]).toBe('বিভাগ,প্রতিষ্ঠান,সামঞ্জস্যপূর্ণ,শর্তসাপেক্ষ,সামঞ্জস্যপূর্ণ নয়,এর মধ্যে মুলতবি');
    expect(bnCsv).toContain('খুলনা,1,0,0,1,0');
  });
});
