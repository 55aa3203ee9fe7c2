import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRequest } from '../../data/use-request';
import { href } from '../../router';
import { formatDate } from '../assessments/model/dates';
import { CycleFacts } from './CycleFacts';
import './accreditation.css';

/**
 * The institution's standing on its institution page: validity and due dates of its latest finalised
 * inspection or follow-up, and every appeal it has lodged (each links to the appealed assessment).
 */
export function InstitutionCycle({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const { value, error } = useRequest('accreditation:institution', { institutionId });
  if (value === null) return <ErrorBanner error={error} />;
  return (
    <section className="accreditation-panel" aria-labelledby="institution-cycle-heading">
      <h2 id="institution-cycle-heading">{t('accreditation.heading')}</h2>
      {value.cycle === null ? <p className="empty">{t('accreditation.noInspection')}</p> : <CycleFacts cycle={value.cycle} />}
      {value.appeals.length > 0 ? (
        <>
          <h3>{t('accreditation.appeals.heading')}</h3>
          <ul className="appeals">
            {value.appeals.map((a) => (
              <li key={a.id} className="appeal" data-testid="institution-appeal">
                <a href={`${href({ name: 'assessment-details', id: a.assessmentId })}`}>
                  {t('accreditation.appeals.received', { date: formatDate(a.receivedOn), name: a.lodgedBy })}
                </a>{' '}
                {a.decision === '' ? (
                  <span className="tag tag--due-soon">{t('accreditation.appeals.open')}</span>
                ) : (
                  <span className="tag">{t(`accreditation.appeals.decisions.${a.decision}`)}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
