import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapReport, GapRow } from '../../../../../shared/assessments/gap';
import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import { counted, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { langOf, localized, programmeTitle } from '../model/text';
import { answerLabel, gapClass, signed, whyLabel } from './gap-format';

type Show = 'all' | 'differences' | 'over' | 'under';
type Sort = 'signed' | 'size' | 'framework';

interface GapTableProps {
  report: GapReport;
  framework: Framework;
  programmes: readonly ProgrammeSnapshot[];
}

/** Every unit with both ratings and the gap; by default the largest over-rating first. */
export function GapTable({ report, framework, programmes }: GapTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [group, setGroup] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [sort, setSort] = useState<Sort>('signed');
  const criteria = useMemo(() => new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const))), [framework]);
  const frameworkOrder = useMemo(() => new Map([...criteria.keys()].map((id, i) => [id, i])), [criteria]);

  const rows = useMemo(() => {
    const keep = (r: GapRow) =>
      (group === '' || r.groupId === group) &&
      (show === 'all' ||
        (show === 'differences' && r.gap !== null && r.gap !== 0) ||
        (show === 'over' && r.gap !== null && r.gap > 0) ||
        (show === 'under' && r.gap !== null && r.gap < 0));
    const list = report.rows.filter(keep);
    if (sort === 'size') return list; // the report's own order: largest gap either way, over-rating first on a tie
    const byFramework = (a: GapRow, b: GapRow) => (frameworkOrder.get(a.criterionId) ?? 0) - (frameworkOrder.get(b.criterionId) ?? 0);
    if (sort === 'framework') return [...list].sort(byFramework);
    return [...list].sort(
      (a, b) => (a.gap === null ? 1 : 0) - (b.gap === null ? 1 : 0) || (b.gap ?? 0) - (a.gap ?? 0) || byFramework(a, b),
    );
  }, [report, group, show, sort, frameworkOrder]);

  const groupsWithRows = framework.groups.filter((g) => report.rows.some((r) => r.groupId === g.id));
  return (
    <>
      <h2>{t('assessments.gap.criteria')}</h2>
      <div className="toolbar no-print">
        <div className="field">
          <label htmlFor="gap-group">{t('assessments.gap.group')}</label>
          <select id="gap-group" value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('assessments.gap.allGroups')}</option>
            {groupsWithRows.map((g) => (
              <option key={g.id} value={g.id}>
                {g.id} {localized(g.title, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gap-show">{t('assessments.gap.show')}</label>
          <select id="gap-show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
            {(['all', 'differences', 'over', 'under'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`assessments.gap.showOption.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gap-sort">{t('assessments.gap.sort')}</label>
          <select id="gap-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {(['signed', 'size', 'framework'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`assessments.gap.sortOption.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="secondary" aria-live="polite">
        {t('assessments.gap.shown', {
          ...counted(report.rows.length),
          n: formatNumber(rows.length),
          total: formatNumber(report.rows.length),
        })}
      </p>
      <table className="table gap-table">
        <thead>
          <tr>
            <th scope="col">{t('assessments.gap.criterion')}</th>
            <th scope="col">{t('assessments.gap.self')}</th>
            <th scope="col">{t('assessments.gap.inspection')}</th>
            <th scope="col" className="numeric">
              {t('assessments.gap.gap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const c = criteria.get(r.criterionId);
            const programme = r.programmeId === null ? undefined : programmes.find((p) => p.id === r.programmeId);
            const cls = gapClass(r.gap);
            return (
              <tr key={`${r.criterionId}@${r.programmeId ?? ''}`} className={`gap-row ${cls}`}>
                <th scope="row">
                  <span className="criterion__id">{r.criterionId}</span>{' '}
                  <span lang={langOf(c?.title, language)}>{localized(c?.title, language)}</span>
                  {programme ? <span className="secondary"> · {programmeTitle(programme, language)}</span> : null}
                  {r.critical ? <span className="tag tag--critical">{t('assessments.card.critical')}</span> : null}
                </th>
                <GapAnswerCell answer={r.self} why={whyLabel(t, r.self, r.selfWhy)} />
                <GapAnswerCell answer={r.inspector} why={whyLabel(t, r.inspector, r.inspectorWhy)} />
                <td className="numeric gap-cell">
                  <strong>{signed(r.gap)}</strong>
                  {r.gap !== null && r.gap !== 0 ? (
                    <span className="gap-word">{r.gap > 0 ? t('assessments.gap.over') : t('assessments.gap.under')}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The rating that counts, and under it why it is not the rating given. */
function GapAnswerCell({ answer, why }: { answer: GapRow['self']; why: string | null }) {
  const { t } = useTranslation();
  return (
    <td className="gap-answer">
      {answerLabel(t, answer)}
      {why === null ? null : <span className="gap-why">{why}</span>}
    </td>
  );
}
