import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { reportScenario } from '../../electron/services/reports/test-fixtures';

// Runs the real desktop app (`npm run test:electron`) where the Electron binary exists. On machines that
// cannot download it, run the browser project instead; this file is never faked with a stand-in.
const root = path.resolve(import.meta.dirname, '..', '..');

async function launch(dataDir: string): Promise<ElectronApplication> {
  return electron.launch({ args: [root], cwd: root, env: { ...process.env, TVET_INSPECTOR_DATA_DIR: dataDir } });
}

test('the desktop app keeps an institution across a restart, with a locked-down renderer', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-electron-'));
  let app = await launch(dataDir);
  let page = await app.firstWindow();

  // Security checklist: no Node in the renderer, only the typed bridge.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((window as unknown as { tvet: object }).tvet).sort())).toEqual([
    'host',
    'invoke',
    'onMenuCommand',
  ]);
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => location.origin)).toBe('app://renderer');

  await page.getByRole('link', { name: 'New institution' }).click();
  await page.getByLabel('Name (English)').fill('Barishal Polytechnic Institute');
  await page.getByLabel('Registration number').fill('BTEB-1');
  await page.getByRole('textbox', { name: 'District', exact: true }).fill('Barishal');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Barishal Polytechnic Institute' })).toBeVisible();
  await app.close();

  app = await launch(dataDir);
  page = await app.firstWindow();
  await expect(page.getByRole('link', { name: 'Barishal Polytechnic Institute' })).toBeVisible();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the desktop app prints the report with its own Chromium and signs it so that pdfsig accepts it', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-electron-report-'));
  const scenario = await reportScenario({ dataDir });
  const inspectionId = scenario.inspection.id;
  scenario.s.close();
  const app = await launch(dataDir);
  const page = await app.firstWindow();

  // The renderer's own bridge, as the report screen uses it: printToPDF in a hidden window, then signing.
  const signed = await page.evaluate(async (assessmentId) => {
    const api = (window as unknown as { tvet: { invoke: (c: string, r: unknown) => Promise<unknown> } }).tvet;
    const identity = (await api.invoke('signing:identities:create', {
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase: 'desktop passphrase',
    })) as { ok: boolean; value: { id: string } };
    return (await api.invoke('reports:sign', {
      assessmentId,
      language: 'bn',
      identityId: identity.value.id,
      passphrase: 'desktop passphrase',
    })) as { ok: boolean; value: { pdfBase64: string; pages: number } };
  }, inspectionId);
  await app.close();
  expect(signed.ok).toBe(true);
  const file = path.join(dataDir, 'desktop-report.pdf');
  fs.writeFileSync(file, Buffer.from(signed.value.pdfBase64, 'base64'));
  const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
  expect(pdfsig).toContain('Signature is Valid.');
  expect(pdfsig).toContain('Total document signed');
  // Bangla shaped and searchable, exactly as the headless path prints it.
  expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('চট্টগ্রাম');
  fs.rmSync(dataDir, { recursive: true, force: true });
});
