import { unitKey } from '../../../../shared/assessments/scope';
import type { Finding } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';
import { programmeTitle } from '../report-context';
import { CorrectiveActionCell } from './CorrectiveActionCell';
import { evidenceLabels } from './evidence-labels';
import { FindingBadge, Fw, HeadRow, RatingChip, Section } from './bits';
import { FindingPhotosRow, ObservationPhotos } from './PhotoEvidence';

const classOrder = { critical: 0, major: 1, minor: 2, observation: 3 } as const;

/** Every non-conformity: its class, the criterion, what the inspectors found and saw, and the corrective action. */
export function NonConformities({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const d = 'reports.document.nonConformities';
  const findings = data.score.findings
    .filter((f) => f.class !== 'observation')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => classOrder[a.f.class] - classOrder[b.f.class] || a.i - b.i)
    .map((x) => x.f);
  const observations = data.score.findings.length - findings.length;
  return (
    <Section id="non-conformities" n={n} title={text.t('reports.document.sections.nonConformities')}>
      {findings.length === 0 ? (
        <p>{text.t(`${d}.none`)}</p>
      ) : (
        <table className="nc">
          <colgroup>
            <col className="c-class" />
            <col className="c-criterion" />
            <col className="c-finding" />
            <col className="c-action" />
          </colgroup>
          <HeadRow
            columns={[
              { label: text.t(`${d}.colClass`) },
              { label: text.t(`${d}.colCriterion`) },
              { label: text.t(`${d}.colFinding`) },
              { label: text.t(`${d}.colAction`) },
            ]}
          />
          <tbody>
            {findings.flatMap((f) => [
              <FindingRow key={unitKey(f.criterionId, f.programmeId)} ctx={ctx} finding={f} />,
              // The photos follow their finding in a row of their own, across the whole table.
              <FindingPhotosRow
                key={`${unitKey(f.criterionId, f.programmeId)}#photos`}
                ctx={ctx}
                criterionId={f.criterionId}
                programmeId={f.programmeId}
                columns={4}
              />,
            ])}
          </tbody>
        </table>
      )}
      {observations > 0 ? <p className="muted">{text.t(`${d}.observations`, { count: observations, n: observations })}</p> : null}
      <ObservationPhotos ctx={ctx} />
    </Section>
  );
}

function FindingRow({ ctx, finding: f }: { ctx: ReportContext; finding: Finding }) {
  const { data, text } = ctx;
  const d = 'reports.document.nonConformities';
  const key = unitKey(f.criterionId, f.programmeId);
  const rating = data.ratings.get(key);
  const action = data.actions.get(key);
  const found = ctx.criterion(f.criterionId);
  const programme = programmeTitle(ctx, f.programmeId);
  const seen = evidenceLabels(ctx, rating?.evidenceSeen ?? []);
  const files = ctx.evidenceRefs(f.criterionId, f.programmeId);
  const stopUse = data.score.stopUseNotices.some((s) => s.criterionId === f.criterionId && s.programmeId === f.programmeId);
  return (
    <tr>
      <td>
        <FindingBadge ctx={ctx} findingClass={f.class} />
      </td>
      <td>
        <strong>{f.criterionId}</strong> <Fw ctx={ctx} text={found?.criterion.title} />
        {programme ? <div className="muted small">{programme}</div> : null}
        {f.critical || f.safety ? (
          <div className="tags">
            {f.critical ? <span className="tag tag--critical">{text.t('reports.document.criteria.critical')}</span> : null}
            {f.safety ? <span className="tag tag--safety">{text.t('reports.document.criteria.safety')}</span> : null}
          </div>
        ) : null}
      </td>
      <td>
        <p>
          <RatingChip ctx={ctx} value={f.rating} />
        </p>
        <p className="pre">{rating?.note ? rating.note : <span className="muted">{text.t(`${d}.noNote`)}</span>}</p>
        <p className="small">{seen ? text.t(`${d}.evidenceSeen`, { evidence: seen }) : text.t(`${d}.noEvidenceSeen`)}</p>
        {files.length > 0 ? <p className="small">{text.t(`${d}.evidenceFiles`, { refs: files.join(', ') })}</p> : null}
        {stopUse ? <p className="not-ok small">{text.t(`${d}.stopUse`)}</p> : null}
      </td>
      <CorrectiveActionCell ctx={ctx} finding={f} action={action} written={data.findingActions.get(key)} />
    </tr>
  );
}
