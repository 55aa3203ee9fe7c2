import { useTranslation } from 'react-i18next';
import type { AssessmentSummary, CorrectiveAction } from '../../../../shared/assessments/schema';
import { ScoreTrend } from '../../components/ScoreTrend';
import { useRequest } from '../../data/use-request';
import type { TrendPoint } from '../../components/ScoreTrend';
import { formatNumber } from '../../format';
import { href } from '../../router';
import { actionTextHere, criterionTitleHere } from './model/action-text';
import { formatDate, isOverdue } from './model/dates';
import { formatPct } from './model/reasons';

/** When an assessment took place: its site visit, else when its score was computed, else its last change. */
const dateOf = (a: AssessmentSummary) => a.siteVisitDate || (a.score?.computedAt ?? a.updatedAt).slice(0, 10);

/**
 * The institution page's assessment section: its assessments over time, the score trend, and the
 * corrective actions still open (overdue ones first and marked).
 */
export function InstitutionAssessments({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const list = useRequest('assessments:list', { institutionId });
  const listed = useRequest('corrective-actions:list', { institutionId });
  // A list that could not be read shows as empty, as before: this section is secondary to the page.
  const items: AssessmentSummary[] | null = list.value?.items ?? (list.error ? [] : null);
  const actions: CorrectiveAction[] = (listed.value?.items ?? []).filter((a) => a.status !== 'verified-closed');

  const history = [...(items ?? [])].sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  const points: TrendPoint[] = history
    .filter((a) => a.score !== null && a.score.overallPct !== null && a.status !== 'draft')
    .map((a) => ({
      label: formatDate(dateOf(a)),
      value: a.score!.overallPct!,
      detail: `${t(`assessments.kind.${a.kind}`)}, ${t(`assessments.decision.${a.score!.decision}`)}`,
    }));
  const hasBoth = history.some((a) => a.kind === 'self-assessment') && history.some((a) => a.kind !== 'self-assessment');
  const openActions = [...actions].sort(
    (a, b) => Number(isOverdue(b)) - Number(isOverdue(a)) || (a.dueDate || '9').localeCompare(b.dueDate || '9'),
  );

  return (
    <section className="institution-assessments" aria-labelledby="institution-assessments-heading">
      <div className="page-header">
        <h2 id="institution-assessments-heading">{t('assessments.history.title')}</h2>
        <div className="actions">
          {hasBoth ? (
            <a className="button" href={href({ name: 'institution-gap', institutionId, inspectionId: null })}>
              {t('assessments.history.gap')}
            </a>
          ) : null}
        </div>
      </div>
      {items === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : history.length === 0 ? (
        <p className="empty">{t('assessments.history.empty')}</p>
      ) : (
        <>
          {points.length > 0 ? (
            <ScoreTrend
              points={points}
              title={t('assessments.history.trendTitle')}
              tableCaption={t('assessments.history.trendTable')}
              columns={{ when: t('assessments.history.when'), score: t('assessments.list.score'), detail: t('assessments.list.outcome') }}
              formatValue={(v) => `${formatNumber(Math.floor(v * 10) / 10)}%`}
              guides={[{ value: 75, label: t('assessments.history.guide', { pct: formatNumber(75) }) }]}
            />
          ) : null}
          <table className="table assessment-history">
            <caption className="visually-hidden">{t('assessments.history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.history.when')}</th>
                <th scope="col">{t('assessments.list.kind')}</th>
                <th scope="col">{t('assessments.list.status')}</th>
                <th scope="col" className="numeric">
                  {t('assessments.list.score')}
                </th>
                <th scope="col">{t('assessments.list.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={href({ name: 'assessment', id: a.id })}>{formatDate(dateOf(a))}</a>
                  </td>
                  <td>
                    {t(`assessments.kind.${a.kind}`)}
                    {a.revisionNumber > 1 ? (
                      <span className="tag">{t('assessments.list.revision', { n: formatNumber(a.revisionNumber) })}</span>
                    ) : null}
                  </td>
                  <td>
                    <span className={`status status--${a.status}`}>{t(`assessments.status.${a.status}`)}</span>
                  </td>
                  <td className="numeric">{a.score ? formatPct(a.score.overallPct) : '—'}</td>
                  <td>{a.score ? t(`assessments.decision.${a.score.decision}`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('assessments.history.openActions')}</h3>
      {openActions.length === 0 ? (
        <p className="secondary">{t('assessments.history.noOpenActions')}</p>
      ) : (
        <table className="table open-actions">
          <thead>
            <tr>
              <th scope="col">{t('assessments.history.finding')}</th>
              <th scope="col">{t('assessments.actions.requiredAction')}</th>
              <th scope="col">{t('assessments.actions.owner')}</th>
              <th scope="col">{t('assessments.actions.dueDate')}</th>
              <th scope="col">{t('assessments.actions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {openActions.map((a) => {
              const overdue = isOverdue(a);
              const text = actionTextHere(a);
              return (
                <tr key={a.id} className={overdue ? 'row--overdue' : undefined}>
                  <td>
                    <span className={`finding finding--${a.findingClass}`}>{t(`assessments.finding.${a.findingClass}`)}</span>{' '}
                    <a href={href({ name: 'assessment', id: a.assessmentId })}>{a.criterionId}</a> {criterionTitleHere(a)}
                  </td>
                  <td className="open-actions__action">
                    {text.actionRequired}
                    {text.suggested.actionRequired ? <div className="secondary">{t('assessments.actions.suggestedShown')}</div> : null}
                  </td>
                  <td>{a.owner || t('common.none')}</td>
                  <td>
                    {formatDate(a.dueDate)}
                    {overdue ? <strong className="overdue"> {t('assessments.actions.overdue')}</strong> : null}
                  </td>
                  <td>{t(`assessments.actionStatus.${a.status}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
