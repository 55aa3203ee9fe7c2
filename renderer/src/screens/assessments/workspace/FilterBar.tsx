import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format';

export interface Filters {
  unanswered: boolean;
  critical: boolean;
  nonConformities: boolean;
  changed: boolean;
  search: string;
}

export const noFilters: Filters = { unanswered: false, critical: false, nonConformities: false, changed: false, search: '' };

export const filtering = (f: Filters): boolean => f.unanswered || f.critical || f.nonConformities || f.changed || f.search.trim() !== '';

interface FilterBarProps {
  filters: Filters;
  counts: Record<'unanswered' | 'critical' | 'nonConformities' | 'changed', number>;
  /** "Changed since the self-assessment" needs a self-assessment of the same institution. */
  canCompare: boolean;
  onChange: (filters: Filters) => void;
}

/** Filters and search across every section; while any is on, the list shows matches from all sections. */
export function FilterBar({ filters, counts, canCompare, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const toggles = (['unanswered', 'critical', 'nonConformities', 'changed'] as const).filter((k) => k !== 'changed' || canCompare);
  return (
    <div className="filter-bar" role="search">
      <div className="field filter-bar__search">
        <label htmlFor="criteria-search">{t('assessments.filters.search')}</label>
        <input
          id="criteria-search"
          type="search"
          value={filters.search}
          placeholder={t('assessments.filters.searchPlaceholder')}
          onChange={(e) => onChange({ ...filters, search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filters.search !== '') {
              e.stopPropagation();
              onChange({ ...filters, search: '' });
            }
          }}
        />
      </div>
      <div className="filter-bar__toggles" role="group" aria-label={t('assessments.filters.label')}>
        {toggles.map((k) => (
          <button
            key={k}
            type="button"
            className="chip"
            aria-pressed={filters[k]}
            onClick={() => onChange({ ...filters, [k]: !filters[k] })}
          >
            {t(`assessments.filters.${k}`)} <span className="chip__count">{formatNumber(counts[k])}</span>
          </button>
        ))}
        {filtering(filters) ? (
          <button type="button" className="link-button" onClick={() => onChange(noFilters)}>
            {t('assessments.filters.clear')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
