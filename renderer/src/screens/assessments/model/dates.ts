import type { CorrectiveAction } from '../../../../../shared/assessments/schema';
import { currentLanguage } from '../../../i18n';
import { formatNumber } from '../../../format';

/** Today as YYYY-MM-DD in local time (due dates are calendar dates, not instants). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A calendar date for people: "12 Mar 2026" in English, the Bangla month name in Bangla. */
export function formatDate(date: string): string {
  if (date === '') return '—';
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const language = currentLanguage();
  const text = new Intl.DateTimeFormat(language === 'bn' ? 'bn-BD-u-nu-latn' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  // Digits follow the user's digit setting, like every other number.
  return text.replace(/\d+/g, (n) => formatNumber(Number(n)));
}

const openStatuses = new Set<CorrectiveAction['status']>(['open', 'in-progress']);

/** Past its due date and not yet done (a completed action waits for verification, it is not late). */
export function isOverdue(action: Pick<CorrectiveAction, 'dueDate' | 'status'>): boolean {
  return action.dueDate !== '' && openStatuses.has(action.status) && action.dueDate < today();
}
