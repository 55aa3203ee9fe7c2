import type { SamplingRule } from '../framework/schema';

/** How many to check, out of how many (null: the figure is not recorded, so `n` is the rule's minimum). */
export interface SampleSize {
  n: number;
  total: number | null;
}

/**
 * Learner files to check in one programme: the larger of the rule's minimum and its percentage of the
 * learners enrolled (rounded up), at most its maximum, and never more files than there are learners.
 */
export function learnerFileSample(rule: SamplingRule['learnerFiles'], enrolled: number | null): SampleSize {
  if (enrolled === null) return { n: rule.minimum, total: null };
  const n = Math.min(rule.maximum, Math.max(rule.minimum, Math.ceil((enrolled * rule.pct) / 100)));
  return { n: Math.min(n, enrolled), total: enrolled };
}

/**
 * Placements to confirm by phone: the rule's percentage of the placements reported (rounded up), at
 * least its minimum, and never more calls than placements reported.
 */
export function placementCheckSample(rule: SamplingRule['placementPhoneChecks'], placements: number | null): SampleSize {
  if (placements === null) return { n: rule.minimum, total: null };
  const n = Math.max(rule.minimum, Math.ceil((placements * rule.pct) / 100));
  return { n: Math.min(n, placements), total: placements };
}
