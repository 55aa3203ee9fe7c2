import type { AssessmentStatus } from '../../../../shared/assessments/schema';

export const guideSteps = ['rate', 'score', 'submit', 'report', 'review', 'sign', 'done'] as const;
export type GuideStep = (typeof guideSteps)[number];

/** What the services say about the sample. */
export interface SampleProgress {
  status: AssessmentStatus;
  /** Applicable units still unanswered. */
  toRate: number;
  signedReports: number;
  /**
   * Submitted, and the acting person may not finalise it (shared/settings/roles.ts `finaliseRefusal`):
   * a different reviewer must take over before it can be finalised and signed.
   */
  needsReviewer: boolean;
}

/** What only the window knows: steps that are about looking, not about changing data. */
export interface GuideMarks {
  lookedAtScore: boolean;
  openedReport: boolean;
}

/**
 * The step the user is on: the first one not yet done. Later facts settle earlier steps, so someone
 * who submitted without pressing "I have looked at the score" is not sent back to it.
 */
export function currentStep(progress: SampleProgress, marks: GuideMarks): GuideStep {
  if (progress.signedReports > 0) return 'done';
  if (progress.status !== 'draft') {
    if (!marks.openedReport) return 'report';
    return progress.status === 'submitted' && progress.needsReviewer ? 'review' : 'sign';
  }
  if (progress.toRate > 0) return 'rate';
  return marks.lookedAtScore ? 'submit' : 'score';
}
