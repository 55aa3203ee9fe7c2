import { useTranslation } from 'react-i18next';
import type { GapReport, GapTotal } from '../../../../../shared/assessments/gap';
import type { Framework } from '../../../../../shared/framework/schema';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { formatPct } from '../model/reasons';
import { localized } from '../model/text';
import { gapClass, signed } from './gap-format';

function PairedBars({ total }: { total: GapTotal }) {
  return (
    <span className="paired-bars" aria-hidden="true">
      <span className="paired-bars__self" style={{ width: `${total.selfPct ?? 0}%` }} />
      <span className="paired-bars__inspector" style={{ width: `${total.inspectorPct ?? 0}%` }} />
    </span>
  );
}

/** Self % against inspector % overall and per group, over the units both rated. */
export function GapTotals({ report, framework }: { report: GapReport; framework: Framework }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const o = report.overall;
  const groups = report.groups.filter((g) => g.compared > 0);
  // Both percentages are over the same criteria (those rated in both), which the reader must know to
  // compare them with the inspection's own overall score.
  const basis = t('assessments.gap.basis', { count: o.compared, compared: formatNumber(o.compared) });
  return (
    <>
      <div className="gap-summary">
        <div className="gap-summary__figure">
          <span className="card-label">{t('assessments.gap.selfPct')}</span>
          <strong className="gap-summary__self">{formatPct(o.selfPct)}</strong>
          <span className="gap-summary__basis">{basis}</span>
        </div>
        <div className="gap-summary__figure">
          <span className="card-label">{t('assessments.gap.inspectorPct')}</span>
          <strong className="gap-summary__inspector">{formatPct(o.inspectorPct)}</strong>
          <span className="gap-summary__basis" data-testid="gap-inspector-basis">
            {basis}
          </span>
        </div>
        <div className={`gap-summary__figure ${gapClass(o.gapPp === null ? null : Math.round(o.gapPp))}`}>
          <span className="card-label">{t('assessments.gap.gapPp')}</span>
          <strong>{o.gapPp === null ? '—' : t('assessments.gap.pp', { value: signed(o.gapPp, 1) })}</strong>
        </div>
        <p className="gap-summary__counts">
          {t('assessments.gap.counts', {
            count: o.compared,
            compared: formatNumber(o.compared),
            over: formatNumber(o.overRated),
            under: formatNumber(o.underRated),
            agreed: formatNumber(o.agreed),
          })}
        </p>
      </div>
      <h2>{t('assessments.gap.groups')}</h2>
      <p className="gap-legend no-print" aria-hidden="true">
        <span className="gap-legend__self" /> {t('assessments.gap.self')} <span className="gap-legend__inspector" />{' '}
        {t('assessments.gap.inspection')}
      </p>
      <table className="table gap-groups">
        <thead>
          <tr>
            <th scope="col">{t('assessments.gap.group')}</th>
            <th scope="col" className="numeric">
              {t('assessments.gap.selfPct')}
            </th>
            <th scope="col" className="numeric">
              {t('assessments.gap.inspectorPct')}
            </th>
            <th scope="col" className="numeric">
              {t('assessments.gap.gapPp')}
            </th>
            <th scope="col" className="numeric">
              {t('assessments.gap.overUnder')}
            </th>
            <th scope="col" className="no-print">
              <span className="visually-hidden">{t('assessments.gap.chart')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const group = framework.groups.find((x) => x.id === g.groupId);
            return (
              <tr key={g.groupId}>
                <th scope="row">
                  {g.groupId} {localized(group?.title, language)}
                </th>
                <td className="numeric">{formatPct(g.selfPct)}</td>
                <td className="numeric">{formatPct(g.inspectorPct)}</td>
                <td className={`numeric ${gapClass(g.gapPp === null ? null : Math.round(g.gapPp))}`}>{signed(g.gapPp, 1)}</td>
                <td className="numeric">
                  {formatNumber(g.overRated)} / {formatNumber(g.underRated)}
                </td>
                <td className="no-print">
                  <PairedBars total={g} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
