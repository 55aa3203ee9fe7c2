import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { IdentityStore } from '../electron/services/signing/identity-store';
import type { SecretWrapper } from '../electron/services/signing/secret-wrapper';
import { expect, test } from './support/fixtures';
import { call, must } from './support/api';
import { seedInstitution, startAssessment } from './support/seed';
import { open } from './support/screens';
import { rateForSubmission, shot } from './support/packages';
import { submitAndFinalise } from './support/reviewer';

/**
 * Stands in for the desktop app's OS keychain (Electron safeStorage cannot run under plain Node): the
 * key file is written the way the desktop app writes it — not a PKCS#12, with a version tag in front.
 */
const desktopKeychain: SecretWrapper = {
  kind: 'os-keychain',
  wrap: (b) => Buffer.concat([Buffer.from('v11'), Buffer.from(b.map((x) => x ^ 0x6c))]),
  unwrap: (b) => Buffer.from(b.subarray(3).map((x) => x ^ 0x6c)),
};

/** Serious and critical axe violations fail; the report preview frame is left out, as in reports.spec.ts (minutes to scan). */
async function expectAccessible(page: Page, screen: string) {
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-testid="report-preview"]')
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an identity made in the desktop app is listed in the browser host as locked by the keychain, and says why it cannot sign', async ({
  page,
  host,
}) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedInstitution(host, 'Barishal Technical Training Centre');
  const inspection = await startAssessment(host, seeded, 'inspection');
  await rateForSubmission(host, inspection.id);
  await submitAndFinalise(host, inspection.id);

  // The same data folder, used earlier by the desktop app: its identity's key is wrapped by the keychain.
  const desktop = new IdentityStore(host.dataDir, { secrets: desktopKeychain }).createSelfSigned({
    name: 'Rahima Akter',
    role: 'Lead inspector',
    organisation: 'NSDA',
    passphrase: 'desktop passphrase',
  });
  const listed = (await must(host, 'signing:identities:list', {})).items;
  expect(listed).toEqual([expect.objectContaining({ id: desktop.id, keyWrapped: true, keyWrappedBy: 'os-keychain', keyOpensHere: false })]);

  // Signing through the API: refused with the reason as data, never "damaged".
  const refused = await call(host, 'reports:sign', {
    assessmentId: inspection.id,
    language: 'en',
    identityId: desktop.id,
    passphrase: 'desktop passphrase',
  });
  expect(refused).toMatchObject({
    ok: false,
    error: {
      code: 'signing',
      message: "This identity's key is locked with the desktop app's operating-system keychain; open it in the desktop app.",
      issues: [{ path: ['identityId'], message: 'signing.errors.keyInDesktopKeychain' }],
    },
  });
  expect(JSON.stringify(refused)).not.toMatch(/damaged/i);

  // The sign dialog says so plainly and does not offer to sign with it.
  await open(page, host, `#/assessments/${inspection.id}/report`);
  await page.getByRole('button', { name: 'Sign the report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign the report' });
  await expect(dialog.getByLabel('Signing identity')).toContainText('Rahima Akter, NSDA — self-signed trial identity (desktop app only)');
  await expect(dialog.getByRole('status')).toHaveText(
    "This identity's key is locked with the desktop app's operating-system keychain; open it in the desktop app.",
  );
  await dialog.getByLabel('Passphrase').fill('desktop passphrase');
  await expect(dialog.getByRole('button', { name: 'Sign', exact: true })).toBeDisabled();
  await shot(page, 'signing-keychain-locked-en');
  await expectAccessible(page, 'sign dialog, key locked by the keychain');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The app's language (not the report's): the whole dialog in Bangla.
  await page.getByLabel('Language', { exact: true }).selectOption('bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  {
    await page.getByRole('button', { name: 'প্রতিবেদনে স্বাক্ষর করুন…' }).click();
    const bn = page.getByRole('dialog');
    await expect(bn.getByRole('status')).toHaveText(
      'এই পরিচয়ের চাবি ডেস্কটপ অ্যাপের অপারেটিং সিস্টেম কি-চেইন দিয়ে তালাবদ্ধ; এটি ডেস্কটপ অ্যাপে খুলুন।',
    );
    await expect(bn.locator('#sign-identity')).toContainText('(শুধু ডেস্কটপ অ্যাপে)');
    await shot(page, 'signing-keychain-locked-bn');
    await expectAccessible(page, 'sign dialog in Bangla, key locked by the keychain');
    await bn.getByRole('button', { name: 'বাতিল' }).click();
  }
  await page.getByLabel('ভাষা', { exact: true }).selectOption('en');

  // An identity made here opens here (and in the desktop app): it signs.
  const here = await must(host, 'signing:identities:create', {
    name: 'Tanvir Hasan',
    role: 'Inspector',
    organisation: 'NSDA',
    passphrase: 'browser passphrase',
  });
  expect(here).toMatchObject({ keyWrapped: false, keyWrappedBy: null, keyOpensHere: true });
  const signed = await call(host, 'reports:sign', {
    assessmentId: inspection.id,
    language: 'en',
    identityId: here.id,
    passphrase: 'browser passphrase',
  });
  expect(signed.ok).toBe(true);
});
