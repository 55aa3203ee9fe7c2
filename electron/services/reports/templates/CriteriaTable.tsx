import { unitKey } from '../../../../shared/assessments/scope';
import type { ScoredItem } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';
import { programmeTitle } from '../report-context';
import { Fw, HeadRow, RatingChip, Section } from './bits';

/** Every unit of audit, group by group: id, title, rating, note or N/A reason, evidence seen. */
export function CriteriaTable({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const d = 'reports.document.criteria';
  const byGroup = new Map<string, ScoredItem[]>();
  for (const item of data.score.items) byGroup.set(item.groupId, [...(byGroup.get(item.groupId) ?? []), item]);
  return (
    <Section id="criteria" n={n} title={text.t('reports.document.sections.criteria')}>
      <p>{text.t(`${d}.intro`)}</p>
      <p className="small muted">
        {data.framework.evidenceTypes.map((t, i) => (
          <span key={t.code}>
            {i > 0 ? ' · ' : ''}
            <strong>{t.code}</strong> <Fw ctx={ctx} text={t.label} />
          </span>
        ))}
      </p>
      {data.framework.groups
        .filter((g) => byGroup.has(g.id))
        .map((g) => (
          <div key={g.id}>
            <h2>
              {g.id} — <Fw ctx={ctx} text={g.title} />
            </h2>
            <table className="criteria">
              <colgroup>
                <col className="c-id" />
                <col className="c-title" />
                <col className="c-rating" />
                <col className="c-note" />
                <col className="c-evidence" />
              </colgroup>
              <HeadRow
                columns={[
                  { label: text.t(`${d}.colId`) },
                  { label: text.t(`${d}.colCriterion`) },
                  { label: text.t(`${d}.colRating`) },
                  { label: text.t(`${d}.colNote`) },
                  { label: text.t(`${d}.colEvidence`) },
                ]}
              />
              <tbody>
                {(byGroup.get(g.id) ?? []).map((item) => (
                  <CriterionRow key={unitKey(item.criterionId, item.programmeId)} ctx={ctx} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Section>
  );
}

function CriterionRow({ ctx, item }: { ctx: ReportContext; item: ScoredItem }) {
  const { data, text } = ctx;
  const d = 'reports.document.criteria';
  const found = ctx.criterion(item.criterionId);
  const rating = data.ratings.get(unitKey(item.criterionId, item.programmeId));
  const programme = programmeTitle(ctx, item.programmeId);
  const files = ctx.evidenceRefs(item.criterionId, item.programmeId);
  const condition = data.framework.conditions.find((c) => c.id === found?.criterion.appliesWhen);
  return (
    <tr>
      <td className="nowrap">
        <strong>{item.criterionId}</strong>
      </td>
      <td>
        <Fw ctx={ctx} text={found?.criterion.title} />
        {programme ? <div className="muted small">{programme}</div> : null}
        <div className="tags">
          {item.critical ? <span className="tag tag--critical">{text.t(`${d}.critical`)}</span> : null}
          {item.safety ? <span className="tag tag--safety">{text.t(`${d}.safety`)}</span> : null}
          <span className="tag">{text.t(`${d}.weight`, { weight: item.weight })}</span>
        </div>
      </td>
      <td>
        <RatingCell ctx={ctx} item={item} />
        <CappedNote ctx={ctx} item={item} />
      </td>
      <td>
        <OverrideReason ctx={ctx} item={item} reason={rating?.overrideReason ?? ''} />
        {item.status === 'condition-not-met' ? (
          <span className="muted">{text.t(`${d}.conditionNotMet`, { condition: condition ? text.fw(condition.label) : '' })}</span>
        ) : null}
        {item.status === 'na' && rating?.naReason ? <p className="pre">{text.t(`${d}.naReason`, { reason: rating.naReason })}</p> : null}
        {rating?.note ? <p className="pre">{rating.note}</p> : null}
      </td>
      <td className="small">
        {(rating?.evidenceSeen ?? []).join(', ')}
        {files.length > 0 ? <div>{files.join(', ')}</div> : null}
      </td>
    </tr>
  );
}

/** Under the rating: a typed "Met" on interviews alone counts as 2 (§7.1). */
function CappedNote({ ctx, item }: { ctx: ReportContext; item: ScoredItem }) {
  if (item.capped !== 'interview-only' || item.typed === undefined || item.rating === null) return null;
  return (
    <div className="small muted">
      {ctx.text.t('reports.document.criteria.cappedInterviewOnly', { typed: item.typed, rating: item.rating })}
    </div>
  );
}

/** Next to the rating: why a critical "Met" stands without observation or record evidence (§7.1). */
function OverrideReason({ ctx, item, reason }: { ctx: ReportContext; item: ScoredItem; reason: string }) {
  if (item.criticalMetWithoutObsOrRec !== true || reason.trim() === '') return null;
  return (
    <p className="pre">
      <strong>{ctx.text.t('reports.document.criteria.overrideReason')}</strong> {reason}
    </p>
  );
}

function RatingCell({ ctx, item }: { ctx: ReportContext; item: ScoredItem }) {
  const { text } = ctx;
  const d = 'reports.document.criteria';
  switch (item.status) {
    case 'rated':
      return (
        <>
          <RatingChip ctx={ctx} value={item.rating} />
          {item.outcome ? <div className="small muted">{text.t(`${d}.fromData`)}</div> : null}
        </>
      );
    case 'na':
      return <RatingChip ctx={ctx} value="na" />;
    case 'condition-not-met':
      return <span className="chip chip--na">{text.t('assessments.rating.na')}</span>;
    case 'report-only':
      return <span className="chip chip--na">{text.t(`${d}.reportOnly`)}</span>;
    case 'insufficient-data':
      return <span className="chip chip--na">{text.t(`${d}.insufficientData`)}</span>;
    case 'unanswered':
      return <RatingChip ctx={ctx} value={null} />;
  }
}
