import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { useDebounced } from '../data/use-debounced';
import { useRequest } from '../data/use-request';
import { formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import { listName } from '../../../shared/reference-lists';
import { href } from '../router';
import { byNextDue, DueCell, DueFilterField, matchesDue, useStandings, type DueFilter } from './accreditation/DueFilter';

// 'next-due' orders the listed institutions by their next inspection (accreditation/DueFilter.tsx).
type Sort = 'name' | 'district' | 'updated' | 'next-due';

export function InstitutionsList() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [due, setDue] = useState<DueFilter>('all');
  const standings = useStandings();

  // A short pause so typing a name does not query on every keystroke; the list stays while it reloads.
  const query = useDebounced({ search, sort: sort === 'next-due' ? ('name' as const) : sort, includeArchived }, 150);
  const listed = useRequest('institutions:list', query, undefined, { keepWhileLoading: true });
  const items = listed.value?.items ?? null;
  const total = listed.value?.total ?? 0;
  const { error } = listed;

  const bn = currentLanguage() === 'bn';
  const shown =
    items === null || standings === null
      ? items
      : items
          .filter((i) => matchesDue(due, standings.get(i.id)))
          .sort((a, b) => (sort === 'next-due' ? byNextDue(standings.get(a.id), standings.get(b.id)) : 0));
  return (
    <section aria-labelledby="institutions-heading">
      <div className="page-header">
        <h1 id="institutions-heading">{t('institutions.title')}</h1>
        <a className="button button--primary" href={href({ name: 'institution-new' })}>
          {t('institutions.new')}
        </a>
      </div>
      <div className="toolbar" role="search">
        <div className="field">
          <label htmlFor="institution-search">{t('institutions.search')}</label>
          <input
            id="institution-search"
            type="search"
            value={search}
            placeholder={t('institutions.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="institution-sort">{t('institutions.sortBy')}</label>
          <select id="institution-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="name">{t('institutions.sortName')}</option>
            <option value="district">{t('institutions.sortDistrict')}</option>
            <option value="updated">{t('institutions.sortUpdated')}</option>
            <option value="next-due">{t('accreditation.column')}</option>
          </select>
        </div>
        <DueFilterField value={due} onChange={setDue} />
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          {t('institutions.showArchived')}
        </label>
      </div>
      <ErrorBanner error={error} />
      {shown === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : shown.length === 0 && due !== 'all' && items !== null && items.length > 0 ? (
        <p className="empty">{t('accreditation.filter.none', { filter: t(`accreditation.filter.${due}`) })}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{search ? t('institutions.noMatches', { search }) : t('institutions.empty')}</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('institutions.colName')}</th>
                <th scope="col">{t('institutions.colType')}</th>
                <th scope="col">{t('institutions.colLocation')}</th>
                <th scope="col">{t('institutions.colRegistration')}</th>
                <th scope="col" className="numeric">
                  {t('institutions.colProgrammes')}
                </th>
                <th scope="col">{t('accreditation.column')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={href({ name: 'institution', id: i.id })}>{bn && i.nameBn ? i.nameBn : i.nameEn}</a>
                    {bn && i.nameBn ? null : i.nameBn ? (
                      <span className="secondary" lang="bn">
                        {' '}
                        · {i.nameBn}
                      </span>
                    ) : null}
                    {i.archived ? <span className="tag"> {t('common.archived')}</span> : null}
                  </td>
                  <td>{t(`institutionType.${i.type}`)}</td>
                  <td>
                    {listName('district', i.district, currentLanguage())}, {t(`division.${i.division}`)}
                  </td>
                  <td>{i.registrationNumber || t('common.none')}</td>
                  <td className="numeric">{formatNumber(i.programmeCount)}</td>
                  <td>
                    <DueCell cycle={standings?.get(i.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="secondary" aria-live="polite">
            {t('institutions.count', { count: total, shown: formatNumber(shown.length), total: formatNumber(total) })}
          </p>
        </>
      )}
    </section>
  );
}
