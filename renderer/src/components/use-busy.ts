import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

/** Operations quicker than this show no progress at all, so a quick one does not flash a bar. */
export const BUSY_DELAY_MS = 400;

export interface BusySnapshot {
  /** An operation is running: whatever started it stays disabled. */
  running: boolean;
  /** It has run longer than the delay: the progress is on screen. */
  shown: boolean;
  /** What is happening, in words ("Attaching 3 of 7 files: photo.jpg"). */
  label: string;
  /** Work done out of `total`; both null while the amount is unknown (an indeterminate bar). */
  done: number | null;
  total: number | null;
  /** The last operation was shown and has ended: screen readers hear that it finished. */
  finished: boolean;
}

const idle: BusySnapshot = Object.freeze({ running: false, shown: false, label: '', done: null, total: null, finished: false });

/**
 * The state of one slow operation at a time, outside React so its timing can be tested on its own.
 * Each start returns a token; reports and the finish of an operation superseded by a newer one (a
 * preview asked for again in another language) are ignored.
 */
export class BusyTracker {
  private snapshot: BusySnapshot = idle;
  private token = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** What the operation as a whole is ("Attaching the chosen files…"), said again when it finishes. */
  private startLabel = '';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly delayMs = BUSY_DELAY_MS) {}

  start(label: string, done: number | null = null, total: number | null = null): number {
    this.clearTimer();
    this.token += 1;
    const token = this.token;
    this.startLabel = label;
    this.set({ running: true, shown: false, label, done, total, finished: false });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (token === this.token && this.snapshot.running) this.set({ ...this.snapshot, shown: true });
    }, this.delayMs);
    return token;
  }

  /** Progress of a running operation; `label` may change with it (the file being sent). */
  report(token: number, done: number, total: number, label?: string): void {
    if (token !== this.token || !this.snapshot.running) return;
    this.set({ ...this.snapshot, done, total, label: label ?? this.snapshot.label });
  }

  finish(token: number): void {
    if (token !== this.token || !this.snapshot.running) return;
    this.clearTimer();
    this.set({ ...idle, label: this.startLabel, finished: this.snapshot.shown });
  }

  /** The screen is gone: no timer may fire after it. */
  dispose(): void {
    this.clearTimer();
  }

  getSnapshot = (): BusySnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: BusySnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Reports progress from inside an operation: `done` of `total`, and optionally a new label. */
export type ReportProgress = (done: number, total: number, label?: string) => void;

export interface Busy extends BusySnapshot {
  /** Runs `work`, showing progress once it has taken longer than the delay; resolves with its result. */
  run<T>(label: string, work: (report: ReportProgress) => Promise<T>): Promise<T>;
}

/** A slow operation's progress for a screen: pass the result to `<BusyProgress busy={…} />`. */
export function useBusy(delayMs = BUSY_DELAY_MS): Busy {
  const [tracker] = useState(() => new BusyTracker(delayMs));
  useEffect(() => () => tracker.dispose(), [tracker]);
  const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
  const run = useCallback(
    async <T>(label: string, work: (report: ReportProgress) => Promise<T>): Promise<T> => {
      const token = tracker.start(label);
      try {
        return await work((done, total, next) => tracker.report(token, done, total, next));
      } finally {
        tracker.finish(token);
      }
    },
    [tracker],
  );
  return useMemo(() => ({ ...snapshot, run }), [snapshot, run]);
}
