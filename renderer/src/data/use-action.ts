import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorData, Result } from '../../../shared/ipc/result';
import { toAppError } from './load-tracker';

export interface Action {
  /** The action is running: whatever started it stays disabled. */
  busy: boolean;
  /** The last run's refusal, as the app's error data; cleared when the next run starts. */
  error: AppErrorData | null;
  setError: (error: AppErrorData | null) => void;
  /**
   * Runs `work` (usually one `invoke`), marking the action busy and keeping its refusal; resolves with
   * its result, so the caller goes on when it succeeded. A thrown error comes back as a refusal too.
   */
  run: <T>(work: () => Promise<Result<T>>) => Promise<Result<T>>;
}

/**
 * The renderer's one way to submit something that is not a form: a button that saves, exports,
 * imports. Nothing is set after the screen has gone. For progress on slow work, wrap `work` in
 * `useBusy().run` (components/use-busy.ts).
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async <T>(work: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    setError(null);
    let result: Result<T>;
    try {
      result = await work();
    } catch (thrown) {
      result = { ok: false, error: toAppError(thrown) };
    }
    if (mounted.current) {
      setBusy(false);
      if (!result.ok) setError(result.error);
    }
    return result;
  }, []);

  return useMemo(() => ({ busy, error, setError, run }), [busy, error, run]);
}
