import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserType } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The Chromium that prints reports outside Electron and that the e2e suite drives: CHROMIUM_PATH, then a
 * system Chromium, then Playwright's own. When none exists it fails with instructions — a report must
 * never come out of another engine, and a browser test must never be skipped silently.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const path of candidates) if (fs.existsSync(path)) return path;
  try {
    // Loaded only here: an installed desktop build prints with Electron and ships without playwright-core.
    const { chromium } = createRequire(import.meta.url)('playwright-core') as { chromium: BrowserType };
    const bundled = chromium.executablePath();
    if (fs.existsSync(bundled)) return bundled;
  } catch {
    // fall through to the message below
  }
  throw new Error(
    'No Chromium found (it prints reports and runs the end-to-end tests).\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  Elsewhere (with internet): npx playwright install chromium\n' +
      '  Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}

/** Flags for a locked-down machine: no sandbox as root, and no background calls to Google's servers. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
