import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import type { GroupScore, Reason, ScoreResult } from '../../../../../shared/scoring';
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

/**
 * The live score: computed in the renderer with the same pure functions the services use. Each part
 * is memoised on its own figures, so a rating re-renders the lines it moves (the count, the overall %,
 * one group's row, the finding counts), not the whole panel.
 */
export const ScorePanel = memo(function ScorePanel({ score, final, framework, programmes }: ScorePanelProps) {
  const { t } = useTranslation();
  const counts = { critical: 0, major: 0, minor: 0, observation: 0 };
  for (const f of score.findings) counts[f.class] += 1;
  const shownGroups = score.groups.filter((g) => g.rated + g.unanswered + g.excluded > 0);
  const reasons = useSame(score.outcome.reasons);
  const results = useSame(score.programmes);

  return (
    <section className="score-panel" aria-labelledby="score-heading">
      <ScoreHeading final={final} complete={score.complete} />
      <div className="score-panel__overall">
        <span className="score-panel__pct" data-testid="overall-score">
          {formatPct(score.overall.pct)}
        </span>
        <OverallLabel />
      </div>
      <Answered answered={score.counts.answered} total={score.counts.total} na={score.counts.na} />
      <Decision decision={score.outcome.decision} complete={score.complete} />
      <Why reasons={reasons} framework={framework} programmes={programmes} />
      <StopUse notices={score.stopUseNotices} framework={framework} programmes={programmes} />
      <RequiredActions actions={score.requiredActions} framework={framework} programmes={programmes} />
      <h3>{t('assessments.score.groups')}</h3>
      <table className="group-scores">
        <tbody>
          {shownGroups.map((g) => (
            <GroupRow key={g.groupId} framework={framework} groupId={g.groupId} kind={g.kind} pct={g.pct} />
          ))}
        </tbody>
      </table>
      <ProgrammeResults results={results} framework={framework} programmes={programmes} />
      <FindingCounts critical={counts.critical} major={counts.major} minor={counts.minor} observation={counts.observation} />
    </section>
  );
});

/** The same object as last time while its content is the same (scoring makes new arrays on every change). */
function useSame<T>(value: T): T {
  const kept = useRef<{ value: T; json: string } | null>(null);
  const json = JSON.stringify(value);
  if (kept.current === null || kept.current.json !== json) kept.current = { value, json };
  return kept.current.value;
}

function useReasonContext(framework: Framework, programmes: readonly ProgrammeSnapshot[]): ReasonContext {
  const { t } = useTranslation();
  return { t, language: currentLanguage(), framework, programmes };
}

interface Shown {
  framework: Framework;
  programmes: readonly ProgrammeSnapshot[];
}

const ScoreHeading = memo(function ScoreHeading({ final, complete }: { final: boolean; complete: boolean }) {
  const { t } = useTranslation();
  return (
    <h2 id="score-heading">
      {final ? t('assessments.score.finalTitle') : t('assessments.score.title')}
      {!complete ? <span className="tag">{t('assessments.score.provisional')}</span> : null}
    </h2>
  );
});

const OverallLabel = memo(function OverallLabel() {
  const { t } = useTranslation();
  return <span className="secondary">{t('assessments.score.overall')}</span>;
});

const Answered = memo(function Answered({ answered, total, na }: { answered: number; total: number; na: number }) {
  const { t } = useTranslation();
  return (
    <p className="secondary">
      {t('assessments.score.answered', { answered: formatNumber(answered), total: formatNumber(total) })}
      {na > 0 ? ` · ${t('assessments.score.na', { n: formatNumber(na) })}` : ''}
    </p>
  );
});

const Decision = memo(function Decision({ decision, complete }: { decision: ScoreResult['outcome']['decision']; complete: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`decision decision--${decision}`} data-testid="decision">
      <span className="card-label">{complete ? t('assessments.score.outcome') : t('assessments.score.provisionalOutcome')}</span>
      <strong>{t(`assessments.decision.${decision}`)}</strong>
    </div>
  );
});

