import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Frame, type Page } from '@playwright/test';

// The desktop window's lock-down, tried from inside the renderer the way a hostile page or a script
// smuggled into it would: navigation away, new windows, an unknown channel, a sub-frame reaching for the
// bridge, permission prompts. Runs where the Electron binary exists (`npm run test:electron`); the
// decisions themselves are unit-tested in electron/main/*.test.ts.
const root = path.resolve(import.meta.dirname, '..', '..');

type Bridge = { tvet?: { invoke: (channel: string, request: unknown) => Promise<unknown> } };

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-electron-navigation-'));
  app = await electron.launch({ args: [root], cwd: root, env: { ...process.env, TVET_INSPECTOR_DATA_DIR: dataDir } });
  page = await app.firstWindow();
  await expect(page.getByRole('link', { name: 'New institution' })).toBeVisible();
  // The system browser is not opened from a test: the links the app hands to it are recorded instead.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as { openedExternally?: string[] }).openedExternally = opened;
    shell.openExternal = async (url: string) => void opened.push(url);
  });
});

test.afterEach(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Where a frame is after an attempt to move it: the URL it went to, or where it stayed for two seconds. */
async function whereAfter(frame: Frame, attempt: () => Promise<unknown>): Promise<string> {
  const navigated = frame
    .page()
    .waitForEvent('framenavigated', { predicate: (f) => f === frame, timeout: 2_000 })
    .then((f) => f.url())
    .catch(() => frame.url());
  await attempt();
  return navigated;
}

const onTheApp = /^app:\/\/renderer\//;

test('the app window cannot be taken away from the app by a script or a link', async () => {
  expect(page.url()).toMatch(onTheApp);
  for (const url of ['https://evil.example/', 'http://127.0.0.1:9/', 'file:///etc/passwd']) {
    expect(await whereAfter(page.mainFrame(), () => page.evaluate((u) => void (window.location.href = u), url)), url).toMatch(onTheApp);
    const link = () =>
      page.evaluate((u) => {
        const a = document.createElement('a');
        a.href = u;
        document.body.append(a);
        a.click();
        a.remove();
      }, url);
    expect(await whereAfter(page.mainFrame(), link), url).toMatch(onTheApp);
  }
  expect(page.url()).toMatch(onTheApp);
  // Still the app, still working.
  await page.getByRole('link', { name: 'New institution' }).click();
  await expect(page.getByLabel('Name (English)')).toBeVisible();
});

test('window.open and a middle-click open no window; only a listed https page reaches the system browser', async () => {
  const opened = await page.evaluate(() =>
    [
      'https://evil.example/',
      'https://ec.europa.eu/social/main.jsp?catId=1536',
      'http://ec.europa.eu/',
      'file:///etc/passwd',
      'app://renderer/index.html',
    ].map((url) => window.open(url) !== null),
  );
  expect(opened).toEqual([false, false, false, false, false]);
  await page.getByRole('link', { name: 'New institution' }).click({ button: 'middle' });
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally)).toEqual([
    'https://ec.europa.eu/social/main.jsp?catId=1536',
  ]);
});

test('the bridge refuses a channel that is not in the contract', async () => {
  const answer = await page.evaluate(() => (window as unknown as Required<Bridge>).tvet.invoke('system:exec', { command: 'rm -rf ~' }));
  expect(answer).toEqual({ ok: false, error: { code: 'validation', message: 'Unknown channel.' } });
  // The contract's own channels still work.
  expect(await page.evaluate(() => (window as unknown as Required<Bridge>).tvet.invoke('settings:get', {}))).toMatchObject({ ok: true });
});

test('a frame inside the app window has no bridge, cannot reach the app’s, and cannot be navigated away', async () => {
  // Shaped like the evidence viewer's frame (a blob: document the app made), but sandboxed as untrusted content would be.
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('title', 'hostile frame');
    frame.src = URL.createObjectURL(new Blob(['<!doctype html><p>evidence</p>'], { type: 'text/html' }));
    document.body.append(frame);
  });
  const frame = await (await page.locator('iframe[title="hostile frame"]').elementHandle())?.contentFrame();
  if (!frame) throw new Error('The test frame did not load.');
  await expect(frame.locator('p')).toHaveText('evidence');
  expect(frame.url()).toMatch(/^blob:app:\/\/renderer\//);

  // The preload runs in the top frame only.
  expect(await frame.evaluate(() => typeof (window as unknown as Bridge).tvet)).toBe('undefined');
  // And the top frame's bridge is out of reach of another origin.
  const reach = await frame.evaluate(async () => {
    try {
      const bridge = (window.parent as unknown as Required<Bridge>).tvet;
      return JSON.stringify(await bridge.invoke('institutions:list', {}));
    } catch (error) {
      return error instanceof Error ? error.name : 'refused';
    }
  });
  expect(reach).toBe('SecurityError');

  // Refused by will-frame-navigate and by the page's CSP (frame-src blob:), whichever comes first; the CSP
  // leaves an error page behind, so what is checked is that the frame never shows the other site.
  const went = await whereAfter(frame, () => frame.evaluate(() => void (window.location.href = 'https://evil.example/')));
  expect(went).not.toContain('evil.example');
});

test('the app window is refused every permission it asks for', async () => {
  const answers = await page.evaluate(async () => ({
    notifications: await Notification.requestPermission(),
    geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    camera: await navigator.mediaDevices
      .getUserMedia({ video: true })
      .then(() => 'granted')
      .catch((error: unknown) => (error instanceof Error ? error.name : 'refused')),
  }));
  expect(answers.notifications).toBe('denied');
  expect(answers.geolocation).toBe('denied');
  expect(answers.camera).not.toBe('granted');
});
