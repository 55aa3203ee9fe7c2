import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { expectAccessible } from './support/accessibility';
import {
  closeExportDialog,
  expectPreview,
  exportPackage,
  exportThroughApi,
  importPreviewed,
  importThroughApi,
  inBangla,
  shot,
  trialIdentity,
} from './support/packages';

/**
 * Head office's folder import: packages gathered from the field, one already imported, one in
 * conflict, one new, one damaged, and a file that is not a package at all. Each ends up where it
 * should, and the one in conflict waits for a person, who opens it and chooses.
 */
test('head office imports a folder of packages: new ones applied, known ones skipped, conflicts left to a person, damaged ones refused', async ({
  computers,
}) => {
  test.setTimeout(300_000);
  const folder = computers.usbStick();
  const field = await computers.host();
  const office = await computers.machine('head-office', 'Head Office Desk');
  const { identity, khulna } = await test.step('the field laptop exports a first package, which head office imports', async () => {
    // The field laptop: two institutions, each with an inspection under way.
    const identity = await trialIdentity(field, 'Rahima Akter');
    const khulna = await seedInstitution(field, 'Khulna Technical Training Centre');
    await startAssessment(field, khulna, 'inspection');
    const first = await exportThroughApi(
      field,
      { kind: 'institution', institutionId: khulna.institutionId },
      identity,
      path.join(folder, '1-khulna.tvetpkg'),
    );
    // Head office already has the first package; then both sides change the same institution differently.
    await importThroughApi(office.host, first);
    return { identity, khulna };
  });

  await test.step('both sides change the same institution; the field laptop fills the folder', async () => {
    const atOffice = await must(office.host, 'institutions:get', { id: khulna.institutionId });
    await must(office.host, 'institutions:update', {
      id: khulna.institutionId,
      revision: atOffice.institution.revision,
      input: { ...atOffice.institution, headName: 'Dr. Farhana Yasmin' },
    });
    const inField = await must(field, 'institutions:get', { id: khulna.institutionId });
    await must(field, 'institutions:update', {
      id: khulna.institutionId,
      revision: inField.institution.revision,
      input: { ...inField.institution, headName: 'Md. Rafiqul Islam', contactPhone: '+880 41 123456' },
    });
    await exportThroughApi(
      field,
      { kind: 'institution', institutionId: khulna.institutionId },
      identity,
      path.join(folder, '2-khulna-again.tvetpkg'),
    );
    const sylhet = await seedInstitution(field, 'Sylhet Technical Training Centre');
    await startAssessment(field, sylhet, 'inspection');
    await exportThroughApi(
      field,
      { kind: 'institution', institutionId: sylhet.institutionId },
      identity,
      path.join(folder, '3-sylhet.tvetpkg'),
    );
    fs.writeFileSync(path.join(folder, '4-damaged.tvetpkg'), 'This is not a zip file, whatever its name says.');
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'Not a package: left alone.');
  });

  const results =
    await test.step('head office imports the folder: new applied, known skipped, conflict waiting, damaged refused', async () => {
      // Head office chooses the folder; only the .tvetpkg files are imported, one after another.
      await open(office.page, office.host, '#/packages');
      const chooser = office.page.waitForEvent('filechooser');
      await office.page.getByRole('button', { name: 'Import a folder…' }).click();
      await (await chooser).setFiles(folder);
      const results = office.page.getByTestId('folder-results');
      await expect(results.getByRole('heading', { name: 'Folder import finished' })).toBeVisible({ timeout: 120_000 });
      const counts = results.getByTestId('folder-counts');
      await expect(counts).toContainText('1 package imported');
      await expect(counts).toContainText('1 skipped: already imported');
      await expect(counts).toContainText('1 in conflict: waiting for your choice');
      await expect(counts).toContainText('1 refused');
      await expect(results.getByRole('row')).toHaveCount(5);
      await expect(results.getByRole('row', { name: /1-khulna\.tvetpkg.*Skipped: already imported/ })).toBeVisible();
      await expect(results.getByRole('row', { name: /2-khulna-again\.tvetpkg.*In conflict/ })).toBeVisible();
      await expect(results.getByRole('row', { name: /3-sylhet\.tvetpkg.*Imported.*Added/ })).toBeVisible();
      await expect(results.getByRole('row', { name: /4-damaged\.tvetpkg.*Refused.*not an assessment package/ })).toBeVisible();
      await expect(results).not.toContainText('notes.txt');
      await shot(office.page, 'packages-folder-en', true);
      await expectAccessible(office.page, 'folder import results');
      await inBangla(office.page, async () => {
        await expect(results.getByRole('heading', { name: 'ফোল্ডার ইমপোর্ট শেষ হয়েছে' })).toBeVisible();
        await shot(office.page, 'packages-folder-bn', true);
        await expectAccessible(office.page, 'folder import results (Bangla)');
      });
      return results;
    });

  await test.step('the package in conflict waits for a person, who takes the package’s version', async () => {
    // The package in conflict waits for a person: open it, take everything from the package.
    await results.getByRole('button', { name: 'Open to resolve: 2-khulna-again.tvetpkg', exact: true }).click();
    const preview = await expectPreview(office.page);
    await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await preview.getByRole('button', { name: 'Take all from the package' }).click();
    await expect(preview.getByRole('group', { name: 'Phone' }).getByRole('radio', { name: /Take the package’s/ })).toBeChecked();
    await importPreviewed(office.page);
    await expect(results.getByRole('row', { name: /2-khulna-again\.tvetpkg.*Imported with your choices/ })).toBeVisible();
    const resolved = await must(office.host, 'institutions:get', { id: khulna.institutionId });
    expect(resolved.institution.headName).toBe('Md. Rafiqul Islam');
    expect(resolved.institution.contactPhone).toBe('+880 41 123456');
    expect((await must(office.host, 'institutions:list', {})).total).toBe(2);
  });

  await test.step('head office sends both inspections on in one package', async () => {
    // Head office sends both inspections on in one package, ticked in the list.
    const several = office.page.getByRole('region', { name: 'Export several assessments' });
    await expect(several.getByRole('button', { name: 'Export the ticked assessments' })).toBeDisabled();
    await several.getByRole('checkbox', { name: /Khulna Technical Training Centre, Inspection, Draft/ }).check();
    await several.getByRole('checkbox', { name: /Sylhet Technical Training Centre, Inspection, Draft/ }).check();
    await expect(several).toContainText('2 of 2 assessments');
    const both = await exportPackage(office.page, several.getByRole('button', { name: 'Export 2 assessments' }), folder);
    await expect(office.page.getByRole('dialog')).toContainText('The package carries 2 assessments');
    await closeExportDialog(office.page);
    // Another computer reads the package: both assessments and both institutions are in it.
    const elsewhere = await computers.host();
    const bytes = fs.readFileSync(both);
    const up = await must(elsewhere, 'packages:upload-chunk', {
      uploadId: null,
      fileName: 'both.tvetpkg',
      offset: 0,
      chunkBase64: bytes.toString('base64'),
    });
    const seen = await must(elsewhere, 'packages:preview', { uploadId: up.uploadId });
    expect(seen.contents.assessments).toBe(2);
    expect(seen.contents.institutions).toBe(2);
  });
});
