import type { AppErrorData, Result } from '../../../shared/ipc/result';

/** What a screen shows while it loads: the value once it has come, or the refusal, never both stale. */
export interface LoadSnapshot<T> {
  value: T | null;
  error: AppErrorData | null;
  loading: boolean;
}

/** A load reads the services and answers as they do: a value, or an error as data. */
export type Load<T> = () => Promise<Result<T>>;

/**
 * Anything a load may throw, as the app's error data: the services' own refusals keep their code
 * (a `FrameworkLoadError` carries one in `error`), anything else is an internal error with its message.
 */
export function toAppError(thrown: unknown): AppErrorData {
  if (typeof thrown === 'object' && thrown !== null) {
    const inner = (thrown as { error?: unknown }).error;
    if (isAppError(inner)) return inner;
    if (isAppError(thrown)) return { code: thrown.code, message: thrown.message, ...(thrown.issues ? { issues: thrown.issues } : {}) };
  }
  return { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
}

function isAppError(value: unknown): value is AppErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

const idle = Object.freeze({ value: null, error: null, loading: false });

/**
 * One screen's loading, outside React so its ordering can be tested on its own (like `BusyTracker`).
 * Each start takes a token; an answer that comes back after a newer start, or after `cancel` (the
 * screen has gone), is dropped, so a slow old answer never overwrites a newer one.
 */
export class LoadTracker<T> {
  private snapshot: LoadSnapshot<T> = idle;
  private token = 0;
  private readonly listeners = new Set<() => void>();

  /**
   * Starts a load. `keep` leaves the value on screen while it reloads (the same thing, fresher);
   * otherwise the value is cleared at once (a different thing is being loaded).
   */
  start(load: Load<T>, keep = false): Promise<void> {
    this.token += 1;
    const token = this.token;
    this.set({ value: keep ? this.snapshot.value : null, error: null, loading: true });
    let pending: Promise<Result<T>>;
    try {
      pending = load();
    } catch (thrown) {
      pending = Promise.reject(thrown);
    }
    return pending.then(
      (result) => {
        if (token !== this.token) return;
        if (result.ok) this.set({ value: result.value, error: null, loading: false });
        else this.set({ value: this.snapshot.value, error: result.error, loading: false });
      },
      (thrown: unknown) => {
        if (token === this.token) this.set({ value: this.snapshot.value, error: toAppError(thrown), loading: false });
      },
    );
  }

  /** Nothing to load (e.g. no institution chosen yet): no value, no error, not loading. */
  clear(): void {
    this.token += 1;
    this.set(idle);
  }

  /** Drops whatever is in flight: the screen has gone or is about to load something else. */
  cancel(): void {
    this.token += 1;
  }

  /** The screen changed the value itself (a saved row, the next page): no load involved. */
  setValue(next: T | null | ((previous: T | null) => T | null)): void {
    const value = typeof next === 'function' ? (next as (previous: T | null) => T | null)(this.snapshot.value) : next;
    this.set({ ...this.snapshot, value });
  }

  /** A refusal the screen met outside the load (an action on the loaded value). */
  setError(error: AppErrorData | null): void {
    this.set({ ...this.snapshot, error });
  }

  getSnapshot = (): LoadSnapshot<T> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: LoadSnapshot<T>): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
