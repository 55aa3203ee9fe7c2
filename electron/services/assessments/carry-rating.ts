import { keepValidDataValues } from '../../../shared/assessments/data-values';
import { maturityOffered, ratingFromMaturity } from '../../../shared/assessments/rules';
import type { AssessmentKind, Rating } from '../../../shared/assessments/schema';
import { unitKey } from '../../../shared/assessments/scope';
import type { RatingValues } from './rating-repository';
import type { UnitIndex } from './unit-index';

/**
 * A rating carried into another framework version or a follow-up, made valid there: evidence codes and
 * data fields the target no longer declares are dropped, an N/A that is not allowed there (or a rating
 * on a unit whose condition no longer holds) goes back to unanswered, and a maturity level is kept only
 * where the lens is offered and still matches the rating. Undefined when the unit does not exist there.
 */
export function carryRating(r: Rating, index: UnitIndex, kind: AssessmentKind): RatingValues | undefined {
  const unit = index.units.get(unitKey(r.criterionId, r.programmeId));
  const placed = index.criteria.get(r.criterionId);
  if (unit === undefined || placed === undefined) return undefined;
  let rating = r.rating;
  if (!unit.applicable || (rating === 'na' && unit.critical)) rating = null;
  const maturity =
    r.maturity !== null &&
    maturityOffered(index.framework, placed.groupId, kind) &&
    ratingFromMaturity(index.framework, r.maturity) === rating
      ? r.maturity
      : null;
  return {
    criterionId: r.criterionId,
    programmeId: r.programmeId,
    rating,
    naReason: r.naReason,
    note: r.note,
    data: keepValidDataValues(placed.criterion, r.data),
    maturity,
    evidenceSeen: r.evidenceSeen.filter((code) => index.evidenceCodes.has(code)),
  };
}

/** Whether carrying changed anything that is stored. */
export function sameRatingValues(a: RatingValues, b: RatingValues): boolean {
  return (
    a.rating === b.rating &&
    a.naReason === b.naReason &&
    a.note === b.note &&
    a.maturity === b.maturity &&
    JSON.stringify(a.data) === JSON.stringify(b.data) &&
    JSON.stringify(a.evidenceSeen) === JSON.stringify(b.evidenceSeen)
  );
}
