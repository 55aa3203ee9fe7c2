import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentKinds, assessmentStatuses } from '../../../../shared/assessments/schema';
import type { AssessmentKind, AssessmentStatus, AssessmentSummary } from '../../../../shared/assessments/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ProgressMeter } from '../../components/ProgressMeter';
import { usePages } from '../../data/use-pages';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { formatDate } from './model/dates';
import { formatPct } from './model/reasons';
import { institutionName } from './model/text';

const pageSize = 200;

/** All assessments on this machine, filtered by status and kind. */
export function AssessmentsList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState<AssessmentStatus | ''>('');
  const [kind, setKind] = useState<AssessmentKind | ''>('');
  const filter = { ...(status ? { status } : {}), ...(kind ? { kind } : {}) };

  // Head office may hold a whole country's assessments: pages of 200, newest first. `filter` is rebuilt
  // on every render from `status` and `kind`, the real dependencies.
  const pages = usePages<AssessmentSummary>(
    (offset) => invoke('assessments:list', { ...filter, limit: pageSize, ...(offset > 0 ? { offset } : {}) }),
    [status, kind],
  );
  const { items, total, error, loadingMore } = pages;
  const showMore = pages.more;

  return (
    <section aria-labelledby="assessments-heading">
      <div className="page-header">
        <h1 id="assessments-heading">{t('assessments.title')}</h1>
        <a className="button button--primary" href={href({ name: 'assessment-new', institutionId: null })}>
          {t('assessments.start.button')}
        </a>
      </div>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="assessment-status">{t('assessments.list.status')}</label>
          <select id="assessment-status" value={status} onChange={(e) => setStatus(e.target.value as AssessmentStatus | '')}>
            <option value="">{t('assessments.list.all')}</option>
            {assessmentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`assessments.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="assessment-kind">{t('assessments.list.kind')}</label>
          <select id="assessment-kind" value={kind} onChange={(e) => setKind(e.target.value as AssessmentKind | '')}>
            <option value="">{t('assessments.list.all')}</option>
            {assessmentKinds.map((k) => (
              <option key={k} value={k}>
                {t(`assessments.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner error={error} />
      {items === null ? (
        error ? null : (
          <p aria-busy="true">{t('app.loading')}</p>
        )
      ) : items.length === 0 ? (
        <p className="empty">{status || kind ? t('assessments.list.noMatches') : t('assessments.list.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('assessments.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessments.list.institution')}</th>
              <th scope="col">{t('assessments.list.kind')}</th>
              <th scope="col">{t('assessments.list.visit')}</th>
              <th scope="col">{t('assessments.list.status')}</th>
              <th scope="col">{t('assessments.list.progress')}</th>
              <th scope="col" className="numeric">
                {t('assessments.list.score')}
              </th>
              <th scope="col">{t('assessments.list.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={href({ name: 'assessment', id: a.id })}>{institutionName(a, language)}</a>
                  {a.revisionNumber > 1 ? (
                    <span className="tag">{t('assessments.list.revision', { n: formatNumber(a.revisionNumber) })}</span>
                  ) : null}
                </td>
                <td>{t(`assessments.kind.${a.kind}`)}</td>
                <td>{formatDate(a.siteVisitDate)}</td>
                <td>
                  <span className={`status status--${a.status}`}>{t(`assessments.status.${a.status}`)}</span>
                </td>
                <td>
                  <ProgressMeter
                    value={a.answered}
                    max={a.total}
                    label={t('assessments.list.progressOf', { answered: formatNumber(a.answered), total: formatNumber(a.total) })}
                  />
                </td>
                <td className="numeric">{a.score ? formatPct(a.score.overallPct) : '—'}</td>
                <td>
                  {a.score ? (
                    <span className={`decision-tag decision-tag--${a.score.decision}`}>
                      {t(`assessments.decision.${a.score.decision}`)}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items !== null && items.length > 0 ? (
        <div className="actions">
          <p className="secondary" aria-live="polite">
            {t('assessments.list.count', { count: total, shown: formatNumber(items.length), total: formatNumber(total) })}
          </p>
          {items.length < total ? (
            <button type="button" onClick={() => void showMore()} disabled={loadingMore}>
              {t('assessments.list.more', { n: formatNumber(Math.min(pageSize, total - items.length)) })}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
