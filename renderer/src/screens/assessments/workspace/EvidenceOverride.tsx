import { useTranslation } from 'react-i18next';
import { overrideReasonRequired } from '../../../../../shared/assessments/rules';
import type { AssessmentKind, RatingPatch } from '../../../../../shared/assessments/schema';
import { applyEvidenceRules } from '../../../../../shared/scoring';
import type { UnitState } from '../model/rating-store';

interface EvidenceOverrideProps {
  domId: string;
  kind: AssessmentKind;
  critical: boolean;
  /** Outcome criteria are scored from their figures: the evidence rules do not apply to them. */
  outcome: boolean;
  state: UnitState;
  /** Evidence seen for the unit: ticked and attached (shared/evidence/card-evidence.ts `seen`). */
  seen: readonly string[];
  readOnly: boolean;
  onChange: (patch: RatingPatch, delay: number) => void;
  onBlur: () => void;
  delay: number;
}

/**
 * The override reason (§7.1): shown only on a critical criterion rated "Met" with no observation or
 * record among the evidence seen, in an inspection or follow-up, where submitting needs it (the
 * services refuse `submit` without it; the report prints it next to the rating). The same function as
 * the scoring decides when it is needed, so the card and the refusal cannot disagree.
 */
export function EvidenceOverride({
  domId,
  kind,
  critical,
  outcome,
  state,
  seen,
  readOnly,
  onChange,
  onBlur,
  delay,
}: EvidenceOverrideProps) {
  const { t } = useTranslation();
  if (outcome || typeof state.rating !== 'number' || !overrideReasonRequired(kind)) return null;
  if (applyEvidenceRules(state.rating, seen, critical).criticalMetWithoutObsOrRec !== true) return null;
  const missing = state.overrideReason.trim() === '';
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
        value={state.overrideReason}
        disabled={readOnly}
        aria-required="true"
        aria-invalid={missing}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange({ overrideReason: e.target.value }, delay)}
        onBlur={onBlur}
      />
    </div>
  );
}
