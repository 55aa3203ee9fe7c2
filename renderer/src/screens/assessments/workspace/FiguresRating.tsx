import { useTranslation } from 'react-i18next';
import type { Framework } from '../../../../../shared/framework/schema';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { localized } from '../model/text';
import type { FiguresText } from './figures-text';
import './figures-rating.css';

interface FiguresRatingProps {
  domId: string;
  framework: Framework;
  shown: FiguresText;
  /** Nothing is recorded yet: offer to record that the institution keeps no figures. */
  unanswered: boolean;
  notApplicable: boolean;
  /** N/A is never allowed where the criterion is critical for the unit (§7.1). */
  naAllowed: boolean;
  disabled: boolean;
  onNotApplicable: (on: boolean) => void;
  onNoFigures: () => void;
}

/**
 * The rating of a criterion scored from its figures (domain notes §7.4). There are no 0–3 choices to
 * press: the card shows the rating that counts — the one the score, the corrective action and the
 * report use — and why (the light, or the figures that are missing). What a person can decide is only
 * whether the criterion applies and, when no figures are kept, to record that (it then scores 0).
 */
export function FiguresRating({
  domId,
  framework,
  shown,
  unanswered,
  notApplicable,
  naAllowed,
  disabled,
  onNotApplicable,
  onNoFigures,
}: FiguresRatingProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <fieldset className="rating-choices figures-rating" disabled={disabled}>
      <legend>{t('assessments.figures.legend')}</legend>
      <p className="field__hint">{t('assessments.figures.lead')}</p>
      <p id={`${domId}-counts`} className={`figures-rating__counts figures-rating__counts--${shown.tone}`} data-testid="rating-that-counts">
        {shown.counts}
      </p>
      <p id={`${domId}-why`} className="figures-rating__why" data-testid="rating-why">
        {shown.why}
      </p>
      {unanswered ? (
        <button type="button" className="figures-rating__none" onClick={onNoFigures}>
          {t('assessments.figures.noFigures', { zero: formatNumber(0) })}
        </button>
      ) : null}
      <label
        className={`rating-choice rating-choice--na${notApplicable ? ' rating-choice--checked' : ''}${disabled || !naAllowed ? ' rating-choice--disabled' : ''}`}
        title={naAllowed ? localized(framework.scale.notApplicable.meaning, language) : t('assessments.rules.naNotAllowed')}
      >
        <input
          type="checkbox"
          checked={notApplicable}
          disabled={!naAllowed && !notApplicable}
          onChange={(e) => onNotApplicable(e.target.checked)}
        />
        <span className="rating-choice__key" aria-hidden="true">
          N
        </span>
        <span>{localized(framework.scale.notApplicable.label, language)}</span>
      </label>
    </fieldset>
  );
}
