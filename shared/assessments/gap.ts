import type { Framework, FrameworkGroup, RatingValue } from '../framework/schema';
import type { AssessmentScope, RatingEntry } from '../scoring/inputs';
import type { ScoredItem } from '../scoring/result';
import { scoreAssessment } from '../scoring/score-assessment';

/** One side of the comparison: an assessment's framework, scope and ratings. */
export interface GapSide {
  framework: Framework;
  scope: AssessmentScope;
  ratings: readonly RatingEntry[];
}

/** The effective answer of a unit: 0–3 (outcome criteria from their data), 'na', or null (not answered). */
export type GapAnswer = RatingValue | 'na' | null;

export interface GapRow {
  criterionId: string;
  groupId: string;
  programmeId: string | null;
  weight: number;
  critical: boolean;
  self: GapAnswer;
  inspector: GapAnswer;
  /** self − inspector when both rated 0–3; positive means the institution rated itself higher. */
  gap: number | null;
}

export interface GapTotal {
  /** Units rated 0–3 on both sides; only these are compared, so both percentages cover the same units. */
  compared: number;
  selfPct: number | null;
  inspectorPct: number | null;
  /** selfPct − inspectorPct, in percentage points. */
  gapPp: number | null;
  /** Units the institution rated higher, lower, and the same as the inspector. */
  overRated: number;
  underRated: number;
  agreed: number;
  meanAbsoluteGap: number | null;
}

export interface GapGroupTotal extends GapTotal {
  groupId: string;
  kind: FrameworkGroup['kind'];
}

export interface GapReport {
  /** Largest gaps first (over-rating before under-rating at the same size), then units without a gap. */
  rows: GapRow[];
  /** In the inspection framework's group order. */
  groups: GapGroupTotal[];
  /** Over core groups, like the overall score. */
  overall: GapTotal;
}

/**
 * The self-assessment against the inspection, unit by unit (domain notes §7.2). Rows are the inspection's
 * units of audit (its framework and programmes); a unit the self-assessment did not cover shows a null
 * self-rating. Both sides are resolved with the scoring functions, so outcome criteria compare the
 * ratings their data earn and an N/A is never counted as a number. Weighted percentages use the
 * inspection framework's weights over the units both sides rated, so the two figures are comparable.
 */
export function selfAssessmentGap(self: GapSide, inspection: GapSide): GapReport {
  const selfItems = new Map<string, ScoredItem>();
  for (const item of scoreAssessment(self.framework, self.scope, self.ratings).items) selfItems.set(key(item), item);
  const inspected = scoreAssessment(inspection.framework, inspection.scope, inspection.ratings).items;

  const rows: GapRow[] = [];
  const order = new Map<GapRow, number>();
  for (const item of inspected) {
    if (item.status === 'condition-not-met') continue;
    const selfItem = selfItems.get(key(item));
    const selfAnswer = selfItem === undefined ? null : answerOf(selfItem);
    const inspectorAnswer = answerOf(item);
    const row: GapRow = {
      criterionId: item.criterionId,
      groupId: item.groupId,
      programmeId: item.programmeId,
      weight: item.weight,
      critical: item.critical,
      self: selfAnswer,
      inspector: inspectorAnswer,
      gap: typeof selfAnswer === 'number' && typeof inspectorAnswer === 'number' ? selfAnswer - inspectorAnswer : null,
    };
    order.set(row, rows.length);
    rows.push(row);
  }

  const groups = inspection.framework.groups.map((g): GapGroupTotal => ({
    groupId: g.id,
    kind: g.kind,
    ...total(rows.filter((r) => r.groupId === g.id)),
  }));
  const core = new Set(inspection.framework.groups.filter((g) => g.kind === 'core').map((g) => g.id));
  const overall = total(rows.filter((r) => core.has(r.groupId)));

  rows.sort((a, b) => {
    if (a.gap === null || b.gap === null) return (a.gap === null ? 1 : 0) - (b.gap === null ? 1 : 0) || order.get(a)! - order.get(b)!;
    return Math.abs(b.gap) - Math.abs(a.gap) || b.gap - a.gap || order.get(a)! - order.get(b)!;
  });
  return { rows, groups, overall };
}

function total(rows: readonly GapRow[]): GapTotal {
  let compared = 0;
  let selfEarned = 0;
  let inspectorEarned = 0;
  let possible = 0;
  let absolute = 0;
  let overRated = 0;
  let underRated = 0;
  let agreed = 0;
  for (const row of rows) {
    if (row.gap === null) continue;
    compared += 1;
    selfEarned += row.weight * (row.self as number);
    inspectorEarned += row.weight * (row.inspector as number);
    possible += row.weight * 3;
    absolute += Math.abs(row.gap);
    if (row.gap > 0) overRated += 1;
    else if (row.gap < 0) underRated += 1;
    else agreed += 1;
  }
  const selfPct = possible === 0 ? null : (100 * selfEarned) / possible;
  const inspectorPct = possible === 0 ? null : (100 * inspectorEarned) / possible;
  return {
    compared,
    selfPct,
    inspectorPct,
    gapPp: selfPct === null || inspectorPct === null ? null : selfPct - inspectorPct,
    overRated,
    underRated,
    agreed,
    meanAbsoluteGap: compared === 0 ? null : absolute / compared,
  };
}

function answerOf(item: ScoredItem): GapAnswer {
  if (item.status === 'rated') return item.rating;
  return item.status === 'na' ? 'na' : null;
}

function key(item: { criterionId: string; programmeId: string | null }): string {
  return `${item.criterionId}@${item.programmeId ?? ''}`;
}
