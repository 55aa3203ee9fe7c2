import type { ProgrammeFacts } from '../framework/programme-facts';
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

/** mulberry32: a tiny seeded generator, so every run sees the same "random" cases. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

/** A random scope of up to three programmes over the fixture framework's sectors and activities. */
export function randomScope(random: () => number): AssessmentScope {
  const count = Math.floor(random() * 4);
  return {
    programmes: Array.from({ length: count }, (_, i) => {
      const facts: ProgrammeFacts = {
        sector: pick(random, ['construction', 'construction', 'ict', 'other'] as const),
        mobilityTrack: random() < 0.5,
        activities: random() < 0.5 ? ['welding-cutting'] : [],
      };
      return { id: `p${i}`, facts };
    }),
  };
}

/** Random figures (some missing) for the fixture's figure-scored criteria. */
export function randomData(random: () => number, criterionId: string): DataValues | undefined {
  const n = () => (random() < 0.15 ? null : Math.floor(random() * 60));
  if (criterionId === 'OI-03') return { cohort_entrants: n(), cohort_completers: n() };
  if (criterionId === 'OI-05') return { completers_traced: n(), tracer_response_rate_pct: n(), placed_6m_pct: n() };
  return undefined;
}
