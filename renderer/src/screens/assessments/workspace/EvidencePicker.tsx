import { useTranslation } from 'react-i18next';
import type { Framework } from '../../../../../shared/framework/schema';
import { currentLanguage } from '../../../i18n';
import { localized } from '../model/text';

interface EvidencePickerProps {
  framework: Framework;
  expected: readonly string[];
  seen: readonly string[];
  disabled: boolean;
  labelId: string;
  onChange: (seen: string[]) => void;
}

/**
 * Evidence seen, as toggle chips: the types the criterion expects first (marked), then the others.
 * The rating rules read this list (critical "Met" needs OBS or REC; interviews alone cap at 2).
 */
export function EvidencePicker({ framework, expected, seen, disabled, labelId, onChange }: EvidencePickerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const expectedSet = new Set(expected);
  const ordered = [
    ...framework.evidenceTypes.filter((e) => expectedSet.has(e.code)),
    ...framework.evidenceTypes.filter((e) => !expectedSet.has(e.code)),
  ];
  const toggle = (code: string) => {
    const next = seen.includes(code) ? seen.filter((c) => c !== code) : [...seen, code];
    // Framework order, so the stored list does not depend on the order of clicks.
    onChange(framework.evidenceTypes.map((e) => e.code).filter((c) => next.includes(c)));
  };
  return (
    <div className="evidence-picker" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="card-label">
        {t('assessments.card.evidenceSeen')}
      </span>
      {ordered.map((e) => {
        const on = seen.includes(e.code);
        return (
          <button
            key={e.code}
            type="button"
            className={`chip${on ? ' chip--on' : ''}${expectedSet.has(e.code) ? ' chip--expected' : ''}`}
            aria-pressed={on}
            disabled={disabled}
            title={localized(e.label, language)}
            onClick={() => toggle(e.code)}
          >
            {e.code}
            <span className="visually-hidden"> {localized(e.label, language)}</span>
          </button>
        );
      })}
    </div>
  );
}
