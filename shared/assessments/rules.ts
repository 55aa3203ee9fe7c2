import { isCriticalFor } from '../framework/lookup';
import type { Criterion, Framework, RatingValue } from '../framework/schema';
import { evidenceKind, interviewOnly, observationOrRecords } from '../scoring/evidence-rules';
import { scoreAssessment } from '../scoring/score-assessment';
import type { AssessmentScope } from '../scoring/inputs';
import type { ScoreResult } from '../scoring/result';
import type { AssessmentKind, ProgrammeSnapshot, Rating } from './schema';
import { ratingEntriesOf, unitFacts } from './scope';

/**
 * Rating rules of domain notes §7.1 that the workspace shows while the assessor works and the services
 * enforce: errors block (saving or submitting), warnings only inform. Messages are catalogue keys under
 * `assessments.rules`.
 */
export const ratingRuleCodes = [
  'naReasonRequired',
  'naNotAllowed',
  'criticalMetNeedsObsOrRec',
  'interviewOnlyCapsAtTwo',
  'metNeedsTwoEvidenceTypes',
] as const;
export type RatingRuleCode = (typeof ratingRuleCodes)[number];

export interface RatingRuleIssue {
  code: RatingRuleCode;
  severity: 'error' | 'warning';
  /** `assessments.rules.<code>` */
  message: string;
  /** The rating field the issue belongs to. */
  field: 'rating' | 'naReason' | 'evidenceSeen';
}

export interface RatingRuleInput {
  rating: Rating['rating'];
  naReason: string;
  evidenceSeen: readonly string[];
}

export interface RatingRuleUnit {
  /** Critical for this unit: always-critical, or conditionally critical where the condition holds. */
  critical: boolean;
  /** Outcome criteria are scored from their data, so evidence rules about a typed rating do not apply. */
  outcome: boolean;
}

// The evidence rules themselves live with the scoring, which applies them (shared/scoring/evidence-rules.ts).
export { evidenceKind, observationOrRecords };

export function ratingRuleIssues(input: RatingRuleInput, unit: RatingRuleUnit): RatingRuleIssue[] {
  const issues: RatingRuleIssue[] = [];
  const add = (code: RatingRuleCode, severity: RatingRuleIssue['severity'], field: RatingRuleIssue['field']) =>
    issues.push({ code, severity, message: `assessments.rules.${code}`, field });

  if (input.rating === 'na') {
    if (unit.critical) add('naNotAllowed', 'error', 'rating');
    if (input.naReason.trim() === '') add('naReasonRequired', 'error', 'naReason');
    return issues;
  }
  if (unit.outcome || input.rating === null) return issues;

  const kinds = new Set(input.evidenceSeen.map(evidenceKind));
  if (input.rating === 3 && unit.critical && !input.evidenceSeen.some((c) => observationOrRecords.includes(c))) {
    add('criticalMetNeedsObsOrRec', 'warning', 'evidenceSeen');
  }
  if (interviewOnly(input.evidenceSeen) && input.rating === 3) add('interviewOnlyCapsAtTwo', 'warning', 'rating');
  else if (input.rating === 3 && kinds.size < 2) add('metNeedsTwoEvidenceTypes', 'warning', 'evidenceSeen');
  return issues;
}

/** Whether a criterion is critical for one unit of an assessment (conditional criticality resolved). */
export function isCriticalUnit(
  framework: Pick<Framework, 'conditions'>,
  criterion: Criterion,
  programmes: readonly ProgrammeSnapshot[],
  programmeId: string | null,
): boolean {
  return isCriticalFor(criterion, unitFacts(programmes, programmeId), framework.conditions);
}

/** The 0–4 maturity lens is offered in self-assessments, for the groups the framework names (§7.2). */
export function maturityOffered(framework: Pick<Framework, 'scale'>, groupId: string, kind: AssessmentKind): boolean {
  return kind === 'self-assessment' && framework.scale.maturity !== undefined && (framework.scale.maturityGroups ?? []).includes(groupId);
}

/** Maturity maps to the inspection scale (0→0, 1→1, 2→2, 3–4→3 in the default framework). */
export function ratingFromMaturity(framework: Pick<Framework, 'scale'>, maturity: number): RatingValue | null {
  return framework.scale.maturity?.find((m) => m.value === maturity)?.mapsTo ?? null;
}

