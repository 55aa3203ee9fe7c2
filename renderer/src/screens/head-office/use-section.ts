import { useEffect, useRef, useState } from 'react';
import type { DashboardFilters } from '../../../../shared/head-office/schema';
import type { Channel, ResponseOf } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';

type SectionChannel =
  'head-office:offer' | 'head-office:outcomes' | 'head-office:improvement' | 'head-office:actions' | 'head-office:training-needs';

export interface SectionState<C extends Channel> {
  data: ResponseOf<C> | null;
  error: AppErrorData | null;
  loading: boolean;
}

/**
 * One section of the dashboard, asked for again whenever the filters change. An answer to filters the
 * person has since changed is dropped, so a slow reply never overwrites a newer one.
 */
export function useSection<C extends SectionChannel>(channel: C, filters: DashboardFilters): SectionState<C> {
  const [state, setState] = useState<SectionState<C>>({ data: null, error: null, loading: true });
  const asked = useRef(0);
  useEffect(() => {
    const ticket = ++asked.current;
    setState((s) => ({ ...s, loading: true }));
    void invoke(channel, { filters } as never).then((r) => {
      if (ticket !== asked.current) return;
      setState(r.ok ? { data: r.value as ResponseOf<C>, error: null, loading: false } : { data: null, error: r.error, loading: false });
    });
  }, [channel, filters]);
  return state;
}
