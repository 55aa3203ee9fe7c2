import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { divisions, institutionTypes, sectors } from '../../../../shared/institutions/reference-data';
import { listName } from '../../../../shared/reference-lists';
import { currentLanguage } from '../../i18n';
import { kindFilters, noFilters, type DashboardFilters, type FilterOptions } from '../../../../shared/head-office/schema';

/** The dashboard's filters; every change applies at once to every section. */
export function FilterBar({
  filters,
  options,
  onChange,
}: {
  filters: DashboardFilters;
  options: FilterOptions | null;
  onChange: (next: DashboardFilters) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const districts = (options?.districts ?? []).filter((d) => filters.division === null || d.division === filters.division);
  const set = (change: Partial<DashboardFilters>) => onChange({ ...filters, ...change });
  const badPeriod = filters.from !== '' && filters.to !== '' && filters.to < filters.from;
  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="ho-filters" role="search" aria-label={t('headOffice.filters.legend')} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('headOffice.filters.legend')}</legend>
        <div className="ho-filters__grid">
          <div className="field">
            <label htmlFor={field('sector')}>{t('headOffice.filters.sector')}</label>
            <select
              id={field('sector')}
              value={filters.sector ?? ''}
              onChange={(e) => set({ sector: e.target.value === '' ? null : (e.target.value as DashboardFilters['sector']) })}
            >
              <option value="">{t('headOffice.filters.all')}</option>
              {sectors.map((s) => (
                <option key={s} value={s}>
                  {t(`sector.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('division')}>{t('headOffice.filters.division')}</label>
            <select
              id={field('division')}
              value={filters.division ?? ''}
              onChange={(e) => {
                const division = e.target.value === '' ? null : (e.target.value as DashboardFilters['division']);
                const keepDistrict = districts.some(
                  (d) => d.district === filters.district && (division === null || d.division === division),
                );
                set({ division, district: keepDistrict ? filters.district : null });
              }}
            >
              <option value="">{t('headOffice.filters.all')}</option>
              {divisions.map((d) => (
                <option key={d} value={d}>
                  {t(`division.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('district')}>{t('headOffice.filters.district')}</label>
            <select
              id={field('district')}
              value={filters.district ?? ''}
              onChange={(e) => set({ district: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">{t('headOffice.filters.all')}</option>
              {districts.map((d) => (
                <option key={`${d.division}/${d.district}`} value={d.district}>
                  {listName('district', d.district, currentLanguage())}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('type')}>{t('headOffice.filters.type')}</label>
            <select
              id={field('type')}
              value={filters.institutionType ?? ''}
              onChange={(e) =>
                set({ institutionType: e.target.value === '' ? null : (e.target.value as DashboardFilters['institutionType']) })
              }
            >
              <option value="">{t('headOffice.filters.all')}</option>
              {institutionTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`institutionType.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('from')}>{t('headOffice.filters.from')}</label>
            <input id={field('from')} type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={field('to')}>{t('headOffice.filters.to')}</label>
            <input
              id={field('to')}
              type="date"
              value={filters.to}
              aria-invalid={badPeriod || undefined}
              aria-describedby={badPeriod ? field('period-error') : undefined}
              onChange={(e) => set({ to: e.target.value })}
            />
            {badPeriod ? (
              <p id={field('period-error')} className="field__error">
                {t('validation.endBeforeStart')}
              </p>
            ) : null}
          </div>
          <div className="field ho-filters__kind">
            <label htmlFor={field('kind')}>{t('headOffice.filters.kind')}</label>
            <select
              id={field('kind')}
              value={filters.kind}
              aria-describedby={field('kind-hint')}
              onChange={(e) => set({ kind: e.target.value as DashboardFilters['kind'] })}
            >
              {kindFilters.map((k) => (
                <option key={k} value={k}>
                  {t(`headOffice.filters.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ho-filters__clear">
            <button type="button" onClick={() => onChange(noFilters)}>
              {t('headOffice.filters.clear')}
            </button>
          </div>
        </div>
        <p className="field__hint" id={field('kind-hint')}>
          {t('headOffice.filters.kindHint')} {t('headOffice.filters.hint')}
        </p>
      </fieldset>
    </form>
  );
}
