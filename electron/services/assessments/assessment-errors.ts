import type { AssessmentKind, AssessmentStatus } from '../../../shared/assessments/schema';
import { AppError, type Issue } from '../../../shared/ipc/result';
import type { UserRole } from '../../../shared/settings/schema';
import type { FinaliseRefusal } from '../../../shared/settings/roles';

/** Plain-English messages; field-level issues carry catalogue keys the UI translates. */
export function finalisedLocked(): AppError {
  return new AppError('locked', 'This assessment is finalised and locked. Reopen it to make a new revision; this one stays as it is.');
}

export function submittedLocked(): AppError {
  return new AppError('locked', 'This assessment is submitted for review and cannot be changed. Return it to draft to edit it.');
}

/** Ratings and details change only in a draft. */
export function assertDraft(status: AssessmentStatus): void {
  if (status === 'finalised') throw finalisedLocked();
  if (status === 'submitted') throw submittedLocked();
}

export function staleAssessment(): AppError {
  return new AppError(
    'conflict',
    'This assessment was changed elsewhere since you opened it. Reload to see the latest version, then try again.',
  );
}

export function assessmentNotFound(): AppError {
  return new AppError('not-found', 'No assessment has this id.');
}

export function invalid(message: string, issues: Issue[]): AppError {
  return new AppError('validation', message, issues);
}

/** The role of the acting person does not start this kind (shared/settings/roles.ts, kindsFor). */
export function kindNotForRole(kind: AssessmentKind, role: UserRole): AppError {
  return new AppError('forbidden', `A user with the role ${role} cannot start an assessment of kind ${kind}; start a self-assessment.`, [
    { path: ['kind'], message: 'assessments.roles.kindNotForRole' },
  ]);
}

/** Four eyes (shared/settings/roles.ts, finaliseRefusal): the issue's key says which rule refused. */
export function finaliseRefused(reason: FinaliseRefusal): AppError {
  const message =
    reason === 'ownSubmission'
      ? 'You submitted this inspection; a different reviewer must finalise it.'
      : 'An institution administrator cannot finalise an inspection or a follow-up; an inspector or head office finalises it.';
  return new AppError('forbidden', message, [{ path: [], message: `assessments.roles.${reason}` }]);
}
