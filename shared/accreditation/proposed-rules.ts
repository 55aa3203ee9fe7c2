import type { AccreditationCycleRule, FrameworkRules, SamplingRule } from '../framework/schema';

/**
 * The accreditation cycle and sampling figures the project proposes (domain-notes §7.4, "Validity
 * (proposal)" and "Sampling (proposal)"). No published BTEB, NSDA or Skills 21 figure was found for
 * validity periods, appeal periods or sample sizes (domain-notes §9, items 2 and 11), so every figure here
 * is marked `proposal: true` and the app labels it as a proposal, not an official standard.
 *
 * A framework may carry its own figures in `rules.accreditationCycle` / `rules.sampling`; framework
 * 1.0.0 has neither, and then these apply.
 */
export const PROPOSED_ACCREDITATION_CYCLE: AccreditationCycleRule = Object.freeze({
  validityMonths: Object.freeze({ recommended: 24, 'recommended-with-conditions': 12 }),
  appealDays: 30,
  proposal: true,
});

export const PROPOSED_SAMPLING: SamplingRule = Object.freeze({
  // 10 learner files per programme or 10 %, whichever is larger, at most 30.
  learnerFiles: Object.freeze({ minimum: 10, pct: 10, maximum: 30 }),
  // Phone-check 10 % of reported placements, at least 5.
  placementPhoneChecks: Object.freeze({ pct: 10, minimum: 5 }),
  proposal: true,
});

/** The framework's own accreditation cycle, or the project's proposal when the framework has none. */
export function accreditationCycleOf(rules: Pick<FrameworkRules, 'accreditationCycle'>): AccreditationCycleRule {
  return rules.accreditationCycle ?? PROPOSED_ACCREDITATION_CYCLE;
}

/** The framework's own sampling rule, or the project's proposal when the framework has none. */
export function samplingOf(rules: Pick<FrameworkRules, 'sampling'>): SamplingRule {
  return rules.sampling ?? PROPOSED_SAMPLING;
}
