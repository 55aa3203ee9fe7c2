import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { UserRole } from '../../shared/settings/schema';
import { must } from './api';
import { BrowserHost } from './browser-host';

/** One computer in a journey between machines: its own browser host and data folder, and its own browser window. */
export interface Machine {
  host: BrowserHost;
  page: Page;
}

/**
 * Further computers for journeys between machines (packages carried from the field to head office).
 * Everything started here is stopped and removed after the test, whether it passed or not.
 */
export interface Computers {
  /** A fresh host process with an empty data folder (already welcomed), without a window. */
  host(): Promise<BrowserHost>;
  /** A fresh computer: a host with `role` and `userName` in its profile, and a 1366×768 window on it. */
  machine(role: UserRole, userName: string): Promise<Machine>;
  /** A folder for the files people carry between the computers (the "USB stick"). */
  usbStick(): string;
}

export const test = base.extend<{ host: BrowserHost; computers: Computers }>({
  /** The host most specs use: a fresh data folder, already welcomed. */
  host: async ({}, use) => {
    const host = await new BrowserHost().start();
    await use(host);
    await host.stop();
    host.cleanup();
  },

  computers: async ({ browser }, use) => {
    const hosts: BrowserHost[] = [];
    const pages: Page[] = [];
    const sticks: string[] = [];
    const host = async () => {
      const started = new BrowserHost();
      hosts.push(started);
      return started.start();
    };
    await use({
      host,
      machine: async (role, userName) => {
        const started = await host();
        await must(started, 'settings:update', { role, userName });
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
        const page = await context.newPage();
        pages.push(page);
        await page.goto(started.url);
        return { host: started, page };
      },
      usbStick: () => {
        const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-usb-'));
        sticks.push(stick);
        return stick;
      },
    });
    for (const page of pages) await page.context().close();
    for (const h of hosts) {
      await h.stop();
      h.cleanup();
    }
    for (const stick of sticks) fs.rmSync(stick, { recursive: true, force: true });
  },
});

export { expect };
