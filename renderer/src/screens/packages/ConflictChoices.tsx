import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../shared/exchange/schema';
import { asWhole, choiceItems, ratingKey, type Choices, type Keep } from './conflict-model';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { fieldLabel, labelIn, valueText } from './values';

interface ConflictChoicesProps {
  conflicts: Conflict[];
  /** Programme names from the preview's planned changes, for ratings of a programme. */
  programmeNames: Map<string, string>;
  choices: Choices;
  disabled: boolean;
  onChange: (next: Choices) => void;
}

/** Records changed both here and in the package, side by side (this computer | the package), with a choice for each. */
export function ConflictChoices({ conflicts, programmeNames, choices, disabled, onChange }: ConflictChoicesProps) {
  const { t } = useTranslation();
  const items = choiceItems(conflicts);
  const done = items.filter((i) => choices[i.key]).length;
  const all = (keep: Keep) => onChange(Object.fromEntries(items.map((i) => [i.key, keep])));
  return (
    <section className="package-section conflicts" aria-labelledby="conflicts-heading" data-testid="package-conflicts">
      <h3 id="conflicts-heading" tabIndex={-1}>
        {t('exchange.conflicts.heading')}
      </h3>
      <p className="secondary">{t('exchange.conflicts.intro')}</p>
      <div className="conflicts__bar">
        <span className="conflicts__count" aria-live="polite">
          {t('exchange.conflicts.progress', { done: formatNumber(done), total: formatNumber(items.length) })}
        </span>
        <button type="button" disabled={disabled} onClick={() => all('here')}>
          {t('exchange.conflicts.allHere')}
        </button>
        <button type="button" disabled={disabled} onClick={() => all('incoming')}>
          {t('exchange.conflicts.allIncoming')}
        </button>
      </div>
      {conflicts.map((c) => (
        <ConflictRecord
          key={asWhole(c) ? ratingKey(c) : `${c.entity}:${c.id}`}
          conflict={c}
          title={recordTitle(t, c, programmeNames)}
          choices={choices}
          disabled={disabled}
          onPick={(key, keep) => onChange({ ...choices, [key]: keep })}
        />
      ))}
    </section>
  );
}

function recordTitle(t: TFunction, c: Conflict, programmeNames: Map<string, string>): string {
  const name = labelIn(c.label, currentLanguage());
  if (c.entity !== 'rating') return t(`exchange.conflicts.title.${c.entity}`, { name });
  const programme = c.programmeId ? programmeNames.get(c.programmeId) : undefined;
  return programme
    ? t('exchange.conflicts.ratingProgramme', { criterion: c.criterionId ?? '', programme, name })
    : t('exchange.conflicts.rating', { criterion: c.criterionId ?? '', name });
}

function ConflictRecord({
  conflict: c,
  title,
  choices,
  disabled,
  onPick,
}: {
  conflict: Conflict;
  title: string;
  choices: Choices;
  disabled: boolean;
  onPick: (key: string, keep: Keep) => void;
}) {
  const { t } = useTranslation();
  if (asWhole(c)) {
    const key = ratingKey(c);
    const side = (keep: Keep) => (
      <dl className="conflict-side__fields">
        {c.fields.map((f) => (
          <div key={f.field}>
            <dt>{fieldLabel(t, c.entity, f.field)}</dt>
            <dd>{valueText(t, c.entity, f.field, keep === 'here' ? f.here : f.incoming)}</dd>
          </div>
        ))}
      </dl>
    );
    return (
      <div className="conflict-record">
        <Choice
          name={key}
          legend={title}
          value={choices[key]}
          disabled={disabled}
          here={side('here')}
          incoming={side('incoming')}
          onPick={(keep) => onPick(key, keep)}
        />
      </div>
    );
  }
  return (
    <div className="conflict-record">
      <h4>{title}</h4>
      {c.fields.map((f) => {
        const key = `${c.entity}:${c.id}:${f.field}`;
        return (
          <Choice
            key={key}
            name={key}
            legend={fieldLabel(t, c.entity, f.field)}
            value={choices[key]}
            disabled={disabled}
            here={<span className="conflict-side__value">{valueText(t, c.entity, f.field, f.here)}</span>}
            incoming={<span className="conflict-side__value">{valueText(t, c.entity, f.field, f.incoming)}</span>}
            onPick={(keep) => onPick(key, keep)}
          />
        );
      })}
    </div>
  );
}

/** One choice: the two versions side by side, each a radio button named by its action and described by its value. */
function Choice(props: {
  name: string;
  legend: string;
  value: Keep | undefined;
  disabled: boolean;
  here: React.ReactNode;
  incoming: React.ReactNode;
  onPick: (keep: Keep) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const side = (keep: Keep) => {
    const pickId = `${id}-${keep}-pick`;
    const valueId = `${id}-${keep}-value`;
    return (
      <label className={`conflict-side conflict-side--${keep}${props.value === keep ? ' conflict-side--chosen' : ''}`}>
        <span className="conflict-side__where">{keep === 'here' ? t('exchange.conflicts.here') : t('exchange.conflicts.incoming')}</span>
        <span id={valueId} className="conflict-side__body">
          {keep === 'here' ? props.here : props.incoming}
        </span>
        <span className="conflict-side__pick">
          <input
            type="radio"
            name={props.name}
            value={keep}
            checked={props.value === keep}
            disabled={props.disabled}
            aria-labelledby={`${pickId} ${valueId}`}
            onChange={() => props.onPick(keep)}
          />
          <span id={pickId}>{keep === 'here' ? t('exchange.conflicts.keepHere') : t('exchange.conflicts.takeIncoming')}</span>
        </span>
      </label>
    );
  };
  return (
    <fieldset className="conflict-choice">
      <legend>{props.legend}</legend>
      <div className="conflict-choice__sides">
        {side('here')}
        {side('incoming')}
      </div>
    </fieldset>
  );
}
