import type { Page } from '@playwright/test';
import type { BrowserHost } from './browser-host';

/** Opens a screen of the app by its address (the token was taken from the first address). */
export async function open(page: Page, host: BrowserHost, hash: string): Promise<void> {
  if (!page.url().startsWith(host.origin)) await page.goto(host.url);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}
