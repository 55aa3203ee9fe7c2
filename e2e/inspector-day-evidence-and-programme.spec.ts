import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { pdf, photo } from '../electron/services/evidence/sample-files';
import { catalogues } from '../shared/i18n';
import { toBengaliDigits } from '../shared/validation/digits';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { submitAndFinalise } from './support/reviewer';

async function shot(target: Page | Locator, name: string) {
  const page = 'page' in target ? target.page() : target;
  await page.evaluate(() => document.fonts.ready);
  await target.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/** Replaces `{{key}}` placeholders as i18next does (in Western digits: Bangla screens convert them, see `digits`). */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/**
 * Axe on the open dialog only: the report screen's preview frame is left out, as in reports.spec.ts
 * (scanning a twenty-page report takes minutes; the printed report is checked as a tagged PDF).
 */
async function expectDialogAccessible(page: Page, screen: string) {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('dialog[open]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function inLanguage(page: Page, language: 'en' | 'bn') {
  if (language === 'bn') {
    await page.locator('#language-select').selectOption('bn');
    await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  }
}

/**
 * Whether a field's text is cut off: the placeholder of an input, or the chosen option of a select
 * (less the width of its arrow), measured in the field's own font.
 */
async function textCutOff(field: Locator): Promise<{ needed: number; room: number }> {
  return field.evaluate((el: HTMLInputElement | HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const probe = document.createElement('span');
    probe.style.font = style.font;
    probe.style.position = 'absolute';
    probe.style.whiteSpace = 'pre';
    probe.textContent = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : el.placeholder;
    document.body.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    const arrow = el instanceof HTMLSelectElement ? 24 : 0;
    return { needed, room: el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow };
  });
}

async function expectNotCutOff(field: Locator, what: string) {
  await expect(field).toBeVisible();
  const { needed, room } = await textCutOff(field);
  expect(needed, `${what}: ${Math.round(needed)} px of text in ${Math.round(room)} px`).toBeLessThanOrEqual(room);
}

/** The box lies wholly inside `outer` (a dialog, or the window when `outer` is the viewport). */
function expectInside(
  box: { x: number; y: number; width: number; height: number } | null,
  outer: { x: number; y: number; width: number; height: number },
  what: string,
) {
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x);
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(outer.y);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

for (const language of ['en', 'bn'] as const) {
  const T = catalogues[language];

  /** Issue 16, point 7: LS-03 asks again for the language and CEFR level the programme records. */
  test(`LS-03 shows the mobility programme's German / B1 from the programme record, not as inputs (${language})`, async ({
    page,
    host,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    const seeded = await seedInstitution(host);
    const programme = await must(host, 'programmes:create', {
      institutionId: seeded.institutionId,
      input: {
        titleEn: 'Electrical installation (mobility track)',
        titleBn: 'ইলেকট্রিক্যাল ইনস্টলেশন (মোবিলিটি ট্র্যাক)',
        sector: 'construction',
        occupation: 'Electrician',
        iscoCode: '7411',
        bnqfLevel: '3',
        eqfLevel: '3',
        durationMonths: '',
        annualIntake: '40',
        mobilityTrack: true,
        destinationCountry: 'Germany',
        targetLanguage: 'German',
        targetCefr: 'B1',
        activities: [],
      },
    });
    const { id } = await startAssessment(host, { ...seeded, programmeId: programme.id });

    await page.goto(host.url);
    await inLanguage(page, language);
    await open(page, host, `#/assessments/${id}`);
    await page.locator('#criteria-search').fill('LS-03');
    const card = page.locator(`#unit-LS-03-${programme.id}`);
    await expect(card).toBeVisible();
    const domId = `unit-LS-03-${programme.id}`;

    // Shown, labelled by the framework's field, with where it comes from; nothing to type.
    const languageField = card.locator('[data-from-programme="language"]');
    const levelField = card.locator('[data-from-programme="cefr_target"]');
    await expect(languageField.locator('output')).toHaveText('German');
    await expect(levelField.locator('output')).toHaveText('B1');
    await expect(languageField).toContainText(T.assessments.card.fromProgramme);
    await expect(card.locator(`#${domId}-data-language`)).toHaveCount(0);
    await expect(card.locator(`#${domId}-data-cefr_target`)).toHaveCount(0);
    // The figures of the outcome are still typed.
    await expect(card.locator(`#${domId}-data-language_track_learners`)).toBeEditable();

    // The programme's facts do not answer the criterion: its figures do.
    const before = await must(host, 'assessments:get', { id });
    expect(before.ratings.find((r) => r.criterionId === 'LS-03')).toBeUndefined();

    await card.scrollIntoViewIfNeeded();
    await shot(card, `inspector-day-ls03-from-programme-${language}`);
    await expectAccessible(page, `LS-03 card (${language})`);

    // The link opens the programme record, which holds the same German / B1 (the free text "German" typed
    // before the closed lists is matched to its code, "de").
    await languageField.getByRole('link', { name: T.assessments.card.programmeRecord }).click();
    await expect(page.locator('#targetLanguage')).toHaveValue('de');
    await expect(page.locator('#targetCefr')).toHaveValue('B1');
  });

  /** Issue 16, point 7: attached and expected evidence, and "evidence seen", as one list on the card. */
  test(`a photo on a criterion that expects no photos is explained in one place, and attachments count as seen (${language})`, async ({
    page,
    host,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    const seeded = await seedInstitution(host);
    const { id } = await startAssessment(host, seeded);
    const framework = await must(host, 'frameworks:get', { id: seeded.frameworkVersionId });
    const gq01 = framework.framework.groups.flatMap((g) => g.criteria).find((c) => c.id === 'GQ-01')!;
    expect(gq01.evidence).toEqual(['DOC', 'REC']);

    await page.goto(host.url);
    await inLanguage(page, language);
    await open(page, host, `#/assessments/${id}`);
    await page.locator('#criteria-search').fill('GQ-01');
    const card = page.locator('#unit-GQ-01-institution');
    await expect(card).toBeVisible();
    const summary = card.getByTestId('evidence-summary');
    // Bangla screens write numbers in Bengali digits.
    const digits = (text: string) => (language === 'bn' ? toBengaliDigits(text) : text);
    const summaryText = (seen: number, files: number) =>
      digits(
        `${fill(T.assessments.evidence.summary, { seen, total: 2 })} · ${fill(files === 1 ? T.assessments.evidence.files_one : T.assessments.evidence.files_other, { n: files })}`,
      );
    await expect(summary).toHaveText(summaryText(0, 0));
    // The old second count on the files panel is gone: one place says it.
    await expect(card.getByText(/expected evidence types attached|প্রত্যাশিত প্রমাণের ধরনের মধ্যে/)).toHaveCount(0);

    // A photo, attached as a photo.
    const zone = card.locator('.evidence-panel').getByRole('group', { name: T.evidence.attach.dropZone });
    await zone.getByLabel(T.evidence.attach.type).selectOption('PHOTO');
    await zone.locator('input[type=file]').setInputFiles({ name: 'registration-board.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await expect(card.locator('.evidence-item')).toHaveCount(1);
    await expect(summary).toHaveText(summaryText(0, 1));
    await expect(card.getByTestId('evidence-unexpected')).toHaveText(fill(T.assessments.evidence.unexpected, { types: 'PHOTO' }));
    const chip = (code: string) => card.locator('.evidence-picker button', { has: page.locator(`abbr:text-is("${code}")`) });
    await expect(chip('PHOTO')).toHaveAttribute('aria-pressed', 'true');
    await expect(chip('PHOTO')).toHaveAttribute('aria-disabled', 'true');
    // A photo is not an observation: a critical "Met" still asks for observation or records.
    await card.locator('.criterion__rating input[type=radio]').first().check();
    await expect(card.locator('.rule-issues')).toContainText(T.assessments.rules.criticalMetNeedsObsOrRec);

    // A document attached counts as DOC seen; records ticked as seen without a file.
    await zone.getByLabel(T.evidence.attach.type).selectOption('DOC');
    await zone
      .locator('input[type=file]')
      .setInputFiles({ name: 'registration.pdf', mimeType: 'application/pdf', buffer: pdf('NSDA registration') });
    await expect(card.locator('.evidence-item')).toHaveCount(2);
    await expect(summary).toHaveText(summaryText(1, 2));
    await expect(chip('DOC')).toHaveAttribute('aria-pressed', 'true');
    await chip('REC').click();
    await expect(chip('REC')).toHaveAttribute('aria-pressed', 'true');
    await expect(summary).toHaveText(summaryText(2, 2));
    await expect(card.locator('.rule-issues')).toHaveCount(0);
    // A type seen through its file stays seen when clicked: the file is removed instead.
    await expect(chip('DOC')).toHaveAttribute('aria-disabled', 'true');
    await chip('DOC').dispatchEvent('click');
    await expect(chip('DOC')).toHaveAttribute('aria-pressed', 'true');

    await card.scrollIntoViewIfNeeded();
    await shot(card, `inspector-day-evidence-one-list-${language}`);
    await expectAccessible(page, `evidence on the card (${language})`);

    // Kept: the tick is stored (only REC: the files speak for themselves), and a reload shows the same.
    await expect
      .poll(async () => (await must(host, 'assessments:get', { id })).ratings.find((r) => r.criterionId === 'GQ-01')?.evidenceSeen)
      .toEqual(['REC']);
    await page.reload();
    await page.locator('#criteria-search').fill('GQ-01');
    await expect(page.locator('#unit-GQ-01-institution').getByTestId('evidence-summary')).toHaveText(summaryText(2, 2));
  });

  /** Issue 16, point 8: no cut-off placeholder or option, and the sign dialog's Cancel in view, at 1366×768. */
  test(`placeholders are whole and the sign dialog's buttons are in view at 1366×768 (${language})`, async ({ page, host }) => {
    test.setTimeout(180_000);
    const viewport = { width: 1366, height: 768 };
    await page.setViewportSize(viewport);
    const seeded = await seedInstitution(host);
    const { id } = await startAssessment(host, seeded);
    await page.goto(host.url);
    await inLanguage(page, language);

    // The framework chosen when starting an assessment: title, version and size all readable.
    await open(page, host, `#/institutions/${seeded.institutionId}/assessments/new`);
    await expect(page.locator('#frameworkVersionId')).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await expectNotCutOff(page.locator('#frameworkVersionId'), 'framework choice');
    await shot(page, `inspector-day-start-framework-${language}`);
    // Leaving the half-filled form asks first (renderer/src/forms/use-unsaved-changes.tsx); staying keeps it.
    await page.locator('#plannedStart').fill('2026-05-04');
    await page.getByRole('link', { name: T.common.cancel, exact: true }).click();
    const leave = page.getByRole('dialog').filter({ hasText: T.form.unsaved });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: T.common.cancel, exact: true }).click();
    await expect(page.locator('#plannedStart')).toHaveValue('2026-05-04');
    await page.getByRole('link', { name: T.common.cancel, exact: true }).click();
    await leave.getByRole('button', { name: T.form.leaveWithoutSaving }).click();
    await expect(page.locator('#frameworkVersionId')).toHaveCount(0);

    // The criterion search of the framework screen, and the institutions' search.
    await open(page, host, `#/frameworks/${seeded.frameworkVersionId}`);
    await expectNotCutOff(page.locator('#criterion-search'), 'framework search');
    await open(page, host, '#/institutions');
    await expectNotCutOff(page.locator('#institution-search'), 'institution search');

    // The caption of evidence on a card, and in the evidence screen.
    await open(page, host, `#/assessments/${id}`);
    await page.locator('#criteria-search').fill('GQ-01');
    const zone = page.locator('#unit-GQ-01-institution .evidence-panel').getByRole('group', { name: T.evidence.attach.dropZone });
    await page.evaluate(() => document.fonts.ready);
    await expectNotCutOff(zone.getByLabel(T.evidence.attach.caption), 'caption on the card');
    await open(page, host, `#/assessments/${id}/evidence`);
    await expect(page.getByRole('heading', { name: T.evidence.allTitle })).toBeVisible();
    for (const caption of await page.getByLabel(T.evidence.attach.caption, { exact: true }).all())
      await expectNotCutOff(caption, 'caption on the evidence screen');

    // The sign dialog, first with the form for a trial identity (taller than the window), then signing.
    await rateAll(host, id);
    await submitAndFinalise(host, id);
    await open(page, host, `#/assessments/${id}/report`);
    await page.getByRole('button', { name: T.reports.screen.sign }).click();
    const dialog = page.getByRole('dialog', { name: T.reports.signDialog.title });
    await expect(dialog).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    const window = { x: 0, y: 0, ...viewport };
    const cancel = dialog.getByRole('button', { name: T.reports.signDialog.cancel, exact: true });
    expectInside(await dialog.boundingBox(), window, 'sign dialog');
    expectInside(await cancel.boundingBox(), (await dialog.boundingBox())!, 'Cancel in the dialog');
    expectInside(await cancel.boundingBox(), window, 'Cancel in the window');
    await shot(page, `inspector-day-sign-dialog-create-${language}`);
    await expectDialogAccessible(page, `sign dialog, new identity (${language})`);

    await dialog.getByLabel(T.reports.identity.passphrase).fill('trial passphrase');
    await dialog.getByLabel(T.reports.identity.passphraseAgain).fill('trial passphrase');
    // The form's own button (in Bangla the tab above it reads the same).
    await dialog.locator('form').getByRole('button', { name: T.reports.identity.create }).click();
    await expect(dialog.locator('#sign-identity')).toBeVisible({ timeout: 30_000 });
    for (const name of [T.reports.signDialog.cancel, T.reports.signDialog.sign]) {
      const button = dialog.getByRole('button', { name, exact: true });
      expectInside(await button.boundingBox(), (await dialog.boundingBox())!, `${name} in the dialog`);
      expectInside(await button.boundingBox(), window, `${name} in the window`);
    }
    await shot(page, `inspector-day-sign-dialog-${language}`);
    await expectDialogAccessible(page, `sign dialog (${language})`);
    await cancel.click();
    await expect(dialog).toBeHidden();
  });
}
