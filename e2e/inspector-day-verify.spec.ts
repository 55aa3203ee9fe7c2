import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { forgePkcs12, issueSigner, makeTestCa } from '../electron/services/signing/test-fixtures/test-pki';
import type { BrowserHost } from './support/browser-host';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { finaliseAsReviewer } from './support/reviewer';

const passphrase = 'trial passphrase 2026';

/** A finalised inspection signed through the real API with the given identity; the PDF is written to `file`. */
async function signedReport(host: BrowserHost, assessmentId: string, identityId: string, pass: string, file: string) {
  const signed = await must(host, 'reports:sign', { assessmentId, language: 'en', identityId, passphrase: pass });
  fs.writeFileSync(file, Buffer.from(signed.pdfBase64, 'base64'));
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

/** The background colour of the verdict, so "green" is checked as a colour, not only as a class name. */
const background = (page: Page) =>
  page
    .getByTestId('verification')
    .locator('[data-verdict]')
    .evaluate((el) => getComputedStyle(el).backgroundColor);

/**
 * Issue 16, point 5 (and the file picker of point 9): a self-signed or otherwise untrusted signer is
 * never a green "Valid"; the Verify page's file chooser is the app's translated button.
 */
test('verification cannot be misread: an intact report from an untrusted signer is a warning, never a green "Valid"', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-verify-'));
  const seeded = await seedInstitution(host);
  const { id } = await startAssessment(host, seeded);
  await rateAll(host, id);
  const submitted = await must(host, 'assessments:submit', {
    id,
    revision: (await must(host, 'assessments:get', { id })).assessment.revision,
  });
  await finaliseAsReviewer(host, id, submitted.revision);

  const trial = await must(host, 'signing:identities:create', {
    name: 'Rahima Akter',
    role: 'Lead inspector',
    organisation: 'NSDA Accreditation Unit',
    passphrase,
  });
  const untrusted = path.join(work, 'self-signed.pdf');
  await signedReport(host, id, trial.id, passphrase, untrusted);

  // The file chooser is the app's own button and line, in the app's language; the native input is hidden.
  await open(page, host, '#/reports/verify');
  await expect(page.getByRole('heading', { name: 'Verify a signed report' })).toBeVisible();
  const picker = page.locator('.file-chooser');
  await expect(picker.locator('label.button')).toHaveText('Choose a PDF…');
  await expect(picker.locator('.file-chooser__chosen')).toHaveText('No file chosen');
  expect(await page.locator('#verify-file').evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
  await expect(page.getByLabel('Report PDF')).toHaveAccessibleDescription('No file chosen');
  await shot(page, 'inspector-day-verify-picker-en');
  await expectAccessible(page, 'verify page before a file is chosen');

  await page.getByLabel('Report PDF').setInputFiles(untrusted);
  await expect(picker.locator('.file-chooser__chosen')).toHaveText('self-signed.pdf');
  const verdict = page.getByTestId('verification').getByRole('status');
  await expect(verdict).toHaveAttribute('data-verdict', 'untrusted', { timeout: 30_000 });
  await expect(verdict).toContainText('Signature intact — signer not vouched for by a trusted root.');
  await expect(verdict).toContainText('The signer’s certificate is self-signed');
  await expect(verdict).not.toContainText('Valid');
  await expect(verdict).not.toHaveClass(/banner--valid/);
  expect(await background(page)).toBe('rgb(255, 248, 225)');
  // The trust line is "not confirmed" (a warning), not a failure; the signature checks themselves passed.
  const trusted = page.locator('[data-check="trusted"]').first();
  await expect(trusted).toHaveAttribute('data-passed', 'false');
  await expect(trusted.locator('.checks__mark')).toHaveClass(/checks__mark--warn/);
  await expect(trusted).toContainText('(not confirmed)');
  await expect(page.locator('[data-check="intact"]').first()).toHaveAttribute('data-passed', 'true');
  await shot(page, 'inspector-day-verify-untrusted-en');
  await expectAccessible(page, 'verify page, untrusted signer');

  // In Bangla: the button and the verdict in Bangla, the same warning colour.
  await page.getByLabel('Language').selectOption('bn');
  await expect(page.getByRole('heading', { name: 'স্বাক্ষরিত প্রতিবেদন যাচাই' })).toBeVisible();
  await expect(picker.locator('label.button')).toHaveText('PDF বেছে নিন…');
  await page.getByLabel('প্রতিবেদনের PDF').setInputFiles(untrusted);
  await expect(verdict).toContainText('স্বাক্ষর অক্ষত — কোনো বিশ্বস্ত রুট স্বাক্ষরকারীকে নিশ্চিত করে না।', { timeout: 30_000 });
  await expect(verdict).not.toContainText('বৈধ:');
  await expect(trusted).toContainText('(নিশ্চিত নয়)');
  expect(await background(page)).toBe('rgb(255, 248, 225)');
  await shot(page, 'inspector-day-verify-untrusted-bn');
  await expectAccessible(page, 'verify page in Bangla, untrusted signer');
  await open(page, host, '#/institutions');
  await open(page, host, '#/reports/verify');
  await expect(picker.locator('.file-chooser__chosen')).toHaveText('কোনো ফাইল বেছে নেওয়া হয়নি');
  await shot(page, 'inspector-day-verify-picker-bn');
  await page.getByLabel('ভাষা').selectOption('en');

  // A signer whose CA this computer trusts: now, and only now, the green "Valid".
  const ca = makeTestCa('Test Accrediting Body Root CA');
  const signer = issueSigner(ca, { commonName: 'Tanvir Hasan', organisation: 'NSDA Accreditation Unit', title: 'Inspector' });
  await must(host, 'signing:roots:add', { pem: ca.certificate.toString() });
  const issued = await must(host, 'signing:identities:import', {
    p12Base64: forgePkcs12(signer.key, [signer.certificate, ca.certificate], 'ca issued passphrase').toString('base64'),
    passphrase: 'ca issued passphrase',
    role: 'Inspector',
    name: '',
    organisation: '',
  });
  const vouched = path.join(work, 'ca-issued.pdf');
  await signedReport(host, id, issued.id, 'ca issued passphrase', vouched);
  await open(page, host, '#/reports/verify');
  await page.getByLabel('Report PDF').setInputFiles(vouched);
  await expect(verdict).toHaveAttribute('data-verdict', 'valid', { timeout: 30_000 });
  await expect(verdict).toHaveText(/^Valid: the signature is intact.*a trusted root vouches for the signer\.$/);
  expect(await background(page)).toBe('rgb(232, 244, 236)');
  await expect(trusted.locator('.checks__mark')).toHaveClass(/checks__mark--ok/);
  await shot(page, 'inspector-day-verify-trusted-en');
  fs.rmSync(work, { recursive: true, force: true });
});
