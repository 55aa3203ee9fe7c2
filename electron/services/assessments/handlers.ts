import type { assessmentsContract } from '../../../shared/assessments/contract';
import { AppError } from '../../../shared/ipc/result';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

const notYet = (): never => {
  throw new AppError('internal', 'Assessments are not available yet.');
};

/** Thin calls from the assessment channels into the assessment service (being built). */
export function assessmentHandlers(_services: AppServices): HandlerMap<keyof typeof assessmentsContract> {
  return {
    'assessments:list': notYet,
    'assessments:get': notYet,
    'assessments:create': notYet,
    'assessments:update-details': notYet,
    'assessments:save-rating': notYet,
    'assessments:submit': notYet,
    'assessments:return-to-draft': notYet,
    'assessments:finalise': notYet,
    'assessments:reopen': notYet,
    'assessments:change-framework': notYet,
    'corrective-actions:list': notYet,
    'corrective-actions:update': notYet,
    'corrective-actions:verify': notYet,
  };
}
