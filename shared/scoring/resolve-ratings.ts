import type { Criterion, FrameworkRules, RatingValue } from '../framework/schema';
import type { ApplicableItem } from './applicable-items';
import type { RatingEntry } from './inputs';
import { applyEvidenceRules } from './evidence-rules';
import { ratingFromFigures } from './figures-rating';
import type { OutcomeEvaluation } from './outcome-light';
import type { ScoredItem, ScoringProblem } from './result';

interface Slot {
  entry: RatingEntry;
  conflict: boolean;
  used: boolean;
}

/**
 * Matches rating entries to units of audit and works out each unit's effective rating.
 *
 * The result does not depend on the order of `ratings`: two entries for the same unit that disagree
 * leave the unit unanswered (and are reported) instead of letting the last one win.
 * Other rules: N/A is refused on a unit that is critical for its programme (§7.1: never for critical
 * criteria; a conditional one may be N/A only when its condition is false) and the unit stays
 * unanswered; outcome criteria are scored from their data (`ratingFromFigures`), so a typed 0–3 there
 * (stored before the services refused one, or imported) only marks the unit as answered, as does any
 * recorded data field (a field recorded as null means "no data kept": missing,
 * scored 0, per §7.4 absence of evidence); entries for units outside the scope are reported and ignored.
 */
export function resolveRatings(
  items: readonly ApplicableItem[],
  criteria: ReadonlyMap<string, Criterion>,
  ratings: readonly RatingEntry[],
  rules: FrameworkRules,
): { items: ScoredItem[]; problems: ScoringProblem[] } {
  const problems: ScoringProblem[] = [];
  // criterion id → programme id (null for institution level) → slot. Nested maps need no composite
  // string keys, which keeps this cheap for thousands of units.
  const slots = new Map<string, Map<string | null, Slot>>();
  for (const entry of ratings) {
    let byProgramme = slots.get(entry.criterionId);
    if (byProgramme === undefined) {
      byProgramme = new Map();
      slots.set(entry.criterionId, byProgramme);
    }
    const slot = byProgramme.get(entry.programmeId);
    if (slot === undefined) byProgramme.set(entry.programmeId, { entry, conflict: false, used: false });
    else if (!sameEntry(slot.entry, entry)) slot.conflict = true;
  }

  const scored = items.map((item): ScoredItem => {
    const slot = slots.get(item.criterionId)?.get(item.programmeId);
    if (slot !== undefined) slot.used = true;
    const unit = scoreUnit(item, slot?.entry, slot?.conflict === true, criteria, rules);
    if (unit.problem !== undefined) problems.push({ code: unit.problem, criterionId: item.criterionId, programmeId: item.programmeId });
    return unit.item;
  });

  for (const byProgramme of slots.values()) {
    for (const slot of byProgramme.values()) {
      if (!slot.used)
        problems.push({ code: 'rating-outside-scope', criterionId: slot.entry.criterionId, programmeId: slot.entry.programmeId });
    }
  }
  problems.sort(compareProblems);
  return { items: scored, problems };
}

/**
 * One unit of audit scored from its entry (undefined: nothing entered; `conflict`: two entries that
 * disagree), exactly as `resolveRatings` scores it. The incremental live score re-scores one unit with it.
 */
export function scoreUnit(
  item: ApplicableItem,
  entry: RatingEntry | undefined,
  conflict: boolean,
  criteria: ReadonlyMap<string, Criterion>,
  rules: FrameworkRules,
): { item: ScoredItem; problem?: ScoringProblem['code'] } {
  const settled = settle(item, entry, conflict, criteria, rules);
  // Spelled out rather than spread: this runs once per unit (thousands) and stays cheap even cold.
  const scoredItem: ScoredItem = {
    criterionId: item.criterionId,
    groupId: item.groupId,
    groupKind: item.groupKind,
    programmeId: item.programmeId,
    weight: item.weight,
    critical: item.critical,
    safety: item.safety,
    applicable: item.applicable,
    status: settled.status,
    rating: settled.rating,
    outcome: settled.outcome,
  };
  // Only set when the evidence rules speak, so a result without such units is byte-for-byte as before.
  if (settled.typed !== undefined) {
    scoredItem.typed = settled.typed;
    scoredItem.capped = settled.capped;
  }
  if (settled.criticalMetWithoutObsOrRec === true) scoredItem.criticalMetWithoutObsOrRec = true;
  return settled.problem === undefined ? { item: scoredItem } : { item: scoredItem, problem: settled.problem };
}

