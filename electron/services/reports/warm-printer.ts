import type { Browser } from 'playwright-core';
import { AppError } from '../../../shared/ipc/result';
import { launchPrinter, printOn, type PrintOptions } from './print-pdf';

/** A warm browser with nothing to print for this long is closed (it holds 100–200 MB while it waits). */
export const PRINTER_IDLE_MS = 5 * 60_000;

export interface WarmPrinterOptions {
  /** Which Chromium binary; default from findChromium(). */
  executablePath?: string;
  idleMs?: number;
}

/**
 * One headless Chromium kept running between reports, so that signing does not pay for starting a
 * browser (about a second on a loaded two-core machine) every time. Launched on the first print; each
 * print gets a fresh browser context, closed after it, so no page, storage or cache of one report is
 * seen by the next. A browser that crashed or was killed is noticed (it disconnects) and launched again
 * for the next print. Closed after PRINTER_IDLE_MS without a print, and by close() — which the report
 * service calls when its services close, so one data folder's browser is never used by another's.
 */
export class WarmPrinter {
  private browser: Promise<Browser> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private printing = 0;
  private closed = false;
  private readonly idleMs: number;

  constructor(private readonly options: WarmPrinterOptions = {}) {
    this.idleMs = options.idleMs ?? PRINTER_IDLE_MS;
  }

  /** The PdfPrinter the report service calls. */
  readonly print = async (html: string, options: PrintOptions = {}): Promise<Buffer> => {
    if (this.closed) throw new AppError('io', 'The report could not be printed: the app is closing.');
    this.printing += 1;
    this.stopIdleTimer();
    try {
      return await printOn(await this.running(), html, options);
    } finally {
      this.printing -= 1;
      if (this.printing === 0 && !this.closed) this.startIdleTimer();
    }
  };

  /** Whether a browser is running (or starting) now. */
  get warm(): boolean {
    return this.browser !== null;
  }

  /** Closes the browser, if one runs, and refuses further prints; resolves once Chromium has exited. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopIdleTimer();
    await this.release();
  }

  private async running(): Promise<Browser> {
    const current = this.browser && (await this.browser.catch(() => null));
    if (current?.isConnected()) return current;
    // close() may have come while the old one was awaited: launch nothing it would not close.
    if (this.closed) throw new AppError('io', 'The report could not be printed: the app is closing.');
    const launching = launchPrinter(this.options.executablePath);
    this.browser = launching;
    const forget = () => {
      if (this.browser === launching) this.browser = null;
    };
    // Crashed, killed or closed: the next print launches a new one.
    launching.then((browser) => browser.on('disconnected', forget), forget);
    return launching;
  }

  private async release(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    const running = browser && (await browser.catch(() => null));
    await running?.close().catch(() => undefined);
  }

  private startIdleTimer(): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.printing === 0) void this.release();
    }, this.idleMs);
    // Waiting to close an idle browser never keeps the process alive.
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
