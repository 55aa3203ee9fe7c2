import type { assessmentsContract } from '../../../shared/assessments/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';
import { countedGap } from './counted-gap';

/** Thin calls from the assessment channels into the assessment and corrective-action services. */
export function assessmentHandlers({
  assessments,
  ratings,
  workflow,
  frameworkChange,
  correctiveActions,
  frameworks,
}: AppServices): HandlerMap<keyof typeof assessmentsContract> {
  return {
    'assessments:list': ({ limit = 200, offset = 0, ...filter }) => ({
      items: assessments.list(filter, { limit, offset }),
      total: assessments.count(filter),
    }),
    'assessments:get': (r) => assessments.get(r.id),
    'assessments:create': (r) => assessments.create(r),
    'assessments:update-details': ({ id, revision, ...details }) => assessments.updateDetails(id, revision, details),
    'assessments:save-rating': (r) => ({ rating: ratings.save(r) }),
    'assessments:submit': (r) => workflow.submit(r.id, r.revision),
    'assessments:return-to-draft': (r) => workflow.returnToDraft(r.id, r.revision, r.reason),
    'assessments:finalise': (r) => workflow.finalise(r.id, r.revision),
    'assessments:reopen': (r) => workflow.reopen(r.id, r.reason),
    'assessments:change-framework': (r) => frameworkChange.change(r),
    'assessments:gap': (r) => ({
      report: countedGap(
        {
          assessment: (id) => assessments.get(id).assessment,
          score: (id) => assessments.score(id),
          framework: (versionId) => frameworks.get(versionId).framework,
        },
        r.selfId,
        r.inspectionId,
      ),
    }),
    'corrective-actions:list': (r) => ({ items: correctiveActions.list(r) }),
    'corrective-actions:findings': (r) => ({ items: correctiveActions.findings(r.assessmentId) }),
    'corrective-actions:write': (r) => correctiveActions.write(r),
    'corrective-actions:update': (r) => correctiveActions.update(r.id, r.revision, r.update),
    'corrective-actions:verify': (r) => correctiveActions.verify(r),
  };
}
