import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionSummary } from '../../../shared/institutions/schema';
import type { AppErrorData } from '../../../shared/ipc/result';
import { invoke } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import { href } from '../router';

type Sort = 'name' | 'district' | 'updated';

export function InstitutionsList() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [items, setItems] = useState<InstitutionSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    let current = true;
    // A short pause so typing a name does not query on every keystroke.
    const timer = setTimeout(() => {
      void invoke('institutions:list', { search, sort, includeArchived }).then((r) => {
        if (!current) return;
        if (r.ok) {
          setItems(r.value.items);
          setTotal(r.value.total);
          setError(null);
        } else setError(r.error);
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, sort, includeArchived]);

  const bn = currentLanguage() === 'bn';
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
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          {t('institutions.showArchived')}
        </label>
      </div>
      <ErrorBanner error={error} />
      {items === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : items.length === 0 ? (
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
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
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
                    {i.district}, {t(`division.${i.division}`)}
                  </td>
                  <td>{i.registrationNumber || t('common.none')}</td>
                  <td className="numeric">{formatNumber(i.programmeCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="secondary" aria-live="polite">
            {t('institutions.count', { count: total, shown: formatNumber(items.length), total: formatNumber(total) })}
          </p>
        </>
      )}
    </section>
  );
}
