import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { pdf, photo } from '../electron/services/evidence/sample-files';
import { expect, test } from './support/fixtures';
import { call } from './support/api';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { dropFiles, pasteFile } from './support/evidence-files';

async function shot(target: Page | Locator, name: string, fullPage = false) {
  const page = 'page' in target ? target.page() : target;
  await page.evaluate(() => document.fonts.ready);
  await target.screenshot({ path: `e2e/artifacts/${name}.png`, ...(fullPage ? { fullPage } : {}) });
}

/** Serious and critical axe violations fail the test (as in accessibility.spec.ts); `within` limits the scan to our part of a page. */
async function expectAccessible(page: Page, screen: string, within?: string) {
  await page.evaluate(() => document.fonts.ready);
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (within) axe = axe.include(within);
  const serious = (await axe.analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The IF-04 card (building fire, electrical and structural safety; expects OBS, DOC and PHOTO), found by search. */
async function fireSafetyCard(page: Page, assessmentId: string): Promise<Locator> {
  await page.evaluate((id) => (window.location.hash = `#/assessments/${id}`), assessmentId);
  await page.locator('#criteria-search').fill('IF-04');
  const card = page.locator('#unit-IF-04-institution');
  await expect(card).toBeVisible();
  return card;
}

test('an inspector attaches two photos and a PDF to a criterion, sees previews, opens them, removes one, and after a restart the rest is there and intact', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const seeded = await seedInstitution(host);
  const assessment = await startAssessment(host, seeded);
  // Real files: a JPEG with its EXIF date taken, a PNG (pasted, as from a screenshot) and a PDF.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-evidence-'));
  const extinguisher = path.join(folder, 'extinguisher-workshop-2.jpg');
  fs.writeFileSync(extinguisher, await photo({ width: 1200, height: 900, colour: '#c0392b', takenAt: '2026:03:10 09:15:00' }));
  const exitPhoto = await photo({ width: 900, height: 1200, colour: '#27ae60', format: 'png' });

  await open(page, host, `#/assessments/${assessment.id}`);
  const card = await fireSafetyCard(page, assessment.id);
  const panel = card.locator('.evidence-panel');
  const zone = panel.getByRole('group', { name: 'Drop zone for evidence files' });
  // The card says once what is expected and what is seen or attached (workspace/EvidencePicker.tsx).
  const summary = card.getByTestId('evidence-summary');
  const expectedChips = (on: boolean) => card.locator(`.evidence-picker .chip--expected${on ? '.chip--on' : ':not(.chip--on)'} abbr`);
  await expect(summary).toHaveText('0 of 3 expected types seen · 0 files attached');
  await expect(expectedChips(false)).toHaveText(['OBS', 'DOC', 'PHOTO']);

  // A photo from the file chooser, with a caption.
  await zone.getByLabel('Evidence type').selectOption('PHOTO');
  await zone.getByLabel('Caption').fill('Fire extinguisher in workshop 2, inspected March 2026');
  await zone.locator('input[type=file]').setInputFiles(extinguisher);
  await expect(zone.getByRole('status')).toHaveText('1 file attached.');
  // A photo pasted while the drop area has focus.
  await pasteFile(zone, { name: 'image.png', mimeType: 'image/png', buffer: exitPhoto });
  await expect(panel.locator('.evidence-item')).toHaveCount(2);
  // A PDF dropped on the area.
  await zone.getByLabel('Evidence type').selectOption('DOC');
  await dropFiles(zone, [
    { name: 'fire-safety-certificate.pdf', mimeType: 'application/pdf', buffer: pdf('Fire safety certificate 2026') },
  ]);
  await expect(panel.locator('.evidence-item')).toHaveCount(3);

  // Previews of both photos; the PDF shows its kind. Expected types now attached: DOC and PHOTO.
  await expect(panel.locator('.evidence-thumb img')).toHaveCount(2);
  await expect(panel.locator('.evidence-thumb--pdf')).toHaveText('PDF');
  await expect(expectedChips(true)).toHaveText(['DOC', 'PHOTO']);
  await expect(expectedChips(false)).toHaveText(['OBS']);
  await expect(summary).toHaveText('2 of 3 expected types seen · 3 files attached');
  await expect(panel.getByText('Taken 10 Mar 2026, 09:15')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shot(card, 'evidence-card-en');
  await expectAccessible(page, 'evidence panel', '#unit-IF-04-institution .evidence-panel');

  // The viewer shows the photo and says it is intact; the PDF opens in the window too.
  await panel.getByRole('button', { name: 'Open extinguisher-workshop-2.jpg' }).click();
  const viewer = page.getByRole('dialog', { name: 'extinguisher-workshop-2.jpg' });
  await expect(viewer.getByRole('img', { name: 'Photo: Fire extinguisher in workshop 2, inspected March 2026' })).toHaveAttribute(
    'src',
    /^blob:/,
  );
  await expect(viewer.getByText('Intact: the file matches its SHA-256.')).toBeVisible();
  await shot(page, 'evidence-viewer-en');
  await expectAccessible(page, 'evidence viewer', '.evidence-viewer');
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
  await panel.getByRole('button', { name: 'Open fire-safety-certificate.pdf' }).click();
  const pdfViewer = page.getByRole('dialog', { name: 'fire-safety-certificate.pdf' });
  await expect(pdfViewer.locator('iframe[title="PDF document: fire-safety-certificate.pdf"]')).toHaveAttribute('src', /^blob:/);
  await page.keyboard.press('Escape');
  await expect(pdfViewer).toBeHidden();

  // Remove the pasted photo from the criterion.
  await panel.getByRole('button', { name: /^Remove pasted-/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.locator('.evidence-item')).toHaveCount(2);
  await expect(panel.locator('.evidence-thumb img')).toHaveCount(1);

  // The same card in Bangla.
  await page.getByLabel('Language').selectOption('bn');
  await expect(panel.getByRole('heading', { name: 'সংযুক্ত প্রমাণ' })).toBeVisible();
  await shot(card, 'evidence-card-bn');
  await page.getByLabel('ভাষা').selectOption('en');

  // Restart the host: the evidence is still there, previews and all, and every file is intact.
  await host.restart();
  await page.goto(host.url);
  const again = await fireSafetyCard(page, assessment.id);
  await expect(again.locator('.evidence-item')).toHaveCount(2);
  await expect(again.locator('.evidence-thumb img')).toHaveCount(1);
  await expect(again.getByRole('button', { name: 'Open fire-safety-certificate.pdf' })).toBeVisible();
  await expect(again.getByText('Fire extinguisher in workshop 2, inspected March 2026')).toBeVisible();

  await again.getByRole('link', { name: 'All evidence of this assessment' }).click();
  await expect(page.getByRole('heading', { name: 'Evidence of this assessment' })).toBeVisible();
  await page.getByRole('button', { name: 'Check evidence files' }).click();
  await expect(page.getByText(/All 2 files are intact\./)).toBeVisible();
  await shot(page, 'evidence-assessment-en', true);
  await expectAccessible(page, 'evidence of the assessment');
  await page.getByLabel('Language').selectOption('bn');
  await page.getByRole('button', { name: 'প্রমাণের ফাইল যাচাই করুন' }).click();
  await expect(page.getByText(/ফাইলের সবগুলোই অক্ষত/)).toBeVisible();
  await shot(page, 'evidence-assessment-bn', true);
  await expectAccessible(page, 'evidence of the assessment (Bangla)');

  const report = await call(host, 'evidence:verify-all', { assessmentId: null });
  expect(report).toMatchObject({ ok: true, value: { files: 2, intact: 2, problems: [] } });
  fs.rmSync(folder, { recursive: true, force: true });
});

test('a disallowed or oversized file is refused with a clear message in the user’s language, and nothing is attached', async ({
  page,
  host,
}) => {
  const seeded = await seedInstitution(host);
  const assessment = await startAssessment(host, seeded);
  await open(page, host, `#/assessments/${assessment.id}`);
  const card = await fireSafetyCard(page, assessment.id);
  const zone = card.locator('.attach-zone');
  const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64)]);
  await dropFiles(zone, [{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: exe }]);
  await expect(zone.getByRole('alert')).toHaveText(/“scan.pdf” is not an allowed evidence type/);
  await page.getByLabel('Language').selectOption('bn');
  await dropFiles(zone, [{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: exe }]);
  await expect(zone.getByRole('alert')).toHaveText(/“scan.pdf” অনুমোদিত প্রমাণের ধরন নয়/);
  await expect(card.locator('.evidence-item')).toHaveCount(0);
  expect(await call(host, 'evidence:list', { assessmentId: assessment.id })).toMatchObject({
    ok: true,
    value: { items: [], totalBytes: 0 },
  });
});
