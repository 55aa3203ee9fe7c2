import type { RatingPatch } from '../../../../../shared/assessments/schema';
import type { AppErrorData, Result } from '../../../../../shared/ipc/result';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** A save failed for a reason that may pass (the app busy or restarting): it is retried. */
  | { kind: 'retrying'; error: AppErrorData }
  /** The services refused a change (invalid input): kept here and sent again with the next change. */
  | { kind: 'refused'; error: AppErrorData }
  /** The assessment is no longer a draft: nothing more can be saved. */
  | { kind: 'locked' };

export type SendPatch = (key: string, patch: RatingPatch) => Promise<Result<unknown>>;

/** Where unsent changes are kept until the services confirm them (survives a lost window). */
export interface Journal {
  write(entries: ReadonlyMap<string, RatingPatch>): void;
}

const retryDelays = [500, 1000, 2000, 4000, 8000];

/** Runs work soon, but not now (the workspace: once the frame showing the change is painted). */
export type Soon = (run: () => void) => void;

/**
 * Autosave: changes are sent per unit of audit, in order. A unit has at most one save in flight;
 * changes made meanwhile are merged and sent when it returns, so a slow save can never land after
 * (and overwrite) a newer one. Typing is debounced; choices are sent at once; `flush` sends now.
 * A failed save keeps its change (merged under anything newer) and is retried with a growing pause.
 *
 * With `soon` (the workspace passes `afterPaint`), what a change costs beyond storing it — writing the
 * journal, sending a choice, telling the save indicator — waits until the frame that shows the change
 * is painted, so a rating click or a keystroke is on screen without waiting for it; `flushAll` (the
 * window hidden or left, submitting) does all of it at once.
 */
export class SaveQueue {
  private readonly pending = new Map<string, RatingPatch>();
  private readonly inFlight = new Map<string, RatingPatch>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly refused = new Map<string, AppErrorData>();
  private retryError: AppErrorData | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private locked = false;
  private state: SaveState = { kind: 'saved' };
  private readonly listeners = new Set<() => void>();
  /** Choices to send at the next `soon`; whether the journal is behind the queue. */
  private readonly due = new Set<string>();
  private journalBehind = false;
  private ticking = false;

  constructor(
    private readonly send: SendPatch,
    private readonly journal: Journal,
    private readonly soon: Soon | null = null,
  ) {}

  /** Queues a change; `delayMs` 0 sends it now (or soon), otherwise after that pause without further changes. */
  enqueue(key: string, patch: RatingPatch, delayMs: number): void {
    if (this.locked) return;
    this.pending.set(key, { ...this.pending.get(key), ...patch });
    this.refused.delete(key);
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    if (delayMs > 0)
      this.timers.set(
        key,
        setTimeout(() => this.flush(key), delayMs),
      );
    if (this.soon !== null) {
      this.journalBehind = true;
      if (delayMs <= 0) this.due.add(key);
      if (!this.ticking) {
        this.ticking = true;
        this.soon(() => this.catchUp());
      }
      return;
    }
    this.writeJournal();
    if (delayMs <= 0) this.flush(key);
    this.update();
  }

  /** The journal written, the choices sent and the indicator told: what `enqueue` left for `soon`. */
  private catchUp(): void {
    this.ticking = false;
    if (this.journalBehind) this.writeJournal();
    const due = [...this.due];
    this.due.clear();
    for (const key of due) this.flush(key);
    this.update();
  }

  flush(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    this.due.delete(key);
    if (this.locked || this.inFlight.has(key) || this.refused.has(key) || this.retryTimer !== null) return;
    const patch = this.pending.get(key);
    if (patch === undefined) return;
    this.pending.delete(key);
    this.inFlight.set(key, patch);
    this.update();
    void this.send(key, patch).then(
      (result) => this.settle(key, patch, result),
      () => this.settle(key, patch, { ok: false, error: { code: 'internal', message: 'network' } }),
    );
  }

  flushAll(): void {
    if (this.soon !== null) this.catchUp();
    for (const key of [...this.pending.keys()]) this.flush(key);
  }

  /** True while something typed has not been confirmed by the services. */
  get hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0;
  }

  getState = (): SaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
  }

  private settle(key: string, patch: RatingPatch, result: Result<unknown>): void {
    this.inFlight.delete(key);
    if (result.ok) {
      this.attempt = 0;
      this.retryError = null;
    } else if (result.error.code === 'locked') {
      this.locked = true;
      this.pending.clear();
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
    } else {
      // Keep the change; anything typed meanwhile wins over it.
      this.pending.set(key, { ...patch, ...this.pending.get(key) });
      if (result.error.code === 'validation' || result.error.code === 'not-found') {
        this.refused.set(key, result.error);
      } else {
        this.retryError = result.error;
        this.scheduleRetry();
      }
    }
    this.writeJournal();
    if (!this.locked && this.pending.has(key) && !this.refused.has(key)) this.flush(key);
    this.update();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    const delay = retryDelays[Math.min(this.attempt, retryDelays.length - 1)]!;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flushAll();
    }, delay);
  }

  private writeJournal(): void {
    this.journalBehind = false;
    // The journal holds every change not yet confirmed: queued, in flight, or refused.
    const unsent = new Map<string, RatingPatch>();
    for (const [key, patch] of this.inFlight) unsent.set(key, patch);
    for (const [key, patch] of this.pending) unsent.set(key, { ...unsent.get(key), ...patch });
    this.journal.write(unsent);
  }

  private update(): void {
    const next: SaveState = this.locked
      ? { kind: 'locked' }
      : this.retryError !== null
        ? { kind: 'retrying', error: this.retryError }
        : this.refused.size > 0
          ? { kind: 'refused', error: [...this.refused.values()][0]! }
          : this.hasUnsaved
            ? { kind: 'saving' }
            : { kind: 'saved' };
    if (next.kind === this.state.kind && (next as { error?: unknown }).error === (this.state as { error?: unknown }).error) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
