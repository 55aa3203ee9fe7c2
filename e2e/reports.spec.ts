import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RatingPatch } from '../shared/assessments/schema';
import type { DataValues } from '../shared/scoring';
import { forgePkcs12, issueSigner, makeTestCa } from '../electron/services/signing/test-fixtures/test-pki';
import type { BrowserHost } from './support/browser-host';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { open } from './support/screens';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { expectAccessible as expectScreenAccessible } from './support/accessibility';
import { finaliseAsReviewer } from './support/reviewer';

/** Figures that light every outcome criterion green. */
const outcomeData: Record<string, DataValues> = {
  'LS-03': { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 24 },
  'IL-03': { wbl_cohort_learners: 40, learners_with_wbl: 30, wbl_hours_per_learner: 200 },
  'OI-03': { cohort_entrants: 50, cohort_completers: 45, cohort_dropouts: 5 },
  'OI-05': { tracer_cohort_completers: 45, completers_traced_6m: 36, employed_or_study_6m: 27 },
  'OI-06': { tracer_response_rate_pct: 80, employed_graduates_traced: 27, employed_in_matching_isco: 22 },
  'OI-07': { cohort_entrants: 50, cohort_completers: 45, disadv_entrants: 12, disadv_completers: 11 },
};

/** Met everywhere, the outcome figures green, and one minor gap (no ramp at the workshop): "Recommended". */
const recommended = (criterionId: string): RatingPatch => {
  if (criterionId === 'IF-05') return { rating: 1, note: 'No ramp at the workshop entrance.', evidenceSeen: ['OBS'] };
  const data = outcomeData[criterionId];
  return data ? { data, evidenceSeen: ['DATA', 'REC'] } : { rating: 3, evidenceSeen: ['DOC', 'OBS'] };
};

