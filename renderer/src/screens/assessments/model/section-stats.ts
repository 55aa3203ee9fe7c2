import type { ScoredItem } from '../../../../../shared/scoring';

export interface SectionStat {
  answered: number;
  total: number;
  /** Weighted % of this section's rated units (same formula as group %); null when nothing is rated. */
  pct: number | null;
  /** Units whose rating implies a non-conformity (critical, major or minor). */
  nonConformities: number;
}

/** A section's running sums; weights and ratings are small integers, so taking a unit out is exact. */
export interface SectionTally {
  answered: number;
  total: number;
  earned: number;
  possible: number;
  nonConformities: number;
}

export const emptySectionTally = (): SectionTally => ({ answered: 0, total: 0, earned: 0, possible: 0, nonConformities: 0 });

/** Counts one scored unit into (`sign` 1) or out of (-1) its section's sums. */
export function tallyItem(tally: SectionTally, item: ScoredItem, sign: 1 | -1): void {
  if (item.status === 'condition-not-met') return;
  tally.total += sign;
  if (item.status !== 'unanswered') tally.answered += sign;
  if (item.status === 'rated' && item.rating !== null) {
    tally.earned += sign * item.weight * item.rating;
    tally.possible += sign * item.weight * 3;
    if (item.rating <= 1) tally.nonConformities += sign;
  }
}

/** Progress and live % of one navigator section, from its sums. */
export function sectionStat(tally: SectionTally): SectionStat {
  return {
    answered: tally.answered,
    total: tally.total,
    pct: tally.possible === 0 ? null : (100 * tally.earned) / tally.possible,
    nonConformities: tally.nonConformities,
  };
}
