import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';
import type { headOfficeContract } from '../../../shared/head-office/contract';

/** Thin calls from the head-office channels into the dashboard service. */
export function headOfficeHandlers({ headOffice }: AppServices): HandlerMap<keyof typeof headOfficeContract> {
  return {
    'head-office:options': () => headOffice.options(),
    'head-office:offer': (r) => headOffice.offer(r.filters),
    'head-office:outcomes': (r) => headOffice.outcomes(r.filters),
    'head-office:improvement': (r) => headOffice.improvement(r.filters),
    'head-office:actions': (r) => headOffice.actions(r.filters),
    'head-office:training-needs': (r) => headOffice.trainingNeeds(r.filters),
    'head-office:institution-trend': (r) => headOffice.institutionTrend(r.institutionId, r.filters),
    'head-office:export': (r) => headOffice.export(r),
  };
}
