import type { ReportContext } from '../report-context';
import { reasonText, unitLabel } from '../report-context';
import { AccreditationCycle } from './AccreditationCycle';
import { Section } from './bits';

const findingOrder = ['critical', 'major', 'minor', 'observation'] as const;

/** The outcome, its reasons, the findings by class, and anything that must happen at once. */
export function Summary({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const { score, framework } = data;
  const d = 'reports.document';
  const decision = score.outcome.decision;
  const count = (c: string) => score.findings.filter((f) => f.class === c).length;
  const days = framework.rules.correctiveActionDays;
  return (
    <Section id="summary" n={n} title={text.t(`${d}.sections.summary`)}>
      <div className="figures">
        <div className="figure">
          <p className="figure__label">{text.t(`${d}.summary.overall`)}</p>
          <p className="figure__value">{text.pct(score.overall.pct)}</p>
        </div>
        <div className="figure">
          <p className="figure__label">{text.t(`${d}.summary.decision`)}</p>
          <p className="figure__value figure__value--text">{text.t(`${d}.outcome.${decision}`)}</p>
        </div>
        <div className="figure">
          <p className="figure__label">{text.t(`${d}.summary.findings`)}</p>
          <ul className="counts">
            {findingOrder.map((c) => (
              <li key={c}>
                <span>{text.t(`assessments.findingPlural.${c}`)}</span>
                <strong>{text.num(count(c))}</strong>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p>{text.t(`${d}.summary.answered`, { answered: score.counts.answered, total: score.counts.total, na: score.counts.na })}</p>
      <AccreditationCycle ctx={ctx} />
      <h2>{text.t(`${d}.summary.reasonsTitle.${decision}`)}</h2>
      {score.outcome.reasons.length > 0 ? (
        <ul>
          {score.outcome.reasons.map((r, i) => (
            <li key={i}>{reasonText(ctx, r)}</li>
          ))}
        </ul>
      ) : null}
      {score.stopUseNotices.length > 0 ? (
        <div className="notice" role="note">
          <h3>{text.t(`${d}.summary.stopUseTitle`)}</h3>
          <p>{text.t(`${d}.summary.stopUse`)}</p>
          <ul>
            {score.stopUseNotices.map((s) => {
              const found = ctx.criterion(s.criterionId);
              return (
                <li key={`${s.criterionId}@${s.programmeId ?? ''}`}>
                  <strong>{unitLabel(ctx, s.criterionId, s.programmeId)}</strong>
                  {found ? ` — ${text.fw(found.criterion.title)}` : ''}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {score.requiredActions.length > 0 ? (
        <>
          <h2>{text.t(`${d}.summary.requiredActionsTitle`)}</h2>
          <ul>
            {score.requiredActions.map((a, i) => (
              <li key={i}>
                {text.t(`${d}.summary.requiredAction`, {
                  criterion: a.criterionId,
                  source: unitLabel(ctx, a.sourceCriterionId, a.programmeId),
                  cohort: a.params.cohort ?? 0,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {count('critical') + count('major') + count('minor') > 0 ? (
        <p className="muted">{text.t(`${d}.summary.deadlines`, { critical: days.critical, major: days.major, minor: days.minor })}</p>
      ) : null}
    </Section>
  );
}
