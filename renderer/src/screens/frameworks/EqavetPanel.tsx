import { useTranslation } from 'react-i18next';
import type { Framework } from '../../../../shared/framework/schema';
import { formatNumber } from '../../format';
import { local, localLang } from './framework-text';

/**
 * The framework's EQAVET block made visible: the four phases of the quality cycle and the ten EQAVET
 * indicators, each with the criteria that give evidence for it. A criterion id goes to that criterion
 * on this page (the search and group filter are cleared so it is shown).
 */
export function EqavetPanel({ framework, onGoTo }: { framework: Framework; onGoTo: (criterionId: string) => void }) {
  const { t } = useTranslation();
  const { phases, indicators } = framework.eqavet;
  if (phases.length + indicators.length === 0) return null;
  const criteria = (ids: readonly string[]) =>
    ids.length === 0 ? (
      <span className="secondary">{t('frameworks.browse.eqavet.none')}</span>
    ) : (
      <ul className="eqavet-criteria">
        {ids.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="link-button"
              aria-label={t('frameworks.browse.eqavet.goTo', { id })}
              onClick={() => onGoTo(id)}
            >
              {id}
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <details className="eqavet-panel" data-testid="eqavet-panel">
      <summary>
        {t('frameworks.browse.eqavet.title', { phases: formatNumber(phases.length), indicators: formatNumber(indicators.length) })}
      </summary>
      <p className="secondary">{t('frameworks.browse.eqavet.intro')}</p>
      <h2 className="eqavet-panel__heading">{t('frameworks.browse.eqavet.phases')}</h2>
      <dl className="eqavet-list">
        {phases.map((p) => (
          <div key={p.id}>
            <dt lang={localLang(p.label)}>{local(p.label)}</dt>
            <dd>{criteria(p.criteria)}</dd>
          </div>
        ))}
      </dl>
      <h2 className="eqavet-panel__heading">{t('frameworks.browse.eqavet.indicators')}</h2>
      <dl className="eqavet-list">
        {[...indicators]
          .sort((a, b) => a.number - b.number)
          .map((i) => (
            <div key={i.number}>
              <dt>
                {formatNumber(i.number)}. <span lang={localLang(i.label)}>{local(i.label)}</span>
              </dt>
              <dd>{criteria(i.criteria)}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}
