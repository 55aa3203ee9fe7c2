import type { Criterion, DataField, FrameworkRules, RatingValue } from '../framework/schema';
import { computeDerived } from './derived';
import type { DataValues } from './inputs';
import { evaluateOutcome } from './outcome-light';
import type { OutcomeEvaluation } from './outcome-light';

/**
 * How a criterion scored from its figures (an outcome benchmark: LS-03, IL-03, OI-03/05/06/07 in the
 * default framework) counts. It is what `resolveRatings` gives the unit, so the card, the score panel,
 * the corrective actions and the report cannot disagree: a typed 0–3 never decides it (domain notes
 * §7.4: scored from the traffic light; missing or unverifiable data score 0).
 *
 * - unanswered: nothing recorded yet (no figure, not even one recorded as "not kept");
 * - na: marked not applicable (whether that is allowed is the caller's rule: never on a critical unit);
 * - rated: scored from the light, or 0 because figures are missing (`missing` then names them);
 * - report-only / insufficient-data: shown, not scored (small cohort, low tracer response).
 */
export interface FiguresRating {
  status: 'unanswered' | 'na' | 'rated' | 'report-only' | 'insufficient-data';
  rating: RatingValue | null;
  outcome: OutcomeEvaluation | null;
  /** The typed figures the judgement needs that are missing or unusable, in the criterion's field order. */
  missing: string[];
}

/** Whether a criterion is scored from its figures rather than rated with a key. */
export function scoredFromFigures(criterion: Pick<Criterion, 'outcome'> | undefined): boolean {
  return criterion?.outcome !== undefined;
}

/**
 * The typed figures a criterion's judgement rests on: the judged value, the cohort and the response
 * rate, each traced back through derived fields to the figures a person types. In field order.
 */
export function figuresNeeded(criterion: Pick<Criterion, 'dataFields' | 'outcome'>): string[] {
  const outcome = criterion.outcome;
  if (outcome === undefined) return [];
  const fields = criterion.dataFields ?? [];
  const byId = new Map(fields.map((f) => [f.id, f]));
  const needed = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string | undefined) => {
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    const field = byId.get(id);
    if (field === undefined) return;
    if (field.derived === undefined) needed.add(id);
    else for (const input of derivedInputs(field.derived)) visit(input);
  };
  visit(outcome.field);
  visit(outcome.cohortField);
  visit(outcome.responseRateField);
  return fields.filter((f) => needed.has(f.id)).map((f) => f.id);
}

function derivedInputs(derived: NonNullable<DataField['derived']>): string[] {
  return derived.op === 'ratioPct' ? [derived.numerator, derived.denominator] : [derived.a, derived.b];
}

/** The needed figures that have no usable value (absent, recorded as not kept, or outside the field's range). */
export function missingFigures(criterion: Pick<Criterion, 'dataFields' | 'outcome'>, data: DataValues | undefined): string[] {
  const values = computeDerived(criterion.dataFields ?? [], data);
  return figuresNeeded(criterion).filter((id) => values[id] === null || values[id] === undefined);
}

/**
 * "No figures are kept": every needed figure recorded as null. It answers the unit, which then scores
 * 0 like any missing data (§7.1: absence of evidence counts as not met).
 */
export function noFiguresKept(criterion: Pick<Criterion, 'dataFields' | 'outcome'>): DataValues {
  return Object.fromEntries(figuresNeeded(criterion).map((id) => [id, null]));
}

/** Any recorded field, even one recorded as null ("no data kept"), answers a unit scored from figures. */
export function hasFigures(data: DataValues | undefined): boolean {
  return data !== undefined && Object.keys(data).length > 0;
}

/**
 * The rating that counts for a unit scored from its figures. A typed rating (stored by older versions,
 * or imported) only marks the unit as answered, as it always has, so stored assessments score the same.
 */
export function ratingFromFigures(
  criterion: Pick<Criterion, 'dataFields' | 'outcome'>,
  rating: unknown,
  data: DataValues | undefined,
  rules: Pick<FrameworkRules, 'minCohort' | 'minTracerResponsePct'>,
): FiguresRating {
  if (rating === 'na') return { status: 'na', rating: null, outcome: null, missing: [] };
  if ((rating === null || rating === undefined) && !hasFigures(data)) {
    return { status: 'unanswered', rating: null, outcome: null, missing: missingFigures(criterion, data) };
  }
  const outcome = evaluateOutcome(criterion, data, rules);
  if (outcome.status === 'report-only' || outcome.status === 'insufficient-data')
    return { status: outcome.status, rating: null, outcome, missing: [] };
  return { status: 'rated', rating: outcome.rating, outcome, missing: outcome.status === 'missing' ? missingFigures(criterion, data) : [] };
}
