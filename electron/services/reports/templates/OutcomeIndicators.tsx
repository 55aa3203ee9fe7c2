import { unitKey } from '../../../../shared/assessments/scope';
import type { Criterion } from '../../../../shared/framework/schema';
import type { ScoredItem } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';
import { programmeTitle } from '../report-context';
import { Fw, HeadRow, Section } from './bits';

/** Outcome criteria with their figures, traffic lights and benchmarks; unscored ones say why. */
export function OutcomeIndicators({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const d = 'reports.document.outcomes';
  const items = data.score.items.filter(
    (i) => ctx.criterion(i.criterionId)?.criterion.outcome !== undefined && i.status !== 'condition-not-met',
  );
  return (
    <Section id="outcomes" n={n} title={text.t('reports.document.sections.outcomes')} flow>
      <p>{text.t(`${d}.intro`)}</p>
      {items.length === 0 ? (
        <p>{text.t(`${d}.none`)}</p>
      ) : (
        <table>
          <HeadRow
            columns={[
              { label: text.t(`${d}.colIndicator`) },
              { label: text.t(`${d}.colValue`), num: true },
              { label: text.t(`${d}.colLight`) },
              { label: text.t(`${d}.colBenchmark`) },
            ]}
          />
          <tbody>
            {items.map((item) => (
              <OutcomeRow key={unitKey(item.criterionId, item.programmeId)} ctx={ctx} item={item} />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function OutcomeRow({ ctx, item }: { ctx: ReportContext; item: ScoredItem }) {
  const { data, text } = ctx;
  const d = 'reports.document.outcomes';
  const criterion = ctx.criterion(item.criterionId)!.criterion;
  const outcome = criterion.outcome!;
  const evaluation = item.outcome;
  const programme = programmeTitle(ctx, item.programmeId);
  const unit = unitOf(ctx, criterion, outcome.field);
  const value = evaluation?.value ?? null;
  const rules = data.framework.rules;
  const status = (() => {
    if (item.status === 'report-only') return text.t(`${d}.reportOnly`, { min: rules.minCohort });
    if (item.status === 'insufficient-data') return text.t(`${d}.insufficientData`, { min: rules.minTracerResponsePct });
    if (item.status === 'unanswered' || evaluation === null) return text.t(`${d}.notAnswered`);
    if (evaluation.light === null) return text.t(`${d}.missing`);
    return `${text.t(`${d}.light.${evaluation.light}`)} — ${text.rating(evaluation.rating)}`;
  })();
  const benchmark = text.t(outcome.direction === 'higherIsBetter' ? `${d}.benchmarkHigher` : `${d}.benchmarkLower`, {
    green: `${text.number(outcome.green)}${unit}`,
    amber: `${text.number(outcome.amber)}${unit}`,
  });
  return (
    <tr>
      <td>
        <strong>{item.criterionId}</strong> <Fw ctx={ctx} text={criterion.title} />
        {programme ? <div className="muted small">{programme}</div> : null}
      </td>
      <td className="num">
        {value === null ? text.t('reports.document.none') : `${text.number(value)}${unit}`}
        {evaluation?.cohort !== null && evaluation?.cohort !== undefined ? (
          <div className="small muted">{text.t(`${d}.cohort`, { n: evaluation.cohort })}</div>
        ) : null}
      </td>
      <td>
        <span className={`light light--${evaluation?.light ?? 'none'}`} aria-hidden="true" />
        {status}
      </td>
      <td className="small">{benchmark}</td>
    </tr>
  );
}

/** The unit suffix of the judged field: "%", " pp", or nothing for counts. */
function unitOf(ctx: ReportContext, criterion: Criterion, field: string): string {
  const unit = criterion.dataFields?.find((f) => f.id === field)?.unit;
  if (unit === '%') return ctx.text.t('reports.document.unit.pct');
  if (unit === 'pp') return ` ${ctx.text.t('reports.document.unit.pp')}`;
  return '';
}
