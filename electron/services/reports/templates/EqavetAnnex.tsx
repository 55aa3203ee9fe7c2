import type { ScoredItem } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';
import { programmeTitle } from '../report-context';
import { Fw, HeadRow, Section } from './bits';

/**
 * Annex: the EQAVET quality cycle (four phases) and the ten EQAVET indicators, each with the criteria the
 * framework links to it (its `eqavet` block) and their ratings in this assessment — one rating for an
 * institution-level criterion, one per programme for a programme-level one. Compact: ids and ratings only;
 * the titles are in the criteria section.
 */
export function EqavetAnnex({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const d = 'reports.document.eqavet';
  const byCriterion = new Map<string, ScoredItem[]>();
  for (const item of data.score.items) byCriterion.set(item.criterionId, [...(byCriterion.get(item.criterionId) ?? []), item]);
  const eqavet = data.framework.eqavet;
  return (
    <Section id="eqavet" n={n} title={text.t('reports.document.sections.eqavet')}>
      <p>{text.t(`${d}.intro`)}</p>
      <h2>{text.t(`${d}.phases`)}</h2>
      <table className="eqavet">
        <HeadRow columns={[{ label: text.t(`${d}.colPhase`) }, { label: text.t(`${d}.colCriteria`) }]} />
        <tbody>
          {eqavet.phases.map((phase) => (
            <tr key={phase.id}>
              <td className="nowrap">
                <Fw ctx={ctx} text={phase.label} />
              </td>
              <td>
                <CriteriaRatings ctx={ctx} ids={phase.criteria} byCriterion={byCriterion} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{text.t(`${d}.indicators`)}</h2>
      <table className="eqavet">
        <HeadRow columns={[{ label: text.t(`${d}.colIndicator`) }, { label: text.t(`${d}.colCriteria`) }]} />
        <tbody>
          {[...eqavet.indicators]
            .sort((a, b) => a.number - b.number)
            .map((indicator) => (
              <tr key={indicator.number}>
                <td>
                  {text.num(indicator.number)}. <Fw ctx={ctx} text={indicator.label} />
                </td>
                <td>
                  <CriteriaRatings ctx={ctx} ids={indicator.criteria} byCriterion={byCriterion} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </Section>
  );
}

function CriteriaRatings({
  ctx,
  ids,
  byCriterion,
}: {
  ctx: ReportContext;
  ids: readonly string[];
  byCriterion: Map<string, ScoredItem[]>;
}) {
  const { text } = ctx;
  const d = 'reports.document.eqavet';
  if (ids.length === 0) return <span className="muted">{text.t(`${d}.none`)}</span>;
  return (
    <span className="eqavet__criteria">
      {ids.map((id, i) => {
        const items = byCriterion.get(id) ?? [];
        return (
          <span key={id}>
            {i > 0 ? ' · ' : ''}
            <strong>{id}</strong>{' '}
            {items.length === 0 ? (
              <span className="muted">{text.t(`${d}.notInScope`)}</span>
            ) : (
              items.map((item) => ratingOf(ctx, item)).join(', ')
            )}
          </span>
        );
      })}
    </span>
  );
}

/** The rating that counts, short: "3", "N/A", "—"; a programme's rating names the programme. */
function ratingOf(ctx: ReportContext, item: ScoredItem): string {
  const { text } = ctx;
  const value =
    item.status === 'rated' && item.rating !== null
      ? text.num(item.rating)
      : item.status === 'na' || item.status === 'condition-not-met'
        ? text.t('assessments.rating.na')
        : '—';
  const programme = item.programmeId === null ? null : programmeTitle(ctx, item.programmeId);
  return programme ? `${value} (${programme})` : value;
}