// Folded: the outcome, group scores and programme results stay in view on a laptop screen.
const Why = memo(function Why({ reasons, framework, programmes }: Shown & { reasons: readonly Reason[] }) {
  const ctx = useReasonContext(framework, programmes);
  const { t } = ctx;
  if (reasons.length === 0) return null;
  return (
    <details className="score-panel__why">
      <summary>{t('assessments.score.why', counted(reasons.length))}</summary>
      <ul className="reasons">
        {reasons.slice(0, 8).map((r, i) => (
          <li key={i}>{reasonText(ctx, r)}</li>
        ))}
        {reasons.length > 8 ? <li>{t('assessments.score.moreReasons', counted(reasons.length - 8))}</li> : null}
      </ul>
    </details>
  );
});

const StopUse = memo(function StopUse({ notices, framework, programmes }: Shown & { notices: ScoreResult['stopUseNotices'] }) {
  const ctx = useReasonContext(framework, programmes);
  if (notices.length === 0) return null;
  return (
    <div className="banner banner--error" role="status">
      <p>
        <strong>{ctx.t('assessments.score.stopUse')}</strong>
      </p>
      <ul>
        {notices.map((n) => (
          <li key={`${n.criterionId}@${n.programmeId ?? ''}`}>{unitLabel(ctx, n.criterionId, n.programmeId)}</li>
        ))}
      </ul>
    </div>
  );
});

const RequiredActions = memo(function RequiredActions({
  actions,
  framework,
  programmes,
}: Shown & { actions: ScoreResult['requiredActions'] }) {
  const ctx = useReasonContext(framework, programmes);
  if (actions.length === 0) return null;
  return (
    <ul className="reasons">
      {actions.map((a, i) => (
        <li key={i}>
          {ctx.t('assessments.score.requiredAction', {
            criterion: a.criterionId,
            source: unitLabel(ctx, a.sourceCriterionId, a.programmeId),
            cohort: formatNumber(a.params.cohort ?? 0),
          })}
        </li>
      ))}
    </ul>
  );
});

interface GroupRowProps {
  framework: Framework;
  groupId: string;
  kind: GroupScore['kind'];
  pct: number | null;
}

const GroupRow = memo(function GroupRow({ framework, groupId, kind, pct }: GroupRowProps) {
  // Follows the language (the title and the digits), as every memoised part must.
  useTranslation();
  const language = currentLanguage();
  const group = framework.groups.find((x) => x.id === groupId);
  const min = kind === 'core' ? framework.rules.recommended.minGroupPct : framework.rules.mobilityReady.minSectorPct;
  return (
    <tr className={pct !== null && pct < min ? 'below' : undefined}>
      <th scope="row" title={localized(group?.title, language)}>
        {groupId}
        <span className="visually-hidden"> {localized(group?.title, language)}</span>
      </th>
      <td>
        <span className="meter" aria-hidden="true">
          <span className="meter__bar" style={{ width: `${pct ?? 0}%` }} />
          <span className="meter__mark" style={{ left: `${min}%` }} />
        </span>
      </td>
      <td className="numeric">{formatPct(pct)}</td>
    </tr>
  );
});

const ProgrammeResults = memo(function ProgrammeResults({
  results,
  framework,
  programmes,
}: Shown & { results: ScoreResult['programmes'] }) {
  const ctx = useReasonContext(framework, programmes);
  const { t, language } = ctx;
  return (
    <>
      {results.length > 0 ? <h3>{t('assessments.score.programmes')}</h3> : null}
      {results.map((p) => {
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
    </>
  );
});

const FindingCounts = memo(function FindingCounts(counts: Record<(typeof findingOrder)[number], number>) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('assessments.score.findings')}</h3>
      <dl className="finding-counts">
        {findingOrder.map((c) => (
          <div key={c} className={`finding-count finding--${c}`}>
            <dt>{t(`assessments.findingPlural.${c}`)}</dt>
            <dd>{formatNumber(counts[c])}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t('assessments.score.thresholdsNote')}</p>
    </>
  );
});

/** The score panel of the open assessment: it alone (with the navigator) re-renders when a rating changes. */
export function LiveScorePanel({ live, ...props }: Omit<ScorePanelProps, 'score'> & { live: LiveScore }) {
  return <ScorePanel score={useScore(live)} {...props} />;
}
