import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { CrashLine, CrashWorkerConfig } from './crash-protocol';
import type { LedgerEntry } from './crash-checks';

export interface KillPlan {
  /**
   * Counted from the spawn (a kill during start-up), from the worker's "ready", or from the moment a
   * Chromium it started (for a report) is running — or its first write is done, if that comes first.
   */
  from: 'spawn' | 'ready' | 'chromium';
  delayMs: number;
}

export interface KilledRun {
  /** The write in flight when the kill landed ('start-up' before the first one). */
  inFlight: string;
  writesAcknowledged: number;
  /** Set when the worker stopped by itself: a write failed, or it crashed. */
  failure: string | null;
  msToReady: number | null;
  /** Whether a Chromium of this worker was running when the kill landed. */
  chromiumAtKill: boolean;
}

/**
 * Starts the worker in its own process group and SIGKILLs the whole group at the planned moment (the
 * worker and what it started; Playwright starts Chromium in a group of its own, which the test checks
 * separately: it must not outlive the worker). `marker` is a path only this worker's Chromium names on
 * its command line (its TMPDIR). Appends what the worker announced to `ledger`: intents, and
 * acknowledgements for those that committed. Only complete lines count — a kill can cut the last one.
 */
export function runAndKill(
  workerFile: string,
  config: CrashWorkerConfig & { label: string },
  plan: KillPlan,
  ledger: LedgerEntry[],
  env: NodeJS.ProcessEnv,
  marker: string,
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [workerFile, JSON.stringify(config)], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    const byNumber = new Map<number, LedgerEntry>();
    let pending = '';
    let stderr = '';
    let failure: string | null = null;
    let msToReady: number | null = null;
    let acknowledged = 0;
    let timer: NodeJS.Timeout | undefined;
    let watching: NodeJS.Timeout | undefined;
    let killed = false;
    let chromiumAtKill = false;
    const killLater = () => {
      clearInterval(watching);
      watching = undefined;
      if (!killed && timer === undefined) timer = setTimeout(kill, plan.delayMs);
    };
    const kill = () => {
      killed = true;
      chromiumAtKill = processesMentioning(marker).length > 0;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const onLine = (text: string) => {
      const line = JSON.parse(text) as CrashLine;
      if (line.t === 'ready') {
        msToReady = performance.now() - started;
        if (plan.from === 'ready') killLater();
        else if (plan.from === 'chromium') watching = setInterval(() => processesMentioning(marker).length > 0 && killLater(), 25);
      } else if (line.t === 'intent') {
        const entry: LedgerEntry = { write: line.write, result: null };
        byNumber.set(line.n, entry);
        ledger.push(entry);
      } else if (line.t === 'ack') {
        byNumber.get(line.n)!.result = line.result;
        acknowledged += 1;
        if (watching !== undefined) killLater();
      } else failure = `write #${line.n} (${JSON.stringify(byNumber.get(line.n)?.write)}) failed: ${line.message}`;
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
        onLine(pending.slice(0, end));
        pending = pending.slice(end + 1);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8000)));
    if (plan.from === 'spawn') killLater();
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watching);
      if (!killed && failure === null) failure = `the worker exited by itself (code ${code}, signal ${signal}): ${stderr}`;
      const last = [...byNumber.values()].at(-1);
      const inFlight = last === undefined ? 'start-up' : last.result === null ? last.write.kind : 'between writes';
      resolve({ inFlight, writesAcknowledged: acknowledged, failure, msToReady, chromiumAtKill });
    });
  });
}

/** Processes whose command line names `marker` (the worker's private TMPDIR, which Chromium's profile lives under). */
export function processesMentioning(marker: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}
