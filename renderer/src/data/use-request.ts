import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DependencyList } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { AppErrorData } from '../../../shared/ipc/result';
import { invoke } from '../api/client';
import { LoadTracker, type Load, type LoadSnapshot } from './load-tracker';

export interface Loaded<T> extends LoadSnapshot<T> {
  /**
   * Loads the same thing again, keeping the current value on screen until the fresh one comes;
   * resolves once it has come (e.g. to announce an outcome after the list shows it).
   */
  reload: () => Promise<void>;
  /** Replaces the value the screen shows (after an action that returned the new state). */
  setValue: (next: T | null | ((previous: T | null) => T | null)) => void;
  /** Shows a refusal met outside the load, in the same place as a load error. */
  setError: (error: AppErrorData | null) => void;
}

export interface LoadOptions {
  /**
   * Keep showing the last value while new deps load (a dashboard refiltered: the charts stay until the
   * new figures come). By default a change of deps clears it: a different thing is being loaded.
   */
  keepWhileLoading?: boolean;
}

/**
 * The renderer's one way to load: runs `load` whenever `deps` change (a null load means "nothing to
 * load yet"), and answers with the value, the error as the app's `AppErrorData`, and whether it is
 * loading. A screen that has gone, or has moved on to other deps, never receives a stale answer.
 */
export function useLoad<T>(load: Load<T> | null, deps: DependencyList, { keepWhileLoading = false }: LoadOptions = {}): Loaded<T> {
  const [tracker] = useState(() => new LoadTracker<T>());
  // The newest closure, so `reload` asks for what the screen shows now.
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    const current = latest.current;
    if (current === null) tracker.clear();
    else void tracker.start(current, keepWhileLoading);
    return () => tracker.cancel();
    // The caller's deps decide when to load again, as for useEffect.
  }, [tracker, ...deps]);

  const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
  const reload = useCallback(async () => {
    const current = latest.current;
    if (current !== null) await tracker.start(current, true);
  }, [tracker]);
  const setValue = useCallback((next: Parameters<Loaded<T>['setValue']>[0]) => tracker.setValue(next), [tracker]);
  const setError = useCallback((error: AppErrorData | null) => tracker.setError(error), [tracker]);
  return useMemo(() => ({ ...snapshot, reload, setValue, setError }), [snapshot, reload, setValue, setError]);
}

/**
 * One contract channel, loaded: `useRequest('assessments:get', { id })`. It loads again when the
 * request's content changes (or when `deps` change, if given); a null request loads nothing.
 */
export function useRequest<C extends Channel>(
  channel: C,
  request: RequestOf<C> | null,
  deps?: DependencyList,
  options?: LoadOptions,
): Loaded<ResponseOf<C>> {
  const key = request === null ? null : JSON.stringify(request);
  return useLoad<ResponseOf<C>>(request === null ? null : () => invoke(channel, request), deps ?? [channel, key], options);
}
