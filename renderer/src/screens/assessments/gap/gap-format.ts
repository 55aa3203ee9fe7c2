import type { TFunction } from 'i18next';
import type { GapAnswer, GapWhy } from '../../../../../shared/assessments/gap';
import { formatNumber } from '../../../format';

/** "+2", "−1", "0" (with a true minus sign), or an em dash when there is nothing to compare. */
export function signed(n: number | null, digits = 0): string {
  if (n === null) return '—';
  const rounded = digits === 0 ? n : Math.round(n * 10 ** digits) / 10 ** digits;
  if (rounded === 0) return formatNumber(0);
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded))}`;
}

export function answerLabel(t: TFunction, answer: GapAnswer): string {
  if (answer === null) return t('assessments.rating.none');
  if (answer === 'na') return t('assessments.rating.na');
  return `${formatNumber(answer)} ${t(`assessments.rating.v${answer}`)}`;
}

/** Why the rating that counts is not the rating given (interviews only, or scored from the figures); null when it is. */
export function whyLabel(t: TFunction, answer: GapAnswer, why: GapWhy | null): string | null {
  if (why === null) return null;
  const rating = formatNumber(typeof answer === 'number' ? answer : 0);
  if (why.code === 'interview-only') return t('assessments.gap.why.interviewOnly', { typed: formatNumber(why.typed), rating });
  const light = why.light === null ? '' : t(`assessments.figures.lightName.${why.light}`);
  return t(`assessments.gap.why.figures.${why.status}`, { light, rating });
}

export function gapClass(gap: number | null): string {
  if (gap === null) return 'gap--none';
  if (gap > 0) return 'gap--over';
  if (gap < 0) return 'gap--under';
  return 'gap--agreed';
}
