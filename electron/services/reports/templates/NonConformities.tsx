import { unitKey } from '../../../../shared/assessments/scope';
import type { Finding } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';
import { programmeTitle } from '../report-context';
import { evidenceLabels } from './evidence-labels';
import { FindingBadge, Fw, HeadRow, RatingChip, Section } from './bits';

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
            {findings.map((f) => (
              <FindingRow key={unitKey(f.criterionId, f.programmeId)} ctx={ctx} finding={f} />
            ))}
          </tbody>
        </table>
      )}
      {observations > 0 ? <p className="muted">{text.t(`${d}.observations`, { count: observations, n: observations })}</p> : null}
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
      <td>
        {action ? (
          <>
            <p>{actionDescription(ctx, action.description, f)}</p>
            <p className="small">{action.owner ? text.t(`${d}.owner`, { owner: action.owner }) : text.t(`${d}.noOwner`)}</p>
            <p className="small">
              <strong>{text.t(`${d}.due`, { date: text.date(action.dueDate) })}</strong>
            </p>
            <p className="small muted">{text.t(`${d}.status`, { status: text.t(`assessments.actionStatus.${action.status}`) })}</p>
          </>
        ) : (
          <p className="small muted">{text.t(`${d}.notRaised`, { days: f.dueDays ?? '' })}</p>
        )}
      </td>
    </tr>
  );
}

/**
 * Actions are raised with the criterion's English title as their description; a Bangla report shows the
 * Bangla title instead unless someone has written their own description.
 */
function actionDescription(ctx: ReportContext, description: string, f: Finding): string {
  const found = ctx.criterion(f.criterionId);
  const programme = ctx.programme(f.programmeId);
  if (!found) return description;
  const english = programme ? `${found.criterion.title.en} (${programme.titleEn})` : found.criterion.title.en;
  if (description !== english) return description;
  const title = ctx.text.fw(found.criterion.title);
  return programme ? `${title} (${ctx.text.name(programme.titleEn, programme.titleBn)})` : title;
}
