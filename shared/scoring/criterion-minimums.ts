import type { CriterionMinimum } from '../framework/schema';
import type { Reason, ScoredItem } from './result';

/**
 * Checks "criterion X at least rating R" rules over the units of those criteria, optionally only the
 * units that concern one programme (its own units and the institution-level ones).
 *
 * A unit that is N/A or whose condition does not hold is skipped: the rule does not apply to it. A
 * unit that is unanswered, or an outcome that could not be scored, fails: the minimum is not shown to
 * be met. A criterion with no units in scope is skipped.
 */
export function criterionMinimumFailures(
  minimums: readonly CriterionMinimum[],
  itemsByCriterion: ReadonlyMap<string, readonly ScoredItem[]>,
  programmeId?: string,
): Reason[] {
  const reasons: Reason[] = [];
  for (const minimum of minimums) {
    for (const item of itemsByCriterion.get(minimum.criterion) ?? []) {
      if (programmeId !== undefined && item.programmeId !== null && item.programmeId !== programmeId) continue;
      if (item.status === 'na' || item.status === 'condition-not-met') continue;
      if (item.rating !== null && item.rating >= minimum.minRating) continue;
      reasons.push({
        code: 'criterion-below-minimum',
        params: { criterionId: item.criterionId, programmeId: item.programmeId, required: minimum.minRating, actual: item.rating },
      });
    }
  }
  return reasons;
}
