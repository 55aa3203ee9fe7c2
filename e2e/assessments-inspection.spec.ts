import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { call, must } from './support/api';
import { seedInstitution } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { reviewer } from './support/reviewer';

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/** A tall window, so the current criterion and the whole score panel show (scrolled to the top, or to the current criterion). */
async function tallShot(page: Page, name: string, element?: string, at: 'top' | 'current' = 'top') {
  await page.setViewportSize({ width: 1440, height: 1700 });
  if (at === 'top') await page.evaluate(() => window.scrollTo(0, 0));
  else await page.locator('article.criterion--current').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => document.fonts.ready);
  if (element) await page.locator(element).screenshot({ path: `e2e/artifacts/${name}.png` });
  else await page.screenshot({ path: `e2e/artifacts/${name}.png` });
  await page.setViewportSize({ width: 1440, height: 1000 });
}

// Hundreds of key presses: a trace would serialise the whole page after each one and swamp the timings.
test.use({ trace: 'off' });

/**
 * Keys for one unit: most are Met; a few tell a more realistic story (and move the score). An entry
 * starting with "=" is typed as text (a field has focus then).
 */
const plan: Record<string, string[]> = {
  'GQ-04': ['2'],
  'AS-05': ['n', '=Initial programme only: nobody is admitted through prior learning.', 'Escape'],
  'QC-03': ['2'],
  'TA-04': ['1'],
  'IF-05': ['1'],
  'IL-02': ['2'],
  // Criteria scored from their figures: the rating key records nothing and stops at the first missing
  // figure; the figures score the unit (typed with Bengali digits too).
  'LS-03': ['3', '=30', 'Tab', '=২৪', 'Escape'],
  'OI-03': ['3', '=60', 'Tab', '=৫১', 'Tab', '=9', 'Escape'],
  // No figures kept: back past N/A to "No figures kept", which records it (scored 0, not met).
  'IL-03': ['3', 'Shift+Tab', 'Shift+Tab', 'Enter'],
  'OI-05': ['3', 'Shift+Tab', 'Shift+Tab', 'Enter'],
  'OI-06': ['3', 'Shift+Tab', 'Shift+Tab', 'Enter'],
  'OI-07': ['3', 'Shift+Tab', 'Shift+Tab', 'Enter'],
};

