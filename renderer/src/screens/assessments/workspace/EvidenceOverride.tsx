import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { overrideReasonRequired } from '../../../../../shared/assessments/rules';
import type { AssessmentKind } from '../../../../../shared/assessments/schema';
import { applyEvidenceRules } from '../../../../../shared/scoring';
import type { RatingAnswer } from '../../../../../shared/scoring';
import { useUnitView, useWorkspace } from '../model/workspace-context';
import { TYPING_DELAY_MS } from './CardFields';

interface EvidenceOverrideProps {
  unitKey: string;
  domId: string;
  kind: AssessmentKind;
  critical: boolean;
  /** Outcome criteria are scored from their figures: the evidence rules do not apply to them. */
  outcome: boolean;
  /** The rating as typed. */
  rating: RatingAnswer;
  /** Evidence seen for the unit: ticked and attached (shared/evidence/card-evidence.ts `seen`). */
  seen: readonly string[];
  readOnly: boolean;
}

/**
 * The override reason (§7.1): shown only on a critical criterion rated "Met" with no observation or
 * record among the evidence seen, in an inspection or follow-up, where submitting needs it (the
 * services refuse `submit` without it; the report prints it next to the rating). The same function as
 * the scoring decides when it is needed, so the card and the refusal cannot disagree.
 */
export const EvidenceOverride = memo(function EvidenceOverride({
  unitKey,
  domId,
  kind,
  critical,
  outcome,
  rating,
  seen,
  readOnly,
}: EvidenceOverrideProps) {
  const { t } = useTranslation();
  const { store, actions } = useWorkspace();
  // Follows its own text: typing the reason re-renders this field, not the card.
  const reason = useUnitView(store, unitKey, (s) => s.overrideReason);
  if (outcome || typeof rating !== 'number' || !overrideReasonRequired(kind)) return null;
  if (applyEvidenceRules(rating, seen, critical).criticalMetWithoutObsOrRec !== true) return null;
  const missing = reason.trim() === '';
  const id = `${domId}-override`;
  return (
    <div className={`field${missing ? ' field--invalid' : ''}`} data-testid="override-reason">
      <label htmlFor={id}>
        {t('assessments.override.label')}
        <span className="field__required"> ({t('common.required')})</span>
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('assessments.override.hint')}
      </p>
      <textarea
        id={id}
        className="autogrow"
        rows={2}
        maxLength={2000}
        value={reason}
        disabled={readOnly}
        aria-required="true"
        aria-invalid={missing}
        aria-describedby={`${id}-hint`}
        onChange={(e) => actions.change(unitKey, { overrideReason: e.target.value }, TYPING_DELAY_MS)}
        onBlur={() => actions.flush(unitKey)}
      />
    </div>
  );
});
