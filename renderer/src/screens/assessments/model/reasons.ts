import type { TFunction } from 'i18next';
import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import type { Language } from '../../../../../shared/settings/schema';
import type { Reason } from '../../../../../shared/scoring';
import { formatNumber } from '../../../format';
import { localized, programmeTitle } from './text';

/** A percentage for display: rounded down to one decimal, like the scoring code, so 74.96 never reads as 75. */
export function formatPct(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return '—';
  return `${formatNumber(Math.floor(pct * 10) / 10)}%`;
}

export interface ReasonContext {
  t: TFunction;
  language: Language;
  framework: Framework;
  programmes: readonly ProgrammeSnapshot[];
}

/** "CU-01" or "CU-01 (Welding)" for a programme-level unit. */
export function unitLabel(ctx: ReasonContext, criterionId: unknown, programmeId: unknown): string {
  const id = String(criterionId ?? '');
  const programme = typeof programmeId === 'string' ? ctx.programmes.find((p) => p.id === programmeId) : undefined;
  return programme ? `${id} (${programmeTitle(programme, ctx.language)})` : id;
}

export function groupLabel(ctx: ReasonContext, groupId: unknown): string {
  const group = ctx.framework.groups.find((g) => g.id === groupId);
  return group ? `${group.id} ${localized(group.title, ctx.language)}` : String(groupId ?? '');
}

function ratingText(ctx: ReasonContext, value: unknown): string {
  if (typeof value !== 'number') return ctx.t('assessments.rating.none');
  return `${formatNumber(value)} ${ctx.t(`assessments.rating.v${value}`)}`;
}

/** A scoring reason (decision or mobility readiness) as a sentence in the user's language. */
export function reasonText(ctx: ReasonContext, reason: Reason): string {
  const p = reason.params;
  const values = {
    criterion: unitLabel(ctx, p.criterionId, p.programmeId),
    group: groupLabel(ctx, p.groupId),
    actual:
      reason.code.includes('minimum') || reason.code === 'sector-critical-below'
        ? ratingText(ctx, p.actual)
        : formatPct(p.actual as number | null),
    required:
      reason.code.includes('minimum') || reason.code === 'sector-critical-below'
        ? ratingText(ctx, p.required)
        : formatPct(p.required as number | null),
    max: formatNumber(Number(p.max ?? 0)),
    majors: formatNumber(Number(p.actual ?? 0)),
    decision: typeof p.decision === 'string' ? ctx.t(`assessments.decision.${p.decision}`) : '',
    findingClass: typeof p.class === 'string' ? ctx.t(`assessments.finding.${p.class}`) : '',
  };
  const key = `assessments.reasons.${reason.code}`;
  const text = ctx.t(key, values);
  return text === key ? reason.code : text;
}
