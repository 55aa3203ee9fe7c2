import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition, Criterion, DataField, EvidenceType, LocalizedText } from '../../../../shared/framework/schema';
import { formatNumber } from '../../format';
import { local, localLang } from './framework-text';

export type CriterionFact =
  | 'title'
  | 'guidance'
  | 'selfGuidance'
  | 'evidence'
  | 'critical'
  | 'appliesWhen'
  | 'weight'
  | 'level'
  | 'basis'
  | 'safety'
  | 'dataFields'
  | 'outcome';

interface Props {
  criterion: Criterion;
  conditions: readonly Condition[];
  evidenceTypes: readonly EvidenceType[];
  /** Facts that differ from the other version, marked in a comparison. */
  highlight?: ReadonlySet<CriterionFact>;
  headingLevel?: 3 | 4;
  /** Makes element ids unique when one criterion is shown twice (compare). */
  idPrefix?: string;
}

/** Everything a framework says about one criterion; all of it is rendered as text. */
export function CriterionDetails({ criterion: c, conditions, evidenceTypes, highlight, headingLevel = 3, idPrefix = 'criterion' }: Props) {
  const { t } = useTranslation();
  const headingId = `${idPrefix}-${c.id}`;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const conditionLabel = (id: string) => {
    const found = conditions.find((x) => x.id === id);
    return found ? local(found.label) : id;
  };
  const mark = (fact: CriterionFact) => (highlight?.has(fact) ? 'differs' : undefined);
  // A rewording may touch only the English; in Bangla the English is then shown beneath, so the
  // difference the highlight points at is visible.
  const english = (fact: CriterionFact, text: LocalizedText | undefined) =>
    highlight?.has(fact) && text && localLang(text) === 'bn' ? (
      <span className="secondary english" lang="en">
        {text.en}
      </span>
    ) : null;
  const fact = (key: CriterionFact, label: string, value: ReactNode) => (
    <div className={mark(key)}>
      <dt>
        {label}
        {mark(key) ? <span className="visually-hidden"> {t('frameworks.compare.differs')}</span> : null}
      </dt>
      <dd>{value}</dd>
    </div>
  );

  const critical =
    c.critical.mode === 'always'
      ? t('frameworks.browse.criticalAlways')
      : c.critical.mode === 'never'
        ? t('frameworks.browse.criticalNever')
        : t('frameworks.browse.criticalWhen', { condition: conditionLabel(c.critical.condition) });

  return (
    <article className="criterion" aria-labelledby={headingId}>
      <Heading id={headingId} className={mark('title')} tabIndex={-1}>
        <span className="criterion__id">{c.id}</span> <span lang={localLang(c.title)}>{local(c.title)}</span>
        {english('title', c.title)}
      </Heading>
      <p className="criterion__tags">
        <span className={`tag ${mark('weight') ?? ''}`}>
          {t('frameworks.browse.weight')} {formatNumber(c.weight)}
        </span>
        {c.critical.mode !== 'never' ? <span className={`tag tag--critical ${mark('critical') ?? ''}`}>{critical}</span> : null}
        {c.safety ? <span className={`tag tag--safety ${mark('safety') ?? ''}`}>{t('frameworks.browse.safety')}</span> : null}
      </p>
      <dl className="criterion__facts">
        {fact(
          'guidance',
          t('frameworks.browse.guidance'),
          <>
            <span lang={localLang(c.guidance)}>{local(c.guidance)}</span>
            {english('guidance', c.guidance)}
          </>,
        )}
        {c.selfGuidance
          ? fact(
              'selfGuidance',
              t('frameworks.browse.selfGuidance'),
              <>
                <span lang={localLang(c.selfGuidance)}>{local(c.selfGuidance)}</span>
                {english('selfGuidance', c.selfGuidance)}
              </>,
            )
          : null}
        {fact(
          'evidence',
          t('frameworks.browse.evidence'),
          <ul className="inline-list">
            {c.evidence.map((code) => {
              const type = evidenceTypes.find((e) => e.code === code);
              return (
                <li key={code}>
                  <abbr title={type ? local(type.label) : undefined}>{code}</abbr>
                  {type ? ` ${local(type.label)}` : ''}
                </li>
              );
            })}
          </ul>,
        )}
        {fact('critical', t('frameworks.browse.critical'), critical)}
        {c.appliesWhen ? fact('appliesWhen', t('frameworks.browse.appliesWhenLabel'), conditionLabel(c.appliesWhen)) : null}
        {fact('weight', t('frameworks.browse.weight'), formatNumber(c.weight))}
        {fact(
          'level',
          t('frameworks.browse.level'),
          c.level === 'institution' ? t('frameworks.browse.levelInstitution') : t('frameworks.browse.levelProgramme'),
        )}
        {fact('basis', t('frameworks.browse.basis'), c.basis || t('frameworks.browse.none'))}
      </dl>
      {c.dataFields && c.dataFields.length > 0 ? (
        <div className={mark('dataFields')}>
          <DataFields fields={c.dataFields} />
        </div>
      ) : null}
      {c.outcome ? <Benchmark criterion={c} className={mark('outcome')} /> : null}
    </article>
  );
}

