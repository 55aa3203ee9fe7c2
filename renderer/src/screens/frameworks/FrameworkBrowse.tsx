import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRequest } from '../../data/use-request';
import { formatNumber } from '../../format';
import { href } from '../../router';
import { CriterionDetails } from './CriterionDetails';
import { EqavetPanel } from './EqavetPanel';
import { ExportButtons } from './ExportButtons';
import { criterionMatches, local, localLang } from './framework-text';
import './frameworks.css';

/** One stored version: its groups and criteria, with search in both languages and by id. */
export function FrameworkBrowse({ id }: { id: string }) {
  const { t } = useTranslation();
  const { value: loaded, error } = useRequest('frameworks:get', { id });
  const [search, setSearch] = useState('');
  const [groupId, setGroupId] = useState('');
  // A criterion asked for from the EQAVET panel: shown (filters cleared), then scrolled to and focused.
  const [goTo, setGoTo] = useState<string | null>(null);

  useEffect(() => {
    if (goTo === null) return;
    const heading = document.getElementById(`criterion-${goTo}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
    setGoTo(null);
  }, [goTo, search, groupId]);

  const groups = useMemo(() => {
    if (!loaded) return [];
    return loaded.framework.groups
      .filter((g) => groupId === '' || g.id === groupId)
      .map((g) => ({ group: g, criteria: g.criteria.filter((c) => criterionMatches(c, search)) }))
      .filter((g) => g.criteria.length > 0);
  }, [loaded, search, groupId]);

  if (!loaded) return error ? <ErrorBanner error={error} /> : <p aria-busy="true">{t('app.loading')}</p>;
  const { framework: fw, summary } = loaded;
  const total = summary.criteria;
  const shown = groups.reduce((n, g) => n + g.criteria.length, 0);
  const title = local(fw.title);

  return (
    <section aria-labelledby="framework-heading" className="framework-browse">
      <p>
        <a href={href({ name: 'frameworks' })}>← {t('frameworks.browse.back')}</a>
      </p>
      <div className="page-header">
        <div>
          <h1 id="framework-heading" lang={localLang(fw.title)}>
            {title}
          </h1>
          <p className="secondary">
            {t('frameworks.browse.meta', { version: fw.version, criteria: formatNumber(total), hash: summary.contentHash.slice(0, 12) })}
          </p>
        </div>
        <ExportButtons id={summary.id} title={title} version={fw.version} />
      </div>
      <p lang={localLang(fw.description)}>{local(fw.description)}</p>
      <p className="secondary" lang={localLang(fw.publisher)}>
        {t('frameworks.browse.publisher', { publisher: local(fw.publisher) })}
      </p>
      <EqavetPanel
        framework={fw}
        onGoTo={(criterionId) => {
          setSearch('');
          setGroupId('');
          setGoTo(criterionId);
        }}
      />

      <div className="toolbar" role="search">
        <div className="field">
          <label htmlFor="criterion-search">{t('frameworks.browse.search')}</label>
          <input
            id="criterion-search"
            type="search"
            value={search}
            placeholder={t('frameworks.browse.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="criterion-group">{t('frameworks.browse.group')}</label>
          <select id="criterion-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">{t('frameworks.browse.allGroups')}</option>
            {fw.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.id} · {local(g.title)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="secondary" aria-live="polite">
        {shown === 0 && search
          ? t('frameworks.browse.noMatches', { search })
          : t('frameworks.browse.count', { count: total, shown: formatNumber(shown), total: formatNumber(total) })}
      </p>

      {groups.map(({ group, criteria }) => (
        <section key={group.id} className="framework-group" aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>
            <span className="criterion__id">{group.id}</span> <span lang={localLang(group.title)}>{local(group.title)}</span>{' '}
            <span className="tag">
              {group.kind === 'core'
                ? t('frameworks.browse.core')
                : t('frameworks.browse.sectorModule', { sector: t(`sector.${group.sector}`) })}
            </span>
          </h2>
          <p lang={localLang(group.description)}>{local(group.description)}</p>
          {group.basis ? <p className="secondary">{t('frameworks.browse.groupBasis', { basis: group.basis })}</p> : null}
          {criteria.map((c) => (
            <CriterionDetails key={c.id} criterion={c} conditions={fw.conditions} evidenceTypes={fw.evidenceTypes} />
          ))}
        </section>
      ))}
    </section>
  );
}
