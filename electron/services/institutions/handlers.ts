import type { institutionsContract } from '../../../shared/institutions/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the institutions channels into the registry service. */
export function institutionHandlers({ institutions }: AppServices): HandlerMap<keyof typeof institutionsContract> {
  return {
    'institutions:list': (r) => institutions.list(r),
    'institutions:get': (r) => institutions.get(r.id),
    'institutions:create': (r) => institutions.create(r),
    'institutions:update': (r) => institutions.update(r.id, r.revision, r.input),
    'institutions:set-archived': (r) => institutions.setArchived(r.id, r.revision, r.archived),
    'programmes:create': (r) => institutions.createProgramme(r.institutionId, r.input),
    'programmes:update': (r) => institutions.updateProgramme(r.id, r.revision, r.input),
    'programmes:set-archived': (r) => institutions.setProgrammeArchived(r.id, r.revision, r.archived),
  };
}