function DataFields({ fields }: { fields: DataField[] }) {
  const { t } = useTranslation();
  const labelOf = (id: string) => {
    const f = fields.find((x) => x.id === id);
    return f ? local(f.label) : id;
  };
  const range = (f: DataField) => {
    const parts =
      f.min !== undefined && f.max !== undefined
        ? `${formatNumber(f.min)}–${formatNumber(f.max)}`
        : f.min !== undefined
          ? `≥ ${formatNumber(f.min)}`
          : f.max !== undefined
            ? `≤ ${formatNumber(f.max)}`
            : t('frameworks.browse.none');
    return f.integer ? `${parts} (${t('frameworks.browse.wholeNumber')})` : parts;
  };
  return (
    <table className="table table--compact">
      <caption>{t('frameworks.browse.dataFields')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('frameworks.browse.colField')}</th>
          <th scope="col">{t('frameworks.browse.colUnit')}</th>
          <th scope="col">{t('frameworks.browse.colRange')}</th>
          <th scope="col">{t('frameworks.browse.colCalculated')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.id}>
            <td lang={localLang(f.label)}>{local(f.label)}</td>
            <td>{t(`frameworks.unit.${f.unit}`)}</td>
            <td>{range(f)}</td>
            <td>
              {f.derived?.op === 'ratioPct'
                ? t('frameworks.browse.ratioPct', {
                    hundred: formatNumber(100),
                    numerator: labelOf(f.derived.numerator),
                    denominator: labelOf(f.derived.denominator),
                  })
                : f.derived?.op === 'differencePp'
                  ? t('frameworks.browse.differencePp', { a: labelOf(f.derived.a), b: labelOf(f.derived.b) })
                  : t('frameworks.browse.none')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Benchmark({ criterion, className }: { criterion: Criterion; className: string | undefined }) {
  const { t } = useTranslation();
  const o = criterion.outcome!;
  const labelOf = (id: string) => {
    const f = criterion.dataFields?.find((x) => x.id === id);
    return f ? local(f.label) : id;
  };
  const values = { field: labelOf(o.field), green: formatNumber(o.green), amber: formatNumber(o.amber) };
  return (
    <div className={`benchmark ${className ?? ''}`}>
      <p className="benchmark__title">{t('frameworks.browse.benchmark')}</p>
      <p>
        <span className="light light--green" aria-hidden="true" />
        <span className="light light--amber" aria-hidden="true" />
        <span className="light light--red" aria-hidden="true" />
        {o.direction === 'higherIsBetter' ? t('frameworks.browse.higherIsBetter', values) : t('frameworks.browse.lowerIsBetter', values)}
      </p>
      {o.cohortField ? <p className="secondary">{t('frameworks.browse.cohortNote', { field: labelOf(o.cohortField) })}</p> : null}
      {o.responseRateField ? (
        <p className="secondary">{t('frameworks.browse.responseNote', { field: labelOf(o.responseRateField) })}</p>
      ) : null}
    </div>
  );
}
