import type { FrameworkRules } from '../framework/schema';
import { criterionMinimumFailures } from './criterion-minimums';
import type { Percentage } from './percentage';
import type { Finding, GroupScore, InstitutionOutcome, Reason, ScoredItem } from './result';

export interface DecisionInput {
  overall: Percentage;
  /** Core groups only: sector modules are judged per programme (mobility readiness). */
  coreGroups: readonly GroupScore[];
  findings: readonly Finding[];
  itemsByCriterion: ReadonlyMap<string, readonly ScoredItem[]>;
}

/**
 * The institution outcome of domain notes §7.4, applied in order:
 * 1. any critical non-conformity → not recommended;
 * 2. recommended: no major finding on a critical criterion, at most rules.recommended.maxMajor majors,
 *    overall and every core group at or above their minimums, and the criterion minimums met;
 * 3. recommended with conditions: overall and every core group at or above the conditional
 *    minimums and at most rules.conditional.maxMajor majors;
 * 4. otherwise deferred.
 *
 * A group with nothing rated (pct null) fails its minimum while any of its units is unanswered, and
 * passes when every unit is excluded (N/A, condition not met, outcome not scored): a group that does
 * not apply cannot hold the institution back, but one that was skipped cannot carry it. An overall
 * with nothing rated fails.
 */
export function decideInstitutionOutcome(input: DecisionInput, rules: FrameworkRules): InstitutionOutcome {
  const critical = input.findings.filter((f) => f.class === 'critical');
  if (critical.length > 0) {
    return {
      decision: 'not-recommended',
      reasons: critical.map((f) => ({
        code: 'critical-non-conformity',
        params: { criterionId: f.criterionId, programmeId: f.programmeId },
      })),
    };
  }

  const majors = input.findings.filter((f) => f.class === 'major');
  const recommendedFailures: Reason[] = [
    ...majors
      .filter((f) => f.critical)
      .map((f) => ({ code: 'major-on-critical', params: { criterionId: f.criterionId, programmeId: f.programmeId } })),
    ...majorCountFailure(majors.length, rules.recommended.maxMajor),
    ...levelFailures(input, rules.recommended.minOverallPct, rules.recommended.minGroupPct),
    ...criterionMinimumFailures(rules.recommended.criterionMinimums, input.itemsByCriterion),
  ];
  if (recommendedFailures.length === 0) return { decision: 'recommended', reasons: [] };

  const conditionalFailures: Reason[] = [
    ...majorCountFailure(majors.length, rules.conditional.maxMajor),
    ...levelFailures(input, rules.conditional.minOverallPct, rules.conditional.minGroupPct),
  ];
  if (conditionalFailures.length === 0) return { decision: 'recommended-with-conditions', reasons: recommendedFailures };
  return { decision: 'deferred', reasons: conditionalFailures };
}

function majorCountFailure(count: number, max: number): Reason[] {
  return count > max ? [{ code: 'too-many-majors', params: { max, actual: count } }] : [];
}

function levelFailures(input: DecisionInput, minOverall: number, minGroup: number): Reason[] {
  const reasons: Reason[] = [];
  const overall = input.overall.pct;
  if (overall === null) reasons.push({ code: 'overall-not-rated', params: { required: minOverall } });
  else if (overall < minOverall) reasons.push({ code: 'overall-below', params: { required: minOverall, actual: overall } });
  for (const group of input.coreGroups) {
    if (group.pct === null) {
      if (group.unanswered > 0) reasons.push({ code: 'group-not-rated', params: { groupId: group.groupId, required: minGroup } });
    } else if (group.pct < minGroup) {
      reasons.push({ code: 'group-below', params: { groupId: group.groupId, required: minGroup, actual: group.pct } });
    }
  }
  return reasons;
}
