import type { FrameworkRules, RatingValue } from '../framework/schema';

export type FindingClass = 'critical' | 'major' | 'minor' | 'observation';

/**
 * Finding classes of domain notes §7.4: a critical criterion at 0 is a critical non-conformity; a
 * critical criterion at 1, or any other at 0, a major one; a non-critical criterion at 1 a minor one;
 * a 2 is an observation (opportunity to improve); a 3 is no finding.
 */
export function classifyFinding(rating: RatingValue, critical: boolean): FindingClass | null {
  switch (rating) {
    case 0:
      return critical ? 'critical' : 'major';
    case 1:
      return critical ? 'major' : 'minor';
    case 2:
      return 'observation';
    case 3:
      return null;
  }
}

/**
 * Days allowed to close a finding, from the framework's rules. An observation needs no corrective
 * action, so it has no due date (null).
 */
export function correctiveActionDueDays(findingClass: FindingClass, rules: Pick<FrameworkRules, 'correctiveActionDays'>): number | null {
  return findingClass === 'observation' ? null : rules.correctiveActionDays[findingClass];
}
