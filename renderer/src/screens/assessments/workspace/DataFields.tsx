import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectiveData } from '../../../../../shared/assessments/effective-data';
import type { Criterion, DataField, FrameworkRules } from '../../../../../shared/framework/schema';
import { computeDerived, evaluateOutcome } from '../../../../../shared/scoring';
import type { DataValues } from '../../../../../shared/scoring';
import { parseLocalizedNumber } from '../../../../../shared/validation/digits';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { localized } from '../model/text';

const textUnits = new Set<DataField['unit']>(['code', 'text']);
/** Units shown beside a figure; counts, codes and text need none. */
const unitKeys: Partial<Record<DataField['unit'], string>> = { '%': 'pct', ratio: 'ratio', h: 'hours', pp: 'pp', BDT: 'bdt' };

function shown(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(Math.round(value * 10) / 10) : value;
}

interface DataFieldsProps {
  domId: string;
  criterion: Criterion;
  rules: FrameworkRules;
  data: DataValues;
  /** Fields whose value is the assessed programme's (shared/assessments/effective-data.ts), with those values. */
  fromProgramme: EffectiveData;
  /** Where the programme record is, for the fields taken from it. */
  programmeHref: string | null;
  answered: boolean;
  disabled: boolean;
  onChange: (data: DataValues) => void;
  onBlur: () => void;
}

/**
 * The numeric data of a criterion (cohorts, rates, ratios). Numbers may be typed with Bengali (০–৯) or
 * Western digits; derived figures are computed, never typed; outcome criteria show their traffic light.
 * Text that is not a number stays in the field with a message and is not saved.
 */
export const DataFields = memo(function DataFields(props: DataFieldsProps) {
  const { domId, criterion, rules, data, fromProgramme, programmeHref, answered, disabled, onChange, onBlur } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const fields = criterion.dataFields ?? [];
  const [raw, setRaw] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.filter((f) => f.derived === undefined).map((f) => [f.id, shown(data[f.id])])),
  );
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const values = computeDerived(fields, data);

  const edit = (field: DataField, text: string) => {
    setRaw((r) => ({ ...r, [field.id]: text }));
    const next: DataValues = { ...data };
    let problem = '';
    if (text.trim() === '') delete next[field.id];
    else if (textUnits.has(field.unit)) next[field.id] = text;
    else {
      const n = parseLocalizedNumber(text);
      if (n === null || Number.isNaN(n)) problem = 'validation.number';
      else if (field.integer === true && !Number.isInteger(n)) problem = 'validation.integer';
      else if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) problem = 'range';
      else next[field.id] = n;
    }
    setInvalid((v) => ({ ...v, [field.id]: problem }));
    if (problem === '') onChange(next);
  };

  return (
    <div className="data-fields">
      <div className="data-fields__grid">
        {fields.map((field) => {
          const id = `${domId}-data-${field.id}`;
          const unitKey = unitKeys[field.unit];
          const unit = unitKey === undefined ? '' : t(`assessments.units.${unitKey}`);
          if (field.derived !== undefined) {
            const value = values[field.id];
            return (
              <div key={field.id} className="data-field data-field--derived">
                <span className="data-field__label" id={`${id}-label`}>
                  {localized(field.label, language)}
                </span>
                <output aria-labelledby={`${id}-label`} className="data-field__value">
                  {typeof value === 'number'
                    ? `${formatNumber(Math.round(value * 10) / 10)}${field.unit === '%' ? '%' : unit ? ` ${unit}` : ''}`
                    : '—'}
                </output>
                <span className="field__hint">{t('assessments.card.derived')}</span>
              </div>
            );
          }
          if (fromProgramme.fromProgramme.has(field.id)) {
            // One truth per fact: the programme record keeps it, the card shows it and does not ask again.
            return (
              <div key={field.id} className="data-field data-field--programme" data-from-programme={field.id}>
                <span className="data-field__label" id={`${id}-label`}>
                  {localized(field.label, language)}
                </span>
                <output aria-labelledby={`${id}-label`} aria-describedby={`${id}-source`} className="data-field__value">
                  {shown(fromProgramme.data[field.id])}
                </output>
                <span className="field__hint" id={`${id}-source`}>
                  {t('assessments.card.fromProgramme')}
                  {programmeHref !== null ? (
                    <>
                      {' '}
                      <a href={programmeHref}>{t('assessments.card.programmeRecord')}</a>
                    </>
                  ) : null}
                </span>
              </div>
            );
          }
          const problem = invalid[field.id] ?? '';
          const message =
            problem === 'range'
              ? t('validation.range', { min: formatNumber(field.min ?? 0), max: formatNumber(field.max ?? 0) })
              : problem
                ? t(problem)
                : '';
          return (
            <div key={field.id} className={problem ? 'data-field field--invalid' : 'data-field'}>
              <label htmlFor={id} className="data-field__label">
                {localized(field.label, language)}
                {unit ? <span className="secondary"> ({unit})</span> : null}
              </label>
              <input
                id={id}
                type="text"
                inputMode={textUnits.has(field.unit) ? 'text' : 'decimal'}
                autoComplete="off"
                value={raw[field.id] ?? ''}
                disabled={disabled}
                aria-invalid={problem !== ''}
                aria-describedby={problem ? `${id}-error` : undefined}
                onChange={(e) => edit(field, e.target.value)}
                onBlur={onBlur}
              />
              {problem ? (
                <p className="field__error" id={`${id}-error`}>
                  {message}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {criterion.outcome !== undefined ? <OutcomeLight criterion={criterion} rules={rules} data={data} answered={answered} /> : null}
    </div>
  );
});

function OutcomeLight({
  criterion,
  rules,
  data,
  answered,
}: {
  criterion: Criterion;
  rules: FrameworkRules;
  data: DataValues;
  answered: boolean;
}) {
  const { t } = useTranslation();
  const outcome = criterion.outcome!;
  const evaluation = evaluateOutcome(criterion, data, rules);
  const benchmark = t(
    outcome.direction === 'higherIsBetter' ? 'assessments.outcome.benchmarkHigher' : 'assessments.outcome.benchmarkLower',
    {
      green: formatNumber(outcome.green),
      amber: formatNumber(outcome.amber),
    },
  );
  let text: string;
  let light = 'none';
  if (evaluation.status === 'rated' && evaluation.light !== null) {
    light = evaluation.light;
    text = t(`assessments.outcome.${evaluation.light}`, { value: formatNumber(Math.round((evaluation.value ?? 0) * 10) / 10) });
  } else if (evaluation.status === 'report-only') {
    text = t('assessments.outcome.reportOnly', { min: formatNumber(rules.minCohort) });
  } else if (evaluation.status === 'insufficient-data') {
    text = t('assessments.outcome.insufficientData', { min: formatNumber(rules.minTracerResponsePct) });
  } else {
    text = answered ? t('assessments.outcome.missing') : t('assessments.outcome.notAnswered');
  }
  return (
    <p className={`traffic-light traffic-light--${light}`}>
      <span className="traffic-light__dot" aria-hidden="true" />
      <span>
        <strong>{text}</strong> <span className="secondary">{benchmark}</span>
      </span>
    </p>
  );
}
