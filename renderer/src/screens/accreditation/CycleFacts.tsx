import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../../../shared/accreditation/schema';
import { counted } from '../../format';
import { formatDate } from '../assessments/model/dates';

/**
 * Validity and due dates of one finalised inspection, in the reader's language and digits: "Aligned with
 * the framework until …" (or why there is no validity), "Next inspection due …", "Overdue since …".
 */
export function CycleFacts({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const decision = t(`assessments.decision.${cycle.decision}`);
  return (
    <div className="cycle" data-testid="accreditation-cycle" data-due-state={cycle.dueState}>
      <p className="secondary">{t('accreditation.basedOn', { date: formatDate(cycle.finalisedOn), decision })}</p>
      <ul className="cycle__facts">
        <li data-testid="aligned-until">
          {cycle.alignedUntil !== '' ? (
            <>
              <strong>{t('accreditation.alignedUntil', { date: formatDate(cycle.alignedUntil) })}</strong>{' '}
              <span className="secondary">({t('accreditation.validityMonths', counted(cycle.validityMonths))})</span>
            </>
          ) : (
            t('accreditation.noValidity', { decision })
          )}
        </li>
        <li data-testid="next-due">
          <strong>{t('accreditation.nextDue', { date: formatDate(cycle.nextDue) })}</strong> <DueTag state={cycle.dueState} />
        </li>
        {cycle.overdueSince !== '' ? (
          <li data-testid="overdue-since" className="cycle__overdue">
            <strong>{t('accreditation.overdueSince', { date: formatDate(cycle.overdueSince) })}</strong>
          </li>
        ) : null}
      </ul>
      {cycle.proposal ? (
        <p className="secondary">
          <span className="tag">{t('accreditation.proposal')}</span> {t('accreditation.proposalHint')}
        </p>
      ) : null}
      {cycle.derived ? <p className="secondary">{t('accreditation.derived')}</p> : null}
    </div>
  );
}

/** "Due within 90 days" / "Overdue" as a tag; nothing while current. */
export function DueTag({ state }: { state: Cycle['dueState'] }) {
  const { t } = useTranslation();
  if (state === 'current') return null;
  return <span className={state === 'overdue' ? 'tag tag--overdue' : 'tag tag--due-soon'}>{t(`accreditation.dueState.${state}`)}</span>;
}