export type SubmissionBlockerCode = 'unanswered' | 'naReasonRequired' | 'naNotAllowed' | 'criticalMetNeedsReason';

/**
 * Whether a critical "Met" without observation or record evidence blocks submission until an override
 * reason is written (§7.1). Inspections and follow-ups: yes. Self-assessments: no — administrators rate
 * their own institution to prepare, the interview-only cap still applies to their score, and the card
 * still warns, but nobody signs a self-assessment as an inspection judgement.
 */
export function overrideReasonRequired(kind: AssessmentKind): boolean {
  return kind !== 'self-assessment';
}

/** The units an inspector must justify before submitting: critical, typed 3, no OBS/REC, no reason yet. */
export function overrideReasonsMissing(
  result: Pick<ScoreResult, 'items'>,
  ratings: readonly Pick<Rating, 'criterionId' | 'programmeId' | 'overrideReason'>[],
): { criterionId: string; programmeId: string | null }[] {
  const reasons = new Map(ratings.map((r) => [`${r.criterionId}@${r.programmeId ?? ''}`, r.overrideReason ?? '']));
  return result.items
    .filter((i) => i.criticalMetWithoutObsOrRec === true && (reasons.get(`${i.criterionId}@${i.programmeId ?? ''}`) ?? '').trim() === '')
    .map((i) => ({ criterionId: i.criterionId, programmeId: i.programmeId }));
}

export interface SubmissionBlocker {
  criterionId: string;
  programmeId: string | null;
  code: SubmissionBlockerCode;
}

/**
 * What must be done before an assessment can be submitted, in framework order: every applicable unit
 * answered, and every N/A justified in writing and allowed. An empty list means it can be submitted.
 * Uses the scoring functions themselves, so "answered" means exactly what the score counts.
 */
export function submissionBlockers(
  framework: Framework,
  scope: AssessmentScope,
  ratings: readonly (Pick<Rating, 'criterionId' | 'programmeId' | 'rating' | 'data' | 'naReason'> &
    Partial<Pick<Rating, 'evidenceSeen' | 'overrideReason'>>)[],
  kind?: AssessmentKind,
): SubmissionBlocker[] {
  const withEvidence = kind !== undefined;
  const entries = ratingEntriesOf(ratings, withEvidence ? new Map() : undefined);
  return blockersOf(scoreAssessment(framework, scope, entries), ratings, kind);
}

/** The same, from a score already computed from these ratings (the services score once per step). */
export function blockersOf(
  result: Pick<ScoreResult, 'items' | 'problems'>,
  ratings: readonly (Pick<Rating, 'criterionId' | 'programmeId' | 'naReason'> & Partial<Pick<Rating, 'overrideReason'>>)[],
  /** Given: also the override reasons the kind requires (overrideReasonRequired). */
  kind?: AssessmentKind,
): SubmissionBlocker[] {
  const needReason =
    kind !== undefined && overrideReasonRequired(kind)
      ? new Set(overrideReasonsMissing(result, ratings).map((u) => `${u.criterionId}@${u.programmeId ?? ''}`))
      : new Set<string>();
  const naNotAllowed = new Set(
    result.problems.filter((p) => p.code === 'na-not-allowed').map((p) => `${p.criterionId}@${p.programmeId ?? ''}`),
  );
  const reasons = new Map(ratings.map((r) => [`${r.criterionId}@${r.programmeId ?? ''}`, r.naReason]));
  const blockers: SubmissionBlocker[] = [];
  for (const item of result.items) {
    const key = `${item.criterionId}@${item.programmeId ?? ''}`;
    const unit = { criterionId: item.criterionId, programmeId: item.programmeId };
    if (naNotAllowed.has(key)) blockers.push({ ...unit, code: 'naNotAllowed' });
    else if (item.status === 'unanswered') blockers.push({ ...unit, code: 'unanswered' });
    else if (item.status === 'na' && (reasons.get(key) ?? '').trim() === '') blockers.push({ ...unit, code: 'naReasonRequired' });
    else if (needReason.has(key)) blockers.push({ ...unit, code: 'criticalMetNeedsReason' });
  }
  return blockers;
}
