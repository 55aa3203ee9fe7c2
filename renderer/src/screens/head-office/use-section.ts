import type { DashboardFilters } from '../../../../shared/head-office/schema';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { useRequest } from '../../data/use-request';

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
  // The charts on screen stay while the newly filtered figures load.
  const { value, error, loading } = useRequest(channel, { filters } as RequestOf<C>, [channel, filters], { keepWhileLoading: true });
  return { data: error ? null : value, error, loading };
}
