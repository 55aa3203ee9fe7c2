import { attachedTypesByUnit } from './rating-repository';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ratingEntriesOf } from '../../../shared/assessments/scope';
import type { Rating } from '../../../shared/assessments/schema';
import type { Framework } from '../../../shared/framework/schema';
import { scoreAssessment, type AssessmentScope, type ScoreResult } from '../../../shared/scoring';
import { canonicalJson } from '../../../shared/util/canonical-json';

type ScoredRating = Pick<Rating, 'criterionId' | 'programmeId' | 'rating' | 'data' | 'evidenceSeen'>;

/** A fingerprint of the whole result: recomputing years later must give the same one. */
export function scoreFingerprint(result: ScoreResult): string {
  return createHash('sha256').update(canonicalJson(result)).digest('hex');
}

/**
 * The authoritative score of an assessment, with the §7.1 evidence rules (interview-only caps at 2).
 *
 * A submitted or finalised assessment keeps the result it recorded: one scored before the evidence rules
 * existed (its stored fingerprint matches the score without them, not with them) is scored as it was,
 * so a finalised score and a signed report never change. Draft assessments (no fingerprint) and every
 * assessment recorded since always get the rules. Deterministic: same inputs, same result.
 */
export function scoreAsRecorded(
  framework: Framework,
  scope: AssessmentScope,
  ratings: readonly ScoredRating[],
  attached: ReadonlyMap<string, readonly string[]>,
  recordedFingerprint: string,
): ScoreResult {
  const withRules = scoreAssessment(framework, scope, ratingEntriesOf(ratings, attached));
  if (recordedFingerprint === '' || scoreFingerprint(withRules) === recordedFingerprint) return withRules;
  const asBefore = scoreAssessment(framework, scope, ratingEntriesOf(ratings));
  return scoreFingerprint(asBefore) === recordedFingerprint ? asBefore : withRules;
}

/** The evidence types of files attached to each unit (by unitKey), read with plain SQL for callers without a repository. */
export function attachedTypesIn(db: Database.Database, assessmentId: string): Map<string, string[]> {
  const rows = db
    .prepare<[string], { criterion_id: string; programme_id: string; evidence_type: string }>(
      `SELECT l.criterion_id, l.programme_id, i.evidence_type FROM evidence_links l
       JOIN evidence_items i ON i.id = l.evidence_item_id AND i.assessment_id = l.assessment_id
       WHERE l.assessment_id = ? ORDER BY l.criterion_id, l.programme_id, i.evidence_type`,
    )
    .all(assessmentId);
  return attachedTypesByUnit(rows);
}
