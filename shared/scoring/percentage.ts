/**
 * A weighted percentage (domain notes §7.3): 100 × Σ(weight × rating) ÷ Σ(weight × 3) over units that
 * were rated and are not N/A. Weights and ratings are small integers, so earned and possible are exact
 * integers and the only rounding is the final division; threshold comparisons use `pct` at full
 * precision.
 */
export interface Percentage {
  /** Null when nothing was rated. */
  pct: number | null;
  /**
   * `pct` rounded DOWN to one decimal, for display. Rounding down means the figure shown never reads
   * as meeting a threshold that the full value misses (74.96 shows as 74.9, not 75.0).
   */
  pctRounded: number | null;
  earned: number;
  possible: number;
  /** Number of rated units counted. */
  rated: number;
}

export interface Tally {
  earned: number;
  possible: number;
  rated: number;
}

export function emptyTally(): Tally {
  return { earned: 0, possible: 0, rated: 0 };
}

export function addToTally(tally: Tally, weight: number, rating: number): void {
  tally.earned += weight * rating;
  tally.possible += weight * 3;
  tally.rated += 1;
}

export function percentageOf(tally: Tally): Percentage {
  if (tally.possible === 0) return { pct: null, pctRounded: null, ...tally };
  return {
    pct: (100 * tally.earned) / tally.possible,
    // Integer numerator and denominator: the floor is exact for any realistic framework size.
    pctRounded: Math.floor((1000 * tally.earned) / tally.possible) / 10,
    ...tally,
  };
}
