import { useCallback } from 'react';
import type { DependencyList } from 'react';
import type { AppErrorData, Result } from '../../../shared/ipc/result';
import { useAction } from './use-action';
import { useLoad } from './use-request';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Pages<T> {
  /** Every item loaded so far; null until the first page has come. */
  items: T[] | null;
  /** How many there are in all, loaded or not. */
  total: number;
  error: AppErrorData | null;
  loadingMore: boolean;
  /** Loads the next page after the items on screen. */
  more: () => Promise<void>;
  reload: () => Promise<void>;
}

/**
 * A long list read a page at a time (a country's assessments): the first page loads with `deps` and
 * stays on screen while a new one loads; `more` adds the next. A page that comes back after the list
 * was loaded again is dropped, so it is never added to the wrong list.
 */
export function usePages<T>(loadPage: (offset: number) => Promise<Result<Page<T>>>, deps: DependencyList): Pages<T> {
  const first = useLoad<Page<T>>(() => loadPage(0), deps, { keepWhileLoading: true });
  const next = useAction();
  const { value, setValue } = first;
  const more = useCallback(async () => {
    if (value === null) return;
    const r = await next.run(() => loadPage(value.items.length));
    if (r.ok) setValue((shown) => (shown === value ? { items: [...shown.items, ...r.value.items], total: r.value.total } : shown));
    // `loadPage` is the caller's closure over the same deps.
  }, [value, setValue, next.run]);
  return {
    items: value?.items ?? null,
    total: value?.total ?? 0,
    error: next.error ?? first.error,
    loadingMore: next.busy,
    more,
    reload: first.reload,
  };
}
