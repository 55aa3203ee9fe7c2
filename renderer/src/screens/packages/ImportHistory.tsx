import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../../../shared/exchange/schema';
import type { TFunction } from 'i18next';
import { formatDateTime, formatNumber } from '../../format';
import { counted, megabytes } from './messages';

const contentKeys = ['frameworks', 'institutions', 'programmes', 'assessments', 'evidenceFiles', 'reports', 'trustedRoots'] as const;

/**
 * The summary the services keep with each import, as JSON: what the package held (the counts of the
 * preview's contents) or what the import did ({"added":…}). Anything else is shown as the text it is.
 */
function summaryText(t: TFunction, summary: string): string {
  let value: unknown;
  try {
    value = JSON.parse(summary);
  } catch {
    return summary;
  }
  if (value === null || typeof value !== 'object') return summary;
  const v = value as Record<string, unknown>;
  const n = (k: string) => (typeof v[k] === 'number' ? v[k] : 0);
  if (['added', 'updated', 'unchanged'].some((k) => typeof v[k] === 'number')) {
    return t('exchange.folder.importedDetail', {
      added: formatNumber(n('added')),
      updated: formatNumber(n('updated')),
      unchanged: formatNumber(n('unchanged')),
    });
  }
  const parts = contentKeys
    .filter((k) => n(k) > 0)
    .map((k) => t(`exchange.preview.contents.${k}`, counted(n(k), { size: megabytes(n('evidenceBytes')) })));
  return parts.length > 0 ? parts.join(', ') : summary;
}

/** Packages imported on this computer, newest first. */
export function ImportHistory({ items }: { items: ImportRecord[] | null }) {
  const { t } = useTranslation();
  return (
    <section className="package-panel" aria-labelledby="package-history-heading">
      <h2 id="package-history-heading">{t('exchange.history.heading')}</h2>
      {items === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="secondary">{t('exchange.history.empty')}</p>
      ) : (
        <div className="package-table-scroll" role="region" aria-labelledby="package-history-heading" tabIndex={0}>
          <table className="table package-table" data-testid="package-history">
            <thead>
              <tr>
                <th scope="col">{t('exchange.history.colWhen')}</th>
                <th scope="col">{t('exchange.history.colFile')}</th>
                <th scope="col">{t('exchange.history.colKind')}</th>
                <th scope="col">{t('exchange.history.colSigner')}</th>
                <th scope="col">{t('exchange.history.colBy')}</th>
                <th scope="col">{t('exchange.history.colSummary')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={`${r.packageId}:${r.importedAt}`}>
                  <td>{formatDateTime(r.importedAt)}</td>
                  <td className="package-file-name">{r.fileName}</td>
                  <td>{t(`exchange.preview.kind.${r.kind}`)}</td>
                  <td>
                    {r.signerName}{' '}
                    <span className={`trust-tag trust-tag--${r.signerTrust}`}>{t(`exchange.trust.tag.${r.signerTrust}`)}</span>
                  </td>
                  <td>{r.importedBy}</td>
                  <td>{summaryText(t, r.summary)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
