import type { Locator, Page } from '@playwright/test';
import { pdf } from '../electron/services/evidence/sample-files';
import type { BrowserHost } from './support/browser-host';
import { expect, test } from './support/fixtures';
import { must } from './support/api';
import { rateAll, seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { finaliseAsReviewer } from './support/reviewer';

// Real slow work (printing and signing, sending megabytes): more than the default minute on a busy machine.
test.describe.configure({ timeout: 300_000 });

interface SeenBar {
  label: string;
  valuenow: string | null;
}

/**
 * Records every progress bar that appears and every change of its value, with its label at that
 * moment. An operation may end before Playwright looks; the record still says the bar was there.
 */
async function recordProgressBars(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { progressSeen: SeenBar[] };
    w.progressSeen = [];
    const note = (el: Element) => {
      const labelId = el.getAttribute('aria-labelledby');
      const label = (labelId === null ? null : document.getElementById(labelId)?.textContent) ?? '';
      w.progressSeen.push({ label, valuenow: el.getAttribute('aria-valuenow') });
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element) note(r.target);
        for (const node of r.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (node.matches('[role=progressbar]')) note(node);
          node.querySelectorAll('[role=progressbar]').forEach(note);
        }
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

async function progressSeen(page: Page): Promise<SeenBar[]> {
  return page.evaluate(() => (window as unknown as { progressSeen: SeenBar[] }).progressSeen);
}

/** A screenshot (of `area`) while the bar is on screen; the operation may be over before it could be taken. */
async function shotWhileBusy(area: Page | Locator, bar: Locator, name: string): Promise<void> {
  const visible = await bar.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (visible) await area.screenshot({ path: `e2e/artifacts/${name}.png` });
}

async function finalisedAssessment(host: BrowserHost): Promise<string> {
  const { id } = await startAssessment(host, await seedInstitution(host));
  await rateAll(host, id);

  const submitted = await must(host, 'assessments:submit', {
    id,
    revision: (await must(host, 'assessments:get', { id })).assessment.revision,
  });
  await finaliseAsReviewer(host, id, submitted.revision);
  return id;
}

test('signing a report shows its progress while it prints and signs, in English and in Bangla, and takes it away when done', async ({
  page,
  host,
}) => {
  const id = await finalisedAssessment(host);
  await must(host, 'signing:identities:create', {
    name: 'E2E Inspector',
    role: 'Inspector',
    organisation: 'Test team',
    passphrase: 'trial passphrase',
  });
  await open(page, host, `#/assessments/${id}/report`);
  await expect(page.getByTitle('Preview of the report in English')).toBeVisible({ timeout: 60_000 });
  await recordProgressBars(page);

  await page.getByRole('button', { name: 'Sign the report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign the report' });
  await dialog.getByLabel('Passphrase of the identity').fill('trial passphrase');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  // Meanwhile nothing can be signed twice.
  await expect(dialog.getByRole('button', { name: 'Sign', exact: true })).toBeDisabled();
  await shotWhileBusy(page, dialog.getByRole('progressbar', { name: 'Printing and signing…' }), 'progress-sign-en');
  await expect(page.getByTestId('signed-notice')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // The bar was there (no figures: how long printing takes is not known), whatever Playwright saw.
  expect(await progressSeen(page)).toContainEqual({ label: 'Printing and signing…', valuenow: null });

  // In Bangla, a Bangla report.
  await page.locator('#language-select').selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await page.getByLabel('প্রতিবেদনের ভাষা').selectOption('bn');
  await expect(page.getByTitle('বাংলা ভাষায় প্রতিবেদনের প্রাকদর্শন')).toBeVisible({ timeout: 60_000 });
  await recordProgressBars(page);
  await page.getByRole('button', { name: 'প্রতিবেদনে স্বাক্ষর করুন…' }).click();
  const dialogBn = page.getByRole('dialog');
  await dialogBn.locator('#sign-passphrase').fill('trial passphrase');
  await dialogBn.locator('button[type=submit]').click();
  await shotWhileBusy(page, dialogBn.getByRole('progressbar', { name: 'মুদ্রণ ও স্বাক্ষর চলছে…' }), 'progress-sign-bn');
  // The dialog closes once the report is signed (the notice is still there from the first one).
  await expect(dialogBn).toBeHidden({ timeout: 120_000 });
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  expect(await progressSeen(page)).toContainEqual({ label: 'মুদ্রণ ও স্বাক্ষর চলছে…', valuenow: null });
  await page.locator('#language-select').selectOption('en');
});

/** A scanned register: a real PDF, made large (as scans are) by a unique tail after its end. */
function scan(n: number, megabytes: number) {
  const tail = Buffer.alloc(megabytes * 1024 * 1024, `% scan ${n} padding line\n`);
  return { name: `attendance-register-${n}.pdf`, mimeType: 'application/pdf', buffer: Buffer.concat([pdf(`Register ${n}`), tail]) };
}

test('attaching several files shows one bar that fills file by file, and names the file being sent', async ({ page, host }) => {
  const { id } = await startAssessment(host, await seedInstitution(host));
  await open(page, host, `#/assessments/${id}`);
  await page.locator('#criteria-search').fill('IF-04');
  const card = page.locator('#unit-IF-04-institution');
  await expect(card).toBeVisible();
  const zone = card.locator('.attach-zone');
  await recordProgressBars(page);

  await zone.locator('input[type=file]').setInputFiles([1, 2, 3, 4].map((n) => scan(n, 3)));
  await expect(zone.getByRole('button', { name: 'Choose files…' })).toBeDisabled();
  await shotWhileBusy(zone, zone.getByRole('progressbar'), 'progress-attach-en');
  await expect(zone.locator('.attach-zone__status')).toHaveText('4 files attached.', { timeout: 120_000 });
  await expect(zone.getByRole('progressbar')).toHaveCount(0);
  await expect(zone.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
  const seen = await progressSeen(page);
  // Determinate: a value, and the file being sent named in the label.
  expect(
    seen.filter((s) => s.valuenow !== null && /^Attaching [1-4] of 4: attendance-register-[1-4]\.pdf…$/.test(s.label)).length,
  ).toBeGreaterThan(0);
  const values = seen.map((s) => Number(s.valuenow));
  expect(values).toEqual([...values].sort((a, b) => a - b));

  // In Bangla, with Bengali digits.
  await page.locator('#language-select').selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await recordProgressBars(page);
  await zone.locator('input[type=file]').setInputFiles([5, 6, 7].map((n) => scan(n, 3)));
  await shotWhileBusy(zone, zone.getByRole('progressbar'), 'progress-attach-bn');
  await expect(zone.locator('.attach-zone__status')).toHaveText('৩টি ফাইল সংযুক্ত হয়েছে।', { timeout: 120_000 });
  await expect(zone.getByRole('progressbar')).toHaveCount(0);
  expect(
    (await progressSeen(page)).some((s) => /^৩টি ফাইলের [১২৩] নম্বরটি সংযুক্ত হচ্ছে: attendance-register-[567]\.pdf…$/.test(s.label)),
  ).toBe(true);
  await page.locator('#language-select').selectOption('en');
});
