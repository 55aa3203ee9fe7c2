import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Framework } from '../shared/framework/schema';
import { expect, test } from './support/fixtures';
import type { BrowserHost } from './support/browser-host';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open, screenshot } from './support/screens';
import { expectAccessible } from './support/accessibility';

/**
 * A version 1.9.0 of the bundled framework (1.0.0 and 1.1.0 ship with the app), as an accrediting body might publish it: GQ-07 removed,
 * GQ-02 reworded, GQ-04 weighted 3 instead of 2, GQ-08 added.
 */
function version110(): Framework {
  const file = path.resolve(import.meta.dirname, '..', 'resources', 'frameworks', 'bd-eu-tvet-1.0.0.json');
  const next = JSON.parse(fs.readFileSync(file, 'utf8')) as Framework;
  next.version = '1.9.0';
  const gq = next.groups.find((g) => g.id === 'GQ')!;
  const at = gq.criteria.findIndex((c) => c.id === 'GQ-07');
  const template = gq.criteria[at]!;
  gq.criteria.splice(at, 1);
  for (const phase of next.eqavet.phases) phase.criteria = phase.criteria.filter((id) => id !== 'GQ-07');
  for (const indicator of next.eqavet.indicators) indicator.criteria = indicator.criteria.filter((id) => id !== 'GQ-07');
  gq.criteria.find((c) => c.id === 'GQ-02')!.title = {
    en: 'Published mission, vision and quality policy',
    bn: 'প্রকাশিত লক্ষ্য, রূপকল্প ও মাননীতি',
  };
  gq.criteria.find((c) => c.id === 'GQ-04')!.weight = 3;
  gq.criteria.push({ ...template, id: 'GQ-08', title: { en: 'Whistle-blowing channel', bn: 'অভিযোগ জানানোর গোপন মাধ্যম' } });
  return next;
}

async function importVersion110(host: BrowserHost): Promise<string> {
  const imported = await must(host, 'frameworks:import-file', {
    fileName: 'bd-eu-tvet-1.9.0.json',
    contentBase64: Buffer.from(JSON.stringify(version110())).toString('base64'),
  });
  expect(imported.status).toBe('imported');
  return imported.summary.id;
}

const droppedNote = 'Inclusion policy seen in the principal’s office, dated 2025.';

async function openWorkspace(page: Page, host: BrowserHost, id: string) {
  // Through another screen, so the workspace loads afresh even when it was the last one open.
  await open(page, host, '#/assessments');
  await expect(page.getByRole('heading', { name: 'Assessments', level: 1 })).toBeVisible();
  await open(page, host, `#/assessments/${id}`);
  await expect(page.getByRole('heading', { name: /^Inspection — Khulna Technical Training Centre/ })).toBeVisible();
}

