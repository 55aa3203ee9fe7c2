import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitView, useWorkspace } from '../model/workspace-context';

/** Typing is saved after this pause (and at once when the field loses focus). */
export const TYPING_DELAY_MS = 400;

interface TextFieldProps {
  unitKey: string;
  domId: string;
  readOnly: boolean;
}

/**
 * The card's note. It follows its own text, so a keystroke re-renders this field alone, never the
 * card, its rating choices or the score; the text is saved after a pause in typing and when left.
 */
export const NoteField = memo(function NoteField({ unitKey, domId, readOnly }: TextFieldProps) {
  const { t } = useTranslation();
  const { store, actions } = useWorkspace();
  const note = useUnitView(store, unitKey, (s) => s.note);
  return (
    <div className="field">
      <label htmlFor={`${domId}-note`}>{t('assessments.card.note')}</label>
      <textarea
        id={`${domId}-note`}
        className="autogrow"
        rows={2}
        value={note}
        disabled={readOnly}
        onChange={(e) => actions.change(unitKey, { note: e.target.value }, TYPING_DELAY_MS)}
        onBlur={() => actions.flush(unitKey)}
      />
    </div>
  );
});

/** Why a criterion is not applicable (required with N/A); like the note, it follows its own text. */
export const NaReasonField = memo(function NaReasonField({ unitKey, domId, readOnly }: TextFieldProps) {
  const { t } = useTranslation();
  const { store, actions } = useWorkspace();
  const reason = useUnitView(store, unitKey, (s) => s.naReason);
  const missing = reason.trim() === '';
  return (
    <div className={`field${missing ? ' field--invalid' : ''}`}>
      <label htmlFor={`${domId}-na`}>
        {t('assessments.card.naReason')}
        <span className="field__required"> ({t('common.required')})</span>
      </label>
      <textarea
        id={`${domId}-na`}
        className="autogrow"
        rows={2}
        value={reason}
        disabled={readOnly}
        aria-required="true"
        aria-invalid={missing}
        onChange={(e) => actions.change(unitKey, { naReason: e.target.value }, TYPING_DELAY_MS)}
        onBlur={() => actions.flush(unitKey)}
      />
    </div>
  );
});
