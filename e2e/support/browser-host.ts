import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

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

  async start(): Promise<this> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser-host/main.ts', '--data-dir', this.dataDir], {
      cwd: root,
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
