import { z } from 'zod';
import type { Framework, FrameworkGroup, RatingValue } from '../framework/schema';
import type { OutcomeStatus, TrafficLight } from '../scoring/outcome-light';
import type { ScoreResult, ScoredItem } from '../scoring/result';

/**
 * One side of the comparison: an assessment's framework and the result that counts for it — the one
 * its score, findings and report use (electron/services/assessments/score-as-recorded.ts: the §7.1
 * evidence rules, criteria scored from their figures, and a submitted or finalised assessment as it
 * was recorded). The comparison never re-reads typed ratings, so it cannot show "Met" where 2 counts.
 */
export interface GapSide {
  framework: Framework;
  score: Pick<ScoreResult, 'items'>;
}

/** The answer that counts for a unit: 0–3 (outcome criteria from their data), 'na', or null (not answered or not scored). */
export type GapAnswer = RatingValue | 'na' | null;

/**
 * Why the answer that counts is not simply a rating typed with a key: an interview-only "Met" counts
 * as 2 (§7.1), or the criterion is scored from its figures (the light, missing figures scoring 0, or
 * not scored: report-only, insufficient data).
 */
export type GapWhy =
  { code: 'interview-only'; typed: RatingValue } | { code: 'figures'; status: OutcomeStatus; light: TrafficLight | null };

export interface GapRow {
  criterionId: string;
  groupId: string;
  programmeId: string | null;
  weight: number;
  critical: boolean;
  self: GapAnswer;
  inspector: GapAnswer;
  /** Why each side's answer differs from a typed key; null when it is the rating typed. */
  selfWhy: GapWhy | null;
  inspectorWhy: GapWhy | null;
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
 * self-rating. Both sides compare the ratings that count (see GapSide), so outcome criteria compare the
 * ratings their data earn, an interview-only "Met" compares as 2, and an N/A is never counted as a
 * number. Weighted percentages use the inspection framework's weights over the units both sides rated,
 * so the two figures are comparable.
 */
export function selfAssessmentGap(self: GapSide, inspection: GapSide): GapReport {
  const selfItems = new Map<string, ScoredItem>();
  for (const item of self.score.items) selfItems.set(key(item), item);
  const inspected = inspection.score.items;

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
      selfWhy: selfItem === undefined ? null : whyOf(selfItem),
      inspectorWhy: whyOf(item),
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

function whyOf(item: ScoredItem): GapWhy | null {
  if (item.capped === 'interview-only' && item.typed !== undefined) return { code: 'interview-only', typed: item.typed };
  if (item.outcome !== null) return { code: 'figures', status: item.outcome.status, light: item.outcome.light };
  return null;
}

function key(item: { criterionId: string; programmeId: string | null }): string {
  return `${item.criterionId}@${item.programmeId ?? ''}`;
}

// The comparison as the services send it (assessments:gap).
const answerSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na'), z.null()]);
const typedSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const whySchema = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('interview-only'), typed: typedSchema }),
    z.object({
      code: z.literal('figures'),
      status: z.enum(['rated', 'missing', 'report-only', 'insufficient-data']),
      light: z.enum(['green', 'amber', 'red']).nullable(),
    }),
  ])
  .nullable();
const totalShape = {
  compared: z.number().int(),
  selfPct: z.number().nullable(),
  inspectorPct: z.number().nullable(),
  gapPp: z.number().nullable(),
  overRated: z.number().int(),
  underRated: z.number().int(),
  agreed: z.number().int(),
  meanAbsoluteGap: z.number().nullable(),
};
export const gapReportSchema: z.ZodType<GapReport> = z.object({
  rows: z.array(
    z.object({
      criterionId: z.string(),
      groupId: z.string(),
      programmeId: z.string().nullable(),
      weight: z.number(),
      critical: z.boolean(),
      self: answerSchema,
      inspector: answerSchema,
      selfWhy: whySchema,
      inspectorWhy: whySchema,
      gap: z.number().nullable(),
    }),
  ),
  groups: z.array(z.object({ groupId: z.string(), kind: z.enum(['core', 'sector']), ...totalShape })),
  overall: z.object(totalShape),
});
