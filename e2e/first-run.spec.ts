import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { catalogues } from '../shared/i18n';
import { expectAccessible } from './support/accessibility';
import { BrowserHost } from './support/browser-host';

/** A new user's computer: an empty data folder, nobody welcomed yet. */
const test = base.extend<{ freshHost: BrowserHost }>({
  freshHost: async ({}, use) => {
    const host = await new BrowserHost(undefined, { skipWelcome: false }).start();
    await use(host);
    await host.stop();
    host.cleanup();
  },
});

// Key presses and a long report: a trace would serialise the page after each step and slow the run.
test.use({ trace: 'off' });

async function shot(page: Page, name: string, language: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/first-run-${name}-${language}.png` });
}

/**
 * The report screen holds the report itself in a preview frame; scanning a twenty-page report takes
 * minutes and the printed report is checked as a tagged PDF elsewhere (reports.spec.ts), so the frame
 * is left out here and the rest of the screen is held to the same rule as expectAccessible.
 */
async function expectReportScreenAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-testid="report-preview"]')
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** poppler's pdfsig, an independent check of the signature (it exits 0 either way: read its text). */
function pdfsig(file: string): string {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

for (const language of ['en', 'bn'] as const) {
  test(`a new user reaches a signed report of the guided sample by following the app alone (${language})`, async ({
    page,
    freshHost: host,
  }) => {
    test.setTimeout(180_000);
    const T = catalogues[language];
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-first-run-'));
    await page.setViewportSize({ width: 1440, height: 1000 });

    // The welcome: the language is chosen there, then the profile, then the guided sample.
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: catalogues.en.welcome.title })).toBeVisible();
    await page.locator('#welcome-language').selectOption(language);
    await expect(page.getByRole('heading', { name: T.welcome.title })).toBeVisible();
    await page.getByRole('textbox', { name: T.welcome.name }).fill(language === 'bn' ? 'ফারহানা ইসলাম' : 'Farhana Islam');
    await page.getByRole('textbox', { name: T.welcome.organisation }).fill('BTEB');
    await expect(page.getByRole('button', { name: T.sample.welcome.startEmpty })).toBeVisible();
    await expectAccessible(page, 'welcome');
    await shot(page, 'welcome', language);
    await page.getByRole('button', { name: T.sample.welcome.startSample }).click();

    // Step 1: the sample inspection opens with the guide on; it says which filter to use and how to rate.
    const guide = page.getByRole('region', { name: T.sample.guide.title });
    await expect(guide).toHaveAttribute('data-step', 'rate', { timeout: 20_000 });
    await expect(guide).toContainText(T.sample.guide.steps.rate.title);
    await expect(guide).toContainText(`“${T.assessments.filters.unanswered}”`);
    await page
      .getByRole('group', { name: T.assessments.filters.label })
      .getByRole('button', { name: T.assessments.filters.unanswered })
      .click();
    const cards = page.locator('article[data-unit]');
    await expect(cards).toHaveCount(4);
    await expectAccessible(page, 'workspace with the guide');
    await shot(page, 'rate', language);
    // The keys the guide names: a rating, then J to the next criterion.
    const current = page.locator('article.criterion--current');
    const rated: string[] = [];
    for (const key of ['3', '2', '1', '3']) {
      const unit = (await current.getAttribute('data-unit'))!;
      rated.push(unit);
      await page.keyboard.press(key);
      if (rated.length < 4) {
        await page.keyboard.press('j');
        await expect(current).not.toHaveAttribute('data-unit', unit);
      }
    }
    expect(rated.map((u) => u.split('@')[0])).toEqual(['GQ-06', 'TA-06', 'IF-06', 'ICT-06']);

    // Step 2: with everything rated the guide moves on by itself, to the score and findings.
    await expect(guide).toHaveAttribute('data-step', 'score', { timeout: 15_000 });
    await expect(page.getByTestId('decision')).toContainText(T.assessments.decision['recommended-with-conditions']);
    await shot(page, 'score', language);
    await guide.getByRole('button', { name: T.sample.guide.steps.score.action }).click();

    // Step 3: submit for review in the workflow bar, as the guide says.
    await expect(guide).toHaveAttribute('data-step', 'submit');
    await expect(guide).toContainText(`“${T.assessments.workflow.submit}”`);
    await page.getByRole('button', { name: T.assessments.workflow.submit }).click();
    await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.submitted);

    // Step 4: the guide's link opens the report; the preview loads there.
    await expect(guide).toHaveAttribute('data-step', 'report', { timeout: 15_000 });
    await guide.getByRole('link', { name: T.sample.guide.steps.report.action }).click();
    await expect(page.getByRole('heading', { name: T.reports.screen.heading.replace('{{institution}}', '') })).toBeVisible();
    await expect(page.locator('[data-testid="report-preview"]')).toBeVisible({ timeout: 30_000 });

    // Four eyes: signing finalises, and the user submitted it; the guide sends them to the profile to hand over.
    await expect(guide).toHaveAttribute('data-step', 'review', { timeout: 15_000 });
    await shot(page, 'review', language);
    await guide.getByRole('link', { name: T.sample.guide.steps.review.action }).click();
    await expect(page.getByRole('heading', { name: T.profile.title, level: 1 })).toBeVisible();
    await page.getByLabel(T.welcome.name).fill('Shirin Akhter');
    await page.getByLabel(T.welcome.role).selectOption('head-office');
    await page.getByRole('button', { name: T.profile.save }).click();
    await expect(page.getByTestId('profile-saved')).toContainText('Shirin Akhter');
    await expect(guide).toHaveAttribute('data-step', 'sign', { timeout: 15_000 });
    await guide.getByRole('link', { name: T.sample.guide.steps.report.action }).click();
    await expect(page.locator('[data-testid="report-preview"]')).toBeVisible({ timeout: 30_000 });

    // Step 6: the reviewer makes a trial identity, with a passphrase, then the signature.
    await expect(guide).toHaveAttribute('data-step', 'sign');
    await expectReportScreenAccessible(page, 'report screen');
    await shot(page, 'report', language);
    await page.getByRole('button', { name: T.reports.screen.sign }).click();
    const dialog = page.getByRole('dialog', { name: T.reports.signDialog.title });
    await dialog.getByLabel(T.reports.identity.passphrase).fill('sample passphrase');
    await dialog.getByLabel(T.reports.identity.passphraseAgain).fill('sample passphrase');
    await dialog
      .getByRole('form', { name: T.reports.identity.createTitle })
      .getByRole('button', { name: T.reports.identity.create })
      .click();
    await expect(dialog.getByRole('combobox', { name: T.reports.signDialog.identity })).toContainText(T.reports.signDialog.trialKind);
    await expectReportScreenAccessible(page, 'sign dialog');
    await shot(page, 'sign', language);
    await dialog.getByRole('button', { name: T.reports.signDialog.sign, exact: true }).click();
    const notice = page.getByTestId('signed-notice');
    await expect(notice).toBeVisible({ timeout: 90_000 });

    // Step 7: done; the signed report is listed, saved, and poppler says the signature is valid.
    await expect(guide).toHaveAttribute('data-step', 'done', { timeout: 15_000 });
    await expect(page.locator('.report-panel table tbody tr')).toHaveCount(1);
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: T.reports.screen.download }).click();
    const file = path.join(work, 'sample-report.pdf');
    await (await download).saveAs(file);
    expect(pdfsig(file)).toContain('Signature is Valid.');
    await expectReportScreenAccessible(page, 'signed report');
    await shot(page, 'signed', language);

    // The guide's last link: the Verify screen checks the saved file.
    await guide.getByRole('link', { name: T.sample.guide.steps.done.verify }).click();
    await page.getByLabel(T.reports.verify.file).setInputFiles(file);
    await expect(page.getByTestId('verification')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(T.reports.verify.intactUntrusted)).toBeVisible();
    await expectAccessible(page, 'verify screen');
    await shot(page, 'verify', language);

    // The sample can be put away, and the guide closed; the institutions list offers it again.
    await guide.getByRole('button', { name: T.sample.guide.steps.done.archive }).click();
    await expect(guide.getByRole('status')).toContainText(T.institutions.showArchived);
    await guide.getByRole('button', { name: T.sample.guide.close }).click();
    await expect(guide).toHaveCount(0);
    await page.getByRole('link', { name: T.app.navInstitutions }).click();
    await expect(page.getByRole('button', { name: T.sample.guide.reopen })).toBeVisible();
    await expectAccessible(page, 'institutions list with the guide link');
    await shot(page, 'institutions', language);
    // Reopened, the guide finds the same sample (never a second one) and knows it is done.
    await page.getByRole('button', { name: T.sample.guide.reopen }).click();
    await expect(guide).toHaveAttribute('data-step', 'done');
    await expect(page.getByTestId('assessment-status')).toHaveText(T.assessments.status.finalised);
    fs.rmSync(work, { recursive: true, force: true });
  });
}
