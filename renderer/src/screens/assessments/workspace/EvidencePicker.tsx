import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardEvidence, CardEvidenceType } from '../../../../../shared/evidence/card-evidence';
import type { Framework } from '../../../../../shared/framework/schema';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { localized } from '../model/text';
import './evidence-picker.css';

interface EvidencePickerProps {
  framework: Framework;
  /** Ticks and attachments of this unit as one list (shared/evidence/card-evidence.ts). */
  evidence: CardEvidence;
  disabled: boolean;
  labelId: string;
  onChange: (seen: string[]) => void;
}

/**
 * The card's one place for evidence: what the criterion expects, what was seen, what is attached. A
 * type is seen when it is ticked or a file of that type is attached; a type with files cannot be
 * unticked (remove the file instead). The rating rules read the same list (critical "Met" needs OBS or
 * REC; interviews alone cap at 2).
 */
export const EvidencePicker = memo(function EvidencePicker({ framework, evidence, disabled, labelId, onChange }: EvidencePickerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labels = new Map(framework.evidenceTypes.map((e) => [e.code, e.label]));
  const label = (code: string) => localized(labels.get(code), language) || code;
  const files = (n: number) => t('assessments.evidence.files', { count: n, n: formatNumber(n) });
  const toggle = (code: string) => {
    const ticked = evidence.types.filter((e) => e.ticked).map((e) => e.code);
    const next = ticked.includes(code) ? ticked.filter((c) => c !== code) : [...ticked, code];
    // Framework order, so the stored list does not depend on the order of clicks.
    onChange(framework.evidenceTypes.map((e) => e.code).filter((c) => next.includes(c)));
  };
  const summaryId = `${labelId}-summary`;
  const chip = (e: CardEvidenceType, full: boolean) => (
    <button
      key={e.code}
      type="button"
      className={`chip${e.seen ? ' chip--on' : ''}${e.expected ? ' chip--expected' : ''}${e.files > 0 ? ' chip--attached' : ''}`}
      aria-pressed={e.seen}
      // A type with files attached is seen because of them: removing the file is how to undo it.
      aria-disabled={disabled || e.files > 0 ? true : undefined}
      title={e.files > 0 ? `${label(e.code)} — ${files(e.files)}` : label(e.code)}
      onClick={() => {
        if (!disabled && e.files === 0) toggle(e.code);
      }}
    >
      <span aria-hidden="true">{e.seen ? '✓ ' : e.expected ? '○ ' : ''}</span>
      <abbr title={label(e.code)}>{e.code}</abbr>
      {full ? <span className="chip__label"> {label(e.code)}</span> : <span className="visually-hidden"> {label(e.code)}</span>}
      {e.files > 0 ? (
        <span className="chip__files">
          <span aria-hidden="true"> · {formatNumber(e.files)}</span>
          <span className="visually-hidden">, {files(e.files)}</span>
        </span>
      ) : null}
    </button>
  );
  const expected = evidence.types.filter((e) => e.expected);
  const others = evidence.types.filter((e) => !e.expected);
  return (
    <div className="evidence-picker" role="group" aria-labelledby={labelId} aria-describedby={summaryId}>
      <p className="evidence-picker__head">
        <span id={labelId} className="card-label">
          {t('assessments.evidence.title')}
        </span>{' '}
        <span id={summaryId} className="evidence-summary" data-testid="evidence-summary">
          {t('assessments.evidence.summary', {
            seen: formatNumber(evidence.expectedSeen.length),
            total: formatNumber(evidence.expectedTotal),
          })}
          {' · '}
          {files(evidence.files)}
        </span>
      </p>
      <div className="evidence-picker__row">
        <span className="secondary">{t('assessments.evidence.expected')}</span>
        {expected.map((e) => chip(e, true))}
      </div>
      <div className="evidence-picker__row">
        <span className="secondary">{t('assessments.evidence.otherTypes')}</span>
        {others.map((e) => chip(e, false))}
      </div>
      {evidence.unexpectedAttached.length > 0 ? (
        <p className="field__hint" data-testid="evidence-unexpected">
          {t('assessments.evidence.unexpected', { types: evidence.unexpectedAttached.join(', ') })}
        </p>
      ) : null}
      <p className="field__hint">{t('assessments.evidence.how')}</p>
    </div>
  );
});
