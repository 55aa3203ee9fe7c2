import type { UserRole } from '../../../shared/settings/schema';
import type { AppServices } from '../app-services';

/** The reviewer who finalises in tests: never the person who submitted (four eyes, shared/settings/roles.ts). */
export const testReviewer = { userName: 'Shirin Akhter (reviewer)', role: 'head-office' } as const;

/**
 * Runs `work` as another person, the way a shared laptop does it: the profile is switched (a logged
 * settings change, like the profile screen makes) and back afterwards, also when `work` throws or its
 * promise rejects.
 */
export function actingAs<T>(s: AppServices, person: { userName: string; role: UserRole }, work: () => T): T {
  const { userName, role } = s.settings.get();
  s.settings.update(person);
  const restore = () => void s.settings.update({ userName, role });
  let result: T;
  try {
    result = work();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/** Runs `work` as the reviewer: a different person from whoever submitted. */
export function asReviewer<T>(s: AppServices, work: () => T): T {
  return actingAs(s, testReviewer, work);
}

/** The second reviewer who countersigns a negative outcome in tests: neither the lead inspector, the submitter nor testReviewer. */
export const testCountersigner = { userName: 'Kamal Hossain (second reviewer)', role: 'head-office' } as const;

/**
 * Finalises a submitted assessment as the reviewer; a "not recommended" inspection is first countersigned
 * by the second reviewer, as the services require (electron/services/accreditation).
 */
export function finaliseAsReviewer(s: AppServices, id: string, revision: number) {
  let current = revision;
  if (s.accreditation.forAssessment(id).countersignRequired) {
    actingAs(s, testCountersigner, () => s.accreditation.countersign({ assessmentId: id, revision, comment: '' }));
    current = s.assessments.get(id).assessment.revision;
  }
  return asReviewer(s, () => s.workflow.finalise(id, current));
}

/** Submits a draft as the current user and finalises it as the reviewer (countersigned first when negative). */
export function submitAndFinalise(s: AppServices, id: string) {
  const submitted = s.workflow.submit(id, s.assessments.get(id).assessment.revision);
  return finaliseAsReviewer(s, id, submitted.revision);
}