test('an inspector reviews and moves a draft to a newer framework version; cancelling changes nothing', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const seeded = await seedInstitution(host);
  const v100 = (await must(host, 'frameworks:list', {})).items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.0.0')!;
  const a = await startAssessment(host, { ...seeded, frameworkVersionId: v100.id });
  const rate = (criterionId: string, rating: 0 | 1 | 2 | 3, note: string) =>
    must(host, 'assessments:save-rating', { assessmentId: a.id, criterionId, programmeId: null, patch: { rating, note } });
  await rate('GQ-02', 2, 'Plan covers 2024–2028; mission not yet published.');
  await rate('GQ-04', 1, 'Fees posted, accounts not audited.');
  await rate('GQ-07', 3, droppedNote);

  // The bundled 1.1.0 is newer: the notice names it.
  await openWorkspace(page, host, a.id);
  await expect(page.locator('.workspace__title')).toContainText('Framework 1.0.0');
  await expect(page.getByText('3 of 73 answered')).toBeVisible();
  await expect(page.getByTestId('framework-update')).toContainText('A newer version of the framework is available (1.1.0).');

  const nextId = await importVersion110(host);
  await openWorkspace(page, host, a.id);
  const notice = page.getByTestId('framework-update');
  await expect(notice).toContainText('A newer version of the framework is available (1.9.0).');
  // One more rating by keyboard, straight before opening the review: it is saved first and carried.
  await expect(page.locator('article.criterion--current')).toHaveAttribute('data-unit', 'GQ-01@');
  await page.keyboard.press('3');
  await notice.getByRole('button', { name: 'Review the change' }).click();

  // The review: versions, counts, the dropped rating with what was written on it, the changes by id.
  await expect(page.getByRole('heading', { name: 'Move to a newer framework version', level: 1 })).toBeVisible();
  await expect(page.getByTestId('framework-change-versions')).toContainText('From version 1.0.0 to version 1.9.0');
  await expect(page.getByTestId('framework-change-summary')).toHaveText(
    '1 added, 1 removed, 1 reworded and 1 with changed rules. 3 ratings carried over, 1 dropped.',
  );
  const dropped = page.getByRole('table', { name: 'Ratings dropped by the move' });
  await expect(dropped.locator('tbody tr')).toHaveCount(1);
  await expect(dropped.locator('tbody tr')).toHaveAttribute('data-unit', 'GQ-07@');
  await expect(dropped).toContainText('Policy on access, equity and inclusion');
  await expect(dropped).toContainText('3 Met');
  await expect(dropped).toContainText(`Notes: ${droppedNote}`);
  await expect(page.getByText('3 ratings are carried over to version 1.9.0; 1 of them on criteria that did not change.')).toBeVisible();
  const carried = page.getByRole('table', { name: 'Carried ratings on criteria that changed' });
  await expect(carried.locator('tbody tr')).toHaveCount(2);
  await expect(carried.locator('tr[data-unit="GQ-02@"]')).toContainText('Reworded');
  await expect(carried.locator('tr[data-unit="GQ-02@"]')).toContainText('2 Largely met');
  await expect(carried.locator('tr[data-unit="GQ-04@"]')).toContainText('Rules changed');
  const ids = async (kind: string) =>
    page
      .getByTestId(`changes-${kind}`)
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-criterion')));
  expect(await ids('added')).toEqual(['GQ-08']);
  expect(await ids('removed')).toEqual(['GQ-07']);
  expect(await ids('reworded')).toEqual(['GQ-02']);
  expect(await ids('changed')).toEqual(['GQ-04']);
  await expect(page.getByTestId('changes-reworded')).toContainText('Before: Governing body and multi-year development plan');
  await expect(page.getByTestId('changes-changed')).toContainText('Changed: weight 2 → 3');
  await expectAccessible(page, 'framework change review (en)');
  await screenshot(page, 'assessments-framework-change-en');

  await page.getByLabel('Language').selectOption('bn');
  await expect(page.getByRole('heading', { name: 'কাঠামোর নতুন সংস্করণে সরান', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'সরানোর ফলে বাদ পড়া রেটিং' })).toContainText('প্রবেশাধিকার, সমতা ও অন্তর্ভুক্তি নীতি');
  await expect(page.getByTestId('changes-added')).toContainText('অভিযোগ জানানোর গোপন মাধ্যম');
  await expectAccessible(page, 'framework change review (bn)');
  await screenshot(page, 'assessments-framework-change-bn');
  await page.getByLabel('ভাষা', { exact: true }).selectOption('en');

  // Cancel: back in the workspace, nothing moved.
  const before = await must(host, 'assessments:get', { id: a.id });
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.locator('.workspace__title')).toContainText('Framework 1.0.0');
  await expect(page.getByText('4 of 73 answered')).toBeVisible();
  expect(await must(host, 'assessments:get', { id: a.id })).toEqual(before);
  expect(before.assessment.frameworkVersion).toBe('1.0.0');
  expect(before.ratings.map((r) => r.criterionId)).toEqual(['GQ-01', 'GQ-02', 'GQ-04', 'GQ-07']);

  // Someone changes the assessment while the review is open: the move is refused, the review reloads.
  // By keyboard this time.
  await page.getByTestId('framework-update').getByRole('button', { name: 'Review the change' }).focus();
  await page.keyboard.press('Enter');
  const moveButton = page.getByRole('button', { name: 'Move to version 1.9.0' });
  await expect(moveButton).toBeVisible();
  const { assessment: open1 } = await must(host, 'assessments:get', { id: a.id });
  await must(host, 'assessments:update-details', {
    id: a.id,
    revision: open1.revision,
    team: open1.team,
    plannedStart: open1.plannedStart,
    plannedEnd: open1.plannedEnd,
    siteVisitDate: '2026-03-11',
  });
  await moveButton.click();
  await expect(page.getByRole('alert').filter({ hasText: 'This assessment was changed meanwhile' })).toBeFocused();
  expect((await must(host, 'assessments:get', { id: a.id })).assessment.frameworkVersion).toBe('1.0.0');

  // Move.
  await expect(page.getByTestId('framework-change-summary')).toContainText('1 dropped');
  await moveButton.click();
  await expect(page.getByRole('heading', { name: /^Inspection — Khulna Technical Training Centre/ })).toBeVisible();
  await expect(page.getByTestId('framework-moved')).toHaveText('Moved to framework version 1.9.0: 3 ratings carried over, 1 dropped.');
  const expectMoved = async () => {
    await expect(page.locator('.workspace__title')).toContainText('Framework 1.9.0');
    await expect(page.getByTestId('framework-update')).toHaveCount(0);
    await expect(page.getByText('3 of 73 answered')).toBeVisible();
    await expect(page.locator('article[data-unit="GQ-02@"]').getByRole('radio', { name: /Largely met/ })).toBeChecked();
    await expect(page.locator('article[data-unit="GQ-02@"]')).toContainText('Published mission, vision and quality policy');
    await expect(page.locator('article[data-unit="GQ-08@"]')).toBeVisible();
    await expect(page.locator('article[data-unit="GQ-07@"]')).toHaveCount(0);
  };
  await expectMoved();
  const moved = await must(host, 'assessments:get', { id: a.id });
  expect(moved.assessment.frameworkVersionId).toBe(nextId);
  expect(moved.ratings.map((r) => [r.criterionId, r.rating, r.note])).toEqual([
    ['GQ-01', 3, ''],
    ['GQ-02', 2, 'Plan covers 2024–2028; mission not yet published.'],
    ['GQ-04', 1, 'Fees posted, accounts not audited.'],
  ]);

  // Still so after the app restarts; the one-time note is gone.
  await host.restart();
  await page.goto(host.url);
  await openWorkspace(page, host, a.id);
  await expectMoved();
  await expect(page.getByTestId('framework-moved')).toHaveCount(0);
});

test('the review says when the assessment is already on the newest version, and refuses one that is no longer a draft', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  const seeded = await seedInstitution(host);
  // On the newest bundled version, 1.1.0.
  const v110 = (await must(host, 'frameworks:list', {})).items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.1.0')!;
  const a = await startAssessment(host, { ...seeded, frameworkVersionId: v110.id });
  await open(page, host, `#/assessments/${a.id}/framework`);
  await expect(page.getByText('This assessment already uses the newest installed version of its framework (1.1.0).')).toBeVisible();

  await importVersion110(host);
  await rateAll(host, a.id);
  const submitted = await must(host, 'assessments:submit', { id: a.id, revision: a.revision });
  expect(submitted.status).toBe('submitted');
  await openWorkspace(page, host, a.id);
  await expect(page.getByTestId('assessment-status')).toHaveText('Submitted for review');
  await expect(page.getByTestId('framework-update')).toHaveCount(0);
  await open(page, host, `#/assessments/${a.id}/framework`);
  await expect(
    page.getByText('Only a draft can move to another framework version. This assessment is: Submitted for review.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Move to version/ })).toHaveCount(0);
});
