import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRequest } from '../../data/use-request';
import { formatDateTime } from '../../format';
import { AppealsSection } from './AppealsSection';
import { CycleFacts } from './CycleFacts';
import './accreditation.css';

/**
 * One assessment's place in the accreditation cycle (on its details page): validity and due dates once
 * finalised, the countersignature of a negative outcome, and its appeals.
 */
export function AssessmentCyclePanel({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const { value, error, reload } = useRequest('accreditation:assessment', { assessmentId });
  if (value === null) return <ErrorBanner error={error} />;
  if (value.cycle === null && value.countersignature === null && !value.countersignRequired) return null;
  return (
    <section id="accreditation" className="accreditation-panel" aria-labelledby="accreditation-heading">
      <h2 id="accreditation-heading">{t('accreditation.heading')}</h2>
      {value.cycle !== null ? <CycleFacts cycle={value.cycle} /> : null}
      {value.countersignRequired ? <p className="banner">{t('accreditation.countersign.required')}</p> : null}
      {value.countersignature !== null ? (
        <p data-testid="countersignature">
          <strong>{t('accreditation.countersign.heading')}:</strong>{' '}
          {t('accreditation.countersign.done', {
            name: value.countersignature.name,
            role: t(`welcome.roles.${value.countersignature.role}`),
            date: formatDateTime(value.countersignature.at),
          })}
          {value.countersignature.comment ? <span className="appeal__grounds"> — {value.countersignature.comment}</span> : null}
        </p>
      ) : null}
      <AppealsSection cycle={value} onChanged={reload} />
    </section>
  );
}
