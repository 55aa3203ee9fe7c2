import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveData } from '../../../../../shared/assessments/effective-data';
import { ratingRuleIssues } from '../../../../../shared/assessments/rules';
import { cardEvidence } from '../../../../../shared/evidence/card-evidence';
import { classifyFinding, hasFigures, missingFigures, noFiguresKept, ratingFromFigures } from '../../../../../shared/scoring';
import type { FiguresRating as FiguresVerdict, RatingAnswer } from '../../../../../shared/scoring';
import { formatNumber } from '../../../format';
import { href } from '../../../router';
import { currentLanguage } from '../../../i18n';
import { langOf, localized, programmeTitle } from '../model/text';
import { unitDomId } from '../model/units';
import type { Unit } from '../model/units';
import { useUnitState, useWorkspace } from '../model/workspace-context';
import { DataFields } from './DataFields';
import { EvidenceOverride } from './EvidenceOverride';
import { EvidencePicker } from './EvidencePicker';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { routeAssessmentId, useAttachedTypes } from '../evidence/evidence-store';
import { figuresText } from './figures-text';
import { FiguresRating } from './FiguresRating';
import { MaturityChoices, RatingChoices } from './RatingChoices';

// The card's files do not change with its rating or note: a rating click does not re-render them.
const FilesOfUnit = memo(EvidencePanel);

/** Typing is saved after this pause (and at once when the field loses focus). */
export const TYPING_DELAY_MS = 400;

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
 * One unit of audit. Re-renders only when its own answers or its props change, so a long framework
 * stays quick to work through. The card itself is focusable (roving focus) for the keyboard shortcuts.
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
  const { framework, store, actions, kind, institutionId } = useWorkspace();
  const state = useUnitState(store, unit.key);
  const { criterion } = unit;
  const domId = unitDomId(unit);
  const titleId = `${domId}-title`;
  const link = useMemo(() => ({ criterionId: criterion.id, programmeId: unit.programmeId }), [criterion.id, unit.programmeId]);
  const attachedTypes = useAttachedTypes(routeAssessmentId(), link);

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
  const effective: RatingAnswer = figures === null ? state.rating : figures.status === 'na' ? 'na' : figures.rating;
  const finding = typeof effective === 'number' ? classifyFinding(effective, unit.critical) : null;
  // Ticks and attached files are one list: a file of a type counts as that type seen, for the rules too.
  const evidence = cardEvidence(
    framework.evidenceTypes.map((e) => e.code),
    criterion.evidence,
    state.evidenceSeen,
    attachedTypes.map((evidenceType) => ({ evidenceType })),
  );
  const issues = ratingRuleIssues(
    { rating: state.rating, naReason: state.naReason, evidenceSeen: evidence.seen },
    { critical: unit.critical, outcome: isOutcome },
  );
  const criticalCondition =
    criterion.critical.mode === 'when'
      ? framework.conditions.find((c) => c.id === (criterion.critical as { condition: string }).condition)
      : undefined;

  const change = (patch: Parameters<typeof actions.change>[1], delay = 0) => actions.change(unit.key, patch, delay);
  const flush = () => actions.flush(unit.key);

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
          {selfAnswer !== null && selfAnswer !== effective && effective !== null ? (
            <span className="tag tag--changed">{t('assessments.card.differsFromSelf')}</span>
          ) : null}
        </p>
      ) : null}
      <div className="criterion__body">
        <div className="criterion__rating">
          {maturity ? (
            <MaturityChoices
              domId={domId}
              framework={framework}
              value={state.maturity}
              disabled={readOnly}
              onChoose={(level) => actions.setMaturity(unit.key, level)}
            />
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
                change({ data: { ...noFiguresKept(criterion), ...state.data } });
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
              onRate={(value) => actions.rate(unit.key, value)}
            />
          )}
        </div>
        <div className="criterion__fields">
          {state.rating === 'na' ? (
            <div className={`field${state.naReason.trim() === '' ? ' field--invalid' : ''}`}>
              <label htmlFor={`${domId}-na`}>
                {t('assessments.card.naReason')}
                <span className="field__required"> ({t('common.required')})</span>
              </label>
              <textarea
                id={`${domId}-na`}
                className="autogrow"
                rows={2}
                value={state.naReason}
                disabled={readOnly}
                aria-required="true"
                aria-invalid={state.naReason.trim() === ''}
                onChange={(e) => change({ naReason: e.target.value }, TYPING_DELAY_MS)}
                onBlur={flush}
              />
            </div>
          ) : null}
          {criterion.dataFields?.length ? (
            <DataFields
              domId={domId}
              criterion={criterion}
              rules={framework.rules}
              data={state.data}
              fromProgramme={effectiveData(framework, criterion, state.data, unit.programme)}
              programmeHref={unit.programmeId === null ? null : href({ name: 'programme-edit', institutionId, id: unit.programmeId })}
              answered={answered}
              disabled={readOnly}
              onChange={(data) => change({ data }, TYPING_DELAY_MS)}
              onBlur={flush}
            />
          ) : null}
          <div className="field">
            <label htmlFor={`${domId}-note`}>{t('assessments.card.note')}</label>
            <textarea
              id={`${domId}-note`}
              className="autogrow"
              rows={2}
              value={state.note}
              disabled={readOnly}
              onChange={(e) => change({ note: e.target.value }, TYPING_DELAY_MS)}
              onBlur={flush}
            />
          </div>
          <EvidencePicker
            framework={framework}
            evidence={evidence}
            disabled={readOnly}
            labelId={`${domId}-evidence`}
            onChange={(evidenceSeen) => change({ evidenceSeen })}
          />
          <EvidenceOverride
            domId={domId}
            kind={kind}
            critical={unit.critical}
            outcome={isOutcome}
            state={state}
            seen={evidence.seen}
            readOnly={readOnly}
            onChange={change}
            onBlur={flush}
            delay={TYPING_DELAY_MS}
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
