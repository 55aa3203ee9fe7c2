import type { GapAnswer, GapTotal, GapWhy } from '../../../../shared/assessments/gap';
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
        })}{' '}
        {text.t(`${d}.counted`)}
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
                  <Answer ctx={ctx} value={r.self} why={r.selfWhy} missing="notRatedSelf" />
                </td>
                <td>
                  <Answer ctx={ctx} value={r.inspector} why={r.inspectorWhy} missing="notScored" />
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

interface AnswerProps {
  ctx: ReportContext;
  value: GapAnswer;
  why: GapWhy | null;
  missing: 'notRatedSelf' | 'notScored';
}

/**
 * The rating that counts, or why there is none (the self-assessment did not rate it, or the inspection did
 * not score it), and under it why it is not the rating given: interviews only, or scored from the figures.
 */
function Answer({ ctx, value, why, missing }: AnswerProps) {
  const note = whyText(ctx, value, why);
  return (
    <>
      {value === null ? (
        <span className="muted">{ctx.text.t(`reports.document.gap.${missing}`)}</span>
      ) : (
        <RatingChip ctx={ctx} value={value} />
      )}
      {note === null ? null : <div className="small muted">{note}</div>}
    </>
  );
}

function whyText(ctx: ReportContext, value: GapAnswer, why: GapWhy | null): string | null {
  const d = 'reports.document.gap';
  if (why === null) return null;
  if (why.code === 'interview-only')
    return typeof value === 'number' ? ctx.text.t(`${d}.whyInterviewOnly`, { typed: why.typed, rating: value }) : null;
  const light = why.light === null ? '' : ctx.text.t(`reports.document.outcomes.light.${why.light}`);
  return ctx.text.t(`${d}.whyFigures.${why.status}`, { light, rating: typeof value === 'number' ? value : 0 });
}
