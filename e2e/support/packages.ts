import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { scopeOf } from '../../shared/assessments/scope';
import type { RatingPatch } from '../../shared/assessments/schema';
import type { ExportScope } from '../../shared/exchange/schema';
import { applicableItems, type DataValues } from '../../shared/scoring';
import type { BrowserHost } from './browser-host';
import type { Machine } from './fixtures';
import { must } from './api';
import { open } from './screens';

export type { Machine };

/**
 * Exports through the export dialog opened by `button`: creates a trial identity the first time (its
 * passphrase is then filled in), else types the passphrase; saves the browser's download on the stick.
 */
export async function exportPackage(page: Page, button: Locator, stick: string, passphrase = 'package passphrase'): Promise<string> {
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Export a package' });
  await expect(dialog).toBeVisible();
  const create = dialog.getByRole('button', { name: 'Create the trial identity' });
  const passphraseField = dialog.getByLabel('Passphrase of the identity');
  await expect(create.or(passphraseField)).toBeVisible();
  if (await create.isVisible()) {
    await dialog.getByLabel('New passphrase (at least 8 characters)').fill(passphrase);
    await dialog.getByLabel('The passphrase again').fill(passphrase);
    await create.click();
    await expect(passphraseField).toHaveValue(passphrase);
  } else await passphraseField.fill(passphrase);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const target = path.join(stick, file.suggestedFilename());
  await file.saveAs(target);
  await expect(dialog.getByTestId('package-exported')).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('Your browser has saved');
  return target;
}

export async function closeExportDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Export a package' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** On the Packages screen: the translated button opens the system's file chooser, as a person would use it. */
export async function choosePackage(m: Machine, file: string): Promise<void> {
  await open(m.page, m.host, '#/packages');
  await expect(m.page.getByRole('heading', { name: 'Packages', level: 1 })).toBeVisible();
  const chooser = m.page.waitForEvent('filechooser');
  await m.page.getByRole('button', { name: 'Choose a package file…' }).click();
  await (await chooser).setFiles(file);
}

/** The preview, once it has appeared (focus moves to its heading). */
export async function expectPreview(page: Page): Promise<Locator> {
  const preview = page.getByTestId('package-preview');
  await expect(preview.getByRole('heading', { name: 'Check the package before importing' })).toBeFocused({ timeout: 60_000 });
  return preview;
}

export async function importPreviewed(page: Page): Promise<Locator> {
  await page.getByTestId('package-preview').getByRole('button', { name: 'Import', exact: true }).click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  return summary;
}

export async function inBangla(page: Page, run: () => Promise<void>): Promise<void> {
  await page.getByLabel('Language').selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await run();
  await page.getByLabel('ভাষা').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage });
}

/** Rates the named criteria (wherever they apply: the institution or its programme) through the API. */
export async function rateSome(host: BrowserHost, assessmentId: string, ratings: Record<string, RatingPatch>): Promise<void> {
  const { assessment } = await must(host, 'assessments:get', { id: assessmentId });
  const { framework } = await must(host, 'frameworks:get', { id: assessment.frameworkVersionId });
  const units = applicableItems(framework, scopeOf(assessment.programmes)).filter((u) => u.applicable && ratings[u.criterionId]);
  for (const u of units)
    await must(host, 'assessments:save-rating', {
      assessmentId,
      criterionId: u.criterionId,
      programmeId: u.programmeId,
      patch: { evidenceSeen: ['DOC'], ...ratings[u.criterionId] },
    });
}

/** Edits the head of an institution through its edit form, as a person would. */
export async function editHead(m: Machine, institutionId: string, head: string): Promise<void> {
  await open(m.page, m.host, `#/institutions/${institutionId}/edit`);
  await m.page.getByLabel('Head of institution').fill(head);
  await m.page.getByRole('button', { name: 'Save' }).click();
  await expect(m.page.getByText(head)).toBeVisible();
}

/** Set-up through the API, for journeys whose subject is elsewhere: a trial identity to sign packages with. */
export async function trialIdentity(host: BrowserHost, name: string, passphrase = 'package passphrase'): Promise<string> {
  const identity = await must(host, 'signing:identities:create', { name, role: 'Inspector', organisation: 'Test team', passphrase });
  return identity.id;
}

/** Exports a package through the API (job, then the file in pieces) and writes it to `file`. */
export async function exportThroughApi(
  host: BrowserHost,
  scope: ExportScope,
  identityId: string,
  file: string,
  passphrase = 'package passphrase',
): Promise<string> {
  let job = await must(host, 'packages:export', { scope, identityId, passphrase });
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await must(host, 'packages:job', { jobId: job.jobId });
  }
  if (!job.exported) throw new Error(`Export failed: ${JSON.stringify(job.error)}`);
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await must(host, 'packages:download-chunk', { exportId: job.exported.exportId, offset });
    parts.push(Buffer.from(chunk.chunkBase64, 'base64'));
    if (chunk.nextOffset >= chunk.size) break;
    offset = chunk.nextOffset;
  }
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** Imports a package through the API (upload, preview, apply with no conflicts). */
export async function importThroughApi(host: BrowserHost, file: string): Promise<void> {
  const bytes = fs.readFileSync(file);
  const up = await must(host, 'packages:upload-chunk', {
    uploadId: null,
    fileName: path.basename(file),
    offset: 0,
    chunkBase64: bytes.toString('base64'),
  });
  const preview = await must(host, 'packages:preview', { uploadId: up.uploadId });
  if (preview.conflicts.length > 0) throw new Error('The set-up import has conflicts');
  await must(host, 'packages:apply', { uploadId: up.uploadId, choices: [] });
}

/** Figures that light every outcome criterion green (criteria scored from figures take figures, not a rating). */
const outcomeData: Record<string, DataValues> = {
  'LS-03': { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 24 },
  'IL-03': { wbl_cohort_learners: 40, learners_with_wbl: 30, wbl_hours_per_learner: 200 },
  'OI-03': { cohort_entrants: 50, cohort_completers: 45, cohort_dropouts: 5 },
  'OI-05': { tracer_cohort_completers: 45, completers_traced_6m: 36, employed_or_study_6m: 27 },
  'OI-06': { tracer_response_rate_pct: 80, employed_graduates_traced: 27, employed_in_matching_isco: 22 },
  'OI-07': { cohort_entrants: 50, cohort_completers: 45, disadv_entrants: 12, disadv_completers: 11 },
  // Framework 1.1.0: the language figures are OI-09's, and LS-03 is rated by key.
  'OI-09': { language_track_learners: 30, language_test_takers: 30, certified_at_target: 24 },
};

/** Answers every applicable unit (Met, or the figures) so the assessment can be submitted. */
export async function rateForSubmission(host: BrowserHost, assessmentId: string): Promise<void> {
  const { assessment } = await must(host, 'assessments:get', { id: assessmentId });
  const { framework } = await must(host, 'frameworks:get', { id: assessment.frameworkVersionId });
  for (const unit of applicableItems(framework, scopeOf(assessment.programmes)).filter((u) => u.applicable)) {
    const criterion = framework.groups.flatMap((g) => g.criteria).find((c) => c.id === unit.criterionId);
    const data = criterion?.outcome ? outcomeData[unit.criterionId] : undefined;
    await must(host, 'assessments:save-rating', {
      assessmentId,
      criterionId: unit.criterionId,
      programmeId: unit.programmeId,
      patch: data ? { data, evidenceSeen: ['DATA', 'REC'] } : { rating: 3, evidenceSeen: ['DOC', 'OBS'] },
    });
  }
}
