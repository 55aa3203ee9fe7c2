import { describe, expect, it } from 'vitest';
import { printerLaunch } from './print-sandbox';

describe('the sandbox of the Chromium that prints reports', () => {
  it('stays on for an ordinary user, so report HTML is printed inside Chromium’s sandbox', () => {
    const launch = printerLaunch({ uid: 1000 });
    expect(launch.chromiumSandbox).toBe(true);
    expect(launch.args).not.toContain('--no-sandbox');
    // The other lock-down flags are kept: no background calls to Google's servers.
    expect(launch.args).toContain('--disable-background-networking');
  });

  it('is turned off only when running as root, where Chromium cannot start it', () => {
    const launch = printerLaunch({ uid: 0 });
    expect(launch.chromiumSandbox).toBe(false);
    expect(launch.args.filter((arg) => arg === '--no-sandbox')).toHaveLength(1);
  });

  it('stays on where there are no user ids (Windows)', () => {
    expect(printerLaunch({ uid: undefined }).chromiumSandbox).toBe(true);
    expect(printerLaunch({ uid: undefined }).args).not.toContain('--no-sandbox');
  });

  it('follows the user this process runs as when not told otherwise', () => {
    expect(printerLaunch().chromiumSandbox).toBe(process.getuid?.() !== 0);
  });
});
