import { chromiumArgs } from '../support/find-chromium';

/** How the headless Chromium that prints reports is started: with or without its own sandbox. */
export interface PrinterLaunch {
  chromiumSandbox: boolean;
  args: string[];
}

/**
 * Reports are printed from HTML that holds institutions' and inspectors' own text, so the Chromium that
 * prints them keeps its sandbox. The one exception is a process running as root (a CI container, a
 * server): Chromium refuses to start its sandbox as root, and there `--no-sandbox` is the only way it
 * runs. Windows has no user ids (`getuid` is absent) and keeps the sandbox.
 */
export function printerLaunch(user: { uid: number | undefined } = { uid: process.getuid?.() }): PrinterLaunch {
  const runningAsRoot = user.uid === 0;
  const args = chromiumArgs.filter((arg) => arg !== '--no-sandbox');
  // Playwright adds --no-sandbox itself unless chromiumSandbox is true, so both must agree.
  return runningAsRoot ? { chromiumSandbox: false, args: [...args, '--no-sandbox'] } : { chromiumSandbox: true, args };
}
