import type { Locator, Page } from '@playwright/test';
import { pdf } from '../electron/services/evidence/sample-files';
import { expect, test } from './support/fixtures';
import type { BrowserHost } from './support/browser-host';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open, screenshot } from './support/screens';
import { expectAccessible } from './support/accessibility';

const heading = /^Inspection — Khulna Technical Training Centre/;

async function openWorkspace(page: Page, host: BrowserHost, id: string) {
  // Through another screen, so the workspace loads afresh even when it was the last one open.
  await open(page, host, '#/assessments');
  await expect(page.getByRole('heading', { name: 'Assessments', level: 1 })).toBeVisible();
  await open(page, host, `#/assessments/${id}`);
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

/** The IF-04 card (building fire, electrical and structural safety), found by search. */
async function fireSafetyCard(page: Page): Promise<Locator> {
  await page.locator('#criteria-search').fill('IF-04');
  const card = page.locator('#unit-IF-04-institution');
  await expect(card).toBeVisible();
  return card;
}

test('an inspector edits the team and dates of a started inspection; an end before the start is refused on its field; the change survives a restart', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const seeded = await seedInstitution(host);
  const a = await startAssessment(host, seeded);
  await openWorkspace(page, host, a.id);
  const team = page.getByTestId('workspace-team');
  await expect(team).toHaveText(
    'Team: Rahima Akter (Lead inspector), Tanvir Hasan (Inspector) · planned 9 Mar 2026 – 11 Mar 2026 Edit details',
  );

  await team.getByRole('link', { name: 'Edit details' }).click();
  await expect(page.getByRole('heading', { name: 'Assessment details', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Name of member 1')).toHaveValue('Rahima Akter');
  await expect(page.getByLabel('Site visit')).toHaveValue('2026-03-10');

  // A third member, and a planned end before the start: refused on the end date, nothing saved.
  await page.getByRole('button', { name: 'Add a member' }).click();
  await page.getByLabel('Name of member 3').fill('Shirin Sultana');
  await page.getByLabel('Role of member 3').selectOption('observer');
  await page.getByLabel('Planned end').fill('2026-03-01');
  // Leaving the field checks it (the message appears and moves the button down), then the save is refused too.
  await page.getByLabel('Planned end').blur();
  await expect(page.locator('#plannedEnd-error')).toHaveText('The end date is before the start date.');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('#plannedEnd-error')).toHaveText('The end date is before the start date.');
  await expect(page.getByLabel('Planned end')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').first()).toHaveText('Please correct the highlighted fields. Nothing has been saved yet.');
  await expect(page).toHaveURL(new RegExp(`#/assessments/${a.id}/details$`));
  await expectAccessible(page, 'assessment details');
  await screenshot(page, 'assessments-details-en');

  await page.getByLabel('Language').selectOption('bn');
  await expect(page.getByRole('heading', { name: 'মূল্যায়নের বিবরণ', level: 1 })).toBeVisible();
  await expect(page.locator('#plannedEnd-error')).toHaveText('শেষের তারিখ শুরুর তারিখের আগে।');
  await expectAccessible(page, 'assessment details (Bangla)');
  await screenshot(page, 'assessments-details-bn');
  await page.getByLabel('ভাষা').selectOption('en');

  await page.getByLabel('Planned end').fill('2026-03-12');
  await page.getByLabel('Site visit').fill('2026-03-11');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  await expect(team).toHaveText(
    'Team: Rahima Akter (Lead inspector), Tanvir Hasan (Inspector), Shirin Sultana (Observer) · planned 9 Mar 2026 – 12 Mar 2026 Edit details',
  );
  await expect(page.getByText('Framework 1.0.0 · revision 1 · site visit 11 Mar 2026')).toBeVisible();
  const saved = (await must(host, 'assessments:get', { id: a.id })).assessment;
  expect(saved).toMatchObject({ plannedEnd: '2026-03-12', siteVisitDate: '2026-03-11' });
  expect(saved.team).toEqual([
    { name: 'Rahima Akter', role: 'lead-inspector' },
    { name: 'Tanvir Hasan', role: 'inspector' },
    { name: 'Shirin Sultana', role: 'observer' },
  ]);

  // Changed elsewhere while the form is open: the save is refused, the stored details are shown, and saving again works.
  await team.getByRole('link', { name: 'Edit details' }).click();
  await expect(page.getByLabel('Name of member 3')).toHaveValue('Shirin Sultana');
  await must(host, 'assessments:update-details', {
    id: a.id,
    revision: saved.revision,
    team: saved.team,
    plannedStart: saved.plannedStart,
    plannedEnd: saved.plannedEnd,
    siteVisitDate: '2026-03-10',
  });
  await page.getByLabel('Name of member 2').fill('Tanvir Hasan Chowdhury');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('alert')).toHaveText(/This assessment was changed meanwhile \(perhaps in another window\)/);
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByLabel('Site visit')).toHaveValue('2026-03-10');
  await expect(page.getByLabel('Name of member 2')).toHaveValue('Tanvir Hasan');
  await page.getByLabel('Name of member 2').fill('Tanvir Hasan Chowdhury');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  await expect(team).toContainText('Tanvir Hasan Chowdhury (Inspector)');

  // Restart the host: the details are still there.
  await host.restart();
  await page.goto(host.url);
  await openWorkspace(page, host, a.id);
  await expect(team).toHaveText(
    'Team: Rahima Akter (Lead inspector), Tanvir Hasan Chowdhury (Inspector), Shirin Sultana (Observer) · planned 9 Mar 2026 – 12 Mar 2026 Edit details',
  );
  await expect(page.getByText('Framework 1.0.0 · revision 1 · site visit 10 Mar 2026')).toBeVisible();
});

test('an inspector edits an evidence caption and type from the keyboard; Escape cancels; the caption is kept after a restart', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const seeded = await seedInstitution(host);
  const a = await startAssessment(host, seeded);
  await openWorkspace(page, host, a.id);
  const card = await fireSafetyCard(page);
  const zone = card.getByRole('group', { name: 'Drop zone for evidence files' });
  await zone.getByLabel('Evidence type').selectOption('DOC');
  await zone.getByLabel('Caption').fill('Fire certificate');
  await zone
    .locator('input[type=file]')
    .setInputFiles({ name: 'fire-safety-certificate.pdf', mimeType: 'application/pdf', buffer: pdf('Fire safety certificate 2026') });
  await expect(zone.locator('.attach-zone__status')).toHaveText('1 file attached.');
  const item = card.locator('.evidence-item');
  await expect(item).toContainText('Fire certificate');

  // Escape leaves the item as it was.
  const edit = item.getByRole('button', { name: 'Edit fire-safety-certificate.pdf' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit “fire-safety-certificate.pdf”' });
  const caption = dialog.getByLabel('Caption');
  await expect(caption).toBeFocused();
  await expect(caption).toHaveValue('Fire certificate');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Not this');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(item).toContainText('Fire certificate');

  // Caption and type changed with the keyboard alone, saved with Enter.
  await page.keyboard.press('Enter');
  await expect(caption).toBeFocused();
  await expect(caption).toHaveValue('Fire certificate');
  await expectAccessible(page, 'evidence edit dialog');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Fire safety certificate, valid to December 2026');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByLabel('Evidence type')).toBeFocused();
  await dialog.getByLabel('Evidence type').selectOption('REC');
  await caption.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(item).toContainText('Fire safety certificate, valid to December 2026');
  await expect(item.locator('abbr.tag')).toHaveText('REC');
  await expect(card.getByRole('status').filter({ hasText: 'saved' })).toHaveText('Changes to “fire-safety-certificate.pdf” saved.');

  // Restart the host: the caption and type are kept.
  await host.restart();
  await page.goto(host.url);
  await openWorkspace(page, host, a.id);
  const again = await fireSafetyCard(page);
  await expect(again.locator('.evidence-item')).toContainText('Fire safety certificate, valid to December 2026');
  await expect(again.locator('.evidence-item abbr.tag')).toHaveText('REC');
  const { items } = await must(host, 'evidence:list', { assessmentId: a.id });
  expect(items.map((i) => [i.caption, i.evidenceType])).toEqual([['Fire safety certificate, valid to December 2026', 'REC']]);
});

test('once the assessment is submitted, its details are read only and evidence edits are refused with the reason', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedInstitution(host);
  const a = await startAssessment(host, seeded);
  await must(host, 'evidence:attach', {
    assessmentId: a.id,
    links: [],
    evidenceType: 'DOC',
    caption: 'Visit schedule',
    files: [{ name: 'visit-schedule.pdf', contentBase64: pdf('Visit schedule').toString('base64') }],
  });

  // The edit dialog is open when the assessment is submitted elsewhere: the save is refused, and why.
  await open(page, host, `#/assessments/${a.id}/evidence`);
  await page.getByRole('button', { name: 'Edit visit-schedule.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit “visit-schedule.pdf”' });
  await dialog.getByLabel('Caption').fill('Visit schedule, signed');
  await rateAll(host, a.id);
  await must(host, 'assessments:submit', { id: a.id, revision: a.revision });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Not saved: evidence can be changed only while the assessment is a draft.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await must(host, 'evidence:list', { assessmentId: a.id })).items[0]!.caption).toBe('Visit schedule');

  // Reloaded: no Edit on evidence, and the details are text with the reason.
  await openWorkspace(page, host, a.id);
  await open(page, host, `#/assessments/${a.id}/evidence`);
  await expect(page.getByText('Evidence cannot be changed: the assessment is not a draft.')).toBeVisible();
  await expect(page.getByText('Visit schedule', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await openWorkspace(page, host, a.id);
  await page.getByTestId('workspace-team').getByRole('link', { name: 'Details' }).click();
  await expect(page.getByRole('heading', { name: 'Assessment details', level: 1 })).toBeVisible();
  await expect(
    page.getByText('The team and dates can be changed only while the assessment is a draft. This assessment is: Submitted for review.'),
  ).toBeVisible();
  await expect(page.getByTestId('details-view')).toContainText('Rahima Akter (Lead inspector)');
  await expect(page.getByTestId('details-view')).toContainText('10 Mar 2026');
  await expect(page.getByRole('button', { name: 'Save details' })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page, 'assessment details (read only)');
});
