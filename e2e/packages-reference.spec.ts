import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { makeTestCa } from '../electron/services/signing/test-fixtures/test-pki';
import { must } from './support/api';
import { seedInstitution } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import { choosePackage, closeExportDialog, expectPreview, exportPackage, importPreviewed, inBangla, shot } from './support/packages';

/**
 * Journey (c): head office sends its reference data — framework versions, the accrediting body's
 * trusted root and the institutions registry — to an inspector's fresh laptop before a field trip.
 */
test('head office exports a reference package, and an inspector’s fresh laptop starts from the same registry', async ({ computers }) => {
  test.setTimeout(240_000);
  const stick = computers.usbStick();
  const a = await computers.machine('head-office', 'Head Office Desk');
  const b = await computers.machine('inspector', 'Tanvir Hasan');
  await test.step('head office holds two institutions and the accrediting body’s trusted root', async () => {
    await seedInstitution(a.host, 'Khulna Technical Training Centre');
    await must(a.host, 'institutions:create', {
      nameEn: 'Sylhet Polytechnic Institute',
      nameBn: 'সিলেট পলিটেকনিক ইনস্টিটিউট',
      registrationBody: 'BTEB',
      registrationNumber: 'BTEB-50321',
      type: 'government-polytechnic',
      division: 'sylhet',
      district: 'Sylhet',
      sectors: ['ict'],
    });
    const ca = makeTestCa('Test Accrediting Body Root CA');
    await must(a.host, 'signing:roots:add', { pem: ca.certificate.toString() });
  });

  await test.step('the Packages screen in both languages, and the export dialog without an identity', async () => {
    // The Packages screen itself, in both languages (with Bengali digits in Bangla).
    await open(a.page, a.host, '#/packages');
    await expect(a.page.getByRole('heading', { name: 'Export reference data' })).toBeVisible();
    await expect(a.page.getByText('No package has been imported here yet.')).toBeVisible();
    await shot(a.page, 'packages-screen-en', true);
    await expectAccessible(a.page, 'Packages screen');
    await inBangla(a.page, async () => {
      await expect(a.page.getByRole('heading', { name: 'রেফারেন্স তথ্য এক্সপোর্ট' })).toBeVisible();
      await shot(a.page, 'packages-screen-bn', true);
      await expectAccessible(a.page, 'Packages screen (Bangla)');
      // The export dialog on a computer with no signing identity yet: it offers to create one.
      await a.page.getByRole('button', { name: 'রেফারেন্স প্যাকেজ এক্সপোর্ট করুন' }).click();
      const dialog = a.page.getByRole('dialog', { name: 'প্যাকেজ এক্সপোর্ট' });
      await expect(dialog.getByText('এই কম্পিউটারে এখনো কোনো স্বাক্ষর-পরিচয় নেই।', { exact: false })).toBeVisible();
      await shot(a.page, 'packages-export-dialog-bn');
      await expectAccessible(a.page, 'export dialog without identity (Bangla)');
      await a.page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });
  });

  const file = await test.step('head office exports the reference package', async () => {
    await expect(a.page.getByLabel('Institutions from')).toHaveValue('');
    const file = await exportPackage(a.page, a.page.getByRole('button', { name: 'Export reference package' }), stick);
    await expect(a.page.getByRole('dialog')).toContainText('the institutions registry (All divisions)');
    await closeExportDialog(a.page);
    return file;
  });

  await test.step('the fresh laptop refuses a damaged copy and changes nothing', async () => {
    // B: a fresh laptop, nothing in its registry, only the default framework.
    expect((await must(b.host, 'institutions:list', {})).total).toBe(0);
    // A damaged copy first: refused with the reason, in the reader's language, and nothing changes.
    const damaged = path.join(stick, 'damaged-copy.tvetpkg');
    fs.writeFileSync(damaged, fs.readFileSync(file).subarray(0, 2000));
    await choosePackage(b, damaged);
    const refused = b.page.getByTestId('package-refused');
    await expect(refused).toContainText('This package was refused');
    await expect(refused).toContainText('Nothing was imported and nothing on this computer was changed.');
    await shot(b.page, 'packages-refused-en');
    await inBangla(b.page, async () => {
      await expect(refused).toContainText('এই প্যাকেজটি গ্রহণ করা হয়নি');
      await shot(b.page, 'packages-refused-bn');
    });
    expect((await must(b.host, 'institutions:list', {})).total).toBe(0);
  });

  await test.step('the fresh laptop previews and imports the package', async () => {
    await choosePackage(b, file);
    const preview = await expectPreview(b.page);
    await expect(preview).toContainText('Reference data (frameworks, trusted roots, institutions registry)');
    const contents = preview.getByTestId('package-contents');
    await expect(contents).toContainText('2 institutions');
    await expect(contents).toContainText('1 trusted root certificate');
    await expect(preview.getByRole('row', { name: /Sylhet Polytechnic Institute.*Institution.*Added/ })).toBeVisible();
    await shot(b.page, 'packages-preview-reference-en');
    const summary = await importPreviewed(b.page);
    await expect(summary).toContainText('records added');
    await expect(summary.getByRole('link', { name: 'Sylhet Polytechnic Institute' })).toBeVisible();
    await inBangla(b.page, async () => {
      await expect(summary.getByRole('heading', { name: 'প্যাকেজ ইমপোর্ট হয়েছে' })).toBeVisible();
      await shot(b.page, 'packages-summary-bn');
    });
  });

  await test.step('the inspector sees the registry and trusts the same root', async () => {
    // The inspector sees the registry before going to the field, and trusts the same root as head office.
    await open(b.page, b.host, '#/institutions');
    await expect(b.page.getByRole('link', { name: 'Khulna Technical Training Centre' })).toBeVisible();
    await expect(b.page.getByRole('link', { name: 'Sylhet Polytechnic Institute' })).toBeVisible();
    const roots = await must(b.host, 'signing:roots:list', {});
    expect(roots.items.map((r) => r.subject).join(' ')).toContain('Test Accrediting Body Root CA');
  });
});
