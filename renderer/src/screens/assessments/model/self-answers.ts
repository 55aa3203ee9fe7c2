import type { Framework } from '../../../../../shared/framework/schema';
import type { Assessment, Rating } from '../../../../../shared/assessments/schema';
import { ratingEntriesOf, scopeOf, unitKey } from '../../../../../shared/assessments/scope';
import { scoreAssessment } from '../../../../../shared/scoring';
import type { RatingAnswer, ScoredItem } from '../../../../../shared/scoring';

/** A unit's effective answer: 0–3 (outcome criteria from their data), 'na', or null (not answered). */
export function answerOf(item: ScoredItem): RatingAnswer {
  if (item.status === 'rated') return item.rating;
  return item.status === 'na' ? 'na' : null;
}

/** The effective answers of an assessment by unit key, scored the same way as the gap view. */
export function effectiveAnswers(
  framework: Framework,
  assessment: Pick<Assessment, 'programmes'>,
  ratings: readonly Rating[],
): Map<string, RatingAnswer> {
  const result = scoreAssessment(framework, scopeOf(assessment.programmes), ratingEntriesOf(ratings));
  return new Map(result.items.map((i) => [unitKey(i.criterionId, i.programmeId), answerOf(i)]));
}
