import type { Criterion, FrameworkRules, Outcome, RatingValue } from '../framework/schema';
import type { DataValues } from './inputs';
import { computeDerived } from './derived';

export type TrafficLight = 'green' | 'amber' | 'red';

/**
 * rated: scored from the light (missing data is also scored: 0).
 * report-only: cohort below rules.minCohort — shown, not scored (small cohorts make rates unstable).
 * insufficient-data: tracer response below rules.minTracerResponsePct — shown, not scored.
 */
export type OutcomeStatus = 'rated' | 'missing' | 'report-only' | 'insufficient-data';

export interface OutcomeEvaluation {
  /** Null unless the status is 'rated': an unscored rate is reported without a judgement. */
  light: TrafficLight | null;
  status: OutcomeStatus;
  /** The judged value (e.g. completion rate %), when known, whatever the status. */
  value: number | null;
  /** Green 3, amber 2, red 1, missing 0; null when not scored. */
  rating: RatingValue | null;
  /** The cohort size when the outcome declares a cohort field; used for required improvement actions. */
  cohort: number | null;
}

const ratingOfLight: Record<TrafficLight, RatingValue> = { green: 3, amber: 2, red: 1 };

/**
 * Scores an outcome criterion from its data (domain notes §6.1 benchmarks and §7.4): green 3, amber 2,
 * red 1, missing or unverifiable 0. The small-cohort and low-response rules come first, because a rate
 * from too few people is not evidence either way. A declared cohort or response-rate field that is
 * empty makes the result unverifiable, so it scores 0 like missing data.
 */
export function evaluateOutcome(
  criterion: Pick<Criterion, 'dataFields' | 'outcome'>,
  data: DataValues | undefined,
  rules: Pick<FrameworkRules, 'minCohort' | 'minTracerResponsePct'>,
): OutcomeEvaluation {
  const outcome = criterion.outcome;
  if (outcome === undefined) throw new TypeError('evaluateOutcome: the criterion has no outcome benchmark.');
  const values = computeDerived(criterion.dataFields ?? [], data);
  const numeric = (id: string | undefined): number | null => {
    if (id === undefined) return null;
    const value = values[id];
    return typeof value === 'number' ? value : null;
  };
  const value = numeric(outcome.field);
  const cohort = numeric(outcome.cohortField);
  const responseRate = numeric(outcome.responseRateField);
  const notScored = (status: OutcomeStatus): OutcomeEvaluation => ({ light: null, status, value, rating: null, cohort });

  if (cohort !== null && cohort < rules.minCohort) return notScored('report-only');
  if (responseRate !== null && responseRate < rules.minTracerResponsePct) return notScored('insufficient-data');
  const unverifiable =
    value === null ||
    (outcome.cohortField !== undefined && cohort === null) ||
    (outcome.responseRateField !== undefined && responseRate === null);
  if (unverifiable) return { light: null, status: 'missing', value, rating: 0, cohort };

  const light = lightOf(outcome, value);
  return { light, status: 'rated', value, rating: ratingOfLight[light], cohort };
}

export function lightOf(outcome: Pick<Outcome, 'direction' | 'green' | 'amber'>, value: number): TrafficLight {
  if (outcome.direction === 'higherIsBetter') {
    if (value >= outcome.green) return 'green';
    return value >= outcome.amber ? 'amber' : 'red';
  }
  if (value <= outcome.green) return 'green';
  return value <= outcome.amber ? 'amber' : 'red';
}