test('an inspector completes an inspection with the keyboard, sees the score live, finalises it and cannot change it', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const seeded = await seedInstitution(host);

  const overall = page.getByTestId('overall-score');
  const saveStatus = page.getByTestId('save-status');
  const current = page.locator('article.criterion--current');
  await test.step('the inspector starts an inspection from the institution page, in English and Bangla', async () => {
    // Start from the institution page.
    await open(page, host, `#/institutions/${seeded.institutionId}`);
    await page.getByRole('link', { name: 'Start assessment' }).click();
    await expect(page.getByRole('heading', { name: 'Start an assessment' })).toBeVisible();
    await expect(page.locator('#institutionId')).toHaveValue(seeded.institutionId);
    await expect(page.getByRole('checkbox', { name: /Welding \(mobility track\)/ })).toBeChecked();
    // New assessments start on the newest bundled version (1.1.0); this inspection is made on 1.0.0.
    const versions = await must(host, 'frameworks:list', {});
    const v110 = versions.items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.1.0')!;
    await expect(page.locator('#frameworkVersionId')).toHaveValue(v110.id);
    await page.locator('#frameworkVersionId').selectOption(seeded.frameworkVersionId);
    // A team member without a name is refused at the field, before anything is sent.
    await page.getByLabel('Name of member 1').fill('');
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await expect(page.locator('#team-0-name-error')).toHaveText('This field is required.');
    await page.getByLabel('Name of member 1').fill('Rahima Akter');
    await page.getByRole('button', { name: 'Add a member' }).click();
    await page.getByLabel('Name of member 2').fill('Tanvir Hasan');
    await page.locator('#plannedStart').fill('2026-03-09');
    await page.locator('#plannedEnd').fill('2026-03-11');
    await page.locator('#siteVisitDate').fill('2026-03-10');
    await shot(page, 'assessments-start-en');
    await expectAccessible(page, 'start an assessment');
    await page.getByLabel('Language').selectOption('bn');
    await expect(page.getByRole('heading', { name: 'মূল্যায়ন শুরু করুন' })).toBeVisible();
    await shot(page, 'assessments-start-bn');
    await page.getByLabel('ভাষা').selectOption('en');
    await page.getByRole('button', { name: 'Start assessment' }).click();
  });
  await test.step('the workspace opens with nothing rated; N/A is refused on a critical criterion', async () => {
    // The workspace: nothing rated yet.
    await expect(page.getByRole('heading', { name: /^Inspection — Khulna Technical Training Centre/ })).toBeVisible();
    await expect(page.getByText('0 of 73 answered')).toBeVisible();
    await expect(overall).toHaveText('—');
    await expect(current).toHaveAttribute('data-unit', 'GQ-01@');

    // N/A is refused on a critical criterion, out loud.
    await page.keyboard.press('n');
    await expect(page.getByRole('alert').filter({ hasText: 'N/A is not allowed here' })).toBeAttached();
    await page.keyboard.press('3');
    await expect(overall).toHaveText('100%');
    await expect(page.getByText('1 of 73 answered')).toBeVisible();
  });
  await test.step('every unit is rated by keyboard and the score follows live', async () => {
    // Every unit, by keyboard: a rating key, then J to the next (into the next section at the end of one).
    const seen = new Set<string>();
    const t0 = Date.now();
    let first = true;
    for (;;) {
      const key = (await current.getAttribute('data-unit'))!;
      if (seen.has(key)) break;
      seen.add(key);
      const criterion = key.split('@')[0]!;
      if (!first) {
        for (const k of plan[criterion] ?? ['3']) await (k.startsWith('=') ? page.keyboard.type(k.slice(1)) : page.keyboard.press(k));
      }
      first = false;
      if (criterion === 'AS-05') {
        await expect(page.locator('article.criterion--current textarea').first()).toHaveValue(
          'Initial programme only: nobody is admitted through prior learning.',
        );
        await tallShot(page, 'assessments-workspace-en', undefined, 'current');
      }
      if (criterion === 'TA-04') await expect(overall).not.toHaveText('100%');
      // Figures typed with Bengali digits are read: 51 of 60 completed is 85 %, green.
      if (criterion === 'OI-03') await expect(current).toContainText('Green (85) — scores 3');
      await page.keyboard.press('j');
      if (seen.size < 73) await expect(current).not.toHaveAttribute('data-unit', key);
      if (process.env.ASM_TIMING) console.log(criterion, Date.now() - t0);
    }
    expect(seen.size).toBe(73);
    await expect(page.getByText('73 of 73 answered')).toBeVisible();
    await expect(saveStatus).toHaveText('All changes saved');
    await expect(page.getByTestId('decision')).toContainText('Recommended with conditions');
    await tallShot(page, 'assessments-score-en', '.workspace__score');
  });
  await test.step('a critical Met without observation or record is refused at submission', async () => {
    // §7.1: a critical "Met" needs observation or record evidence, or a written override reason. Rated by
    // keys alone, the first submission is refused and names them; the inspector records what was observed.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not ready to submit' })).toBeVisible();
    await expect(page.getByTestId('assessment-status')).toHaveText('Draft');
    const assessmentId = page.url().split('/').pop()!;
    for (const r of (await must(host, 'assessments:get', { id: assessmentId })).ratings) {
      if (r.rating !== 3) continue;
      const patch = { evidenceSeen: ['DOC', 'OBS'] };
      await must(host, 'assessments:save-rating', { assessmentId, criterionId: r.criterionId, programmeId: r.programmeId, patch });
    }
    await page.reload();
    await expect(page.getByTestId('decision')).toContainText('Recommended with conditions');
  });
  await test.step('submitted by the inspector, finalised by a reviewer, from the keyboard', async () => {
    // Submit and finalise, still from the keyboard.
    await page.getByRole('button', { name: 'Submit for review' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('assessment-status')).toHaveText('Submitted for review');
    // Four eyes: the submitter is not offered Finalise; on this laptop a reviewer switches the profile.
    await expect(page.getByTestId('submitted-banner')).toContainText('a different reviewer must finalise it');
    await expect(page.getByRole('button', { name: 'Finalise' })).toHaveCount(0);
    await must(host, 'settings:update', reviewer);
    await page.reload();
    await expect(page.getByTestId('assessment-status')).toHaveText('Submitted for review');
    await page.getByRole('button', { name: 'Finalise' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('nobody can change it afterwards');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('assessment-status')).toHaveText('Finalised');
    await expect(page.getByTestId('locked-banner')).toContainText('Finalised — locked.');
    await expectAccessible(page, 'finalised workspace');
  });
  await test.step('finalised: the controls, the keys and the services refuse every change', async () => {
    // Locked: the controls are disabled, the keys do nothing, and the services refuse a direct call.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^GQ Governance/ })
      .click();
    const firstCard = page.locator('#unit-GQ-01-institution');
    await expect(firstCard.getByRole('radio', { name: /Met/ }).first()).toBeDisabled();
    await expect(firstCard.getByLabel('Notes')).toBeDisabled();
    await firstCard.focus();
    await page.keyboard.press('0');
    await expect(firstCard.getByRole('radio', { name: 'Met (3)' })).toBeChecked();
    const refused = await call(host, 'assessments:save-rating', {
      assessmentId: page.url().split('/').pop()!,
      criterionId: 'GQ-01',
      programmeId: null,
      patch: { rating: 0 },
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('locked');
  });
  await test.step('the finalised workspace in Bangla', async () => {
    // The same screens in Bangla.
    await page.getByLabel('Language').selectOption('bn');
    await expect(page.getByTestId('assessment-status')).toHaveText('চূড়ান্ত');
    await tallShot(page, 'assessments-workspace-bn');
    await tallShot(page, 'assessments-score-bn', '.workspace__score');
    await page.getByLabel('ভাষা').selectOption('en');
  });
});
