import type { AssessmentKind, AssessmentStatus } from './schema';

/** What the choice needs to know of an assessment (a summary or a full assessment will do). */
export interface ComparableAssessment {
  kind: AssessmentKind;
  status: AssessmentStatus;
  updatedAt: string;
}

/**
 * The self-assessment an inspection is compared with (domain notes §7.2), wherever the comparison is
 * shown: the inspection's workspace, the gap view and the report. It is the institution's latest
 * finalised self-assessment, else its latest submitted one. A draft is never chosen: until the
 * institution submits it, it is work in progress, not the institution's statement about itself.
 */
export function selfAssessmentToCompare<T extends ComparableAssessment>(items: readonly T[]): T | undefined {
  const statements = newestFirst(items.filter((a) => a.kind === 'self-assessment' && a.status !== 'draft'));
  return statements.find((a) => a.status === 'finalised') ?? statements[0];
}

/**
 * The self-assessment a screen where the user picks both sides (the gap view) starts with: the one
 * above, else — when the institution has only drafts — its newest draft, which the picker labels as a
 * draft. Automatic comparisons (the workspace, the report) use `selfAssessmentToCompare` only.
 */
export function selfAssessmentToOffer<T extends ComparableAssessment>(items: readonly T[]): T | undefined {
  return selfAssessmentToCompare(items) ?? newestFirst(items.filter((a) => a.kind === 'self-assessment'))[0];
}

function newestFirst<T extends ComparableAssessment>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
