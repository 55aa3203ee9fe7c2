import type { ReportContext } from '../report-context';

/**
 * Under the outcome: the validity and next due date a finalised inspection carries, and the second
 * reviewer's countersignature of a "not recommended" outcome (electron/services/accreditation).
 */
export function AccreditationCycle({ ctx }: { ctx: ReportContext }) {
  const { data, text } = ctx;
  const cycle = data.accreditation?.cycle ?? null;
  const countersignature = data.accreditation?.countersignature ?? null;
  if (cycle === null && countersignature === null) return null;
  return (
    <div className="accreditation-cycle" data-accreditation-cycle="">
      <h2>{text.t('accreditation.heading')}</h2>
      <ul>
        {cycle !== null ? (
          <>
            <li>
              {cycle.alignedUntil !== ''
                ? `${text.t('accreditation.alignedUntil', { date: text.date(cycle.alignedUntil) })} (${text.t('accreditation.validityMonths', { count: cycle.validityMonths, n: cycle.validityMonths })})`
                : text.t('accreditation.noValidity', { decision: text.t(`assessments.decision.${cycle.decision}`) })}
            </li>
            <li>{text.t('accreditation.nextDue', { date: text.date(cycle.nextDue) })}</li>
          </>
        ) : null}
        {countersignature !== null ? (
          <li data-countersignature="">
            <strong>{text.t('accreditation.countersign.heading')}:</strong>{' '}
            {text.t('accreditation.countersign.done', {
              name: countersignature.name,
              role: text.t(`welcome.roles.${countersignature.role}`),
              date: text.dateTime(countersignature.at),
            })}
            {countersignature.comment ? ` — ${countersignature.comment}` : ''}
          </li>
        ) : null}
      </ul>
      {cycle?.proposal ? <p className="muted">{text.t('accreditation.proposalHint')}</p> : null}
    </div>
  );
}
