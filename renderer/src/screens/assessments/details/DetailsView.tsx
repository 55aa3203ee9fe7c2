import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import { formatDate } from '../model/dates';
import { memberText } from './team-text';

/** The team and dates as text, for an assessment that is no longer a draft. */
export function DetailsView({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  return (
    <dl className="details-view" data-testid="details-view">
      <div>
        <dt>{a.kind === 'self-assessment' ? t('assessments.team.titleSelf') : t('assessments.team.title')}</dt>
        <dd>
          <ul>
            {a.team.map((m, i) => (
              <li key={i}>{memberText(t, m)}</li>
            ))}
          </ul>
        </dd>
      </div>
      {(['plannedStart', 'plannedEnd', 'siteVisitDate'] as const).map((f) => (
        <div key={f}>
          <dt>{t(`assessments.start.${f}`)}</dt>
          <dd>{formatDate(a[f])}</dd>
        </div>
      ))}
    </dl>
  );
}
