import type { Framework } from '../framework/schema';
import { applicableItems } from './applicable-items';
import type { ApplicableItem } from './applicable-items';
import type { AssessmentScope, DataValues, RatingAnswer, RatingEntry, ScopeProgramme } from './inputs';

/** Test scope for the fixture framework: p1 is a mobility track teaching welding, p2 is neither. */
export const p1: ScopeProgramme = {
  id: 'p1',
  title: 'Welding (mobility)',
  facts: { sector: 'construction', mobilityTrack: true, activities: ['welding-cutting'] },
};
export const p2: ScopeProgramme = { id: 'p2', title: 'Masonry', facts: { sector: 'construction', mobilityTrack: false, activities: [] } };
export const twoProgrammes: AssessmentScope = { programmes: [p1, p2] };

/** Outcome data that lights green in the fixture (completion 90 %, placement 70 % at 80 % response). */
export const greenData: Record<string, DataValues> = {
  'OI-03': { cohort_entrants: 50, cohort_completers: 45 },
  'OI-05': { completers_traced: 40, tracer_response_rate_pct: 80, placed_6m_pct: 70 },
};

export type Override = RatingAnswer | { rating?: RatingAnswer; data: DataValues };

/**
 * One entry per applicable unit: 3 (and green data for outcome criteria) unless overridden.
 * Overrides are keyed "CRITERION" (every unit of it) or "CRITERION@programme" (one unit).
 */
export function answerAll(framework: Framework, scope: AssessmentScope, overrides: Record<string, Override> = {}): RatingEntry[] {
  return applicableItems(framework, scope).map((item) => entryFor(item, overrides));
}

function entryFor(item: ApplicableItem, overrides: Record<string, Override>): RatingEntry {
  const unit = { criterionId: item.criterionId, programmeId: item.programmeId };
  const key = `${item.criterionId}@${item.programmeId ?? 'institution'}`;
  const override = Object.hasOwn(overrides, key) ? overrides[key] : overrides[item.criterionId];
  const data = greenData[item.criterionId];
  if (override === undefined) return { ...unit, rating: data === undefined ? 3 : null, ...(data === undefined ? {} : { data }) };
  if (override !== null && typeof override === 'object') return { ...unit, rating: override.rating ?? null, data: override.data };
  return { ...unit, rating: override, ...(data === undefined ? {} : { data }) };
}
