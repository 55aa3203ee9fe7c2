import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBrowserHost } from '../../electron/browser-host/build';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * The host as `npm run start:browser` runs it: compiled ahead of time into one .mjs, built once per test
 * process from the sources as they are now (about a second), with V8's compile cache beside it. Starting
 * it takes a fraction of `node --import tsx`'s time, which compiled the services at every start.
 */
let bundle: Promise<{ file: string; compileCache: string }> | null = null;
function hostBundle(): Promise<{ file: string; compileCache: string }> {
  bundle ??= (async () => {
    const cacheDir = path.join(root, 'node_modules', '.cache');
    fs.mkdirSync(cacheDir, { recursive: true });
    const dir = fs.mkdtempSync(path.join(cacheDir, 'tvet-browser-host-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = await buildBrowserHost(path.join(dir, 'main.mjs'));
    return { file, compileCache: path.join(dir, 'compile-cache') };
  })();
  return bundle;
}

/** A real browser host process (real services, real SQLite file) in a temporary data folder. */
export class BrowserHost {
  private child: ChildProcess | null = null;
  url = '';
  origin = '';
  token = '';

  private onboarded = false;

  /**
   * Most specs start from a user who has already been welcomed; the welcome itself has its own spec
   * (`new BrowserHost(undefined, { skipWelcome: false })`).
   */
  constructor(
    readonly dataDir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-')),
    private readonly options: { skipWelcome?: boolean } = {},
  ) {}

  private get skipWelcome(): boolean {
    return this.options.skipWelcome ?? true;
  }

  /** Creates the profile through the real API, as the welcome screen would. */
  async onboard(): Promise<void> {
    const response = await fetch(`${this.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
      body: JSON.stringify({
        channel: 'settings:update',
        request: { userName: 'E2E Inspector', organisation: 'Test team', onboarded: true },
      }),
    });
    if (!response.ok) throw new Error(`Could not create the test profile: ${response.status}`);
    this.onboarded = true;
  }

  /** Builds the host's bundle now, so that a timed start (bench B6) does not include it. */
  static async prepare(): Promise<void> {
    await hostBundle();
  }

  async start(): Promise<this> {
    const { file, compileCache } = await hostBundle();
    const child = spawn(process.execPath, [file, '--data-dir', this.dataDir], {
      cwd: root,
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Browser host did not start:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /TVET_INSPECTOR_URL=(\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Browser host exited with ${code}:\n${output}`));
      });
    });
    const parsed = new URL(this.url);
    this.origin = parsed.origin;
    this.token = parsed.hash.replace('#token=', '');
    if (this.skipWelcome && !this.onboarded) await this.onboard();
    return this;
  }

  /** Ends the process the way a crash or power cut would: no shutdown code runs. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  cleanup(): void {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
