import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveData } from '../../../../../shared/assessments/effective-data';
import { ratingRuleIssues } from '../../../../../shared/assessments/rules';
import { cardEvidence } from '../../../../../shared/evidence/card-evidence';
import { classifyFinding, hasFigures, missingFigures, noFiguresKept, ratingFromFigures } from '../../../../../shared/scoring';
import type { DataValues, FiguresRating as FiguresVerdict, RatingAnswer } from '../../../../../shared/scoring';
import { formatNumber } from '../../../format';
import { href } from '../../../router';
import { currentLanguage } from '../../../i18n';
import { langOf, localized, programmeTitle } from '../model/text';
import { unitDomId } from '../model/units';
import type { Unit } from '../model/units';
import { sameForCard, useUnitView, useWorkspace } from '../model/workspace-context';
import type { UnitState } from '../model/rating-store';
import { DataFields } from './DataFields';
import { EvidenceOverride } from './EvidenceOverride';
import { EvidencePicker } from './EvidencePicker';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { routeAssessmentId, useAttachedTypes } from '../evidence/evidence-store';
import { figuresText } from './figures-text';
import { FiguresRating } from './FiguresRating';
import { MaturityChoices, RatingChoices } from './RatingChoices';
import { NaReasonField, NoteField, TYPING_DELAY_MS } from './CardFields';
import { useLive } from './use-live-score';

export { TYPING_DELAY_MS };

// The card's files do not change with its rating or note: a rating click does not re-render them.
const FilesOfUnit = memo(EvidencePanel);
const same = (s: UnitState) => s;

interface CriterionCardProps {
  unit: Unit;
  current: boolean;
  readOnly: boolean;
  /** Show the 0–4 maturity lens (self-assessment, a maturity group, lens switched on). */
  maturity: boolean;
  /** The institution's own rating of this unit, shown to the inspector; undefined when there is none. */
  selfAnswer: RatingAnswer | undefined;
  /** Show the programme name (lists that mix sections: filters and search). */
  showProgramme: boolean;
}

/**
 * One unit of audit. Re-renders only when its own answers (not the text typed in its note or override
 * reason: those fields follow themselves), the rating it counts as, or its props change, so a long
 * framework stays quick to work through; its parts that did not change (evidence, figures) are not
 * rendered again. The finding shown is the one the counted rating makes — after the evidence rules
 * (interviews alone count a "Met" as 2) and figures — as in the score panel and the report. The card
 * itself is focusable (roving focus) for the keyboard shortcuts.
 */
