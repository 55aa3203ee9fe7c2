import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { catalogues } from '../shared/i18n';
import { expect, test } from './support/fixtures';
import { call, must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/** Axe on the report screen; its preview frame is left out, as in reports.spec.ts (the PDF is checked as tagged PDF). */
async function expectReportAccessible(page: Page, screen: string) {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-testid="report-preview"]')
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Replaces `{{key}}` placeholders as i18next does. */
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/**
 * Issue 16, point 4: the profile screen (name, role, organisation; recorded), the role deciding what is
 * offered and accepted, and four eyes — the submitter is not offered Finalise, is told why, switches the
 * profile to a reviewer on the same laptop, and the reviewer finalises. In both languages, with axe.
 */
for (const language of ['en', 'bn'] as const) {
  test(`profile, roles and four eyes on one laptop (${language})`, async ({ page, host }) => {
    test.setTimeout(180_000);
    const T = catalogues[language];
    await page.setViewportSize({ width: 1366, height: 768 });
    await must(host, 'settings:update', { userName: 'Rahima Akter', role: 'inspector', organisation: 'NSDA', onboarded: true });
    const seeded = await seedInstitution(host);

    await open(page, host, '#/institutions');
    if (language === 'bn') {
      await page.locator('#language-select').selectOption('bn');
      await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
    }

    await test.step('the profile screen names who is acting and keeps a change', async () => {
      // The header names who is acting; it opens the profile screen.
      const profileLink = page.getByRole('link', { name: `${T.profile.nav}: Rahima Akter (${T.welcome.roles.inspector})` });
      await profileLink.click();
      await expect(page.getByRole('heading', { name: T.profile.title, level: 1 })).toBeVisible();
      await expect(page.getByLabel(T.welcome.name)).toHaveValue('Rahima Akter');
      await page.getByLabel(T.welcome.organisation).fill('NSDA Inspectorate');
      await page.getByRole('button', { name: T.profile.save }).click();
      await expect(page.getByTestId('profile-saved')).toHaveText(
        fill(T.profile.saved, { name: 'Rahima Akter', role: T.welcome.roles.inspector }),
      );
      await expectAccessible(page, 'profile screen');
      await shot(page, `roles-profile-${language}`);
      // Kept: a reload shows the saved organisation (the change log's old → new is checked in settings.test.ts).
      await page.reload();
      await expect(page.getByLabel(T.welcome.organisation)).toHaveValue('NSDA Inspectorate');
    });

    await test.step('an institution administrator is offered self-assessments only', async () => {
      // An institution administrator is offered self-assessments only, and the services refuse an inspection.
      await page.getByLabel(T.welcome.role).selectOption('institution-administrator');
      await page.getByRole('button', { name: T.profile.save }).click();
      await expect(
        page.getByRole('link', { name: new RegExp(T.welcome.roles['institution-administrator'].replace(/[()]/g, '\\$&')) }),
      ).toBeVisible();
      await open(page, host, `#/institutions/${seeded.institutionId}/assessments/new`);
      const kinds = page.getByRole('group', { name: T.assessments.start.kind });
      await expect(kinds.getByRole('radio')).toHaveCount(1);
      await expect(kinds.getByRole('radio', { name: new RegExp(T.assessments.kind['self-assessment']) })).toBeChecked();
      await expect(kinds).toContainText(T.assessments.roles.onlySelf);
      await expectAccessible(page, 'start screen for an institution administrator');
      await shot(page, `roles-admin-start-${language}`);
      const refused = await call(host, 'assessments:create', {
        kind: 'inspection',
        institutionId: seeded.institutionId,
        programmeIds: [seeded.programmeId],
        frameworkVersionId: seeded.frameworkVersionId,
        team: [{ name: 'Nasima Begum', role: 'lead-inspector' }],
        plannedStart: '',
        plannedEnd: '',
        siteVisitDate: '',
        followsAssessmentId: null,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', issues: [{ message: 'assessments.roles.kindNotForRole' }] } });
    });

    const id = await test.step('the inspector rates and submits an inspection', async () => {
      // Back to inspector on the profile screen; an inspection is rated and submitted by Rahima.
      await open(page, host, '#/profile');
      await page.getByLabel(T.welcome.role).selectOption('inspector');
      await page.getByRole('button', { name: T.profile.save }).click();
      await expect(page.getByTestId('profile-saved')).toContainText('Rahima Akter');
      const { id } = await startAssessment(host, seeded);
      await rateAll(host, id);
      await open(page, host, `#/assessments/${id}`);
      await page.getByRole('button', { name: T.assessments.workflow.submit }).click();
      await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.submitted);
      return id;
    });

    const banner = await test.step('the submitter is not offered Finalise and is told why', async () => {
      // The submitter: no Finalise, the reason, and the way a reviewer takes over on this laptop.
      const banner = page.getByTestId('submitted-banner');
      await expect(banner).toContainText(fill(T.assessments.roles.submittedBy, { name: 'Rahima Akter' }));
      await expect(banner).toContainText(fill(T.assessments.roles.ownSubmissionBanner, { profile: T.profile.nav }));
      await expect(page.getByRole('button', { name: T.assessments.workflow.finalise, exact: true })).toHaveCount(0);
      await expect(page.getByRole('button', { name: T.assessments.workflow.returnToDraft })).toBeVisible();
      await expectAccessible(page, 'workspace of the submitter');
      await shot(page, `roles-submitter-${language}`);
      // The services refuse it too, whatever the screen offers.
      const { assessment } = await must(host, 'assessments:get', { id });
      expect(await call(host, 'assessments:finalise', { id, revision: assessment.revision })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'You submitted this inspection; a different reviewer must finalise it.' },
      });
      return banner;
    });

    await test.step('the submitter is not offered Sign either', async () => {
      // The report screen: signing a submitted inspection finalises it, so the submitter is not offered Sign
      // either, is told why, and has the same way for a reviewer to take over.
      await open(page, host, `#/assessments/${id}/report`);
      const signRefusal = page.getByTestId('sign-refusal');
      await expect(signRefusal).toContainText(fill(T.reports.screen.signOwnSubmission, { profile: T.profile.nav }));
      await expect(page.getByRole('button', { name: T.reports.screen.sign })).toHaveCount(0);
      await expect(signRefusal.getByRole('link', { name: T.assessments.roles.switchProfile })).toHaveAttribute('href', '#/profile');
      await expectReportAccessible(page, 'report screen of the submitter');
      await shot(page, `roles-submitter-report-${language}`);
      await page.goBack();
      await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.submitted);
    });

    await test.step('a reviewer takes over on the same laptop and finalises', async () => {
      // The reviewer switches the profile from the banner, and finalises.
      await banner.getByRole('link', { name: T.assessments.roles.switchProfile }).click();
      await expect(page.getByRole('heading', { name: T.profile.title, level: 1 })).toBeVisible();
      await page.getByLabel(T.welcome.name).fill('Shirin Akhter');
      await page.getByLabel(T.welcome.role).selectOption('head-office');
      await page.getByRole('button', { name: T.profile.save }).click();
      await expect(page.getByTestId('profile-saved')).toContainText('Shirin Akhter');
      await page.goBack();
      await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.submitted);
      await expect(banner).toContainText(T.assessments.workspace.submitted);
      await expectAccessible(page, 'workspace of the reviewer');
      await shot(page, `roles-reviewer-${language}`);
      // The reviewer is offered Sign on the report screen.
      await open(page, host, `#/assessments/${id}/report`);
      await expect(page.getByRole('button', { name: T.reports.screen.sign })).toBeEnabled();
      await expect(page.getByTestId('sign-refusal')).toHaveCount(0);
      await page.goBack();
      await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.submitted);
      await page.getByRole('button', { name: T.assessments.workflow.finalise, exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: T.assessments.workflow.finalise, exact: true }).click();
      await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.finalised);
      const finalised = (await must(host, 'assessments:get', { id })).assessment;
      expect(finalised).toMatchObject({ submittedBy: 'Rahima Akter', finalisedBy: 'Shirin Akhter' });
    });
  });
}
