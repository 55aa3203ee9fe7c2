import type { Page } from '@playwright/test';
import { catalogues } from '../shared/i18n';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { expectAccessible } from './support/accessibility';
import { countersigner, submitAndFinalise } from './support/reviewer';
import { metWithFigures, rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/** The longest fixed part of a catalogue message (its placeholders left out): what the screen shows whatever the date. */
const lead = (message: string) =>
  message
    .split(/\{\{\w+\}\}/)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0]!;
/** Replaces `{{key}}` placeholders as i18next does. */
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

const secondReviewer = countersigner;

/**
 * Issue 14, point 3, in a real browser over the real services: a recommended inspection shows "aligned
 * until" and the next due date on the institution page; the institutions list filters what is due; a
 * "not recommended" inspection asks for a second reviewer's countersignature before it is finalised
 * (refused to the lead inspector who submitted it); an appeal is lodged within the appeal period; the
 * pre-visit list shows the sample sizes from the sampling rule, marked as a proposal. English and
 * Bangla (Bengali digits), at 1366×768, with axe.
 */
for (const language of ['en', 'bn'] as const) {
  test(`the accreditation cycle: validity, due dates, countersignature, appeal, sample sizes (${language})`, async ({ page, host }) => {
    test.setTimeout(240_000);
    const T = catalogues[language];
    const A = T.accreditation;
    await page.setViewportSize({ width: 1366, height: 768 });
    await must(host, 'settings:update', {
      userName: 'Rahima Akter',
      role: 'inspector',
      organisation: 'NSDA',
      onboarded: true,
      bengaliDigits: language === 'bn',
    });

    // Framework 1.0.0 (the seed's ratings are written for it): it has no accreditation rules of its own,
    // so the project's proposal applies, marked as such.
    const v100 = (await must(host, 'frameworks:list', {})).items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.0.0')!;
    // A: recommended with conditions, 12 months (the seed's ratings), finalised through the API by a reviewer.
    const aligned = { ...(await seedInstitution(host, 'Khulna Technical Training Centre')), frameworkVersionId: v100.id };
    const recommended = await startAssessment(host, aligned);
    await rateAll(host, recommended.id);
    await submitAndFinalise(host, recommended.id);
    // B: "not recommended" — GQ-01 (registration, critical) not met — submitted by the lead inspector.
    const failing = { ...(await seedInstitution(host, 'Jessore Technical Training Centre')), frameworkVersionId: v100.id };
    const negative = await startAssessment(host, failing);
    await rateAll(host, negative.id, (id) => (id === 'GQ-01' ? { rating: 0, evidenceSeen: ['DOC', 'OBS'] } : metWithFigures(id)));
    const { assessment: draft } = await must(host, 'assessments:get', { id: negative.id });
    await must(host, 'assessments:submit', { id: negative.id, revision: draft.revision });

    await open(page, host, `#/institutions/${aligned.institutionId}`);
    if (language === 'bn') {
      await page.locator('#language-select').selectOption('bn');
      await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
    }

    // The institution page: aligned until (12 months with conditions), next inspection due.
    const cycle = page.getByTestId('accreditation-cycle');
    await expect(page.getByRole('heading', { name: A.heading })).toBeVisible();
    await expect(cycle.getByTestId('aligned-until')).toContainText(lead(A.alignedUntil));
    await expect(cycle.getByTestId('next-due')).toContainText(lead(A.nextDue));
    await expect(cycle).toContainText(A.proposal);
    if (language === 'bn') await expect(cycle.getByTestId('aligned-until')).toContainText(/[০-৯]{4}/);
    else await expect(cycle.getByTestId('aligned-until')).toContainText(/\d{4}/);
    await cycle.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'institution page with its accreditation cycle');
    await shot(page, `accreditation-institution-${language}`);

    // The lead inspector who submitted B is told a second reviewer must countersign; no Countersign for them.
    await open(page, host, `#/assessments/${negative.id}`);
    const step = page.getByTestId('countersign-step');
    await expect(step).toContainText(A.countersign.required);
    await expect(step).toContainText(A.countersign.notYou);
    await expect(step.getByRole('button', { name: A.countersign.action })).toHaveCount(0);
    await shot(page, `accreditation-countersign-required-${language}`);

    // The second reviewer (the profile switched on the same laptop) countersigns, then finalises.
    await must(host, 'settings:update', secondReviewer);
    await page.reload();
    await step.getByRole('button', { name: A.countersign.action }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(A.countersign.comment).fill('Registration lapsed; confirmed with NSDA.');
    await expectAccessible(page, 'countersign dialog');
    await shot(page, `accreditation-countersign-dialog-${language}`);
    await dialog
      .getByRole('button', { name: fill(A.countersign.confirm, { name: 'Kamal Hossain', role: T.welcome.roles['head-office'] }) })
      .click();
    await expect(page.getByTestId('countersignature')).toContainText('Kamal Hossain');
    await page.getByRole('button', { name: T.assessments.workflow.finalise }).click();
    await page.getByRole('dialog').getByRole('button', { name: T.assessments.workflow.finalise }).click();
    await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.finalised);

    // The institutions list: B's next inspection (its 30-day corrective action) is due within 90 days, A's is not.
    await open(page, host, '#/institutions');
    await page.getByLabel(A.filter.label).selectOption('due-soon');
    const rows = page.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('link')).toHaveAttribute('href', `#/institutions/${failing.institutionId}`);
    await expect(rows.first().getByTestId('due-cell')).toHaveAttribute('data-due-state', 'due-soon');
    await expectAccessible(page, 'institutions list filtered by due date');
    await shot(page, `accreditation-institutions-due-${language}`);

    // An appeal lodged within the period, shown on the assessment's details and on the institution page.
    await open(page, host, `#/assessments/${negative.id}/details`);
    await expect(page.getByTestId('appeal-window')).toContainText(lead(A.appeals.windowOpen_other));
    await expect(page.getByTestId('countersignature')).toContainText('Registration lapsed; confirmed with NSDA.');
    await page.getByRole('button', { name: A.appeals.lodge }).click();
    await page.getByLabel(A.appeals.lodgedBy).fill('Md. Abdul Karim, Principal');
    await page.getByLabel(A.appeals.grounds).fill('The registration renewal was filed before the visit; receipt attached.');
    await page.getByRole('button', { name: A.appeals.save }).click();
    const appeal = page.getByTestId('appeal');
    await expect(appeal).toContainText('Md. Abdul Karim, Principal');
    await expect(appeal).toContainText(A.appeals.open);
    // One open appeal at a time: no second "Lodge".
    await expect(page.getByRole('button', { name: A.appeals.lodge })).toHaveCount(0);
    await expectAccessible(page, 'assessment details with its appeal');
    await shot(page, `accreditation-appeal-${language}`);
    await open(page, host, `#/institutions/${failing.institutionId}`);
    await expect(page.getByTestId('institution-appeal')).toContainText(A.appeals.open);
    await expect(page.getByTestId('next-due')).toContainText(lead(A.nextDue));
    await expect(page.getByTestId('aligned-until')).toContainText(lead(A.noValidity));

    // The pre-visit list: sample sizes from the rule (a proposal), from the programme's figures.
    const planned = await startAssessment(host, aligned);
    await open(page, host, `#/assessments/${planned.id}/prepare`);
    const samples = page.getByTestId('sample-sizes');
    await expect(samples.getByRole('heading', { name: new RegExp(A.sampling.heading) })).toContainText(A.sampling.proposal);
    // Intake 60: 10 learner files (10 % is 6); no placements recorded yet: at least 5.
    await expect(samples.getByTestId('learner-files')).toHaveText(language === 'bn' ? '৬০টির মধ্যে ১০টি যাচাই করুন' : 'check 10 of 60');
    await expect(samples.getByTestId('placement-checks')).toContainText(language === 'bn' ? 'অন্তত ৫টি' : 'check at least 5');
    await samples.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'pre-visit list with sample sizes');
    await shot(page, `accreditation-previsit-samples-${language}`);
  });
}