interface Settled {
  status: ScoredItem['status'];
  rating: RatingValue | null;
  outcome: OutcomeEvaluation | null;
  problem?: ScoringProblem['code'];
  typed?: RatingValue;
  capped?: 'interview-only';
  criticalMetWithoutObsOrRec?: true;
}

const UNANSWERED: Settled = { status: 'unanswered', rating: null, outcome: null };
const CONDITION_NOT_MET: Settled = { status: 'condition-not-met', rating: null, outcome: null };
const NOT_APPLICABLE: Settled = { status: 'na', rating: null, outcome: null };
const unansweredBecause = (problem: ScoringProblem['code']): Settled => ({ status: 'unanswered', rating: null, outcome: null, problem });

function settle(
  item: ApplicableItem,
  entry: RatingEntry | undefined,
  conflict: boolean,
  criteria: ReadonlyMap<string, Criterion>,
  rules: FrameworkRules,
): Settled {
  if (!item.applicable) return CONDITION_NOT_MET;
  if (entry === undefined) return UNANSWERED;
  if (conflict) return unansweredBecause('duplicate-rating');
  const { rating, data } = entry;
  if (rating === 'na') return item.critical ? unansweredBecause('na-not-allowed') : NOT_APPLICABLE;
  if (rating !== null && !isRatingValue(rating)) return unansweredBecause('invalid-rating');
  const criterion = criteria.get(item.criterionId);
  if (criterion?.outcome !== undefined) {
    // The same function the workspace card shows, so the card and the score cannot disagree.
    const figures = ratingFromFigures(criterion, rating, data, rules);
    if (figures.status === 'unanswered') return UNANSWERED;
    return { status: figures.status, rating: figures.rating, outcome: figures.outcome };
  }
  if (rating === null) return UNANSWERED;
  const evidence = entry.evidence;
  if (evidence === undefined) return { status: 'rated', rating, outcome: null };
  // §7.1 evidence rules: interview-only caps at 2; a critical "Met" without OBS/REC is flagged.
  const verdict = applyEvidenceRules(rating, evidence, item.critical);
  const settled: Settled = { status: 'rated', rating: verdict.rating, outcome: null };
  if (verdict.capped !== undefined) {
    settled.typed = rating;
    settled.capped = verdict.capped;
  }
  if (verdict.criticalMetWithoutObsOrRec === true) settled.criticalMetWithoutObsOrRec = true;
  return settled;
}

function isRatingValue(value: unknown): value is RatingValue {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

function sameEntry(a: RatingEntry, b: RatingEntry): boolean {
  if (a.rating !== b.rating) return false;
  if ((a.evidence ?? []).join(' ') !== (b.evidence ?? []).join(' ') || (a.evidence === undefined) !== (b.evidence === undefined))
    return false;
  const aKeys = Object.keys(a.data ?? {}).sort();
  const bKeys = Object.keys(b.data ?? {}).sort();
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key, i) => key === bKeys[i] && Object.is(a.data?.[key], b.data?.[key]));
}

export function compareProblems(a: ScoringProblem, b: ScoringProblem): number {
  return (
    compareText(a.code, b.code) ||
    compareText(a.criterionId ?? '', b.criterionId ?? '') ||
    compareText(a.programmeId ?? '', b.programmeId ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
