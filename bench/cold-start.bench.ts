import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { BrowserHost } from '../e2e/support/browser-host';
import { findChromium } from '../e2e/support/chromium';
import { summarise, tag, type Measurement } from './measure';

const root = path.resolve(import.meta.dirname, '..');

/**
 * B6: the browser host started cold on the national database (B3's data folder) until the inspector can
 * use the first screen: from spawning the host (its ahead-of-time bundle of `electron/browser-host/main.ts`,
 * as `npm run start:browser` runs it) to the institutions list showing
 * its first institution as a link, in a Chromium that is already open (as the user's browser would be).
 * Builds the renderer first if out/renderer is missing.
 */
export async function coldStartBenchmarks(dataDir: string, runs: number): Promise<Measurement[]> {
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.log('B6: building the renderer (out/renderer is missing)…');
    execFileSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  }
  // The host is started as `npm run start:browser` starts it: from its bundle, built before the clock starts.
  await BrowserHost.prepare();
  const browser = await chromium.launch({ executablePath: findChromium() });
  const times: number[] = [];
  const ready: number[] = [];
  const version = browser.version();
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const host = new BrowserHost(dataDir);
      const started = performance.now();
      try {
        await host.start();
        ready.push(performance.now() - started);
        await page.goto(host.url);
        await page.locator('table.table a[href^="#/institutions/"]').first().waitFor({ state: 'visible', timeout: 60_000 });
        times.push(performance.now() - started);
      } finally {
        await host.stop();
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return tag(
    'B6',
    [
      summarise(
        'browser host cold start to the institutions list (national database)',
        times,
        `host listening after ${summarise('', ready).medianMs.toFixed(0)} ms (median); Chromium ${version}`,
      ),
    ],
    {
      text: 'median < 1.5 s',
      met: (m) => m.medianMs < 1500,
    },
  );
}
