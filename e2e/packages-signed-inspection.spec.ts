import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { forgePkcs12, issueSigner, makeTestCa } from '../electron/services/signing/test-fixtures/test-pki';
import { must } from './support/api';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { actingAs } from './support/reviewer';
import {
  choosePackage,
  closeExportDialog,
  expectPreview,
  exportPackage,
  importPreviewed,
  inBangla,
  rateForSubmission,
  shot,
} from './support/packages';

/**
 * Journey (b): an inspector finalises and signs an inspection with a certificate from the accrediting
 * body and sends it to head office. Head office first sees a signer it cannot vouch for (it has not
 * trusted the body's root yet) and cancels; once it trusts the root, the signer is trusted, the import
 * brings the signed report with it, the report still verifies there, and a second import of the same
 * file changes nothing.
 */
test('a signed inspection reaches head office, still verifies there, and importing it twice changes nothing', async ({ computers }) => {
  test.setTimeout(360_000);
  const stick = computers.usbStick();
  const a = await computers.machine('inspector', 'Rahima Akter');
  const b = await computers.machine('head-office', 'Head Office Desk');
  const { ca, seeded, inspection, pdf } =
    await test.step('the inspector submits, reviews and signs an inspection with a certificate from the accrediting body', async () => {
      // A: an identity issued by the accrediting body's CA, an inspection rated, submitted and signed.
      const ca = makeTestCa('Test Accrediting Body Root CA');
      const signer = issueSigner(ca, { commonName: 'Rahima Akter', organisation: 'NSDA Accreditation Unit', title: 'Lead inspector' });
      const p12 = forgePkcs12(signer.key, [signer.certificate, ca.certificate], 'ca issued passphrase');
      await must(a.host, 'signing:roots:add', { pem: ca.certificate.toString() });
      const identity = await must(a.host, 'signing:identities:import', {
        p12Base64: Buffer.from(p12).toString('base64'),
        passphrase: 'ca issued passphrase',
        role: 'Lead inspector',
        name: '',
        organisation: '',
      });
      const seeded = await seedInstitution(a.host, 'Rajshahi Technical Training Centre');
      const inspection = await startAssessment(a.host, seeded, 'inspection');
      await rateForSubmission(a.host, inspection.id);
      // Tanvir submits; Rahima, whose laptop this is, reviews and signs (signing finalises: four eyes).
      await actingAs(a.host, { userName: 'Tanvir Hasan', role: 'inspector' }, async () =>
        must(a.host, 'assessments:submit', {
          id: inspection.id,
          revision: (await must(a.host, 'assessments:get', { id: inspection.id })).assessment.revision,
        }),
      );
      const signed = await must(a.host, 'reports:sign', {
        assessmentId: inspection.id,
        language: 'en',
        identityId: identity.id,
        passphrase: 'ca issued passphrase',
      });
      const pdf = path.join(stick, signed.fileName);
      fs.writeFileSync(pdf, Buffer.from(signed.pdfBase64, 'base64'));
      return { ca, seeded, inspection, pdf };
    });

  const file = await test.step('the export dialog refuses a wrong passphrase, then exports the signed inspection', async () => {
    await open(a.page, a.host, `#/assessments/${inspection.id}`);
    await expect(a.page.getByTestId('locked-banner')).toBeVisible();
    const dialogOpener = a.page.getByRole('button', { name: 'Export package' });
    await dialogOpener.click();
    const dialog = a.page.getByRole('dialog', { name: 'Export a package' });
    await expect(dialog.getByLabel('Signing identity')).toContainText('Rahima Akter, NSDA Accreditation Unit — issued by');
    await shot(a.page, 'packages-export-dialog-en');
    await expectAccessible(a.page, 'export dialog');
    // A wrong passphrase is refused in the dialog, and nothing is exported.
    await dialog.getByLabel('Passphrase of the identity').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.locator('#package-passphrase-error')).toHaveText(
      'The passphrase does not open this signing identity, or its key file is damaged.',
      {
        timeout: 60_000,
      },
    );
    await expect(dialog.getByLabel('Passphrase of the identity')).toBeFocused();
    await expect(dialog.getByTestId('package-exported')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const file = await exportPackage(a.page, dialogOpener, stick, 'ca issued passphrase');
    await closeExportDialog(a.page);
    return file;
  });

  await test.step('head office, not yet trusting the body’s root, sees an unvouched signer and cancels', async () => {
    // B, before trusting the body's root: the signature is intact but nobody here vouches for the signer.
    await choosePackage(b, file);
    const preview = await expectPreview(b.page);
    await expect(preview.getByTestId('package-signer').locator('[data-trust]')).toHaveText(/Signer not vouched for/);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect(b.page.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was changed.' })).toBeVisible();
    expect((await must(b.host, 'institutions:list', {})).total).toBe(0);
  });

  await test.step('head office trusts the root and imports the package with its signed report', async () => {
    // Head office trusts the accrediting body's root: now the signer is trusted.
    await must(b.host, 'signing:roots:add', { pem: ca.certificate.toString() });
    await choosePackage(b, file);
    const preview = await expectPreview(b.page);
    const signerPanel = preview.getByTestId('package-signer');
    await expect(signerPanel.locator('[data-trust]')).toHaveText(/Trusted signer/);
    await expect(signerPanel).toContainText('Rahima Akter');
    await expect(preview.getByTestId('package-contents')).toContainText('1 signed report');
    await shot(b.page, 'packages-preview-trusted-en');
    const summary = await importPreviewed(b.page);
    await expect(summary.getByRole('heading', { name: 'Package imported' })).toBeVisible();
    await expect(summary.getByRole('link', { name: /Rajshahi Technical Training Centre — Inspection · Finalised/ })).toBeVisible();
    await expect(b.page.getByTestId('package-history').getByRole('row')).toHaveCount(2);
  });

  await test.step('the report verifies at head office and the history shows the inspection', async () => {
    // The report verifies on head office's computer, and the institution's history shows the inspection.
    await open(b.page, b.host, '#/reports/verify');
    await b.page.getByLabel('Report PDF').setInputFiles(pdf);
    await expect(b.page.getByText('Valid: the signature is intact')).toBeVisible({ timeout: 30_000 });
    const verified = await must(b.host, 'reports:verify', { pdfBase64: fs.readFileSync(pdf).toString('base64') });
    expect(verified.valid).toBe(true);
    await open(b.page, b.host, `#/institutions/${seeded.institutionId}`);
    const history = b.page.locator('table.assessment-history');
    await expect(history.getByRole('row', { name: /Inspection.*Finalised/ })).toBeVisible();
  });

  await test.step('importing the same file again changes nothing', async () => {
    // The same file again: the preview says so, and importing it changes nothing.
    const before = await must(b.host, 'assessments:list', {});
    await choosePackage(b, file);
    const preview = await expectPreview(b.page);
    await expect(preview.getByTestId('already-imported')).toContainText('importing it again changes nothing');
    await shot(b.page, 'packages-already-en');
    await inBangla(b.page, async () => {
      await expect(preview.getByTestId('already-imported')).toContainText('আবার ইমপোর্ট করলে কিছুই বদলাবে না');
      await shot(b.page, 'packages-already-bn');
    });
    const again = await importPreviewed(b.page);
    await expect(again.getByRole('heading', { name: 'Already imported' })).toBeVisible();
    await expect(again).toContainText('Nothing was changed.');
    const after = await must(b.host, 'assessments:list', {});
    expect(after.total).toBe(before.total);
    expect(after.items.map((x) => [x.id, x.updatedAt])).toEqual(before.items.map((x) => [x.id, x.updatedAt]));
  });
});
