import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingAnswer } from '../../../../../shared/scoring';
import { formatNumber } from '../../../format';
import type { LiveScore } from '../model/live-score';
import { useLive } from './use-live-score';

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
  /** The counts beside the filters follow the live score; only the bar re-renders for them. */
  live: LiveScore;
  /** "Changed since the self-assessment" needs a self-assessment of the same institution. */
  selfAnswers: ReadonlyMap<string, RatingAnswer> | null;
  onChange: (filters: Filters) => void;
}

/** Filters and search across every section; while any is on, the list shows matches from all sections. */
export const FilterBar = memo(function FilterBar({ filters, live, selfAnswers, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const canCompare = selfAnswers !== null;
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
            {t(`assessments.filters.${k}`)} <FilterCount live={live} filter={k} />
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
});

const counts = {
  unanswered: (live: LiveScore) => live.getScore().counts.unanswered,
  critical: (live: LiveScore) => live.criticalCount,
  nonConformities: (live: LiveScore) => live.nonConformityCount(),
  changed: (live: LiveScore) => live.changedCount(),
};

/** A filter's count: it alone follows the live score, so a rating re-renders only the counts it moves. */
const FilterCount = memo(function FilterCount({ live, filter }: { live: LiveScore; filter: keyof typeof counts }) {
  // Follows the language too: the count is written in its digits.
  useTranslation();
  return <span className="chip__count">{formatNumber(useLive(live, counts[filter]))}</span>;
});
