import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../shared/framework/schema';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRequest } from '../../data/use-request';
import { formatNumber } from '../../format';
import { href } from '../../router';
import { CriterionDetails, type CriterionFact } from './CriterionDetails';
import { local, titleOf } from './framework-text';
import './frameworks.css';

const facts: CriterionFact[] = [
  'title',
  'guidance',
  'selfGuidance',
  'evidence',
  'critical',
  'appliesWhen',
  'weight',
  'level',
  'basis',
  'safety',
  'dataFields',
  'outcome',
];

/** Which facts of a criterion differ between two versions, to mark them on both sides. */
function differing(older: Criterion, newer: Criterion): Set<CriterionFact> {
  const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  return new Set(facts.filter((f) => !same(older[f], newer[f])));
}

/** Two versions side by side: every added, removed, reworded or re-scored criterion with both texts. */
export function FrameworkCompare({ olderId, newerId }: { olderId: string; newerId: string }) {
  const { t } = useTranslation();
  const { value: comparison, error } = useRequest('frameworks:compare', { olderId, newerId });

  if (!comparison) return error ? <ErrorBanner error={error} /> : <p aria-busy="true">{t('app.loading')}</p>;
  const { older, newer, diff } = comparison;
  const versionName = (s: typeof older.summary) => `${titleOf(s)} ${s.version}`;

  return (
    <section aria-labelledby="compare-heading" className="framework-compare">
      <p>
        <a href={href({ name: 'frameworks' })}>← {t('frameworks.browse.back')}</a>
      </p>
      <div className="page-header">
        <h1 id="compare-heading">
          {t('frameworks.compare.title', { older: versionName(older.summary), newer: versionName(newer.summary) })}
        </h1>
        <a className="button" href={href({ name: 'framework-compare', olderId: newerId, newerId: olderId })}>
          {t('frameworks.compare.swap')}
        </a>
      </div>
      <p className="compare-summary">
        {t('frameworks.compare.summary', {
          added: formatNumber(diff.added.length),
          removed: formatNumber(diff.removed.length),
          reworded: formatNumber(diff.reworded.length),
          changed: formatNumber(diff.changed.length),
          unchanged: formatNumber(comparison.unchanged),
        })}
      </p>
      {comparison.criteria.length === 0 ? <p className="empty">{t('frameworks.compare.noChanges')}</p> : null}
      <div className="compare-columns compare-columns--head">
        <p>
          <a href={href({ name: 'framework', id: older.summary.id })}>{versionName(older.summary)}</a>
        </p>
        <p>
          <a href={href({ name: 'framework', id: newer.summary.id })}>{versionName(newer.summary)}</a>
        </p>
      </div>
      {comparison.criteria.map((entry) => {
        const highlight = entry.older && entry.newer ? differing(entry.older.criterion, entry.newer.criterion) : undefined;
        return (
          <section key={entry.id} className="compare-entry" aria-labelledby={`compare-${entry.id}`}>
            <h2 id={`compare-${entry.id}`}>
              <span className="criterion__id">{entry.id}</span>{' '}
              {entry.changes.map((c) => (
                <span key={c} className={`tag tag--${c}`}>
                  {t(`frameworks.compare.${c}`)}
                </span>
              ))}
            </h2>
            <div className="compare-columns">
              <div>
                <p className="compare-side">
                  {t('frameworks.compare.older')}
                  {entry.older ? ` · ${entry.older.groupId} ${local(entry.older.groupTitle)}` : ''}
                </p>
                {entry.older ? (
                  <CriterionDetails
                    criterion={entry.older.criterion}
                    conditions={older.conditions}
                    evidenceTypes={older.evidenceTypes}
                    highlight={highlight}
                    headingLevel={3}
                    idPrefix="older"
                  />
                ) : (
                  <p className="empty">{t('frameworks.compare.notInVersion')}</p>
                )}
              </div>
              <div>
                <p className="compare-side">
                  {t('frameworks.compare.newer')}
                  {entry.newer ? ` · ${entry.newer.groupId} ${local(entry.newer.groupTitle)}` : ''}
                </p>
                {entry.newer ? (
                  <CriterionDetails
                    criterion={entry.newer.criterion}
                    conditions={newer.conditions}
                    evidenceTypes={newer.evidenceTypes}
                    highlight={highlight}
                    headingLevel={3}
                    idPrefix="newer"
                  />
                ) : (
                  <p className="empty">{t('frameworks.compare.notInVersion')}</p>
                )}
              </div>
            </div>
          </section>
        );
      })}
    </section>
  );
}
