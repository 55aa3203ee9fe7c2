import { test as base, expect } from '@playwright/test';
import { BrowserHost } from './browser-host';

export const test = base.extend<{ host: BrowserHost }>({
  host: async ({}, use) => {
    const host = await new BrowserHost().start();
    await use(host);
    await host.stop();
    host.cleanup();
  },
});

export { expect };