export const CriterionCard = memo(function CriterionCard({
  unit,
  current,
  readOnly,
  maturity,
  selfAnswer,
  showProgramme,
}: CriterionCardProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { framework, store, live, actions, kind, institutionId } = useWorkspace();
  const state = useUnitView(store, unit.key, same, sameForCard);
  // What the unit counts as in the score (after the evidence rules and figures): the finding follows it.
  const counted = useLive(live, (l) => l.counted(unit.key));
  const { criterion } = unit;
  const domId = unitDomId(unit);
  const titleId = `${domId}-title`;
  const link = useMemo(() => ({ criterionId: criterion.id, programmeId: unit.programmeId }), [criterion.id, unit.programmeId]);
  const attachedTypes = useAttachedTypes(routeAssessmentId(), link);
  // Ticks and attached files are one list: a file of a type counts as that type seen, for the rules too.
  const evidence = useMemo(
    () =>
      cardEvidence(
        framework.evidenceTypes.map((e) => e.code),
        criterion.evidence,
        state.evidenceSeen,
        attachedTypes.map((evidenceType) => ({ evidenceType })),
      ),
    [framework, criterion.evidence, state.evidenceSeen, attachedTypes],
  );
  const fromProgramme = useMemo(
    () => (criterion.dataFields?.length ? effectiveData(framework, criterion, state.data, unit.programme) : null),
    [framework, criterion, state.data, unit.programme],
  );
  const { key } = unit;
  const onRate = useCallback((value: RatingAnswer) => actions.rate(key, value), [actions, key]);
  const onMaturity = useCallback((level: number) => actions.setMaturity(key, level), [actions, key]);
  const onEvidence = useCallback((evidenceSeen: string[]) => actions.change(key, { evidenceSeen }, 0), [actions, key]);
  const onData = useCallback((data: DataValues) => actions.change(key, { data }, TYPING_DELAY_MS), [actions, key]);
  const flush = useCallback(() => actions.flush(key), [actions, key]);

  if (!unit.applicable) {
    const condition = framework.conditions.find((c) => c.id === criterion.appliesWhen);
    return (
      <article id={domId} className="criterion criterion--excluded" aria-labelledby={titleId} tabIndex={-1}>
        <header className="criterion__header">
          <span className="criterion__id">{criterion.id}</span>
          <h3 id={titleId} lang={langOf(criterion.title, language)}>
            {localized(criterion.title, language)}
          </h3>
        </header>
        <p className="secondary">{t('assessments.card.conditionNotMet', { condition: localized(condition?.label, language) })}</p>
      </article>
    );
  }

  const guidanceText = kind === 'self-assessment' && criterion.selfGuidance ? criterion.selfGuidance : criterion.guidance;
  const isOutcome = criterion.outcome !== undefined;
  const answered = state.rating !== null || (isOutcome && hasFigures(state.data));
  // Scored from its figures: the card shows exactly what the score counts (the same function decides).
  const figures: FiguresVerdict | null = isOutcome
    ? state.rating === 'na' && unit.critical
      ? { status: 'unanswered', rating: null, outcome: null, missing: missingFigures(criterion, state.data) }
      : ratingFromFigures(criterion, state.rating, state.data, framework.rules)
    : null;
  const shownFigures = figures === null ? null : figuresText(t, criterion, figures, framework.rules, language);
  const finding = typeof counted === 'number' ? classifyFinding(counted, unit.critical) : null;
  const issues = ratingRuleIssues(
    { rating: state.rating, naReason: state.naReason, evidenceSeen: evidence.seen },
    { critical: unit.critical, outcome: isOutcome },
  );
  const criticalCondition =
    criterion.critical.mode === 'when'
      ? framework.conditions.find((c) => c.id === (criterion.critical as { condition: string }).condition)
      : undefined;

  return (
    <article
      id={domId}
      className={`criterion${current ? ' criterion--current' : ''}${finding ? ` criterion--${finding}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={shownFigures ? `${domId}-counts ${domId}-why` : undefined}
      aria-current={current ? 'true' : undefined}
      tabIndex={current ? 0 : -1}
      data-unit={unit.key}
      onFocus={() => actions.setCurrent(unit.key)}
    >
      <header className="criterion__header">
        <span className="criterion__id">{criterion.id}</span>
        <h3 id={titleId} lang={langOf(criterion.title, language)}>
          {localized(criterion.title, language)}
        </h3>
        <span className="criterion__tags">
          {unit.critical ? (
            <span className="tag tag--critical">
              {criterionCriticalLabel(t, criticalCondition ? localized(criticalCondition.label, language) : null)}
            </span>
          ) : criticalCondition ? (
            <span className="tag" title={localized(criticalCondition.label, language)}>
              {t('assessments.card.criticalWhenNot')}
            </span>
          ) : null}
          {criterion.safety ? <span className="tag tag--safety">{t('assessments.card.safety')}</span> : null}
          <span className="tag">{t('assessments.card.weight', { weight: formatNumber(criterion.weight) })}</span>
          {showProgramme && unit.programme ? <span className="tag">{programmeTitle(unit.programme, language)}</span> : null}
          {finding ? <span className={`finding finding--${finding}`}>{t(`assessments.finding.${finding}`)}</span> : null}
        </span>
      </header>
      <p className="criterion__guidance" lang={langOf(guidanceText, language)}>
        {localized(guidanceText, language)}
      </p>
      {selfAnswer !== undefined ? (
        <p className="criterion__self">
          {t('assessments.card.selfRating', { rating: selfAnswer === null ? t('assessments.rating.none') : answerText(t, selfAnswer) })}
          {selfAnswer !== null && selfAnswer !== counted && counted !== null ? (
            <span className="tag tag--changed">{t('assessments.card.differsFromSelf')}</span>
          ) : null}
        </p>
      ) : null}
      <div className="criterion__body">
        <div className="criterion__rating">
          {maturity ? (
            <MaturityChoices domId={domId} framework={framework} value={state.maturity} disabled={readOnly} onChoose={onMaturity} />
          ) : null}
          {shownFigures !== null && figures !== null ? (
            <FiguresRating
              domId={domId}
              framework={framework}
              shown={shownFigures}
              unanswered={figures.status === 'unanswered' && !answered}
              notApplicable={state.rating === 'na'}
              naAllowed={!unit.critical}
              disabled={readOnly}
              onNotApplicable={(on) => actions.rate(unit.key, on ? 'na' : null)}
              onNoFigures={() => {
                actions.change(key, { data: { ...noFiguresKept(criterion), ...state.data } }, 0);
                flush();
                // The button goes away once it is used: focus goes back to the criterion, as Escape does.
                document.getElementById(domId)?.focus();
              }}
            />
          ) : (
            <RatingChoices
              domId={domId}
              framework={framework}
              value={state.rating}
              naAllowed={!unit.critical}
              disabled={readOnly}
              onRate={onRate}
            />
          )}
        </div>
        <div className="criterion__fields">
          {state.rating === 'na' ? <NaReasonField unitKey={key} domId={domId} readOnly={readOnly} /> : null}
          {fromProgramme !== null ? (
            <DataFields
              domId={domId}
              criterion={criterion}
              rules={framework.rules}
              data={state.data}
              fromProgramme={fromProgramme}
              programmeHref={unit.programmeId === null ? null : href({ name: 'programme-edit', institutionId, id: unit.programmeId })}
              answered={answered}
              disabled={readOnly}
              onChange={onData}
              onBlur={flush}
            />
          ) : null}
          <NoteField unitKey={key} domId={domId} readOnly={readOnly} />
          <EvidencePicker
            framework={framework}
            evidence={evidence}
            disabled={readOnly}
            labelId={`${domId}-evidence`}
            onChange={onEvidence}
          />
          <EvidenceOverride
            unitKey={key}
            domId={domId}
            kind={kind}
            critical={unit.critical}
            outcome={isOutcome}
            rating={state.rating}
            seen={evidence.seen}
            readOnly={readOnly}
          />
        </div>
      </div>
      {issues.length > 0 ? (
        <ul className="rule-issues">
          {issues.map((issue) => (
            <li key={issue.code} className={`rule-issue rule-issue--${issue.severity}`}>
              <span className="visually-hidden">{t(`assessments.card.${issue.severity}`)}: </span>
              {t(issue.message)}
            </li>
          ))}
        </ul>
      ) : null}
      <FilesOfUnit unit={unit} readOnly={readOnly} />
    </article>
  );
});

type T = ReturnType<typeof useTranslation>['t'];

function criterionCriticalLabel(t: T, condition: string | null): string {
  return condition === null ? t('assessments.card.critical') : t('assessments.card.criticalWhen', { condition });
}

export function answerText(t: T, answer: RatingAnswer): string {
  if (answer === null) return t('assessments.rating.none');
  if (answer === 'na') return t('assessments.rating.na');
  return `${formatNumber(answer)} ${t(`assessments.rating.v${answer}`)}`;
}
