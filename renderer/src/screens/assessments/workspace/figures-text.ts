import type { useTranslation } from 'react-i18next';
import type { Criterion, FrameworkRules } from '../../../../../shared/framework/schema';
import type { FiguresRating } from '../../../../../shared/scoring';
import type { Language } from '../../../../../shared/settings/schema';
import { formatNumber } from '../../../format';
import { localized } from '../model/text';

type TFunction = ReturnType<typeof useTranslation>['t'];

/** How the card draws the rating that counts: a rating's colour, N/A, or none. */
export type FiguresTone = 'v0' | 'v1' | 'v2' | 'v3' | 'na' | 'none';

export interface FiguresText {
  /** The rating that counts, as the score, the corrective action and the report give it. */
  counts: string;
  /** Why: the figures decide, and which of them are missing. */
  why: string;
  tone: FiguresTone;
}

/** "3 Met", with the user's digits. */
export function ratingText(t: TFunction, rating: number): string {
  return `${formatNumber(rating)} · ${t(`assessments.rating.v${rating}`)}`;
}

/** The labels of data fields, in the user's language, as one list. */
export function figureLabels(criterion: Pick<Criterion, 'dataFields'>, ids: readonly string[], language: Language): string {
  const fields = new Map((criterion.dataFields ?? []).map((f) => [f.id, f]));
  return ids.map((id) => localized(fields.get(id)?.label, language) || id).join(', ');
}

/** The one value a percentage or a gap shows: rounded to one decimal, with its unit. */
function valueText(criterion: Criterion, value: number | null, t: TFunction): string {
  if (value === null) return '';
  const unit = criterion.dataFields?.find((f) => f.id === criterion.outcome?.field)?.unit;
  const n = formatNumber(Math.round(value * 10) / 10);
  return unit === '%' ? `${n}%` : unit === 'pp' ? `${n} ${t('assessments.units.pp')}` : n;
}

/** What the card says about a criterion scored from its figures: the rating that counts and why. */
export function figuresText(
  t: TFunction,
  criterion: Criterion,
  verdict: FiguresRating,
  rules: Pick<FrameworkRules, 'minCohort' | 'minTracerResponsePct'>,
  language: Language,
): FiguresText {
  const zero = ratingText(t, 0);
  switch (verdict.status) {
    case 'na':
      return { counts: t('assessments.rating.na'), why: t('assessments.figures.na'), tone: 'na' };
    case 'unanswered':
      return {
        counts: t('assessments.figures.notYet'),
        why: t('assessments.figures.unanswered', { fields: figureLabels(criterion, verdict.missing, language), rating: zero }),
        tone: 'none',
      };
    case 'report-only':
      return {
        counts: t('assessments.figures.notScored'),
        why: t('assessments.figures.reportOnly', { min: formatNumber(rules.minCohort) }),
        tone: 'none',
      };
    case 'insufficient-data':
      return {
        counts: t('assessments.figures.notScored'),
        why: t('assessments.figures.insufficientData', { min: formatNumber(rules.minTracerResponsePct) }),
        tone: 'none',
      };
    case 'rated': {
      const rating = verdict.rating ?? 0;
      const counts = ratingText(t, rating);
      const light = verdict.outcome?.light ?? null;
      if (light !== null) {
        const value = valueText(criterion, verdict.outcome?.value ?? null, t);
        return {
          counts,
          why: t('assessments.figures.light', { value, light: t(`assessments.figures.lightName.${light}`), rating: counts }),
          tone: `v${rating}` as FiguresTone,
        };
      }
      const why =
        verdict.missing.length > 0
          ? t('assessments.figures.missing', { fields: figureLabels(criterion, verdict.missing, language), rating: counts })
          : t('assessments.figures.uncomputable', { rating: counts });
      return { counts, why, tone: 'v0' };
    }
  }
}
