import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRequest } from '../../data/use-request';
import { formatDateTime, formatNumber } from '../../format';
import { href } from '../../router';
import { CompareChooser } from './CompareChooser';
import { ExportButtons } from './ExportButtons';
import { addedBy, sourceLabel, titleOf } from './framework-text';
import { ImportPanel } from './ImportPanel';
import './frameworks.css';

/** The framework library: every stored version, import, export, and the way into browse and compare. */
export function FrameworkLibrary() {
  const { t } = useTranslation();
  const library = useRequest('frameworks:list', {});
  const items = library.value?.items ?? null;
  const { error } = library;

  return (
    <section aria-labelledby="frameworks-heading">
      <div className="page-header">
        <h1 id="frameworks-heading">{t('frameworks.title')}</h1>
      </div>
      <p className="secondary intro">{t('frameworks.intro')}</p>
      <ErrorBanner error={error} />
      <h2 id="framework-library-heading">{t('frameworks.library.heading')}</h2>
      {items === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('frameworks.library.empty')}</p>
      ) : (
        <table className="table" aria-labelledby="framework-library-heading">
          <thead>
            <tr>
              <th scope="col">{t('frameworks.library.colTitle')}</th>
              <th scope="col">{t('frameworks.library.colVersion')}</th>
              <th scope="col" className="numeric">
                {t('frameworks.library.colCriteria')}
              </th>
              <th scope="col">{t('frameworks.library.colHash')}</th>
              <th scope="col">{t('frameworks.library.colSource')}</th>
              <th scope="col">{t('frameworks.library.colImported')}</th>
              <th scope="col">{t('frameworks.library.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => {
              const title = titleOf(v);
              return (
                <tr key={v.id}>
                  <td>
                    <a
                      href={href({ name: 'framework', id: v.id })}
                      aria-label={t('frameworks.library.openVersion', { title, version: v.version })}
                    >
                      {title}
                    </a>
                    <span className="secondary framework-id"> {v.frameworkId}</span>
                  </td>
                  <td>{v.version}</td>
                  <td className="numeric">{formatNumber(v.criteria)}</td>
                  <td>
                    <code title={t('frameworks.library.hashHint')}>{v.contentHash.slice(0, 12)}</code>
                  </td>
                  <td>{sourceLabel(t, v.source)}</td>
                  <td>{t('frameworks.library.importedBy', { when: formatDateTime(v.importedAt), who: addedBy(t, v) })}</td>
                  <td>
                    <ExportButtons id={v.id} title={title} version={v.version} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ImportPanel onImported={() => void library.reload()} />
      {items !== null ? <CompareChooser items={items} /> : null}
    </section>
  );
}
