import type { GapAnswer, GapTotal } from '../../../../shared/assessments/gap';
import type { ReportContext } from '../report-context';
import type { ReportGap } from '../report-data';
import { unitLabel } from '../report-context';
import { Fw, GroupName, HeadRow, RatingChip, Section } from './bits';

/** The institution's self-assessment against this inspection: totals by group, then every criterion rated differently. */
export function GapSection({ ctx, n, gap }: { ctx: ReportContext; n: string; gap: ReportGap }) {
  const { text } = ctx;
  const d = 'reports.document.gap';
  const { report, self } = gap;
  const groups = report.groups.filter((g) => g.compared > 0);
  const differing = report.rows.filter((r) => r.gap !== 0 && !(r.self === null && r.inspector === null));
  const signed = (value: number | null) =>
    value === null
      ? text.t('reports.document.none')
      : text.t(`${d}.points`, { count: Math.abs(value), value: `${value > 0 ? '+' : ''}${text.number(value)}` });
  const totalCells = (t: GapTotal) => (
    <>
      <td className="num">{text.pct(t.selfPct)}</td>
      <td className="num">{text.pct(t.inspectorPct)}</td>
      <td className="num">
        <strong>{signed(t.gapPp)}</strong>
      </td>
    </>
  );
  return (
    <Section id="gap" n={n} title={text.t('reports.document.sections.gap')}>
      <p>
        {text.t(`${d}.intro`, {
          date: text.date(self.siteVisitDate || self.finalisedAt || self.updatedAt),
          status: text.t(`assessments.status.${self.status}`),
        })}
      </p>
      <table>
        <HeadRow
          columns={[
            { label: text.t(`${d}.colGroup`) },
            { label: text.t(`${d}.colSelf`), num: true },
            { label: text.t(`${d}.colInspector`), num: true },
            { label: text.t(`${d}.colGap`), num: true },
          ]}
        />
        <tbody>
          {groups.map((g) => (
            <tr key={g.groupId}>
              <td>
                <GroupName ctx={ctx} groupId={g.groupId} />
              </td>
              {totalCells(g)}
            </tr>
          ))}
          <tr>
            <td>
              <strong>{text.t('reports.document.scores.overallRow')}</strong>
            </td>
            {totalCells(report.overall)}
          </tr>
        </tbody>
      </table>
      <p>
        {text.t(`${d}.counts`, {
          count: report.overall.compared,
          compared: report.overall.compared,
          over: report.overall.overRated,
          under: report.overall.underRated,
          agreed: report.overall.agreed,
        })}
      </p>
      <h2>{text.t(`${d}.criteriaTitle`)}</h2>
      {differing.length === 0 ? (
        <p>{text.t(`${d}.none`)}</p>
      ) : (
        <table>
          <HeadRow
            columns={[
              { label: text.t(`${d}.colCriterion`) },
              { label: text.t(`${d}.colSelf`) },
              { label: text.t(`${d}.colInspector`) },
              { label: text.t(`${d}.colGap`), num: true },
            ]}
          />
          <tbody>
            {differing.map((r) => (
              <tr key={`${r.criterionId}@${r.programmeId ?? ''}`}>
                <td>
                  <strong>{unitLabel(ctx, r.criterionId, r.programmeId)}</strong>{' '}
                  <Fw ctx={ctx} text={ctx.criterion(r.criterionId)?.criterion.title} />
                </td>
                <td>
                  <Answer ctx={ctx} value={r.self} missing="notRatedSelf" />
                </td>
                <td>
                  <Answer ctx={ctx} value={r.inspector} missing="notScored" />
                </td>
                <td className="num">
                  <strong>{r.gap === null ? text.t('reports.document.none') : `${r.gap > 0 ? '+' : ''}${text.num(r.gap)}`}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** A rating, or why there is none: the self-assessment did not rate it, or the inspection did not score it (an outcome reported only). */
function Answer({ ctx, value, missing }: { ctx: ReportContext; value: GapAnswer; missing: 'notRatedSelf' | 'notScored' }) {
  if (value === null) return <span className="muted">{ctx.text.t(`reports.document.gap.${missing}`)}</span>;
  return <RatingChip ctx={ctx} value={value} />;
}
