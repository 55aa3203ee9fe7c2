import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '../../../../../shared/framework/schema';
import type { RatingAnswer } from '../../../../../shared/scoring';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { localized } from '../model/text';

interface RatingChoicesProps {
  domId: string;
  framework: Framework;
  value: RatingAnswer;
  /** N/A is never allowed where the criterion is critical for the unit (§7.1). */
  naAllowed: boolean;
  disabled: boolean;
  onRate: (value: RatingAnswer) => void;
}

/** Met 3 / Largely met 2 / Partially met 1 / Not met 0 / N/A as one radio group, with the shortcut keys shown. */
export const RatingChoices = memo(function RatingChoices({ domId, framework, value, naAllowed, disabled, onRate }: RatingChoicesProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = `${domId}-rating`;
  return (
    <fieldset className="rating-choices" disabled={disabled}>
      <legend>{t('assessments.card.rating')}</legend>
      {framework.scale.ratings.map((r) => (
        <label
          key={r.value}
          className={`rating-choice rating-choice--v${r.value}${value === r.value ? ' rating-choice--checked' : ''}${disabled ? ' rating-choice--disabled' : ''}`}
          title={localized(r.meaning, language)}
        >
          <input type="radio" name={name} value={r.value} checked={value === r.value} onChange={() => onRate(r.value)} />
          <span className="rating-choice__key" aria-hidden="true">
            {r.value}
          </span>
          <span>
            {localized(r.label, language)} <span className="visually-hidden">({formatNumber(r.value)})</span>
          </span>
        </label>
      ))}
      <label
        className={`rating-choice rating-choice--na${value === 'na' ? ' rating-choice--checked' : ''}${disabled || !naAllowed ? ' rating-choice--disabled' : ''}`}
        title={naAllowed ? localized(framework.scale.notApplicable.meaning, language) : t('assessments.rules.naNotAllowed')}
      >
        <input type="radio" name={name} value="na" checked={value === 'na'} disabled={!naAllowed} onChange={() => onRate('na')} />
        <span className="rating-choice__key" aria-hidden="true">
          N
        </span>
        <span>{localized(framework.scale.notApplicable.label, language)}</span>
      </label>
    </fieldset>
  );
});

interface MaturityChoicesProps {
  domId: string;
  framework: Framework;
  value: number | null;
  disabled: boolean;
  onChoose: (level: number) => void;
}

/** The optional 0–4 maturity lens of self-assessments (domain notes §7.2); each level maps to a rating. */
export const MaturityChoices = memo(function MaturityChoices({ domId, framework, value, disabled, onChoose }: MaturityChoicesProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const levels = framework.scale.maturity ?? [];
  return (
    <fieldset className="rating-choices rating-choices--maturity" disabled={disabled}>
      <legend>{t('assessments.card.maturity')}</legend>
      {levels.map((m) => (
        <label
          key={m.value}
          className={`rating-choice${value === m.value ? ' rating-choice--checked' : ''}${disabled ? ' rating-choice--disabled' : ''}`}
        >
          <input type="radio" name={`${domId}-maturity`} value={m.value} checked={value === m.value} onChange={() => onChoose(m.value)} />
          <span className="rating-choice__key" aria-hidden="true">
            {m.value}
          </span>
          <span>
            {localized(m.label, language)}{' '}
            <span className="secondary">{t('assessments.card.mapsTo', { rating: formatNumber(m.mapsTo) })}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
});