/** A finalised inspection of a welding programme on a mobility track, made through the real API. */
async function finalisedInspection(host: BrowserHost): Promise<string> {
  const seeded = await seedInstitution(host, 'Rajshahi Technical Training Centre', {
    nameBn: 'রাজশাহী কারিগরি প্রশিক্ষণ কেন্দ্র',
    registrationBody: 'BTEB',
    registrationNumber: 'BTEB-77120',
    division: 'rajshahi',
    district: 'Rajshahi',
    headName: 'Md. Shafiqul Islam',
  });
  // Pinned to 1.0.0, where LS-03 is scored from the figures above (1.1.0 asks them under OI-09).
  const v100 = (await must(host, 'frameworks:list', {})).items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.0.0')!;
  const created = await startAssessment(host, { ...seeded, frameworkVersionId: v100.id }, 'inspection');
  await rateAll(host, created.id, recommended);
  const submitted = await must(host, 'assessments:submit', {
    id: created.id,
    revision: (await must(host, 'assessments:get', { id: created.id })).assessment.revision,
  });
  await finaliseAsReviewer(host, created.id, submitted.revision);
  return created.id;
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

async function signAndDownload(page: Page, file: string) {
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByTestId('signed-notice')).toBeVisible({ timeout: 90_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('signed-notice').getByRole('button', { name: 'Save the signed PDF' }).click();
  await (await download).saveAs(file);
}

async function verify(page: Page, host: BrowserHost, file: string) {
  await open(page, host, '#/reports/verify');
  await page.getByLabel('Report PDF').setInputFiles(file);
  await expect(page.getByTestId('verification')).toBeVisible({ timeout: 30_000 });
}

/**
 * The preview frame is left out of the axe check: scanning a twenty-page report takes minutes, and the
 * printed report is checked as a tagged PDF instead.
 */
const expectAccessible = (page: Page, screen: string) =>
  expectScreenAccessible(page, screen, { exclude: '[data-testid="report-preview"]' });

const check = (page: Page, id: string) => page.locator(`[data-check="${id}"]`).first();

test('preview, trial identity, sign in Bangla, save, and verify the saved file in the app', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-report-'));
  const assessmentId = await finalisedInspection(host);

  const preview = await test.step('the report screen, reached from the workflow bar, previews the report', async () => {
    // The report screen, reached from the assessment's workflow bar.
    await open(page, host, `#/assessments/${assessmentId}`);
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Report — Rajshahi Technical Training Centre' })).toBeVisible();

    // The preview renders the report in a sandboxed frame, styled (the stylesheet is adopted, not inline).
    const preview = page.frameLocator('[data-testid="report-preview"]');
    await expect(preview.getByRole('heading', { name: 'Inspection report' })).toBeVisible({ timeout: 30_000 });
    const decision = preview.locator('.outcome__decision');
    await expect(decision).toHaveText('Recommended');
    await expect.poll(() => decision.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(30);
    await expect(page.locator('[data-testid="report-preview"]')).toHaveAttribute('sandbox', 'allow-same-origin');
    await shot(page, 'reports-screen-en');
    await expectAccessible(page, 'report screen');
    return preview;
  });

  const { dialog, bangla } = await test.step('a Bangla report signed with a trial identity created in the dialog', async () => {
    // Bangla report; signing needs an identity: create a trial one from the profile.
    await page.getByLabel('Report language').selectOption('bn');
    await expect(preview.getByRole('heading', { name: 'পরিদর্শন প্রতিবেদন' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Sign the report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign the report' });
    await expect(dialog.getByText('You have no signing identity on this computer yet.')).toBeVisible();
    await expect(dialog.getByLabel('Your name')).toHaveValue('E2E Inspector');
    await dialog.getByLabel('New passphrase (at least 8 characters)').fill('trial passphrase');
    await dialog.getByLabel('The passphrase again').fill('trial passphras');
    await dialog.getByRole('button', { name: 'Create the trial identity' }).click();
    await expect(dialog.getByText('The two passphrases are not the same.')).toBeVisible();
    await dialog.getByLabel('The passphrase again').fill('trial passphrase');
    await dialog.getByRole('button', { name: 'Create the trial identity' }).click();
    await expect(dialog.getByLabel('Signing identity')).toContainText('E2E Inspector, Test team — self-signed trial identity');
    await shot(page, 'reports-sign-dialog-en');
    await expectAccessible(page, 'sign dialog');
    const bangla = path.join(work, 'report-bn.pdf');
    await signAndDownload(page, bangla);
    expect(fs.readFileSync(bangla).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByRole('row', { name: /Bangla/ })).toBeVisible();
    return { dialog, bangla };
  });

  await test.step('the saved file verifies in the app, but a trial identity is not trusted', async () => {
    // The saved file, checked in the app: intact, whole, nothing appended, signer, made here; a trial identity is not trusted.
    await verify(page, host, bangla);
    // Intact, but a trial identity is nobody's word: never a green "Valid".
    await expect(page.getByText('Signature intact — signer not vouched for by a trusted root.')).toBeVisible();
    await expect(page.getByTestId('verification').getByRole('status')).toHaveAttribute('data-verdict', 'untrusted');
    for (const id of ['intact', 'wholeDocument', 'nothingAppended', 'signer', 'recorded'])
      await expect(check(page, id), id).toHaveAttribute('data-passed', 'true');
    await expect(check(page, 'trusted')).toHaveAttribute('data-passed', 'false');
    await expect(page.getByText('Self-signed — for trial use')).toBeVisible();
  });

  await test.step('an identity from the trusted accrediting body passes every check', async () => {
    // An identity from the accrediting body's CA, whose root this machine trusts: every check passes.
    const ca = makeTestCa('Test Accrediting Body Root CA');
    const signer = issueSigner(ca, { commonName: 'Rahima Akter', organisation: 'NSDA Accreditation Unit', title: 'Lead inspector' });
    const p12 = path.join(work, 'rahima.p12');
    fs.writeFileSync(p12, forgePkcs12(signer.key, [signer.certificate, ca.certificate], 'ca issued passphrase'));
    await must(host, 'signing:roots:add', { pem: ca.certificate.toString() });
    await open(page, host, `#/assessments/${assessmentId}/report`);
    await page.getByRole('button', { name: 'Sign the report…' }).click();
    await dialog.getByRole('button', { name: 'Add another identity' }).click();
    await dialog.getByRole('button', { name: 'Import a certificate file (.p12 or .pfx)' }).first().click();
    await dialog.locator('#identity-file').setInputFiles(p12);
    await dialog.getByLabel('Passphrase of the certificate file').fill('ca issued passphrase');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog.locator('#sign-identity').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? ''))
      .toContain('Rahima Akter, NSDA Accreditation Unit — issued by');
    const english = path.join(work, 'report-en.pdf');
    await signAndDownload(page, english);
    await verify(page, host, english);
    for (const id of ['intact', 'wholeDocument', 'nothingAppended', 'signer', 'trusted', 'recorded'])
      await expect(check(page, id), id).toHaveAttribute('data-passed', 'true');
    await shot(page, 'reports-verify-en');
    await expectAccessible(page, 'verification result');
  });

  await test.step('both screens in Bangla', async () => {
    // Both screens in Bangla.
    await page.getByLabel('Language').selectOption('bn');
    await expect(page.getByRole('heading', { name: 'স্বাক্ষরিত প্রতিবেদন যাচাই' })).toBeVisible();
    await page.getByLabel('প্রতিবেদনের PDF').setInputFiles(bangla);
    await expect(page.getByText('স্বাক্ষর অক্ষত — কোনো বিশ্বস্ত রুট স্বাক্ষরকারীকে নিশ্চিত করে না।')).toBeVisible({ timeout: 30_000 });
    await shot(page, 'reports-verify-bn');
    await open(page, host, `#/assessments/${assessmentId}/report`);
    await expect(page.getByRole('heading', { name: 'প্রতিবেদন — রাজশাহী কারিগরি প্রশিক্ষণ কেন্দ্র' })).toBeVisible();
    await expect(preview.getByRole('heading', { name: 'পরিদর্শন প্রতিবেদন' })).toBeVisible({ timeout: 30_000 });
    await shot(page, 'reports-screen-bn');
    fs.rmSync(work, { recursive: true, force: true });
  });
});
