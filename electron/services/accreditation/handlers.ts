import type { accreditationContract } from '../../../shared/accreditation/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the accreditation channels into the accreditation service. */
export function accreditationHandlers({ accreditation }: AppServices): HandlerMap<keyof typeof accreditationContract> {
  return {
    'accreditation:assessment': (r) => accreditation.forAssessment(r.assessmentId),
    'accreditation:countersign': (r) => accreditation.countersign(r),
    'accreditation:lodge-appeal': (r) => accreditation.lodgeAppeal(r),
    'accreditation:decide-appeal': (r) => accreditation.decideAppeal(r),
    'accreditation:institution': (r) => accreditation.institution(r.institutionId),
    'accreditation:standings': () => accreditation.standings(),
  };
}
