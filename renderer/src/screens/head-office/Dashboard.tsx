import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardFilters, FilterOptions } from '../../../../shared/head-office/schema';
import { noFilters } from '../../../../shared/head-office/schema';
import { useRequest } from '../../data/use-request';
import { formatNumber } from '../../format';
import { localDigits } from './display';
import { FilterBar } from './FilterBar';
import { ActionsSection, ImprovementSection } from './sections/ImprovementSection';
import { NeedsSection } from './sections/NeedsSection';
import { OfferSection } from './sections/OfferSection';
import { OutcomesSection } from './sections/OutcomesSection';
import './head-office.css';

const sections = [
  ['ho-offer', 'offer'],
  ['ho-outcomes', 'outcomes'],
  ['ho-improvement', 'improvement'],
  ['ho-needs', 'needs'],
] as const;

/**
 * The country-wide view for head office (any role may open it): the training offer, outcomes,
 * improvement needs and additional training needs across every institution, under one set of filters.
 * Each section asks its own channel, so the page fills in as the answers come.
 */
export default function Dashboard() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<DashboardFilters>(noFilters);
  const options: FilterOptions | null = useRequest('head-office:options', {}).value;

  // The dashboard uses the full width of the window, like the assessment workspace.
  useEffect(() => {
    const main = document.getElementById('main');
    main?.classList.add('main--wide');
    return () => main?.classList.remove('main--wide');
  }, []);

  // A period ending before it starts is shown as an error and not asked for.
  const applied = useMemo(
    () => (filters.from !== '' && filters.to !== '' && filters.to < filters.from ? { ...filters, to: '' } : filters),
    [filters],
  );

  return (
    <div className="head-office">
      <div className="page-header">
        <div>
          <h1>{t('headOffice.title')}</h1>
          <p className="secondary">{t('headOffice.intro')}</p>
          {options ? (
            <p className="ho-summary">
              {options.finalisedAssessments === 0
                ? t('headOffice.summaryNone', { institutions: formatNumber(options.institutions) })
                : t('headOffice.summary', {
                    institutions: formatNumber(options.institutions),
                    assessments: formatNumber(options.finalisedAssessments),
                    first: localDigits(options.firstFinalisedOn ?? ''),
                    last: localDigits(options.lastFinalisedOn ?? ''),
                  })}
            </p>
          ) : null}
        </div>
      </div>
      <FilterBar filters={filters} options={options} onChange={setFilters} />
      <nav className="ho-jump" aria-label={t('headOffice.sectionsNav')}>
        <ul>
          {sections.map(([id, key]) => (
            <li key={id}>
              <button type="button" className="link-button" onClick={() => jumpTo(id)}>
                {t(`headOffice.sections.${key}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <OfferSection filters={applied} />
      <OutcomesSection filters={applied} />
      <ImprovementSection filters={applied} />
      <ActionsSection filters={applied} />
      <NeedsSection filters={applied} />
    </div>
  );
}

/** Scrolls to a section and moves the focus to its heading (addresses belong to the router). */
function jumpTo(id: string) {
  const heading = document.getElementById(`${id}-title`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}
