import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import {
  choosePackage,
  closeExportDialog,
  editHead,
  expectPreview,
  exportPackage,
  importPreviewed,
  inBangla,
  rateSome,
  shot,
} from './support/packages';

/**
 * Journey (a) and the conflict screen, between two computers that share nothing but files: an
 * institution's administrator sends a self-assessment to the inspector, who compares it with their
 * inspection; then both change the same field and the inspector chooses, side by side.
 */
test('a self-assessment travels from the institution to the inspector, and a field changed on both sides is chosen side by side', async ({
  computers,
}) => {
  test.setTimeout(360_000);
  const stick = computers.usbStick();
  const a = await computers.machine('institution-administrator', 'Nasima Begum');
  const b = await computers.machine('inspector', 'Rahima Akter');
  const { seeded, self, file } = await test.step('the institution rates itself and exports its self-assessment', async () => {
    // A: the institution rates itself, honestly doubtful on a few criteria.
    const seeded = await seedInstitution(a.host);
    const self = await startAssessment(a.host, seeded, 'self-assessment');
    await rateSome(a.host, self.id, { 'TA-04': { rating: 3 }, 'QC-04': { rating: 2 }, 'GQ-03': { rating: 3 }, 'IF-06': { rating: 1 } });
    await open(a.page, a.host, `#/assessments/${self.id}`);
    await expect(a.page.getByRole('heading', { name: 'Self-assessment — Khulna Technical Training Centre' })).toBeVisible();
    const file = await exportPackage(a.page, a.page.getByRole('button', { name: 'Export package' }), stick);
    expect(file).toMatch(/\.tvetpkg$/);
    await shot(a.page, 'packages-export-done-en');
    await expectAccessible(a.page, 'export dialog, done');
    await closeExportDialog(a.page);
    return { seeded, self, file };
  });

  await test.step('the inspector previews the package in both languages and imports it', async () => {
    // B: the inspector's registry does not know the institution yet.
    expect((await must(b.host, 'institutions:list', {})).total).toBe(0);
    await choosePackage(b, file);
    const preview = await expectPreview(b.page);
    const signer = preview.getByTestId('package-signer');
    await expect(signer).toContainText('Nasima Begum');
    await expect(signer.locator('[data-trust]')).toHaveText(/Self-signed trial identity/);
    await expect(signer).toContainText('Anyone can make a self-signed trial identity');
    await expect(signer).not.toContainText('Trusted signer');
    const contents = preview.getByTestId('package-contents');
    await expect(contents).toContainText('1 institution');
    await expect(contents).toContainText('1 programme');
    await expect(contents).toContainText('1 assessment');
    await expect(preview.getByTestId('change-counts')).toContainText('to add');
    await expect(preview.getByRole('row', { name: /Khulna Technical Training Centre.*Institution.*Added/ })).toBeVisible();
    await expect(preview.getByTestId('already-imported')).toHaveCount(0);
    await shot(b.page, 'packages-preview-en');
    await expectAccessible(b.page, 'preview');
    await inBangla(b.page, async () => {
      await expect(preview.getByRole('heading', { name: 'ইমপোর্টের আগে প্যাকেজটি দেখে নিন' })).toBeVisible();
      await expect(signer.locator('[data-trust]')).toHaveText(/নিজে-স্বাক্ষরিত পরীক্ষামূলক পরিচয়/);
      await shot(b.page, 'packages-preview-bn');
      await expectAccessible(b.page, 'preview (Bangla)');
    });
    const summary = await importPreviewed(b.page);
    await expect(summary.getByRole('heading', { name: 'Package imported' })).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Khulna Technical Training Centre' }).first()).toBeVisible();
    await shot(b.page, 'packages-summary-en');
    await expect(b.page.getByTestId('package-history')).toContainText('Nasima Begum');
  });

  await test.step("the inspector's gap view compares with the imported self-assessment", async () => {
    // B inspects the same institution; the comparison shows the imported self-assessment's ratings.
    const frameworkB = (await must(b.host, 'frameworks:list', {})).items.find((f) => f.frameworkId === 'bd-eu-tvet')!;
    const inspection = await startAssessment(b.host, { ...seeded, frameworkVersionId: frameworkB.id }, 'inspection');
    await rateSome(b.host, inspection.id, {
      'TA-04': { rating: 0 },
      'QC-04': { rating: 3 },
      'GQ-03': { rating: 3 },
      'IF-06': { rating: 1 },
    });
    await open(b.page, b.host, `#/institutions/${seeded.institutionId}/gap`);
    await expect(b.page.getByRole('heading', { name: 'Self-assessment vs inspection' })).toBeVisible();
    const ta04 = b.page.locator('tr.gap-row', { hasText: 'TA-04' });
    await expect(ta04).toContainText('3 Met');
    await expect(ta04).toContainText('+3');
    await expect(b.page.locator('tr.gap-row', { hasText: 'QC-04' })).toContainText('2 Largely met');
  });

  const again = await test.step('both computers change the same fields; the institution sends everything again', async () => {
    // Both change the head of the institution, each their own way; A sends everything again.
    await editHead(b, seeded.institutionId, 'Dr. Farhana Yasmin');
    await editHead(a, seeded.institutionId, 'Md. Rafiqul Islam');
    // And both change the same self-assessment rating: chosen per criterion, as a whole.
    await rateSome(a.host, self.id, { 'QC-04': { rating: 3, note: 'Our internal audit now runs every term.' } });
    await rateSome(b.host, self.id, { 'QC-04': { rating: 1, note: 'Seen on the visit: only one audit record.' } });
    await open(a.page, a.host, `#/institutions/${seeded.institutionId}`);
    const again = await exportPackage(a.page, a.page.getByRole('button', { name: 'Export all assessments' }), stick);
    await closeExportDialog(a.page);
    return again;
  });

  await test.step('the inspector chooses side by side on the conflict screen', async () => {
    await choosePackage(b, again);
    const second = await expectPreview(b.page);
    const conflicts = second.getByTestId('package-conflicts');
    await expect(conflicts.getByRole('heading', { name: 'Changed here and in the package' })).toBeVisible();
    const head = conflicts.getByRole('group', { name: 'Head of institution' });
    await expect(head).toContainText('This computer');
    await expect(head).toContainText('Dr. Farhana Yasmin');
    await expect(head).toContainText('In the package');
    await expect(head).toContainText('Md. Rafiqul Islam');
    const rating = conflicts.getByRole('group', { name: /Rating of QC-04/ });
    await expect(rating).toContainText('1 Partially met');
    await expect(rating).toContainText('Seen on the visit: only one audit record.');
    await expect(rating).toContainText('3 Met');
    await expect(rating).toContainText('Our internal audit now runs every term.');
    const importButton = second.getByRole('button', { name: 'Import', exact: true });
    await expect(importButton).toBeDisabled();
    await expect(second).toContainText('Choose which version to keep for 2 more conflicts before importing.');
    await second.getByRole('link', { name: 'Go to the choices' }).click();
    await expect(conflicts.getByRole('heading', { name: 'Changed here and in the package' })).toBeFocused();
    await shot(b.page, 'packages-conflict-en');
    await expectAccessible(b.page, 'conflict screen');
    await inBangla(b.page, async () => {
      await expect(conflicts.getByRole('group', { name: 'প্রতিষ্ঠান প্রধান' })).toBeVisible();
      await shot(b.page, 'packages-conflict-bn');
      await expectAccessible(b.page, 'conflict screen (Bangla)');
    });
    await head.getByRole('radio', { name: /Take the package’s/ }).check();
    await expect(importButton).toBeDisabled();
    await rating.getByRole('radio', { name: /Keep this computer’s/ }).check();
    await expect(importButton).toBeEnabled();
    const done = await importPreviewed(b.page);
    await expect(done).toContainText('2 conflicts resolved by your choice');
    const kept = (await must(b.host, 'assessments:get', { id: self.id })).ratings.find((r) => r.criterionId === 'QC-04');
    expect(kept?.rating).toBe(1);
    await open(b.page, b.host, `#/institutions/${seeded.institutionId}`);
    await expect(b.page.getByText('Md. Rafiqul Islam')).toBeVisible();
    await expect(b.page.getByText('Dr. Farhana Yasmin')).toHaveCount(0);
  });
});
