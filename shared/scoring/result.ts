import type { FrameworkGroup, RatingValue, Sector } from '../framework/schema';
import type { ApplicableItem } from './applicable-items';
import type { FindingClass } from './findings';
import type { OutcomeEvaluation } from './outcome-light';
import type { Percentage } from './percentage';

/**
 * rated: counts in the score (for outcome criteria this includes missing data, scored 0).
 * na: the inspector marked it not applicable (excluded).
 * condition-not-met: its appliesWhen condition does not hold (excluded, no reason needed).
 * report-only / insufficient-data: an outcome shown but not scored (excluded).
 * unanswered: not yet rated (excluded; the result is then not complete).
 */
export type ItemStatus = 'rated' | 'na' | 'condition-not-met' | 'report-only' | 'insufficient-data' | 'unanswered';

export interface ScoredItem extends ApplicableItem {
  status: ItemStatus;
  /** The effective rating when status is 'rated' (for outcome criteria: from the traffic light). */
  rating: RatingValue | null;
  /** The traffic-light evaluation for outcome criteria that were answered; otherwise null. */
  outcome: OutcomeEvaluation | null;
  /**
   * Present only when the evidence rules (evidence-rules.ts) lowered the typed rating: the typed rating,
   * and why `rating` is lower. Absent otherwise, so results without such units are unchanged.
   */
  typed?: RatingValue;
  capped?: 'interview-only';
  /** Present only for a critical unit typed 3 ("Met") without observation or record evidence (§7.1). */
  criticalMetWithoutObsOrRec?: true;
}

export interface GroupScore extends Percentage {
  groupId: string;
  kind: FrameworkGroup['kind'];
  sector: Sector | null;
  /** Units still to rate in this group. */
  unanswered: number;
  /** Units excluded from the score (N/A, condition not met, outcome not scored). */
  excluded: number;
}

export interface Finding {
  criterionId: string;
  groupId: string;
  programmeId: string | null;
  class: FindingClass;
  /** Whether the criterion is critical for this unit (conditional criticality resolved). */
  critical: boolean;
  safety: boolean;
  rating: RatingValue;
  /** Days to close it with evidence (rules.correctiveActionDays); null for observations. */
  dueDays: number | null;
}

export type InstitutionDecision = 'recommended' | 'recommended-with-conditions' | 'deferred' | 'not-recommended';

/** A machine-readable reason; the UI translates `code` and fills in `params`. */
export interface Reason {
  code: string;
  params: Record<string, string | number | null>;
}

export interface InstitutionOutcome {
  decision: InstitutionDecision;
  /**
   * Why the result is not the next better class: the critical non-conformities for 'not-recommended',
   * the unmet "with conditions" requirements for 'deferred', the unmet "recommended" requirements for
   * 'recommended-with-conditions'; empty for 'recommended'.
   */
  reasons: Reason[];
}

export interface StopUseNotice {
  criterionId: string;
  groupId: string;
  programmeId: string | null;
}

/** A required improvement action raised automatically (a red outcome on a large enough cohort). */
export interface RequiredAction {
  code: 'red-outcome';
  /** Where the action is recorded (rules.redOutcomeActionCriterion, QC-06 in the default framework). */
  criterionId: string;
  sourceCriterionId: string;
  programmeId: string | null;
  params: { value: number | null; cohort: number | null };
}

export interface MobilityReadiness {
  ready: boolean;
  reasons: Reason[];
}

export interface ProgrammeResult {
  programmeId: string;
  /** The sector module that applies to this programme, if the framework has one for its sector. */
  sectorGroupId: string | null;
  sectorModule: Percentage | null;
  /** Only for programmes on a mobility track; null otherwise. */
  mobilityReady: MobilityReadiness | null;
}

export interface ScoringProblem {
  code: 'duplicate-rating' | 'rating-outside-scope' | 'na-not-allowed' | 'invalid-rating' | 'duplicate-programme';
  criterionId: string | null;
  programmeId: string | null;
}

export interface ScoreCounts {
  /** Applicable units (condition-not-met units are not counted). */
  total: number;
  /** Units with an answer: rated, N/A, or an outcome reported but not scored. */
  answered: number;
  unanswered: number;
  na: number;
  conditionNotMet: number;
  reportOnly: number;
  insufficientData: number;
}

export interface ScoreResult {
  frameworkId: string;
  frameworkVersion: string;
  /** False while any applicable unit is unanswered: the outcome is then provisional. */
  complete: boolean;
  counts: ScoreCounts;
  /** Over core groups only. */
  overall: Percentage;
  groups: GroupScore[];
  programmes: ProgrammeResult[];
  items: ScoredItem[];
  findings: Finding[];
  outcome: InstitutionOutcome;
  stopUseNotices: StopUseNotice[];
  requiredActions: RequiredAction[];
  /** Input that was ignored or could not be used, sorted; empty for clean input. */
  problems: ScoringProblem[];
}
