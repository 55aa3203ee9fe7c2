import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import type { ScoreResult } from '../../../../../shared/scoring';
import { counted, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { formatPct, groupLabel, reasonText, unitLabel } from '../model/reasons';
import type { ReasonContext } from '../model/reasons';
import { localized, programmeTitle } from '../model/text';
import type { LiveScore } from '../model/live-score';
import { useScore } from './use-live-score';

interface ScorePanelProps {
  score: ScoreResult;
  /** The assessment is finalised: this is its final score, not a live one. */
  final: boolean;
  framework: Framework;
  programmes: readonly ProgrammeSnapshot[];
}

const findingOrder = ['critical', 'major', 'minor', 'observation'] as const;

/** The live score: computed in the renderer with the same pure functions the services use. */
export const ScorePanel = memo(function ScorePanel({ score, final, framework, programmes }: ScorePanelProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ctx: ReasonContext = { t, language, framework, programmes };
  const counts = Object.fromEntries(findingOrder.map((c) => [c, score.findings.filter((f) => f.class === c).length]));
  const shownGroups = score.groups.filter((g) => g.rated + g.unanswered + g.excluded > 0);
  const decision = score.outcome.decision;

  return (
    <section className="score-panel" aria-labelledby="score-heading">
      <h2 id="score-heading">
        {final ? t('assessments.score.finalTitle') : t('assessments.score.title')}
        {!score.complete ? <span className="tag">{t('assessments.score.provisional')}</span> : null}
      </h2>
      <div className="score-panel__overall">
        <span className="score-panel__pct" data-testid="overall-score">
          {formatPct(score.overall.pct)}
        </span>
        <span className="secondary">{t('assessments.score.overall')}</span>
      </div>
      <p className="secondary">
        {t('assessments.score.answered', { answered: formatNumber(score.counts.answered), total: formatNumber(score.counts.total) })}
        {score.counts.na > 0 ? ` · ${t('assessments.score.na', { n: formatNumber(score.counts.na) })}` : ''}
      </p>
      <div className={`decision decision--${decision}`} data-testid="decision">
        <span className="card-label">{score.complete ? t('assessments.score.outcome') : t('assessments.score.provisionalOutcome')}</span>
        <strong>{t(`assessments.decision.${decision}`)}</strong>
      </div>
      {/* Folded: the outcome, group scores and programme results stay in view on a laptop screen. */}
      {score.outcome.reasons.length > 0 ? (
        <details className="score-panel__why">
          <summary>{t('assessments.score.why', counted(score.outcome.reasons.length))}</summary>
          <ul className="reasons">
            {score.outcome.reasons.slice(0, 8).map((r, i) => (
              <li key={i}>{reasonText(ctx, r)}</li>
            ))}
            {score.outcome.reasons.length > 8 ? (
              <li>{t('assessments.score.moreReasons', counted(score.outcome.reasons.length - 8))}</li>
            ) : null}
          </ul>
        </details>
      ) : null}
      {score.stopUseNotices.length > 0 ? (
        <div className="banner banner--error" role="status">
          <p>
            <strong>{t('assessments.score.stopUse')}</strong>
          </p>
          <ul>
            {score.stopUseNotices.map((n) => (
              <li key={`${n.criterionId}@${n.programmeId ?? ''}`}>{unitLabel(ctx, n.criterionId, n.programmeId)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {score.requiredActions.length > 0 ? (
        <ul className="reasons">
          {score.requiredActions.map((a, i) => (
            <li key={i}>
              {t('assessments.score.requiredAction', {
                criterion: a.criterionId,
                source: unitLabel(ctx, a.sourceCriterionId, a.programmeId),
                cohort: formatNumber(a.params.cohort ?? 0),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t('assessments.score.groups')}</h3>
      <table className="group-scores">
        <tbody>
          {shownGroups.map((g) => {
            const group = framework.groups.find((x) => x.id === g.groupId);
            const min = g.kind === 'core' ? framework.rules.recommended.minGroupPct : framework.rules.mobilityReady.minSectorPct;
            return (
              <tr key={g.groupId} className={g.pct !== null && g.pct < min ? 'below' : undefined}>
                <th scope="row" title={localized(group?.title, language)}>
                  {g.groupId}
                  <span className="visually-hidden"> {localized(group?.title, language)}</span>
                </th>
                <td>
                  <span className="meter" aria-hidden="true">
                    <span className="meter__bar" style={{ width: `${g.pct ?? 0}%` }} />
                    <span className="meter__mark" style={{ left: `${min}%` }} />
                  </span>
                </td>
                <td className="numeric">{formatPct(g.pct)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {score.programmes.length > 0 ? <h3>{t('assessments.score.programmes')}</h3> : null}
      {score.programmes.map((p) => {
        const programme = programmes.find((x) => x.id === p.programmeId);
        return (
          <div key={p.programmeId} className="programme-result">
            <p>
              <strong>{programme ? programmeTitle(programme, language) : p.programmeId}</strong>
            </p>
            {p.sectorGroupId ? (
              <p className="secondary">
                {t('assessments.score.sectorModule', { group: groupLabel(ctx, p.sectorGroupId), pct: formatPct(p.sectorModule?.pct) })}
              </p>
            ) : null}
            {p.mobilityReady ? (
              <details>
                <summary className={p.mobilityReady.ready ? 'mobility mobility--ready' : 'mobility'}>
                  {p.mobilityReady.ready ? t('assessments.score.mobilityReady') : t('assessments.score.mobilityNotReady')}
                </summary>
                <ul className="reasons">
                  {p.mobilityReady.reasons.map((r, i) => (
                    <li key={i}>{reasonText(ctx, r)}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
      <h3>{t('assessments.score.findings')}</h3>
      <dl className="finding-counts">
        {findingOrder.map((c) => (
          <div key={c} className={`finding-count finding--${c}`}>
            <dt>{t(`assessments.findingPlural.${c}`)}</dt>
            <dd>{formatNumber(counts[c] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t('assessments.score.thresholdsNote')}</p>
    </section>
  );
});

/** The score panel of the open assessment: it alone (with the navigator) re-renders when a rating changes. */
export function LiveScorePanel({ live, ...props }: Omit<ScorePanelProps, 'score'> & { live: LiveScore }) {
  return <ScorePanel score={useScore(live)} {...props} />;
}
